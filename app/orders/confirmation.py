"""Confirming a fulfilled order: by the merchant, or automatically after its auto-confirm delay."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import joinedload

from app.errors import Conflict
from app.extensions import db
from app.orders.models import Order
from app.orders.services import get_order, transition
from app.platform.db.types import utcnow


def confirm_order(merchant_id: str, order_id: str, *, actor: str = "api") -> Order:
    """Move a fulfilled order to ``completed``; any other status is a 409."""
    order = get_order(merchant_id, order_id)
    if order.status != "fulfilled":
        raise Conflict(f"order is {order.status}; only a fulfilled order can be confirmed", code="order_state_invalid")
    transition(order, "completed", reason="confirmed by the merchant", actor=actor)
    db.session.commit()
    return order


@dataclass(frozen=True)
class AwaitingCompletion:
    """Paid orders whose money is still pending because they have not completed (the balance page's forecast)."""

    unfulfilled: int  # paid, not fulfilled yet: no date until they are
    fulfilled: int  # waiting for the shopper's confirmation or the auto-confirm
    next_auto_confirm_at: datetime | None
    next_totals: dict[str, int]  # by currency, of the orders that auto-confirm at that moment's day


def awaiting_completion(merchant_id: str, *, livemode: bool) -> AwaitingCompletion:
    """How many paid orders wait to complete, and when the next one completes by itself."""
    mine = (Order.merchant_id == merchant_id, Order.livemode.is_(livemode))
    counts = dict(
        db.session.execute(
            select(Order.status, func.count())
            .where(*mine, Order.status.in_(("paid", "fulfilled")))
            .group_by(Order.status)
        ).all()
    )
    first = db.session.execute(
        select(func.min(Order.auto_confirm_at)).where(*mine, Order.status == "fulfilled")
    ).scalar_one_or_none()
    totals: dict[str, int] = {}
    if first is not None:
        day_start = first.replace(hour=0, minute=0, second=0, microsecond=0)
        rows = db.session.execute(
            select(Order.currency, func.sum(Order.total - Order.refunded_amount))
            .where(*mine, Order.status == "fulfilled", Order.auto_confirm_at >= day_start)
            .where(Order.auto_confirm_at < day_start + timedelta(days=1))
            .group_by(Order.currency)
        ).all()
        totals = {currency: int(amount) for currency, amount in rows if amount}
    return AwaitingCompletion(counts.get("paid", 0), counts.get("fulfilled", 0), first, totals)


def auto_confirm_order(order_id: str, now: datetime | None = None) -> bool:
    """Complete a fulfilled order whose auto-confirm time has come; a no-op otherwise (safe to repeat)."""
    # With its lines, in the same statement: the order.completed event carries them.
    order = db.session.get(Order, order_id, populate_existing=True, options=[joinedload(Order.items)])
    now = now or utcnow()
    if order is None or order.status != "fulfilled" or order.auto_confirm_at is None or order.auto_confirm_at > now:
        return False
    try:
        transition(order, "completed", reason="confirmed automatically", actor="system")
        db.session.commit()
    except Conflict:  # confirmed or refunded meanwhile
        db.session.rollback()
        return False
    return True


def confirm_due_orders(now: datetime | None = None, *, batch: int = 500, budget_seconds: float = 45) -> int:
    """Complete the fulfilled orders whose auto-confirm time has come (the cron runs this every minute); returns
    how many. Batch after batch, oldest due first, until none is due or ``budget_seconds`` have passed (the rest
    is the next run's): a busy shop's orders come due as fast as they were fulfilled."""
    now = now or utcnow()
    give_up = time.monotonic() + budget_seconds
    confirmed, after = 0, None
    while time.monotonic() < give_up:
        due = (
            select(Order.id, Order.auto_confirm_at)
            .where(Order.status == "fulfilled", Order.auto_confirm_at <= now)
            .order_by(Order.auto_confirm_at, Order.id)
            .limit(batch)
        )
        if after is not None:  # past the last batch, so an order left fulfilled (refunding meanwhile) is not re-read
            due = due.where(tuple_(Order.auto_confirm_at, Order.id) > tuple_(*after))
        rows = db.session.execute(due).all()
        db.session.commit()
        confirmed += sum(auto_confirm_order(order_id, now) for order_id, _ in rows)
        if len(rows) < batch:
            break
        after = (rows[-1].auto_confirm_at, rows[-1].id)
    return confirmed
