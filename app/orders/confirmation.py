"""Confirming a fulfilled order: by the merchant, or automatically after its auto-confirm delay."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from app.db_types import utcnow
from app.errors import Conflict
from app.extensions import db
from app.orders.models import Order
from app.orders.services import get_order, transition


def confirm_order(merchant_id: str, order_id: str, *, actor: str = "api") -> Order:
    """Move a fulfilled order to ``completed``; any other status is a 409."""
    order = get_order(merchant_id, order_id)
    if order.status != "fulfilled":
        raise Conflict(f"order is {order.status}; only a fulfilled order can be confirmed", code="order_state_invalid")
    transition(order, "completed", reason="confirmed by the merchant", actor=actor)
    db.session.commit()
    return order


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


def confirm_due_orders(now: datetime | None = None, *, batch: int = 500) -> int:
    """Safety net for lost scheduled jobs: complete fulfilled orders past their time; returns how many."""
    now = now or utcnow()
    ids = list(db.session.scalars(select(Order.id).where(Order.status == "fulfilled", Order.auto_confirm_at <= now)
                                  .order_by(Order.auto_confirm_at).limit(batch)))
    return sum(auto_confirm_order(order_id, now) for order_id in ids)
