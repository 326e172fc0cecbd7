"""The embedded panel's order status shows what the shopper paid for as the hosted order page does: with a coupon,
its discount line. It listed the items at full price and a smaller total with nothing between them
("2 × Pro membership — 30 days $19.98", "Total $15.99"), so the sums on the success panel did not add up."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_qr_dialog import _embedded
from tests.e2e.test_sdk import shop  # noqa: F401 (the shop fixture)

pytestmark = pytest.mark.e2e


def test_the_embedded_order_status_shows_the_coupons_discount(
    page: Page, app, live_server, sandbox, shop, merchant, catalog
):  # noqa: F811
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(
            merchant.id, {"code": "SPRING20", "kind": "percent_off", "percent_bps": 2000, "description": "Spring sale"}
        )
    panel = _embedded(page, shop, live_server, merchant, catalog)
    panel.get_by_label("Quantity").fill("2")
    expect(panel.get_by_test_id("total")).to_have_text("$19.98")
    panel.get_by_label("Coupon code").fill("spring20")
    expect(panel.get_by_test_id("total")).to_have_text("$15.99")
    panel.get_by_role("radio", name="Card (sandbox)").check()
    panel.get_by_role("checkbox", name=re.compile("agree")).check()
    panel.get_by_role("button", name="Pay $15.99").click()
    page.get_by_role("button", name="Approve").click()  # the provider's page, in the whole window
    expect(panel.get_by_text("Payment successful")).to_be_visible()

    summary = panel.locator("#status .summary")
    expect(summary.locator(".row")).to_have_text(
        [
            re.compile(r"2 × Pro membership — 30 days\s*\$19\.98"),
            re.compile(r"SPRING20 — Spring sale\s*−\$3\.99"),
            re.compile(r"Total\s*\$15\.99"),
            re.compile(r"Payment method\s*Card \(sandbox\)"),
        ]
    )
