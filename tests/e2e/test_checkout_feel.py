"""The hosted checkout feels finished: Pay names the amount and follows the quantity, says it is working
while it works, a refused Pay puts focus on what to fix, test mode is marked, and a product with
nothing on sale shows that instead of a Pay button."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_pay_names_the_total_and_follows_the_quantity(page: Page, live_server, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.get_by_role("button", name="Pay $9.99")).to_be_visible()
    page.get_by_label("Quantity").fill("3")
    expect(page.get_by_role("button", name="Pay $29.97")).to_be_visible()
    expect(page.get_by_test_id("total")).to_have_text("$29.97")


def test_pay_says_it_is_working_while_the_payment_starts(page: Page, live_server, sandbox, catalog):
    def slow(route):
        time.sleep(1.5)  # a slow network: the shopper must see that something is happening
        route.continue_()

    page.route(re.compile(r"/checkout/[^/]+/pay$"), slow)
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay $9.99").click()
    busy = page.get_by_role("button", name="Processing…")
    expect(busy).to_be_visible()
    expect(busy).to_be_disabled()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()  # the provider's page, then


def test_a_refused_pay_moves_focus_to_what_needs_fixing(page: Page, live_server, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("button", name="Pay").click()  # without agreeing to the terms
    agree = page.get_by_role("checkbox", name=re.compile("agree"))
    expect(agree).to_have_attribute("aria-invalid", "true")
    expect(agree).to_be_focused()


def test_test_mode_is_marked_on_the_hosted_checkout(page: Page, live_server, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.get_by_role("note").filter(has_text="Test mode")).to_be_visible()


def test_a_product_with_nothing_on_sale_is_not_offered(page: Page, live_server, api):
    created = api.post("/products", json={"name": "Coming soon", "description": "Not priced yet"})
    assert created.status_code == 201, created.json
    page.goto(f"{live_server}/checkout/{created.json['id']}")
    expect(page.get_by_text("This product is not available right now.")).to_be_visible()
    expect(page.get_by_role("button", name="Pay")).to_have_count(0)
    expect(page.get_by_label("Quantity")).to_have_count(0)


def test_a_late_answer_for_an_older_quote_never_replaces_the_newer_total(
    page: Page, app, merchant, live_server, catalog, monkeypatch
):
    """The shopper sets 2, then types a coupon. Leaving the quantity asks for a quote without the coupon, and on a
    slow network its answer may come after the coupon's: the total and Pay must show the coupon's price, not go
    back to the older $19.98 (Pay would name an amount the shopper is not charged)."""
    from flask import request

    from app.catalog.coupons import create_coupon
    from app.web.checkout import views

    with app.app_context():
        create_coupon(merchant.id, {"code": "SPRING20", "kind": "percent_off", "percent_bps": 2000})
    requote = views._requote

    def slow_without_the_coupon(sale):
        if request.form.get("quantity") == "2" and not request.form.get("coupon"):
            time.sleep(1.5)  # the older quote's answer comes last
        return requote(sale)

    monkeypatch.setattr(views, "_requote", slow_without_the_coupon)
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_label("Quantity").fill("2")
    page.get_by_label("Coupon code").fill("spring20")  # the quantity's change: the quote without the coupon
    expect(page.get_by_test_id("total")).to_have_text("$15.99")
    page.wait_for_timeout(2500)  # past the slow answer
    expect(page.get_by_test_id("total")).to_have_text("$15.99")
    expect(page.get_by_role("button", name=re.compile("^Pay"))).to_have_text(re.compile(r"\$15\.99"))


def test_a_new_quote_never_cancels_a_pay_already_on_its_way(page: Page, live_server, sandbox, catalog):
    """The shopper clicks Pay and, while it is on its way, touches the quantity. The re-price must not cancel the
    Pay: the server may already be starting the payment, and a panel that forgot it invites a second order."""
    held = []
    page.route(re.compile(r"/checkout/[^/]+/pay$"), lambda route: held.append(route))
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay $9.99").click()
    for _ in range(50):  # bounded: the Pay request reaches the route within a few polls
        if held:
            break
        page.wait_for_timeout(100)
    assert held, "Pay sent no request"
    page.get_by_label("Quantity").fill("3")
    expect(page.get_by_test_id("total")).to_have_text("$29.97")  # the re-price was answered meanwhile
    held[0].continue_()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()  # the provider's page: the Pay went on
