"""A merchant puts the QR code first for its games line in the portal; a shopper of a games product sees the line's
channels in the line's order on the hosted checkout (the merchant's other products keep the merchant's) and pays, in
a browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api

pytestmark = pytest.mark.e2e


def test_a_line_products_hosted_checkout_shows_the_lines_channels_in_its_order(
    page: Page, app, client, merchant, catalog, live_server, sandbox
):
    api = Api(client, merchant.secret_key)
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    product = api.post(
        "/products",
        json={
            "name": "Dragon saga",
            "business_line": "games",
            "skus": [{"name": "Chapter one", "price": {"amount": 1500, "currency": "usd"}}],
        },
    ).get_json()

    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/portal/settings/business_lines")
    page.get_by_role("link", name="Channels of games").click()
    expect(page.get_by_role("heading", name=re.compile("Channels of the business line Games"))).to_be_visible()
    page.get_by_label("Use the merchant's setting for QR code (sandbox)").uncheck()
    page.get_by_label("Priority of QR code (sandbox) in this line").fill("1")
    page.get_by_role("button", name="Save the line's channels").click()
    expect(page.get_by_text("Saved the channels of the business line Games.")).to_be_visible()
    assert api.get(f"/business_lines/{line['id']}/channels").get_json()["data"][0]["code"] == "sandbox_qr"

    channels = page.locator("fieldset.channels label.channel")
    page.goto(f"{live_server}/checkout/{catalog['product']}")  # the merchant's own product: the merchant's order
    expect(channels).to_contain_text(["Card (sandbox)", "QR code (sandbox)"])

    page.goto(f"{live_server}/checkout/{product['id']}")
    expect(page.get_by_role("heading", name="Dragon saga")).to_be_visible()
    expect(channels).to_contain_text(["QR code (sandbox)", "Card (sandbox)"])
    expect(page.get_by_role("radio", name="QR code (sandbox)")).to_be_checked()  # the line's first is chosen

    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
