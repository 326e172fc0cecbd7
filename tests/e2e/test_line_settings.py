"""A merchant names a business line for its shoppers in the portal, and the shopper sees that name at the head of
the line's checkout, in a browser (issue #56)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api

pytestmark = pytest.mark.e2e


def test_a_lines_display_name_heads_its_checkout(page: Page, app, client, merchant, catalog, live_server):
    api = Api(client, merchant.secret_key)
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    body = {
        "name": "Dragon saga",
        "business_line": "games",
        "skus": [{"name": "One", "price": {"amount": 500, "currency": "usd"}}],
    }
    product = api.post("/products", json=body).get_json()["id"]

    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/portal/settings/business_lines")
    page.get_by_role("link", name="Settings of games").click()
    page.get_by_label("Name shoppers see").fill("Acme Arcade")
    page.get_by_label("Fulfilled orders complete after (minutes)").fill("60")
    page.get_by_role("button", name="Save line settings").click()
    expect(page.get_by_text("Saved the settings of the business line Games.")).to_be_visible()
    expect(page.get_by_text("Shoppers see Acme Arcade")).to_be_visible()

    page.goto(f"{live_server}/checkout/{product}")
    expect(page.get_by_role("heading", name="Dragon saga")).to_be_visible()
    expect(page.locator(".merchant-name")).to_have_text("Acme Arcade")
    expect(page).to_have_title(re.compile("Dragon saga — Acme Arcade$"))
    page.goto(f"{live_server}/checkout/{catalog['product']}")  # a product of no line: the merchant's own name
    expect(page.locator(".merchant-name")).to_have_text("Acme Games")
