"""Issue #53: a checkout session's shopper saves their card and pays the next session with it in one press, on the
hosted checkout and in the SDK's panel; a page that names the customer without a session never sees it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api
from tests.e2e.test_portal import serious_violations, sign_in
from tests.e2e.test_sdk import _client_script, shop  # noqa: F401  (the shop fixture serves the merchant's page)

pytestmark = pytest.mark.e2e

CUSTOMER = "cus_one_press"


def _session(api: Api, catalog: dict, customer: str = CUSTOMER) -> dict:
    return api.post(
        "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": customer}}
    ).json


def _save_a_card(page: Page, api: Api, catalog: dict, worker) -> None:
    """The first purchase: the shopper ticks "Save this card for next time" and approves at the provider."""
    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name="Save this card for next time").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    worker()
    assert [m["card"]["last4"] for m in api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]] == ["4242"]


def test_a_saved_card_pays_the_next_hosted_checkout_in_one_press(
    page: Page, client, merchant, live_server, sandbox, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_card(page, api, catalog, worker)

    second = _session(api, catalog)
    page.goto(second["url"])
    saved = page.get_by_role("radio", name="Saved card: Visa ending in 4242")
    expect(saved).to_be_checked()  # offered first, and chosen
    assert serious_violations(page) == []
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    # No provider page: straight to the outcome.
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_text("Payment successful")).to_be_visible()

    # Removed through the API: the next session no longer offers it.
    method = api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"][0]
    assert api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}").status_code == 200
    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)


def test_the_product_page_naming_the_customer_never_offers_their_saved_card(
    page: Page, client, merchant, live_server, sandbox, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_card(page, api, catalog, worker)
    page.goto(f"{live_server}/checkout/{catalog['product']}?customer={CUSTOMER}")
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)
    expect(page.get_by_role("checkbox", name="Save this card for next time")).to_have_count(0)


def test_the_sdk_panel_of_a_session_offers_the_saved_card_and_pays_in_one_press(
    page: Page,
    client,
    merchant,
    live_server,
    sandbox,
    worker,
    catalog,
    shop,  # noqa: F811
):
    api = Api(client, merchant.secret_key)
    _save_a_card(page, api, catalog, worker)
    session = _session(api, catalog)
    url = shop.page(
        "saved_card.html",
        "<div id='checkout'></div>"
        + _client_script(live_server, merchant.publishable_key)
        + f"""<script>window.panelEvents = [];
  const panel = kassa.mountPanel('#checkout', {{ session: '{session["client_secret"]}' }});
  panel.on('paid', () => window.panelEvents.push('paid'));</script>""",
    )
    page.goto(url)
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("radio", name="Saved card: Visa ending in 4242")).to_be_checked()
    frame.get_by_role("checkbox", name=re.compile("agree")).check()
    frame.get_by_role("button", name="Pay").click()
    expect(frame.get_by_text("Payment successful")).to_be_visible()
    page.wait_for_function("window.panelEvents.includes('paid')")


def _saved(api: Api) -> list:
    return api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]


def test_the_merchant_removes_a_saved_card_in_the_portal_after_confirming(
    page: Page, client, merchant, live_server, sandbox, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_card(page, api, catalog, worker)
    sign_in(page, merchant.email, merchant.password)
    page.goto(f"{live_server}/portal/customers/{CUSTOMER}")
    cards = page.get_by_role("region", name="Saved cards")
    expect(cards.get_by_role("cell", name="Visa ending in 4242", exact=True)).to_be_visible()
    cards.get_by_role("link", name="Remove Visa ending in 4242").click()
    expect(page.get_by_role("heading", name="Remove Visa ending in 4242?")).to_be_visible()
    assert _saved(api) != []  # nothing changes before the confirmation
    page.get_by_role("button", name="Remove card").click()
    expect(page.get_by_text("Removed the saved Visa ending in 4242.")).to_be_visible()
    expect(page.get_by_role("region", name="Saved cards").get_by_text("No saved cards.")).to_be_visible()
    assert _saved(api) == []


def test_the_shopper_removes_their_saved_card_on_the_billing_page(
    page: Page, client, merchant, live_server, sandbox, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_card(page, api, catalog, worker)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(api.post(f"/customers/{CUSTOMER}/billing_links").json["url"])
    page.get_by_role("link", name="Remove Visa ending in 4242").click()
    expect(page.get_by_role("heading", name="Remove Visa ending in 4242?")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.get_by_role("status")).to_have_text("Your saved card was removed.")
    expect(page.get_by_role("link", name=re.compile("Remove Visa"))).to_have_count(0)
    assert _saved(api) == []
    # The next checkout session no longer offers it.
    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)
