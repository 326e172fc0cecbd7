"""A shopper pays through the hosted htmx panel and the sandbox provider's page."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def count_orders(app) -> int:
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        return db.session.query(Order).count()


def open_checkout(page: Page, live_server: str, catalog: dict) -> None:
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.get_by_role("heading", name="Pro membership")).to_be_visible()
    expect(page.get_by_text("Every level unlocked.")).to_be_visible()
    expect(page.get_by_role("img", name="Pro membership")).to_be_visible()


def test_shopper_pays_end_to_end(page: Page, app, live_server, sandbox, catalog):
    open_checkout(page, live_server, catalog)
    page.get_by_role("radio", name="30 days").check()
    expect(page.get_by_test_id("total")).to_have_text("$9.99")

    page.get_by_label("Quantity").fill("3")
    expect(page.get_by_test_id("total")).to_have_text("$29.97")  # re-priced in place by htmx

    page.get_by_role("radio", name="Card (sandbox)").check()
    agree = page.get_by_role("checkbox", name=re.compile("agree"))
    expect(page.get_by_role("link", name="terms of purchase")).to_have_attribute("href", re.compile("/checkout/terms/"))
    agree.check()
    page.get_by_role("button", name="Pay").click()

    # The sandbox provider's own page, on its own origin.
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.get_by_text("29.97")).to_be_visible()
    page.get_by_role("button", name="Approve").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.get_by_text("3 × Pro membership — 30 days")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$29.97")


def test_declined_payment_shows_failure_and_can_be_retried(page: Page, app, live_server, sandbox, catalog):
    open_checkout(page, live_server, catalog)
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Decline").click()

    expect(page.get_by_role("heading", name="Payment failed")).to_be_visible()
    expect(page.get_by_text("No money was taken")).to_be_visible()
    page.get_by_role("button", name="Try again").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    assert count_orders(app) == 1  # the retry paid the same order


def test_pay_without_the_agreement_shows_an_inline_error_and_creates_nothing(
    page: Page, app, live_server, sandbox, catalog
):
    open_checkout(page, live_server, catalog)
    page.get_by_label("Quantity").fill("2")
    # As the shopper sees it before pressing Pay: the new total moves the button down (a click aimed while the
    # summary grew landed beside it once, on a busy machine).
    expect(page.get_by_test_id("total")).to_have_text("$19.98")
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_text("Please accept the terms to continue.")).to_be_visible()
    expect(page.get_by_role("checkbox", name=re.compile("agree"))).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Quantity")).to_have_value("2")  # nothing the shopper typed is lost
    assert page.url.startswith(f"{live_server}/checkout/")
    assert count_orders(app) == 0


def test_a_bad_quantity_is_explained_in_place(page: Page, live_server, sandbox, catalog):
    open_checkout(page, live_server, catalog)
    page.get_by_label("Quantity").fill("0")
    expect(page.get_by_text("Enter a whole number from 1 to 99.")).to_be_visible()
