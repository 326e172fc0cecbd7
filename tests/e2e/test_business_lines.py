"""A merchant adds a business line, puts a product in it, and finds that line's order in the portal, in a browser."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api

pytestmark = pytest.mark.e2e


def test_a_line_its_product_and_its_order_in_the_portal(page: Page, app, client, merchant, catalog, live_server):
    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()

    page.goto(f"{live_server}/portal/settings")
    page.get_by_role("link", name="Business lines").click()
    expect(page.get_by_text("No business lines yet.")).to_be_visible()
    page.get_by_label("Code").fill("games")
    page.get_by_label("Name").fill("Games")
    page.get_by_role("button", name="Add business line").click()
    expect(page.get_by_text("Added the business line Games (games).")).to_be_visible()

    page.goto(f"{live_server}/portal/products/new")
    page.get_by_label("Name", exact=True).fill("Dragon saga")
    page.get_by_label("Business line").select_option(label="Games (games)")
    page.get_by_label("Price", exact=True).fill("20.00")
    page.get_by_role("button", name="Create product").click()
    expect(page.get_by_text(re.compile("Product “Dragon saga” created"))).to_be_visible()
    expect(page.get_by_label("Business line")).to_have_value(re.compile("^bl_"))

    api = Api(client, merchant.secret_key)
    product = page.url.rsplit("/", 1)[1]
    sku = api.get(f"/products/{product}").get_json()["skus"][0]["id"]
    body = {"customer": {"id": "cus_e2e"}, "agreement_accepted": True}
    in_line = api.post("/orders", json={"items": [{"sku": sku, "quantity": 1}], **body}).get_json()
    plain = api.post("/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], **body}).get_json()

    page.goto(f"{live_server}/portal/orders")
    orders = page.get_by_role("table")
    expect(orders.get_by_role("row", name=re.compile(in_line["id"]))).to_contain_text("Games")
    page.get_by_label("Business line").select_option(label="Games (games)")
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_role("link", name=in_line["id"])).to_be_visible()
    expect(page.get_by_role("link", name=plain["id"])).to_have_count(0)

    page.get_by_role("link", name=in_line["id"]).click()
    expect(page.get_by_text("Business line")).to_be_visible()
    expect(page.locator("dd", has_text="Games")).to_be_visible()
