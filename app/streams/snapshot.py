"""What an order's status stream says: the order's status and its latest payment, read fresh."""
from __future__ import annotations

import json

from sqlalchemy import bindparam, select

from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt

# A stream ends once the order is decided; the page then shows the outcome.
DECIDED = ("paid", "fulfilled", "completed", "refunding", "refunded", "closed")


def sse(event: str, data: dict) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


# Built once (a stream reads its order again at every change): a read binds only the order's id.
_LATEST_PAYMENT = (select(PaymentAttempt.id, PaymentAttempt.order_id, PaymentAttempt.channel, PaymentAttempt.status,
                          PaymentAttempt.failure_reason)
                   .where(PaymentAttempt.order_id == bindparam("b_order"))
                   .order_by(PaymentAttempt.created_at.desc()).limit(1).subquery())
_SNAPSHOT = (select(Order.status, _LATEST_PAYMENT.c.id, _LATEST_PAYMENT.c.channel, _LATEST_PAYMENT.c.status,
                    _LATEST_PAYMENT.c.failure_reason)
             .outerjoin(_LATEST_PAYMENT, _LATEST_PAYMENT.c.order_id == Order.id)
             .where(Order.id == bindparam("b_order")))


def order_snapshot(order_id: str) -> dict:
    """The order's status and its latest payment, in one read, holding no connection afterwards."""
    try:
        status, payment_id, channel, payment_status, failure = db.session.execute(
            _SNAPSHOT, {"b_order": order_id}).first()
        return {"order": order_id, "status": status,
                "payment": None if payment_id is None else {"id": payment_id, "channel": channel,
                                                            "status": payment_status, "failure_reason": failure}}
    finally:
        db.session.remove()


_WATCHED = select(Order.id, Order.status, Order.version,
                  select(PaymentAttempt.status).where(PaymentAttempt.order_id == Order.id)
                  .order_by(PaymentAttempt.created_at.desc()).limit(1).scalar_subquery()
                  ).where(Order.id.in_(bindparam("b_orders", expanding=True)))


def watched_states(order_ids: list[str]) -> dict[str, tuple]:
    """{order id: (status, version, latest payment's status)} of many orders in one query: what tells a stream
    server that a snapshot changed when a pub/sub ping was lost."""
    if not order_ids:
        return {}
    try:
        rows = db.session.execute(_WATCHED, {"b_orders": order_ids})
        return {order_id: (status, version, payment) for order_id, status, version, payment in rows}
    finally:
        db.session.remove()
