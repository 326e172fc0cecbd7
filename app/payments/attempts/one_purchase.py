"""A checkout session is one purchase, however many orders were opened through it.

A shopper's double click on Pay, two tabs of the session's link, or an SDK that opens a second order before the
first is paid: each makes its own order of the session. The session completes only when the outbox handles the
first ``order.paid``, so the session's own check (app/checkout_sessions/services.py ``require_open``) alone let a
second order be paid meanwhile (from the wallet at once: the customer charged twice for one purchase). Starting any
payment of a session's order therefore holds the session's lock and refuses once another order of it is paid; a
channel that settles inside the call (the wallet) is paid before the lock is let go. The rule reads only the
session's orders, so it sits where payments start. A payment the provider settles later, on a second order whose
shopper approved it anyway, is given back when the session completes (``give_back_second_payment`` in
app/checkout_sessions/services.py)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select

from app.errors import Conflict, ServiceUnavailable
from app.extensions import db, end_read_only_transaction
from app.orders.close_reasons import CloseReason
from app.orders.models import Order
from app.orders.services import StaleOrder, close_order
from app.platform.locks import held_lock

_PAID = ("paid", "fulfilled", "completed", "refunding", "refunded")


def paid_order_id(session_id: str) -> str | None:
    """The session's paid purchase order, if one is paid (even before the outbox marks the session complete)."""
    return db.session.scalar(
        select(Order.id)
        .where(Order.checkout_session_id == session_id, Order.kind == "purchase", Order.status.in_(_PAID))
        .limit(1)
    )


@contextmanager
def one_purchase_per_session(order: Order) -> Iterator[None]:
    """Around starting a payment of ``order``: nothing for an order made without a session; for a session's
    order, the session's lock, and a 409 when another of its orders is already paid."""
    if order.checkout_session_id is None:
        yield
        return
    busy = ServiceUnavailable("another payment of this checkout is being started; try again in a moment")
    with held_lock(
        f"kassa:lock:checkout_session:{order.checkout_session_id}",
        busy=busy,
        action="start this checkout's payment",
        timeout=60,
        blocking_timeout=20,
        before_wait=end_read_only_transaction,
    ):
        paid = paid_order_id(order.checkout_session_id)
        if paid is not None and paid != order.id:
            _close_refused(order, paid)
            raise Conflict(
                f"this checkout was already paid by order {paid}; nothing more is charged",
                code="checkout_session_complete",
                param="checkout_session",
            )
        yield


def _close_refused(order: Order, paid: str) -> None:
    """The refused order can never be paid: closed at once, so the stock and coupon use it holds are free again
    now rather than when it expires (a double click on Pay held two of a limited SKU)."""
    if order.status != "created":
        return
    try:
        close_order(
            order,
            why=CloseReason.PAID_BY_ANOTHER_ORDER,
            reason=f"its checkout session was paid by order {paid}",
            actor="system:checkout_session",
        )
        db.session.commit()
    except StaleOrder:  # the expiry sweep closed it first
        db.session.rollback()
