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


def _qr_checkout_page(shop: Shop, name: str, catalog, scripts: str) -> str:
    """Headless components on the merchant's own form, paid by QR code; ``scripts`` load and bind the SDK, and
    push each paid order's id to ``window.paid``."""
    return shop.page(
        name,
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr"> QR</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
  <p data-kassa-error="form"></p>
</form>{scripts}""",
    )


def _bind_for_paid(live_server: str, merchant) -> str:
    return f"""<script>
  window.paid = [];
  Kassa('{merchant.publishable_key}', {{ baseUrl: '{live_server}' }}).components
    .checkout('[data-kassa-checkout]').on('paid', (order) => window.paid.push(order.id));
</script>"""


def _start_paying(page: Page) -> None:
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Buy now").click()


def _scan(page: Page, sandbox, outcome: str) -> None:
    """The shopper's bank decides the payment of the one QR code on the screen."""
    dialog = page.get_by_role("dialog", name="Scan to pay")
    expect(dialog).to_have_count(1)
    sandbox.simulate(dialog.get_by_role("link").get_attribute("href").rsplit("/", 1)[-1], outcome)


def _bought_once(page: Page) -> None:
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "paid", timeout=15_000)
    expect(page.get_by_text("Payment successful")).to_have_count(1)
    expect(page.locator("[data-kassa-error=form]")).to_have_text("")
    assert len(page.evaluate("window.paid")) == 1


def test_a_form_the_zero_code_tag_bound_and_the_page_binds_again_buys_once_per_press(
    page: Page, live_server, sandbox, shop, merchant, catalog
):
    order_posts: list[str] = []
    page.on(
        "request",
        lambda r: order_posts.append(r.url) if r.method == "POST" and re.search(r"/api/v1/orders$", r.url) else None,
    )
    # The zero-code tag binds every [data-kassa-checkout]; the page binds its form again to hear "paid".
    page.goto(
        _qr_checkout_page(
            shop,
            "tag_and_components.html",
            catalog,
            f"<script src='{live_server}/static/sdk/kassa.js' "
            f"data-kassa-key='{merchant.publishable_key}'></script>" + _bind_for_paid(live_server, merchant),
        )
    )
    _start_paying(page)
    expect(page.get_by_role("dialog", name="Scan to pay")).to_have_count(1)
    page.wait_for_timeout(500)  # a second binding's order and code would come right behind the first
    assert len(order_posts) == 1
    _scan(page, sandbox, "succeeded")
    _bought_once(page)


def test_after_a_decline_and_the_orders_time_running_out_pay_buys_with_a_new_order(
    page: Page, app, live_server, sandbox, shop, merchant, catalog
):
    from datetime import timedelta

    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import close_expired_orders
    from app.platform.db.types import utcnow

    page.goto(
        _qr_checkout_page(
            shop,
            "components_retry.html",
            catalog,
            f"<script src='{live_server}/static/sdk/kassa.js'></script>" + _bind_for_paid(live_server, merchant),
        )
    )
    _start_paying(page)
    _scan(page, sandbox, "failed")
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "failed")
    with app.app_context():  # the shopper thinks it over past the order's time; Kassa closes it
        for order in db.session.query(Order).filter_by(merchant_id=merchant.id):
            order.expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert close_expired_orders() == 1

    page.get_by_role("button", name="Buy now").click()
    _scan(page, sandbox, "succeeded")
    _bought_once(page)
