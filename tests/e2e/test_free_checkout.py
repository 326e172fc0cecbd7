"""A shopper whose coupon takes the whole price off places the order without paying: the hosted panel says nothing
is due, asks for no payment method, and "Place order" completes the order (no channel is asked for a payment of
nothing, which it would refuse)."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_sdk import _client_script, _panel_page, shop  # noqa: F401  (shop is a fixture)

pytestmark = pytest.mark.e2e


def test_a_100_percent_coupon_places_the_order_without_a_payment(
    page: Page, app, merchant, live_server, catalog, worker
):
    from sqlalchemy import select

    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt

    with app.app_context():
        coupon_id = create_coupon(
            merchant.id, {"code": "ONUS", "kind": "percent_off", "percent_bps": 10000, "description": "On the house"}
        ).id

    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="30 days").check()
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    page.get_by_label("Coupon code").fill("onus")
    expect(page.get_by_test_id("total")).to_have_text("$0.00")
    expect(page.get_by_test_id("due-today")).to_contain_text("Due today: $0.00")
    # Nothing to pay: no payment method to choose, and the button says what pressing it does.
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_have_count(0)
    expect(page.get_by_test_id("nothing-due")).to_be_visible()
    expect(page.get_by_role("button", name="Place order")).to_be_enabled()

    page.get_by_label("Coupon code").fill("")  # without the coupon it costs something again
    expect(page.get_by_test_id("total")).to_have_text("$9.99")
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("button", name="Pay $9.99")).to_be_visible()

    page.get_by_label("Coupon code").fill("ONUS")
    expect(page.get_by_role("button", name="Place order")).to_be_visible()
    page.get_by_role("button", name="Place order").click()  # the agreement is still asked for
    expect(page.get_by_text("Please accept the terms to continue.")).to_be_visible()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Place order").click()

    expect(page.get_by_role("heading", name="Order complete")).to_be_visible()
    # The panel's success text (API.md: "Payment successful"), as for a paid order, and true of a free one.
    expect(page.locator("#status")).to_contain_text(
        "Payment successful: nothing was due, so nothing was charged. Thank you, your order is complete."
    )
    expect(page.get_by_text("ONUS — On the house")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$0.00")
    worker()
    with app.app_context():
        (order,) = db.session.scalars(select(Order).where(Order.merchant_id == merchant.id))
        assert (order.total, order.status) == (0, "fulfilled")
        assert db.session.scalars(select(PaymentAttempt).where(PaymentAttempt.order_id == order.id)).all() == []
        assert db.session.get(Coupon, coupon_id).test_times_redeemed == 1


@pytest.fixture
def on_the_house(app, merchant) -> str:
    """A coupon that takes the whole price off."""
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(merchant.id, {"code": "ONUS", "kind": "percent_off", "percent_bps": 10000})
    return "ONUS"


def test_the_embedded_panel_places_an_order_of_nothing_and_the_page_hears_paid(
    page: Page, live_server, shop, merchant, catalog, on_the_house
):
    page.goto(_panel_page(shop, live_server, merchant, catalog))
    page.wait_for_function("window.panelEvents.includes('ready')")
    frame = page.frame_locator("iframe[title='Checkout']")
    frame.get_by_label("Coupon code").fill(on_the_house)
    expect(frame.get_by_test_id("due-today")).to_contain_text("Due today: $0.00")
    expect(frame.get_by_role("radio", name="Card (sandbox)")).to_have_count(0)
    frame.get_by_role("checkbox", name=re.compile("agree")).check()
    frame.get_by_role("button", name="Place order").click()
    expect(frame.get_by_role("heading", name="Order complete")).to_be_visible()
    expect(frame.get_by_text(re.compile("^Payment successful: nothing was due"))).to_be_visible()
    page.wait_for_function("window.panelEvents.includes('paid')")


def test_headless_pay_and_components_complete_an_order_of_nothing(
    page: Page, api, live_server, shop, merchant, catalog, on_the_house
):
    url = shop.page(
        "free.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <label>Coupon <input data-kassa-coupon type="text"></label>
  <p>Total <span data-kassa-total></span></p>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_card"> Card</label></fieldset>
  <p data-kassa-error="channel"></p>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + f"""
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  window.headless = async () => {{
    const order = await kassa.createOrder({{ items: [{{ sku: '{catalog["sku"]}', quantity: 1 }}],
                                            agreementAccepted: true, coupon: '{on_the_house}' }});
    const payment = await kassa.pay(order.id, 'sandbox_card');  // a channel named anyway is not used
    const paid = await kassa.waitForPayment(order.id, {{ timeoutMs: 20000 }});
    return [payment, paid.status, paid.payments.length];
  }};</script>""",
    )
    page.goto(url)
    assert page.evaluate("window.headless()") == [None, "paid", 0]

    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("Coupon").fill(on_the_house)
    expect(page.locator("[data-kassa-total]")).to_have_text("$0.00")
    expect(form).to_have_attribute("data-kassa-due", "nothing")
    expect(page.get_by_role("group", name="Pay with")).to_be_hidden()  # no method to choose
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Buy now").click()
    expect(form).to_have_attribute("data-kassa-state", "paid")
    expect(page.locator("[data-kassa-status]")).to_have_text("Order complete")  # not "Payment successful"
    expect(page.locator("[data-kassa-error=channel]")).to_have_text("")
    orders = api.get("/orders").json["data"]
    assert [(o["status"], o["amount"]["total"], o["payments"]) for o in orders] == [("paid", 0, [])] * 2
