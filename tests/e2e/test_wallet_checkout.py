"""A shopper with a topped-up balance pays with "Wallet balance" in the hosted panel, no redirect."""
import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api
from tests.integration.test_wallet import top_up

pytestmark = pytest.mark.e2e


def test_shopper_pays_with_the_wallet_balance(page: Page, app, client, merchant, live_server, sandbox, worker,
                                              catalog):
    api = Api(client, merchant.secret_key)
    top_up(api, sandbox, worker, 5000, customer="cus_shopper")

    page.goto(f"{live_server}/checkout/{catalog['product']}?customer=cus_shopper")
    wallet = page.get_by_role("radio", name="Wallet balance")
    expect(wallet).to_be_visible()
    expect(page.get_by_text("$50.00 available")).to_be_visible()
    wallet.check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$9.99")
    worker()
    assert api.get("/customers/cus_shopper/balance").json["available"] == [{"amount": 4001, "currency": "usd"}]


def test_the_wallet_is_not_offered_to_a_shopper_without_balance(page: Page, live_server, sandbox, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}?customer=cus_empty")
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("radio", name="Wallet balance")).to_have_count(0)
