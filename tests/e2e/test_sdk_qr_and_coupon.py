"""The SDK's headless components on a merchant's page, desktop and 390 px phone: a coupon typed in the
merchant's own field re-prices through the API and the order carries it; the QR modal traps focus, closes on
Escape, counts down, and "Change payment method" (or closing it) brings the shopper back to Pay, the same
order reopened for another channel."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_qr_dialog import screen  # noqa: F401 (desktop and phone pages)
from tests.e2e.test_sdk import Shop, _client_script, shop  # noqa: F401 (the shop fixture)

pytestmark = pytest.mark.e2e


def _components_page(shop: Shop, live_server: str, merchant, catalog) -> str:  # noqa: F811
    (shop.root / "components_qr.html").write_text(f"""<!doctype html><html lang='en'><head><meta charset='utf-8'>
<meta name='viewport' content='width=device-width, initial-scale=1'><title>Shop</title></head><body>
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <h2 data-kassa-product-name></h2>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <p data-kassa-error="quantity"></p>
  <label>Coupon <input data-kassa-coupon type="text"></label>
  <p data-kassa-error="coupon" role="alert"></p>
  <p>Discount <span data-kassa-discount></span></p>
  <p>Total <span data-kassa-total></span></p>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr"> QR</label>
    <label><input type="radio" name="channel" value="sandbox_card"> Card</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-error="form"></p>
  <p data-kassa-status></p>
</form>{_client_script(live_server, merchant.publishable_key)}
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  window.checkout.on('paid', (order) => {{ window.paidOrder = order; }});</script></body></html>""")
    return f"{shop.url}/components_qr.html"


def _coupons(app, merchant) -> None:
    from datetime import timedelta

    from app.catalog.coupons import create_coupon
    from app.platform.db.types import utcnow

    with app.app_context():
        create_coupon(
            merchant.id, {"code": "SPRING20", "kind": "percent_off", "percent_bps": 2000, "description": "Spring sale"}
        )
        create_coupon(
            merchant.id,
            {
                "code": "WINTER",
                "kind": "amount_off",
                "amount_off": 100,
                "currency": "usd",
                "valid_until": utcnow() - timedelta(days=1),
            },
        )


def test_the_sdk_qr_modal_traps_focus_counts_down_and_changing_method_keeps_the_order(
    screen: Page, app, live_server, sandbox, shop, merchant, catalog
):  # noqa: F811
    page = screen
    _coupons(app, merchant)
    page.goto(_components_page(shop, live_server, merchant, catalog))
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("How many?").fill("2")
    page.get_by_label("Coupon").fill("spring20")
    expect(page.locator("[data-kassa-total]")).to_have_text("$15.99")
    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Buy now").click()

    dialog = page.get_by_role("dialog", name="Scan to pay")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    countdown = dialog.locator("[data-kassa-qr-countdown]")
    expect(countdown).to_have_text(re.compile(r"^Expires in 4:5\d$"))
    first = countdown.inner_text()
    expect(countdown).not_to_have_text(first, timeout=3_000)
    box, viewport = dialog.bounding_box(), page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    for _ in range(5):
        page.keyboard.press("Tab")
        assert dialog.evaluate("d => d.contains(document.activeElement)")
    page.keyboard.press("Shift+Tab")
    assert dialog.evaluate("d => d.contains(document.activeElement)")

    page.keyboard.press("Escape")  # closing the code gives the payment up and goes back to choosing
    expect(dialog).to_have_count(0)
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(page.get_by_role("button", name="Buy now")).to_be_focused()
    expect(page.get_by_label("How many?")).to_have_value("2")
    expect(page.locator("[data-kassa-total]")).to_have_text("$15.99")

    page.get_by_label("QR").check()  # the code again, then "Change payment method"
    page.get_by_role("button", name="Buy now").click()
    dialog.get_by_role("button", name="Change payment method").click()
    expect(dialog).to_have_count(0)
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(page.get_by_role("button", name="Buy now")).to_be_focused()

    page.get_by_label("Card").check()
    page.get_by_role("button", name="Buy now").click()
    page.get_by_role("button", name="Approve").click()  # the provider's page; it sends the shopper back
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "paid")
    paid = page.evaluate("window.paidOrder")
    assert paid["amount"]["total"] == 1599 and paid["amount"]["discount"] == 399
    assert [d["coupon"] for d in paid["discounts"]] == ["SPRING20"]
    assert [p["channel"] for p in paid["payments"]] == ["sandbox_qr", "sandbox_qr", "sandbox_card"]  # one order
    assert [p["status"] for p in paid["payments"]][:2] == ["failed", "failed"]


def test_the_sdk_components_explain_a_bad_coupon_and_pay_the_discounted_total(
    screen: Page, app, live_server, sandbox, shop, merchant, catalog
):  # noqa: F811
    page = screen
    _coupons(app, merchant)
    page.goto(_components_page(shop, live_server, merchant, catalog))
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("How many?").fill("2")
    expect(page.locator("[data-kassa-total]")).to_have_text("$19.98")
    coupon = page.get_by_label("Coupon")
    coupon.fill("nosuch")
    expect(page.locator("[data-kassa-error=coupon]")).to_contain_text("NOSUCH")
    expect(coupon).to_have_attribute("aria-invalid", "true")
    coupon.fill("winter")
    expect(page.locator("[data-kassa-error=coupon]")).to_have_text(re.compile(r"^The coupon WINTER expired on .*\.$"))
    expect(page.locator("[data-kassa-total]")).to_have_text("$19.98")  # still priced, without it
    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Buy now").click()  # refused until the code is fixed or cleared
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.locator("[data-kassa-error=coupon]")).to_contain_text("WINTER")

    coupon.fill("spring20")
    expect(page.locator("[data-kassa-discount]")).to_have_text("−$3.99")
    expect(page.locator("[data-kassa-total]")).to_have_text("$15.99")
    expect(page.locator("[data-kassa-error=coupon]")).to_have_text("")
    with page.expect_response(re.compile(r"/api/v1/orders$")) as paid_response:
        page.get_by_role("button", name="Buy now").click()
    sandbox.simulate(paid_response.value.json()["payment"]["provider_reference"], "succeeded")
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "paid")
    paid = page.evaluate("window.paidOrder")
    assert paid["amount"]["total"] == 1599
    assert [d["coupon"] for d in paid["discounts"]] == ["SPRING20"]  # the order carries the coupon
