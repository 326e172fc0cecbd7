"""Clears completed orders: finds those not cleared yet, gathers what each kept (its lines, the capture that paid
it and the channel's fee, what was refunded before) and hands them to the ledger (app/ledger/clearing.py).

It runs for one order when the order completes (an outbox handler of ``order.completed``) and as a sweep for any
left behind (an order whose refund was in flight when it completed, a handler that failed), one merchant at a time,
in batches: one statement stages the batch's orders in the database with what each kept and the key of its kind,
only the few distinct kinds come back to Python to be split, and app/ledger/clearing.py writes from the stage.

Clearing and a refund's hold must not cross (a refund holding money from the receivable while clearing takes the
same money out of it). A merchant's clearing takes that merchant's clearing lock exclusively; a refund's hold takes
it shared (app/ledger/refund_holds.py): a refund waits for a clearing batch of its merchant, or a clearing for the
refunds in progress, and each then sees what the other did. On SQLite the database's single writer does the same.
"""
from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime, timedelta
from typing import Callable, Sequence

from sqlalchemy import func, literal_column, outerjoin, select, tuple_
from sqlalchemy.orm import aliased

from app import logs
from app.db_types import utcnow
from app.events import Event, subscribe
from app.extensions import db
from app.ledger.books_models import OrderClearing
from app.ledger.clearing import STAGED, OrderToClear, PlatformFee, open_batch, post_batch, rule_key
from app.ledger.clearing_rules import DEFAULT_RULE
from app.ledger.locks import clearing_lock
from app.merchants.models import Merchant
from app.orders.models import Order
from app.orders.sub_orders import net_amounts
from app.payments.models import PaymentAttempt
from app.payments.refund_models import Refund

log = logs.get("payments.clearing")

BATCH = 10_000
# The sweep looks at orders that changed this recently: every completed order is cleared by its own handler as it
# completes, so the sweep only catches stragglers (a handler that failed, a refund in flight at completion).
SWEEP_WINDOW = timedelta(days=3)
_DEFAULT_KEY = rule_key(DEFAULT_RULE)


def _not_cleared(query):
    return query.where(Order.status == "completed", Order.kind == "purchase",
                       ~select(OrderClearing.order_id).where(OrderClearing.order_id == Order.id).exists())


# An order's lines as one string, in line order: "amount|net|rule" joined by newlines; orders of one kind have
# the same string, so a batch reads only its few distinct kinds back.
_LINE = ("CAST(i.amount AS TEXT) || '|' || COALESCE(CAST(i.net_amount AS TEXT), '') || '|' || "
         "COALESCE(CAST(i.clearing AS TEXT), 'null')")
_LINES = {
    "postgresql": f"(SELECT string_agg({_LINE}, E'\\n' ORDER BY i.id) FROM order_items i WHERE i.order_id = orders.id)",
    "sqlite": f"(SELECT group_concat(line, char(10)) FROM (SELECT {_LINE} AS line FROM order_items i "
              "WHERE i.order_id = orders.id ORDER BY i.id))",
}


def _stage(query) -> int:
    """Stage the orders ``query`` picks (a select of Order) with what each kept and how, and the key of its kind
    (orders alike in every figure that decides their split share one), in one statement; returns how many."""
    returned = select(Refund.id).where(Refund.payment_id == PaymentAttempt.id, Refund.kind == "capture_return").exists()
    # The earliest capture the order kept, found once and joined by its key (not once per column read from it).
    first_capture = (select(PaymentAttempt.id).where(PaymentAttempt.order_id == Order.id,
                                                     PaymentAttempt.status == "succeeded", ~returned)
                     .order_by(PaymentAttempt.created_at, PaymentAttempt.id).limit(1).scalar_subquery())
    capture = aliased(PaymentAttempt, name="capture")
    fee_returned = (select(func.coalesce(func.sum(Refund.fee_amount), 0))
                    .where(Refund.order_id == Order.id, Refund.status == "succeeded", Refund.kind == "order")
                    .scalar_subquery())
    picked = query.with_only_columns(
        Order.id.label("order_id"), Order.updated_at, Order.livemode, Order.currency, Order.total,
        Order.refunded_amount.label("refunded"), func.coalesce(capture.channel, "").label("channel"),
        func.coalesce(capture.fee_amount, 0).label("capture_fee"), fee_returned.label("fee_returned"),
        func.coalesce(literal_column(_LINES[db.engine.dialect.name]), "").label("lines"),
    ).select_from(outerjoin(Order, capture, capture.id == first_capture)).subquery()
    kind = [picked.c.livemode, picked.c.currency, picked.c.total, picked.c.refunded, picked.c.channel,
            picked.c.capture_fee, picked.c.fee_returned, picked.c.lines]
    batch = open_batch()
    names = [c.name for c in picked.c] + ["key_id"]
    db.session.execute(batch.insert().from_select(names, select(*picked.c, func.dense_rank().over(order_by=kind))))
    return db.session.scalar(select(func.count()).select_from(batch))


def _kinds() -> list[tuple[int, int, bool, str, OrderToClear]]:
    """(key, how many, mode, currency, an order of that kind) for each kind of order staged."""
    c = STAGED.c
    rules: dict[str, tuple] = {"null": _DEFAULT_KEY}  # the few distinct rules, each parsed once
    kinds = []
    kind = (c.key_id, c.livemode, c.currency, c.total, c.refunded, c.channel, c.capture_fee, c.fee_returned, c.lines)
    for key_id, livemode, currency, total, refunded, channel, fee, fee_returned, lines, count in db.session.execute(
            select(*kind, func.count()).group_by(*kind)):
        items = []
        for line in lines.split("\n") if lines else ():
            amount, net, rule = line.split("|", 2)
            if rule not in rules:
                rules[rule] = rule_key(json.loads(rule))
            items.append((int(amount), int(net) if net else None, rules[rule]))
        nets = [net for _, net, _ in items]
        if None in nets:
            # Sold before clearing existed: no net amounts or rules; the discount is spread now, all to the merchant.
            nets = net_amounts(total, [amount for amount, _, _ in items])
        kinds.append((key_id, count, livemode, currency, OrderToClear(
            "", total, refunded, channel or None, fee, fee_returned,
            tuple((net, rule) for net, (_, _, rule) in zip(nets, items)))))
    return kinds


def _clear(merchant_id: str, now: datetime | None) -> None:
    """Post the staged batch of one merchant's orders and commit (the caller holds its clearing lock until then)."""
    merchant = db.session.get(Merchant, merchant_id)
    post_batch(merchant_id, _kinds(), PlatformFee(merchant.platform_fee_bps, merchant.platform_fee_fixed),
               now=now or utcnow())
    db.session.commit()


def clear_orders(order_ids: Sequence[str], *, now: datetime | None = None) -> int:
    """Clear these orders if they are completed and not cleared yet; returns how many were."""
    cleared = 0
    by_merchant = db.session.execute(select(Order.merchant_id, Order.id).where(Order.id.in_(list(order_ids)))).all()
    db.session.rollback()
    merchants: dict[str, list[str]] = defaultdict(list)
    for merchant_id, order_id in by_merchant:
        merchants[merchant_id].append(order_id)
    for merchant_id, ids in merchants.items():
        clearing_lock(merchant_id)
        staged = _stage(_not_cleared(select(Order).where(Order.id.in_(ids))))
        if staged:
            _clear(merchant_id, now)
            cleared += staged
        else:
            db.session.rollback()
    return cleared


def sweep_completed_orders(*, within: timedelta | None = SWEEP_WINDOW, batch: int = BATCH,
                           now: datetime | None = None,
                           progress: Callable[[int], None] | None = None) -> int:
    """Clear every completed order left uncleared that changed within ``within`` (None: all of them), merchant by
    merchant, a batch per transaction, walking (updated_at, id) forward so each batch reads only new rows;
    returns how many."""
    since = (now or utcnow()) - within if within is not None else None
    recent = (lambda query: query.where(Order.updated_at >= since)) if since is not None else (lambda query: query)
    merchants = list(db.session.scalars(recent(_not_cleared(select(Order.merchant_id).distinct()))))
    db.session.rollback()
    cleared = 0
    for merchant_id in merchants:
        after = None
        while True:
            clearing_lock(merchant_id)
            query = recent(_not_cleared(select(Order).where(Order.merchant_id == merchant_id)))
            if after is not None:
                query = query.where(tuple_(Order.updated_at, Order.id) > after)
            staged = _stage(query.order_by(Order.updated_at, Order.id).limit(batch))
            if not staged:
                db.session.rollback()
                break
            last = STAGED.c.updated_at.desc(), STAGED.c.order_id.desc()
            after = tuple(db.session.execute(select(STAGED.c.updated_at, STAGED.c.order_id).order_by(*last).limit(1))
                          .one())
            _clear(merchant_id, now)
            cleared += staged
            if progress is not None:
                progress(cleared)
            if staged < batch:
                break
    if cleared:
        log.info("orders cleared by the sweep", extra={"fields": {"count": cleared}})
    return cleared


@subscribe("order.completed")
def clear_completed_order(event: Event) -> None:
    """An order completed: clear it now (a sweep catches any this misses)."""
    clear_orders([event.data["object"]["id"]])
