"""A page set up wrongly (an unknown publishable key, an unknown product) is not a failed payment: the panel and the
headless components say "Checkout unavailable", offer no Pay, and tell the page (an ``error`` event with a
``setup_error`` code) so it can fall back."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_sdk import _client_script, shop  # noqa: F401  (fixture)
from tests.e2e.test_sdk_unmount import FORM
from tests.support.signing import make_recurring

pytestmark = pytest.mark.e2e

UNKNOWN_KEY = "pk_test_doesnotexist"


def _page(shop, live_server: str, key: str, product: str, name: str) -> str:  # noqa: F811
    return shop.page(
        name,
        "<div id='checkout'></div>"
        + FORM.format(product=product)
        + _client_script(live_server, key)
        + f"""<script>window.heard = [];
  window.panel = kassa.mountPanel('#checkout', {{ product: '{product}' }});
  for (const type of ['ready', 'error']) window.panel.on(type, (e) => window.heard.push(['panel', e.type, e.code]));
  window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  window.checkout.on('ready', () => window.heard.push(['headless', 'ready']))
    .on('failed', (e) => window.heard.push(['headless', 'failed', e.code]))
    .on('error', (e) => window.heard.push(['headless', e.type, e.code, e.message]));</script>""",
    )


@pytest.mark.parametrize(
    "which, code, says",
    [("key", "api_key_unknown", "pk_test_ key has 32 letters"), ("product", "product_unknown", "product option")],
)
def test_a_page_set_up_wrongly_shows_checkout_unavailable_and_tells_the_page(
    page: Page,
    live_server,
    shop,  # noqa: F811
    merchant,
    catalog,
    which,
    code,
    says,
):
    key = UNKNOWN_KEY if which == "key" else merchant.publishable_key
    product = catalog["product"] if which == "key" else "prod_nope"
    page.goto(_page(shop, live_server, key, product, f"setup-{which}.html"))
    page.wait_for_function("window.heard.length >= 2")
    heard = sorted(page.evaluate("window.heard"))
    headless, panel = heard
    assert panel == ["panel", "error", code], heard
    assert headless[:3] == ["headless", "setup_error", code], heard
    assert says in headless[3], headless
    # The shopper reads that the checkout is unavailable, not that a payment failed, and cannot press Buy.
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "unavailable")
    expect(form.locator("[data-kassa-status]")).to_have_text("Checkout unavailable")
    expect(page.get_by_role("button", name="Buy now")).to_be_disabled()
    expect(page.get_by_text("Payment failed")).to_have_count(0)
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("heading", name="Checkout unavailable")).to_be_visible()
    expect(frame.get_by_role("button", name="Pay")).to_have_count(0)


def test_a_page_that_only_mounts_the_panel_loads_the_panel_build_alone(
    page: Page,
    live_server,
    shop,  # noqa: F811
    merchant,
    catalog,
):
    # kassa-panel.js (≤ 8 KB gzipped: npm test holds it to that) mounts the same panel as Kassa(key).mountPanel.
    url = shop.page(
        "panel-only.html",
        f"""<div id='checkout'></div><script src='{live_server}/static/sdk/kassa-panel.js'></script>
<script>window.heard = [];
  const panel = KassaPanel.mountPanel('#checkout', '{merchant.publishable_key}',
                                      {{ product: '{catalog["product"]}', baseUrl: '{live_server}' }});
  panel.on('ready', (e) => window.heard.push(e.type));</script>""",
    )
    loaded = []
    page.on("request", lambda request: loaded.append(request.url))
    page.goto(url)
    page.wait_for_function("window.heard.includes('ready')")
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("button", name="Pay")).to_be_visible()
    assert not [u for u in loaded if u.endswith("/static/sdk/kassa.js")], loaded
    assert page.evaluate("typeof window.Kassa") == "undefined"


def test_the_examples_panel_and_headless_form_start_on_the_same_plan(
    page: Page,
    app,
    live_server,
    shop,  # noqa: F811
    merchant,
    catalog,
):
    # The cheapest SKU is a monthly subscription: neither the panel nor the components choose a recurring charge
    # for the shopper; both start on the cheapest one-off purchase.
    make_recurring(app, catalog["sku"], "month")
    example = (Path(__file__).parents[2] / "sdk" / "examples" / "index.html").read_text()
    (shop.root / "examples.html").write_text(example)
    page.goto(
        f"{shop.url}/examples.html?kassa={live_server}&key={merchant.publishable_key}&product={catalog['product']}"
    )
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    frame = page.frame_locator("iframe[title='Checkout']")
    chosen = frame.locator("input[name=sku]:checked")
    expect(chosen).to_have_value(catalog["limited_sku"])
    expect(form.locator("[data-kassa-sku]")).to_have_value(catalog["limited_sku"])
    expect(form.locator("[data-kassa-terms]")).to_have_text("")
    # Choosing the subscription in the form shows its terms before any press, as the panel does.
    form.locator("[data-kassa-sku]").select_option(catalog["sku"])
    expect(form.locator("[data-kassa-terms]")).to_contain_text("every month")
