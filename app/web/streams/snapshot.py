"""What an order's status stream says: the order's status and its latest payment, read fresh."""

from __future__ import annotations

import json

from sqlalchemy import bindparam, select

from app.errors import NotFound
from app.extensions import db
from app.merchants.keys import same_secret
from app.orders.models import Order
from app.payments.models import PaymentAttempt

# A stream ends once the order is decided; the page then shows the outcome.
DECIDED = ("paid", "fulfilled", "completed", "refunding", "refunded", "closed")


def sse(event: str, data: dict) -> str:
    """One server-sent event."""
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


# A stream's last word when its database went away under it (a restart, a failover): the page polls instead (its
# reads answer 503 with when to try again until the database is back) rather than waiting on a connection cut short.
UNAVAILABLE_END = sse("end", {"reason": "unavailable"})


# Built once (a stream reads its order again at every change): a read binds only the order's id.
_LATEST_PAYMENT = (
    select(
        PaymentAttempt.id,
        PaymentAttempt.order_id,
        PaymentAttempt.channel,
        PaymentAttempt.status,
        PaymentAttempt.failure_reason,
    )
    .where(PaymentAttempt.order_id == bindparam("b_order"))
    .order_by(PaymentAttempt.created_at.desc())
    .limit(1)
    .subquery()
)
_SNAPSHOT = (
    select(
        Order.status,
        _LATEST_PAYMENT.c.id,
        _LATEST_PAYMENT.c.channel,
        _LATEST_PAYMENT.c.status,
        _LATEST_PAYMENT.c.failure_reason,
    )
    .outerjoin(_LATEST_PAYMENT, _LATEST_PAYMENT.c.order_id == Order.id)
    .where(Order.id == bindparam("b_order"))
)


# A stream's first read: the snapshot and the client secret that authorises it, in one round trip.
_OPENING = _SNAPSHOT.add_columns(Order.client_secret)


def _snapshot(
    order_id: str,
    status: str,
    payment_id: str | None,
    channel: str | None,
    payment_status: str | None,
    failure: str | None,
) -> dict:
    return {
        "order": order_id,
        "status": status,
        "payment": None
        if payment_id is None
        else {"id": payment_id, "channel": channel, "status": payment_status, "failure_reason": failure},
    }


def _read(statement, params: dict) -> list:
    """The statement's rows, read on a pooled connection given back at once. Not through the ORM session: these
    reads run for every stream, and a session's setup and teardown cost more than the read."""
    with db.engine.connect() as connection:
        return connection.execute(statement, params).all()


def order_snapshot(order_id: str) -> dict | None:
    """The order's status and its latest payment, in one read, holding no connection afterwards; None when the
    order is gone (a row deleted or a database restored from before it while its stream was open)."""
    rows = _read(_SNAPSHOT, {"b_order": order_id})
    return _snapshot(order_id, *rows[0]) if rows else None


def opening_snapshot(order_id: str, client_secret: str) -> dict:
    """A stream's first snapshot, for a caller holding the order's client secret (else NotFound, as for an order
    that does not exist): the check and the first read in one round trip. Holds no connection afterwards; on the
    web route the request's session gives its connection back first, so the request never holds two."""
    db.session.remove()
    rows = _read(_OPENING, {"b_order": order_id})
    row = rows[0] if rows else None
    if row is None or not same_secret(client_secret or "", row[-1]):
        raise NotFound(f"no order {order_id!r}", param="id")
    return _snapshot(order_id, *row[:-1])


_WATCHED = select(
    Order.id,
    Order.status,
    Order.version,
    select(PaymentAttempt.status)
    .where(PaymentAttempt.order_id == Order.id)
    .order_by(PaymentAttempt.created_at.desc())
    .limit(1)
    .scalar_subquery(),
).where(Order.id.in_(bindparam("b_orders", expanding=True)))


def watched_states(order_ids: list[str]) -> dict[str, tuple]:
    """{order id: (status, version, latest payment's status)} of many orders in one query: what tells a stream
    server that a snapshot changed when a pub/sub ping was lost."""
    if not order_ids:
        return {}
    rows = _read(_WATCHED, {"b_orders": order_ids})
    return {order_id: (status, version, payment) for order_id, status, version, payment in rows}
