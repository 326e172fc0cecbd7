"""A single-page app unmounts the SDK's components: after destroy() nothing of them keeps running (no status
stream, no polling, no QR code) and the merchant's markup is as it was; a panel Kassa refuses to show says why."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_sdk import _client_script, _requests_to, shop  # noqa: F401  (fixture)
from tests.web.embed.test_sdk_server import live_pk  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

FORM = """<form data-kassa-checkout data-kassa-product="{product}" novalidate>
  <h2 data-kassa-product-name>Our product</h2>
  <p>Total <span data-kassa-total>—</span></p>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr"> QR</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <p data-kassa-error="agreement"></p>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
</form>"""


def test_a_destroyed_checkout_stops_polling_closes_its_qr_code_and_restores_the_markup(
    page: Page, live_server, sandbox, shop, merchant, catalog
):
    page.route(re.compile(r"/stream\?"), lambda route: route.abort())  # polling, the busiest way to wait
    url = shop.page(
        "unmount.html",
        FORM.format(product=catalog["product"])
        + _client_script(live_server, merchant.publishable_key)
        + "<script>window.before = document.querySelector('[data-kassa-checkout]').outerHTML;"
        "window.checkout = kassa.components.checkout('[data-kassa-checkout]');</script>",
    )
    page.goto(url)
    form = page.locator("[data-kassa-checkout]")
    before = page.evaluate("window.before")  # as the merchant wrote it, before binding
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(page.locator("[data-kassa-total]")).to_have_text("$9.99")
    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    polls = _requests_to(page, r"/api/v1/orders/ord_[^/?]+\?")
    page.get_by_role("button", name="Buy now").click()
    expect(page.get_by_role("dialog", name="Scan to pay")).to_be_visible()
    page.wait_for_timeout(1500)
    assert polls, "the checkout was polling for the payment"

    page.evaluate("window.checkout.destroy(); window.checkout.destroy()")  # twice: harmless
    expect(page.get_by_role("dialog", name="Scan to pay")).to_have_count(0)
    page.wait_for_timeout(300)  # a read already on its way may still land
    anything = _requests_to(page, r".")
    page.wait_for_timeout(4000)  # the poll interval grows from 1 s: a live poller would have asked again
    assert anything == [], anything
    # The merchant's markup as it was (the shopper's own ticks aside): no state, no total, Buy now enabled.
    now = form.evaluate("f => f.outerHTML")
    assert now.replace(" checked", "") == before.replace(" checked", ""), now
    assert form.get_attribute("data-kassa-state") is None
    expect(page.get_by_role("heading", name="Our product")).to_be_visible()
    expect(page.get_by_role("button", name="Buy now")).to_be_enabled()
    # Unbound: the same element can be bound afresh, as an app remounting the view does.
    page.evaluate("window.again = kassa.components.checkout('[data-kassa-checkout]')")
    assert page.evaluate("window.again !== window.checkout")
    expect(form).to_have_attribute("data-kassa-state", "ready")


def test_a_panel_on_an_origin_the_merchant_has_not_listed_emits_an_error_and_destroys_cleanly(
    page: Page, live_server, shop, catalog, live_pk
):  # noqa: F811
    url = shop.page(
        "refused.html",
        "<div id='checkout'><p>Loading…</p></div>"
        + _client_script(live_server, live_pk)
        + f"""<script>window.heard = [];
  window.panel = kassa.mountPanel('#checkout', {{ product: '{catalog["product"]}' }});
  for (const type of ['ready', 'error']) window.panel.on(type, (e) => window.heard.push(e));</script>""",
    )
    page.goto(url)
    page.wait_for_function("window.heard.length > 0")
    (event,) = page.evaluate("window.heard")
    assert event["type"] == "error" and event["code"] == "origin_not_allowed", event
    assert "origin may not embed" in event["message"]
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("heading", name="Checkout unavailable")).to_be_visible()

    page.evaluate("window.panel.destroy(); window.panel.destroy()")
    expect(page.locator("iframe")).to_have_count(0)
    assert page.locator("#checkout").inner_html() == "<p>Loading…</p>"
