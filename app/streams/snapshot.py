"""What an order's status stream says: the order's status and its latest payment, read fresh."""
from __future__ import annotations

import json

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt

# A stream ends once the order is decided; the page then shows the outcome.
DECIDED = ("paid", "fulfilled", "completed", "refunding", "refunded", "closed")


def sse(event: str, data: dict) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


def order_snapshot(order_id: str) -> dict:
    """The order's status and its latest payment, in one read, holding no connection afterwards."""
    try:
        latest = (select(PaymentAttempt).where(PaymentAttempt.order_id == order_id)
                  .order_by(PaymentAttempt.created_at.desc()).limit(1).subquery())
        row = db.session.execute(select(Order.status, latest.c.id, latest.c.channel, latest.c.status,
                                        latest.c.failure_reason)
                                 .outerjoin(latest, latest.c.order_id == Order.id).where(Order.id == order_id)).first()
        status, payment_id, channel, payment_status, failure = row
        return {"order": order_id, "status": status,
                "payment": None if payment_id is None else {"id": payment_id, "channel": channel,
                                                            "status": payment_status, "failure_reason": failure}}
    finally:
        db.session.remove()


def watched_states(order_ids: list[str]) -> dict[str, tuple]:
    """{order id: (status, version, latest payment's status)} of many orders in one query: what tells a stream
    server that a snapshot changed when a pub/sub ping was lost."""
    if not order_ids:
        return {}
    try:
        latest = (select(PaymentAttempt.status).where(PaymentAttempt.order_id == Order.id)
                  .order_by(PaymentAttempt.created_at.desc()).limit(1).scalar_subquery())
        rows = db.session.execute(select(Order.id, Order.status, Order.version, latest).where(Order.id.in_(order_ids)))
        return {order_id: (status, version, payment) for order_id, status, version, payment in rows}
    finally:
        db.session.remove()
