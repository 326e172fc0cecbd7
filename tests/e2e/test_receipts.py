"""A shopper gives an email for the receipt on the hosted checkout, pays, and finds on the success page what they
bought, how they paid, the order id, a printable receipt, and (through a checkout session) the way back."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import serious_violations

pytestmark = pytest.mark.e2e


def test_the_email_is_checked_in_place_and_the_success_page_links_the_receipt(
    page: Page, app, merchant, live_server, sandbox, catalog
):
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(
            merchant.id, {"code": "SPRING20", "kind": "percent_off", "percent_bps": 2000, "description": "Spring sale"}
        )
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="30 days").check()
    page.get_by_label("Quantity").fill("2")
    page.get_by_label("Coupon code").fill("spring20")
    expect(page.get_by_test_id("total")).to_have_text("$15.99")
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()

    email = page.get_by_label("Email for your receipt")
    email.fill("shopper@example")
    page.get_by_role("button", name="Pay").click()
    expect(page.locator("#email-error")).to_have_text(
        "Enter an email address like name@example.com, or leave it empty."
    )
    email = page.get_by_label("Email for your receipt")
    expect(email).to_have_attribute("aria-invalid", "true")
    expect(email).to_have_value("shopper@example")  # what the shopper typed stays, to be fixed
    expect(page.get_by_label("Coupon code")).to_have_value("spring20")

    assert serious_violations(page) == []  # the field and its message are announced properly
    email.fill("shopper@example.test")
    page.get_by_role("button", name="Pay").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    page.get_by_role("button", name="Approve").click()

    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect(page.get_by_text("2 × Pro membership — 30 days")).to_be_visible()
    expect(page.get_by_text("SPRING20 — Spring sale")).to_be_visible()
    expect(page.locator(".row.discount")).to_contain_text("−$3.99")
    expect(page.locator(".row.total")).to_contain_text("$15.99")
    expect(page.get_by_test_id("payment-method")).to_have_text("Card (sandbox)")
    order_id = re.search(r"/checkout/orders/([^/?]+)", page.url).group(1)
    expect(page.get_by_text(order_id)).to_be_visible()

    with page.expect_popup() as opened:
        page.get_by_role("link", name="View or print your receipt").click()
    receipt = opened.value
    expect(receipt.get_by_role("heading", name="Receipt from Acme Games")).to_be_visible()
    lines = receipt.get_by_role("table", name="What you bought")
    expect(lines).to_contain_text("Pro membership — 30 days")
    expect(lines).to_contain_text("Discount: SPRING20 — Spring sale")
    expect(lines.locator("tr.total")).to_contain_text("$15.99")
    expect(receipt.get_by_text("Card (sandbox)")).to_be_visible()
    expect(receipt.get_by_text("shopper@example.test")).to_be_visible()
    expect(receipt.get_by_role("button", name="Print this receipt")).to_be_visible()
    assert serious_violations(receipt) == []

    # The same address without the order's client secret shows nothing of it.
    response = receipt.goto(receipt.url.split("?")[0])
    assert response.status == 404
    expect(receipt.get_by_text("Pro membership")).to_have_count(0)


def test_a_checkout_session_prefills_the_email_and_leads_back_to_the_merchant(
    page: Page, app, api, live_server, sandbox, catalog
):
    created = api.post(
        "/checkout_sessions",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_known", "email": "known@example.test"},
            "success_url": "https://shop.example/thanks?s={CHECKOUT_SESSION_ID}",
        },
    ).json
    page.goto(created["url"])
    expect(page.get_by_label("Email for your receipt")).to_have_value("known@example.test")
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Approve").click()

    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect(page.get_by_role("link", name="View or print your receipt")).to_be_visible()
    expect(page.get_by_role("link", name="Continue to Acme Games")).to_have_attribute(
        "href", f"https://shop.example/thanks?s={created['id']}"
    )
