"""The provider page answers late: the shopper approves a card payment after Kassa gave the order up (it expired
while they were at the provider). The provider captures anyway and Kassa returns that capture in full by itself.
The order page must say so: it said "No money was taken." beside Kassa's internal note ("Returned $9.99 captured by
payment pay_… (re_…)"), while the shopper's card had been charged."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update

from tests.conftest import wait_for

pytestmark = pytest.mark.e2e


def test_a_payment_approved_after_the_order_closed_is_said_to_be_refunded_not_untaken(
    page: Page, app, live_server, sandbox, catalog, worker
):
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.attempts.polling import refresh_attempt
    from app.payments.models import PaymentAttempt
    from app.platform.db.types import utcnow

    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay $9.99").click()
    expect(page.get_by_role("button", name="Approve")).to_be_visible()
    with app.app_context():  # the shopper lingered at the provider: the order expired and the poller gave it up
        order_id = db.session.query(Order.id).scalar()
        attempt_id = db.session.query(PaymentAttempt.id).scalar()
        db.session.execute(update(Order).where(Order.id == order_id).values(expires_at=utcnow() - timedelta(days=1)))
        db.session.commit()
        refresh_attempt(attempt_id)
    page.get_by_role("button", name="Approve").click()  # ...and then approved
    expect(page).to_have_url(re.compile(r"/checkout/orders/"))

    def captured() -> bool:
        with app.app_context():
            return db.session.get(PaymentAttempt, attempt_id).status == "succeeded"

    wait_for(captured)
    page.reload()  # captured, its return not sent yet
    status = page.locator("#status")
    expect(page.get_by_role("heading", name="This order is closed")).to_be_visible()
    expect(status).to_contain_text(
        "Your payment of $9.99 arrived after this order closed. It is being refunded in full"
    )
    expect(status).not_to_contain_text("No money was taken")

    worker()  # the outbox hands the stray capture to compensation, which returns it
    page.reload()
    expect(status).to_contain_text("Your payment of $9.99 arrived after this order closed. It was refunded in full")
    expect(status).not_to_contain_text("No money was taken")
    expect(status).not_to_contain_text("pay_")  # no internal ids of Kassa's notes


def test_an_order_closed_unpaid_still_says_why_and_that_no_money_was_taken(page: Page, app, live_server, catalog):
    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import cancel_order

    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("radio", name="QR code (sandbox)").check()
    page.get_by_role("button", name="Pay $9.99").click()
    page.get_by_role("button", name="Change payment method").click()
    expect(page.get_by_role("heading", name="Choose another way to pay")).to_be_visible()
    with app.app_context():
        order = db.session.query(Order).one()
        cancel_order(order.merchant_id, order.id, reason="canceled by the shopper")
    page.reload()
    expect(page.locator("#status")).to_contain_text("This order was canceled. No money was taken.")
    expect(page.locator("#status")).not_to_contain_text("shopper")  # the merchant's note is not the shopper's
