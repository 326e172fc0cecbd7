"""Headless channel choice (issue #56): an empty ``[data-kassa-channels]`` is filled by the SDK with the channels
Kassa offers for the basket, in the merchant's priority, with their names and icons, and the chosen one's agreement
text in ``[data-kassa-agreement-text]``; the shopper pays with the channel they picked."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import test_sdk
from tests.e2e.test_sdk import _client_script

pytestmark = pytest.mark.e2e
shop = test_sdk.shop


def _page(shop, live_server, merchant, catalog, *, locale: str = "en") -> str:
    return shop.page(
        f"channels-{locale}.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" data-kassa-locale="{locale}" novalidate>
  <p>Total: <span data-kassa-total></span></p>
  <fieldset data-kassa-channels><legend>Pay with</legend></fieldset>
  <p data-kassa-agreement-text></p>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p><p data-kassa-error="form"></p>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + "<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');</script>",
    )


def _channel_settings(portal, code: str, **fields) -> None:
    form = {"enabled": "y", "priority": "10", "display_name": "", "icon": "", "agreement_text": "", **fields}
    saved = portal.post(f"/portal/channels/{code}", form)
    assert saved.status_code in (200, 302), saved.get_data(as_text=True)[:500]


def test_the_components_draw_the_merchants_channels_in_priority_order_and_pay_with_the_chosen_one(
    page: Page, live_server, sandbox, shop, merchant, catalog, portal
):
    _channel_settings(portal, "sandbox_qr", priority="1", display_name="Scan & pay", agreement_text="QR terms apply.")
    _channel_settings(portal, "sandbox_card", priority="2", agreement_text="You agree to pay by card.")
    page.goto(_page(shop, live_server, merchant, catalog))
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")

    channels = form.get_by_role("group", name="Pay with").get_by_role("radio")
    expect(channels).to_have_count(2)
    names = form.locator("[data-kassa-channel-option]")
    expect(names.nth(0)).to_have_text(re.compile("Scan & pay"))  # the merchant's first choice, by its name
    expect(names.nth(1)).to_have_text(re.compile("Card \\(sandbox\\)"))
    expect(form.get_by_role("radio", name="Scan & pay")).to_be_checked()
    expect(form.locator("[data-kassa-agreement-text]")).to_have_text("QR terms apply.")
    assert form.locator("[data-kassa-icon=qr]").count() == 1  # an icon the page may style

    form.get_by_role("radio", name="Card (sandbox)").check()
    expect(form.locator("[data-kassa-agreement-text]")).to_have_text("You agree to pay by card.")

    # The merchant puts the card first: a new page shows it first.
    _channel_settings(portal, "sandbox_card", priority="0", agreement_text="You agree to pay by card.")
    page.reload()
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(form.locator("[data-kassa-channel-option]").nth(0)).to_have_text(re.compile("Card \\(sandbox\\)"))
    expect(form.get_by_role("radio", name="Card (sandbox)")).to_be_checked()

    # Paying with the chosen channel: QR, approved at the sandbox.
    form.get_by_role("radio", name="Scan & pay").check()
    form.get_by_role("checkbox", name="I agree").check()
    with page.expect_response(re.compile(r"/api/v1/orders$")) as paid:  # made and paying at once
        form.get_by_role("button", name="Buy now").click()
    payment = paid.value.json()["payment"]
    assert payment, paid.value.json()["payment_error"]
    assert payment["channel"] == "sandbox_qr"
    sandbox.simulate(payment["provider_reference"], "succeeded")
    expect(form).to_have_attribute("data-kassa-state", "paid", timeout=15_000)


def test_channel_names_come_in_the_checkouts_language(page: Page, live_server, shop, merchant, catalog):
    page.goto(_page(shop, live_server, merchant, catalog, locale="de"))
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(form.locator("[data-kassa-channel-option]").first).to_have_text(re.compile("Karte"))
    assert form.locator("[data-kassa-agreement-text]").get_attribute("hidden") == ""  # no terms: no empty box


def test_radios_the_merchant_wrote_are_left_alone(page: Page, live_server, shop, merchant, catalog):
    url = shop.page(
        "own-radios.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_card"> Card only</label></fieldset>
  <button data-kassa-pay>Buy now</button>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + "<script>kassa.components.checkout('[data-kassa-checkout]');</script>",
    )
    page.goto(url)
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(form.get_by_role("radio")).to_have_count(1)
    expect(form.locator("[data-kassa-channel-option]")).to_have_count(0)
