"""Why a closed order closed, as the shopper reads it on the order's page: chosen by the reason the closing
timeline row stores as a value, never by the English note Kassa writes there for the merchant, so rewording a
note cannot change (or blank) what the shopper is told."""

from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import text

from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.support.signing import make_recurring, subscribe


def said(client, order: dict) -> str:
    page = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}").get_data(as_text=True)
    return re.sub(r"\s+", " ", re.search(r'id="status".*?</section>', page, re.S).group(0))


def _closed_four_ways(app, api, catalog) -> dict[str, dict]:
    """An order closed each way a shopper can meet: expired, canceled, its payment canceled, its subscription
    canceled; with what the page says of each."""
    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import close_expired_orders
    from app.platform.db.types import utcnow

    expired, canceled, paying = (create_order(api, catalog["sku"]) for _ in range(3))
    with app.app_context():
        db.session.get(Order, expired["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert close_expired_orders() == 1
    assert api.post(f"/orders/{canceled['id']}/cancel").status_code == 200
    pay(api, paying["id"])
    assert api.post(f"/orders/{paying['id']}/cancel").json["status"] == "closed"
    make_recurring(app, catalog["limited_sku"])
    contract = subscribe(api, catalog["limited_sku"])
    assert (
        api.post(f"/subscriptions/{contract['subscription']['id']}/cancel", json={"at_period_end": False}).status_code
        == 200
    )
    return {
        "This order expired before it was paid. No money was taken.": expired,
        "This order was canceled. No money was taken.": canceled,
        "The payment was canceled. No money was taken.": paying,
        "The subscription was canceled. No money was taken.": contract["order"],
    }


def _reword_every_note(app) -> None:
    from app.extensions import db

    with app.app_context():
        db.session.execute(text("UPDATE order_timeline SET reason = 'reworded: ' || reason WHERE status = 'closed'"))
        db.session.commit()


def test_each_close_reason_is_told_the_same_whatever_the_merchants_note_says(app, api, client, catalog, sandbox):
    closed = _closed_four_ways(app, api, catalog)
    for says, order in closed.items():
        assert says in said(client, order), (says, said(client, order))
    # The notes are the merchant's reading ("expired", "payment canceled: …"), free to be reworded: the shopper's
    # words did not follow them (an expired order read "This order was canceled").
    _reword_every_note(app)
    for says, order in closed.items():
        assert says in said(client, order), (says, said(client, order))
    assert "reworded" not in said(client, closed["This order was canceled. No money was taken."])


def test_every_close_reason_has_words_for_the_shopper():
    # A reason added to the order domain without shopper's words would read as "canceled".
    from app.orders.close_reasons import CloseReason
    from app.web.checkout.waiting import _CLOSED_BECAUSE

    assert set(_CLOSED_BECAUSE) == set(CloseReason)
