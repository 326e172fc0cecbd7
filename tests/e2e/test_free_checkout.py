"""A shopper whose coupon takes the whole price off places the order without paying: the hosted panel says nothing
is due, asks for no payment method, and "Place order" completes the order (no channel is asked for a payment of
nothing, which it would refuse)."""
import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_a_100_percent_coupon_places_the_order_without_a_payment(page: Page, app, merchant, live_server, catalog,
                                                                 worker):
    from sqlalchemy import select

    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt

    with app.app_context():
        coupon_id = create_coupon(merchant.id, {"code": "ONUS", "kind": "percent_off", "percent_bps": 10000,
                                                "description": "On the house"}).id

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
    expect(page.get_by_text("nothing was charged")).to_be_visible()
    expect(page.get_by_text("ONUS — On the house")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$0.00")
    worker()
    with app.app_context():
        (order,) = db.session.scalars(select(Order).where(Order.merchant_id == merchant.id))
        assert (order.total, order.status) == (0, "fulfilled")
        assert db.session.scalars(select(PaymentAttempt).where(PaymentAttempt.order_id == order.id)).all() == []
        assert db.session.get(Coupon, coupon_id).test_times_redeemed == 1

