"""A shopper pays by QR code: the panel shows the code, a phone approves, the panel sees it by itself."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_shopper_pays_by_scanning_the_qr_code(page: Page, live_server, sandbox, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="QR code (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()

    qr = page.get_by_role("img", name="QR code to pay")
    expect(qr).to_be_visible()
    expect(qr).to_have_attribute("src", re.compile(r"^data:image/svg\+xml;base64,"))
    link = page.get_by_role("link", name="open the payment page")
    payment_url = link.get_attribute("href")
    assert payment_url.startswith(f"{sandbox.url}/sandbox/pay/")

    phone = page.context.new_page()  # the shopper's phone, which scanned the code
    phone.goto(payment_url)
    expect(phone.get_by_text("9.99")).to_be_visible()
    phone.get_by_role("button", name="Approve").click()

    # The checkout page was never touched: it polls and turns to success by itself.
    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to pay")).to_have_count(0)
