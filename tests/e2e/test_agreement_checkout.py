"""A German shopper reads the card's agreement in German with the purchase filled in, and the order keeps exactly
that text (issue #56, agreement templates)."""

import re

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.e2e

NBSP = "\u00a0"


@pytest.fixture
def german_page(browser: Browser):
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_the_german_checkout_shows_the_filled_in_agreement_and_the_order_keeps_it(
    german_page, live_server, sandbox, catalog, portal, api
):
    saved = portal.post(
        "/portal/channels/sandbox_card",
        {
            "enabled": "y",
            "priority": "1",
            "agreement_text": "I pay {amount} to {merchant}.",
            "agreement_text_de": "Ich zahle {amount} an {merchant} für {product}.",
        },
    )
    assert saved.status_code == 302
    page = german_page
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="30 days").check()
    page.get_by_role("radio", name="Karte (Sandbox)").check()
    shown = f"Ich zahle 9,99{NBSP}$ an Acme Games für Pro membership — 30 days."
    expect(page.get_by_text(shown)).to_be_visible()

    page.get_by_role("checkbox", name=re.compile("Kaufbedingungen")).check()
    page.get_by_role("button", name="bezahlen").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    order_id = re.search(r"ord_[0-9a-z]+", api.get("/orders").json["data"][0]["id"]).group(0)
    accepted = api.get(f"/orders/{order_id}").json["agreement"]
    assert (accepted["language"], accepted["text"]) == ("de", shown)
