"""After a shopper paid in the hosted panel, a refund made by the merchant shows on the order page."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_the_hosted_order_page_shows_partial_and_full_refunds(page: Page, api, live_server, sandbox, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    order_id = page.url.split("/checkout/orders/")[1].split("?")[0]

    assert api.post(f"/orders/{order_id}/refunds", json={"amount": 300}).json["refund"]["status"] == "succeeded"
    page.reload()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.get_by_text("Refunded $3.00")).to_be_visible()

    assert api.post(f"/orders/{order_id}/refunds", json={}).status_code == 201
    page.reload()
    expect(page.get_by_role("heading", name="Order refunded")).to_be_visible()
    expect(page.get_by_text("Refunded $9.99")).to_be_visible()
