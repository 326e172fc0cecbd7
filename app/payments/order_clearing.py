"""Clears completed orders: finds those not cleared yet, gathers what each kept (its lines, the capture that paid
it and the channel's fee, what was refunded before) and hands them to the ledger (app/ledger/clearing.py).

It runs for one order when the order completes (an outbox handler of ``order.completed``) and as a sweep for any
left behind (an order whose refund was in flight when it completed, a handler that failed), one merchant at a time,
in batches: a few set-based reads, the split of each order shape, and the bulk writes of app/ledger/clearing.py.

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

from sqlalchemy import String, Text, cast, func, select, tuple_

from app import logs
from app.bulk_copy import one_of
from app.db_types import utcnow
from app.events import Event, subscribe
from app.extensions import db
from app.ledger.books_models import OrderClearing
from app.ledger.clearing import OrderToClear, PlatformFee, post_clearing, rule_key
from app.ledger.clearing_rules import DEFAULT_RULE
from app.ledger.locks import clearing_lock
from app.merchants.models import Merchant
from app.orders.models import Order, OrderItem
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


_COLUMNS = (Order.id, Order.livemode, Order.currency, Order.total, Order.refunded_amount, Order.updated_at)


def _gather(orders) -> list[tuple[bool, str, OrderToClear]]:
    """(mode, currency, what the order kept and how) for each order: three set-based reads for the whole batch."""
    ids = [o.id for o in orders]
    lines: dict[str, list] = defaultdict(list)
    rules: dict[str | None, tuple] = {None: _DEFAULT_KEY}  # the few distinct rules, each parsed once
    for item in db.session.execute(
            select(OrderItem.order_id, OrderItem.amount, OrderItem.net_amount, cast(OrderItem.clearing, Text))
            .where(one_of(OrderItem.order_id, ids, String())).order_by(OrderItem.order_id, OrderItem.id)):
        order_id, amount, net, rule = item
        if rule not in rules:
            rules[rule] = rule_key(json.loads(rule)) if rule != "null" else _DEFAULT_KEY
        lines[order_id].append((amount, net, rules[rule]))
    returned = select(Refund.id).where(Refund.payment_id == PaymentAttempt.id, Refund.kind == "capture_return").exists()
    captures = {}
    for order_id, channel, fee in db.session.execute(
            select(PaymentAttempt.order_id, PaymentAttempt.channel, PaymentAttempt.fee_amount)
            .where(one_of(PaymentAttempt.order_id, ids, String()), PaymentAttempt.status == "succeeded", ~returned)
            .order_by(PaymentAttempt.created_at.desc())):
        captures[order_id] = (channel, fee)  # the earliest kept capture wins (rows come newest first)
    fees_back = dict(db.session.execute(
        select(Refund.order_id, func.sum(Refund.fee_amount))
        .where(one_of(Refund.order_id, ids, String()), Refund.status == "succeeded", Refund.kind == "order")
        .group_by(Refund.order_id)).all())
    gathered = []
    for order in orders:
        items = lines[order.id]
        nets = [net for _, net, _ in items]
        if None in nets:
            # Sold before clearing existed: no net amounts or rules; the discount is spread now, all to the merchant.
            nets = net_amounts(order.total, [amount for amount, _, _ in items])
        channel, fee = captures.get(order.id, (None, 0))
        gathered.append((order.livemode, order.currency, OrderToClear(
            order.id, order.total, order.refunded_amount, channel, fee, int(fees_back.get(order.id) or 0),
            tuple((net, rule) for net, (_, _, rule) in zip(nets, items)))))
    return gathered


def _clear(merchant_id: str, orders, now: datetime | None) -> None:
    """Post one batch of one merchant's orders and commit (the caller holds its clearing lock until then)."""
    merchant = db.session.get(Merchant, merchant_id)
    platform = PlatformFee(merchant.platform_fee_bps, merchant.platform_fee_fixed)
    groups: dict[tuple, list[OrderToClear]] = defaultdict(list)
    for livemode, currency, order in _gather(orders):
        groups[(livemode, currency)].append(order)
    at = now or utcnow()
    for (livemode, currency), members in groups.items():
        post_clearing(merchant_id, livemode, currency, members, platform, now=at)
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
        orders = db.session.execute(_not_cleared(select(*_COLUMNS).where(Order.id.in_(ids)))).all()
        if orders:
            _clear(merchant_id, orders, now)
            cleared += len(orders)
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
            query = recent(_not_cleared(select(*_COLUMNS).where(Order.merchant_id == merchant_id)))
            if after is not None:
                query = query.where(tuple_(Order.updated_at, Order.id) > after)
            orders = db.session.execute(query.order_by(Order.updated_at, Order.id).limit(batch)).all()
            if not orders:
                db.session.rollback()
                break
            after = (orders[-1].updated_at, orders[-1].id)
            _clear(merchant_id, orders, now)
            cleared += len(orders)
            if progress is not None:
                progress(cleared)
            if len(orders) < batch:
                break
    if cleared:
        log.info("orders cleared by the sweep", extra={"fields": {"count": cleared}})
    return cleared


@subscribe("order.completed")
def clear_completed_order(event: Event) -> None:
    """An order completed: clear it now (a sweep catches any this misses)."""
    clear_orders([event.data["object"]["id"]])
