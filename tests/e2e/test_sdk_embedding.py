"""Embedding the SDK the way its README tells a front-end developer to, on a merchant's page of another origin:
what the shopper and the page's own code notice."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import test_sdk
from tests.e2e.test_sdk import Shop

pytestmark = pytest.mark.e2e
shop = test_sdk.shop  # the merchant's own site, on an origin of its own


def _tag_and_components_page(shop: Shop, live_server: str, merchant, catalog) -> str:
    """The zero-code tag (which binds every [data-kassa-checkout]) plus the page's own binding for its events."""
    return shop.page("tag_and_components.html", f"""
<form data-kassa-checkout data-kassa-product="{catalog['product']}" novalidate>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr"> QR</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
</form>
<script src='{live_server}/static/sdk/kassa.js' data-kassa-key='{merchant.publishable_key}'></script>
<script>
  window.paid = [];
  const kassa = Kassa('{merchant.publishable_key}', {{ baseUrl: '{live_server}' }});
  kassa.components.checkout('[data-kassa-checkout]').on('paid', (order) => window.paid.push(order.id));
</script>""")


def test_a_form_the_zero_code_tag_bound_and_the_page_binds_again_buys_once_per_press(
        page: Page, live_server, sandbox, shop, merchant, catalog):
    order_posts: list[str] = []
    page.on("request", lambda r: order_posts.append(r.url)
            if r.method == "POST" and re.search(r"/api/v1/orders$", r.url) else None)
    page.goto(_tag_and_components_page(shop, live_server, merchant, catalog))
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Buy now").click()

    dialog = page.get_by_role("dialog", name="Scan to pay")
    expect(dialog).to_have_count(1)
    page.wait_for_timeout(500)  # a second binding's order and code would come right behind the first
    expect(dialog).to_have_count(1)
    assert len(order_posts) == 1
    reference = dialog.get_by_role("link").get_attribute("href").rsplit("/", 1)[-1]
    sandbox.simulate(reference, "succeeded")
    expect(form).to_have_attribute("data-kassa-state", "paid", timeout=15_000)
    expect(page.get_by_text("Payment successful")).to_have_count(1)
    assert len(page.evaluate("window.paid")) == 1
