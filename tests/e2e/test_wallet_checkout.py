"""A known customer pays with "Wallet balance", no redirect — only through a checkout session the merchant's
server created for them; the bare product page never shows anyone's wallet, whatever its URL says."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api
from tests.e2e.test_portal import serious_violations
from tests.ledger.wallet.test_wallet import top_up

pytestmark = pytest.mark.e2e


def test_a_session_customer_pays_with_the_wallet_balance(
    page: Page, app, client, merchant, live_server, sandbox, worker, catalog
):
    api = Api(client, merchant.secret_key)
    top_up(api, sandbox, worker, 5000, customer="cus_shopper")
    # The merchant's server opens a session for its signed-in customer and sends the shopper to its url.
    session = api.post(
        "/checkout_sessions",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_shopper", "email": "ada@example.test"},
            "success_url": "https://shop.example/thanks?session={CHECKOUT_SESSION_ID}",
            "cancel_url": "https://shop.example/cart",
        },
    ).json

    page.goto(session["url"])
    expect(page.get_by_text("ada@example.test")).to_be_visible()
    expect(page.get_by_role("link", name="Back to Acme Games")).to_have_attribute("href", "https://shop.example/cart")
    wallet = page.get_by_role("radio", name="Wallet balance")
    expect(wallet).to_be_visible()
    expect(page.get_by_text("$50.00 available")).to_be_visible()
    assert serious_violations(page) == []
    wallet.check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$9.99")
    expect(page.get_by_role("link", name="Continue to Acme Games")).to_have_attribute(
        "href", f"https://shop.example/thanks?session={session['id']}"
    )
    worker()
    assert api.get("/customers/cus_shopper/balance").json["available"] == [{"amount": 4001, "currency": "usd"}]
    assert api.get(f"/checkout_sessions/{session['id']}").json["status"] == "complete"


def test_the_product_page_never_shows_a_wallet_named_in_its_url(
    page: Page, client, merchant, live_server, sandbox, worker, catalog
):
    top_up(Api(client, merchant.secret_key), sandbox, worker, 5000, customer="cus_shopper")
    page.goto(f"{live_server}/checkout/{catalog['product']}?customer=cus_shopper")
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("radio", name="Wallet balance")).to_have_count(0)
    expect(page.get_by_text("$50.00")).to_have_count(0)
