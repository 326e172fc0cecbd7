"""The QR code of a waiting payment in a dialog, hosted and embedded, on a desktop and on a 390 px phone:
it is announced as a modal dialog, keeps keyboard focus inside, closes on Escape and gives focus back, counts
down to the code's expiry, and lets the shopper change the payment method without losing the basket."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, FrameLocator, Page, expect

from tests.e2e.test_portal import AXE, axe_violations
from tests.e2e.test_sdk import Shop, _client_script, shop  # noqa: F401 (the shop fixture)

pytestmark = pytest.mark.e2e

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}


@pytest.fixture(params=sorted(VIEWPORTS))
def screen(request, browser: Browser):
    """A page of the given size (the phone one as a touch screen)."""
    name = request.param
    context = browser.new_context(viewport=VIEWPORTS[name], is_mobile=name == "phone", has_touch=name == "phone")
    page = context.new_page()
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)  # as the shared page fixture: outcomes arrive asynchronously
    yield page
    context.close()


def _pay_by_qr(panel: Page | FrameLocator, quantity: str) -> None:
    panel.get_by_label("Quantity").fill(quantity)
    expect(panel.get_by_role("button", name=re.compile(r"^Pay \$"))).to_have_text(re.compile(r"19\.98"))
    panel.get_by_role("radio", name="QR code (sandbox)").check()
    panel.get_by_role("checkbox", name=re.compile("agree")).check()
    panel.get_by_role("button", name="Pay").click()


def _focus_inside(page_or_frame, selector: str = "#qr-dialog") -> bool:
    return page_or_frame.locator(selector).evaluate("d => d.contains(document.activeElement)")


def _check_dialog(page: Page, panel: Page | FrameLocator, frame=None) -> None:
    """The dialog as a keyboard and screen-reader user meets it, then closed with Escape and opened again."""
    dialog = panel.get_by_role("dialog", name="Scan to pay")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    expect(dialog.get_by_role("img", name="QR code to pay")).to_be_visible()
    countdown = dialog.locator("[data-qr-countdown]")
    expect(countdown).to_have_text(re.compile(r"^Expires in 4:5\d$"))
    first = countdown.inner_text()
    expect(countdown).not_to_have_text(first, timeout=3_000)  # it counts down
    expect(dialog).to_contain_text("no money is taken and you can choose another way to pay")

    box = dialog.bounding_box()
    viewport = page.viewport_size
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]  # fits a 390 px phone
    assert abs((box["x"] + box["width"] / 2) - viewport["width"] / 2) < 40 or frame is not None  # centred

    target = frame if frame is not None else page
    for _ in range(6):  # Tab cycles inside the dialog, never reaching the page behind it
        page.keyboard.press("Tab")
        assert _focus_inside(target)
    dialog.get_by_role("link", name="open the payment page").focus()
    page.keyboard.press("Shift+Tab")  # from the first control back round to the last
    expect(dialog.get_by_role("button", name="Close")).to_be_focused()
    page.keyboard.press("Tab")
    expect(dialog.get_by_role("link", name="open the payment page")).to_be_focused()

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    reopen = panel.get_by_role("button", name="Show the QR code")
    expect(reopen).to_be_focused()  # focus goes back to the control that brings the dialog back
    reopen.click()
    expect(dialog).to_be_visible()
    assert _focus_inside(target)


def test_hosted_qr_dialog_is_a_keyboard_friendly_modal_and_the_method_can_be_changed(
    screen: Page, live_server, sandbox, catalog
):
    page = screen
    page.context.add_init_script(path=str(AXE))
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    _pay_by_qr(page, "2")
    expect(page.get_by_role("dialog", name="Scan to pay")).to_be_visible()
    assert axe_violations(page) == []  # nothing for a screen reader or keyboard user to trip on, dialog open
    _check_dialog(page, page)

    page.get_by_role("dialog", name="Scan to pay").get_by_role("button", name="Change payment method").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("heading", name="Choose another way to pay")).to_be_visible()
    pay = page.get_by_role("button", name="Pay $19.98")  # the same basket: two of them
    expect(pay).to_be_focused()
    expect(page.get_by_text("2 × Pro membership — 30 days")).to_be_visible()

    page.get_by_role("radio", name="Card (sandbox)").check()
    pay.click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.get_by_text("19.98")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()


def test_an_expired_qr_code_is_given_up_and_the_shopper_may_pay_another_way(
    screen: Page, app, live_server, sandbox, catalog
):
    page = screen
    app.config["QR_CODE_TTL_SECONDS"] = 3
    try:
        page.goto(f"{live_server}/checkout/{catalog['product']}")
        _pay_by_qr(page, "2")
        dialog = page.get_by_role("dialog", name="Scan to pay")
        expect(dialog.locator("[data-qr-countdown]")).to_have_text(re.compile(r"^Expires in 0:0[1-3]$"))
        expect(page.get_by_role("heading", name="Payment failed")).to_be_visible(timeout=10_000)
    finally:
        app.config["QR_CODE_TTL_SECONDS"] = 300
    expect(page.get_by_text("the QR code expired. No money was taken.")).to_be_visible()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("button", name="Try again")).to_be_visible()


def _embedded(page: Page, shop: Shop, live_server: str, merchant, catalog) -> FrameLocator:  # noqa: F811
    # A phone-ready shop page (its own viewport meta), as a merchant's page embedding the panel would be.
    (shop.root / "qr_panel.html").write_text(
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Shop</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'></head><body>"
        "<h1>Acme shop</h1><div id='checkout'></div>"
        + _client_script(live_server, merchant.publishable_key)
        + f"""<script>kassa.mountPanel('#checkout', {{ product: '{catalog["product"]}', sku: '{catalog["sku"]}',
        quantity: 1 }});</script></body></html>"""
    )
    page.goto(f"{shop.url}/qr_panel.html")
    return page.frame_locator("iframe[title='Checkout']")


def test_embedded_qr_dialog_behaves_the_same_inside_the_merchants_page(
    screen: Page, live_server, sandbox, shop, merchant, catalog
):  # noqa: F811
    page = screen
    panel = _embedded(page, shop, live_server, merchant, catalog)
    _pay_by_qr(panel, "2")
    frame = page.frame(name=page.locator("iframe").get_attribute("name"))
    _check_dialog(page, panel, frame)

    panel.get_by_role("button", name="Change payment method").click()
    expect(panel.get_by_role("heading", name="Choose another way to pay")).to_be_visible()
    expect(panel.get_by_role("button", name="Pay $19.98")).to_be_focused()
    expect(panel.get_by_text("2 × Pro membership — 30 days")).to_be_visible()


def test_a_coupon_in_the_embedded_panel_is_paid_at_its_discounted_total(
    screen: Page, app, live_server, sandbox, shop, merchant, catalog
):  # noqa: F811
    from datetime import timedelta

    from app.catalog.coupons import create_coupon, discounts_for_order
    from app.extensions import db
    from app.orders.models import Order
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
    page = screen
    panel = _embedded(page, shop, live_server, merchant, catalog)
    panel.get_by_label("Quantity").fill("2")
    expect(panel.get_by_test_id("total")).to_have_text("$19.98")

    coupon = panel.get_by_label("Coupon code")
    coupon.fill("nosuch")
    expect(panel.get_by_role("alert").filter(has_text="NOSUCH")).to_be_visible()
    coupon.fill("winter")
    expect(panel.get_by_text(re.compile("The coupon WINTER expired on"))).to_be_visible()
    expect(panel.get_by_test_id("total")).to_have_text("$19.98")

    coupon.fill("spring20")
    expect(panel.get_by_text("SPRING20 — Spring sale")).to_be_visible()
    expect(panel.get_by_test_id("total")).to_have_text("$15.99")
    expect(panel.get_by_role("button", name="Pay $15.99")).to_be_visible()

    panel.get_by_role("radio", name="Card (sandbox)").check()
    panel.get_by_role("checkbox", name=re.compile("agree")).check()
    panel.get_by_role("button", name="Pay $15.99").click()
    page.get_by_role("button", name="Approve").click()  # the provider's page, in the whole window
    expect(panel.get_by_text("Payment successful")).to_be_visible()
    expect(panel.get_by_role("strong").filter(has_text="$")).to_have_text("$15.99")  # (the other: "Test mode")
    with app.app_context():
        order = db.session.query(Order).filter_by(merchant_id=merchant.id).one()
        assert (order.status, order.total) == ("paid", 1599)
        assert [d.code for d in discounts_for_order(order.id)] == ["SPRING20"]  # the order carries the coupon
