"""Clears completed orders: finds those not cleared yet, gathers what each kept (its lines, the capture that paid
it and the channel's fee, what was refunded before) and hands them to the ledger (app/ledger/clearing/services.py).

It runs for one order when the order completes (an outbox handler of ``order.completed``) and as a sweep for any
left behind (an order whose refund was in flight when it completed, a handler that failed), one merchant at a time,
in batches: one statement stages the batch's orders in the database with what each kept and the key of its kind,
only the few distinct kinds come back to Python to be split, and app/ledger/clearing/services.py writes from the stage.

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

from sqlalchemy import Text, case, cast, func, literal_column, select, true, tuple_

from app.extensions import db
from app.ledger.books_models import OrderClearing
from app.ledger.clearing.locks import clearing_lock
from app.ledger.clearing.rules import DEFAULT_RULE
from app.ledger.clearing.services import STAGED, OrderToClear, PlatformFee, open_batch, post_batch, rule_key
from app.merchants.models import Merchant
from app.orders.models import Order, OrderItem
from app.orders.sub_orders import net_amounts
from app.payments.models import OPEN, WITHDRAWN, Dispute, PaymentAttempt, Refund
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event, subscribe

log = logs.get("payments.clearing")

BATCH = 10_000
# The sweep looks at orders that changed this recently: every completed order is cleared by its own handler as it
# completes, so the sweep only catches stragglers (a handler that failed, a refund in flight at completion).
SWEEP_WINDOW = timedelta(days=3)
_DEFAULT_KEY = rule_key(DEFAULT_RULE)


def _not_cleared(query):
    # An order under an open dispute waits: whether its disputed money is the merchant's is not known yet (won, it
    # comes back to the receivable it left; lost, it stays away), and its closing makes the sweep see it again.
    open_dispute = select(Dispute.id).where(Dispute.order_id == Order.id, Dispute.status.in_(OPEN)).exists()
    return query.where(
        Order.status == "completed",
        Order.kind == "purchase",
        ~select(OrderClearing.order_id).where(OrderClearing.order_id == Order.id).exists(),
        ~open_dispute,
    )


# An order's lines as one string, in line order: "amount|net|rule" joined by newlines; orders of one kind have
# the same string, so a batch reads only its few distinct kinds back. A line's net is what it still keeps: less what
# its sub-order's own refunds gave back of it (app/orders/sub_orders.py), so those take nothing from other lines.
_LINE = (
    "CAST(i.amount AS TEXT) || '|' || COALESCE(CAST(i.net_amount - i.refunded_amount AS TEXT), '') || '|' || "
    "COALESCE(CAST(i.clearing AS TEXT), 'null')"
)
_SQLITE_LINES = (
    f"(SELECT group_concat(line, char(10)) FROM (SELECT {_LINE} AS line FROM order_items i "
    "WHERE i.order_id = chosen.id ORDER BY i.id))"
)


def _items(chosen) -> tuple[object, list]:
    """The order's lines as the kind's string and, on PostgreSQL, each line's SKU and sub-order in line order, space
    separated (ids have none), which the postings are written with (app/ledger/clearing/services.py): one probe of the
    order's items. Returns what to join and the three columns (SQLite: only the lines; its postings join the items)."""
    if db.engine.dialect.name != "postgresql":
        return None, [
            func.coalesce(literal_column(_SQLITE_LINES), "").label("lines"),
            literal_column("NULL").label("skus"),
            literal_column("NULL").label("sub_orders"),
        ]
    i = OrderItem.__table__.alias("i")
    items = (
        select(
            literal_column(f"string_agg({_LINE}, E'\\n' ORDER BY i.id)").label("lines"),
            literal_column("string_agg(i.sku_id, ' ' ORDER BY i.id)").label("skus"),
            literal_column("string_agg(COALESCE(i.sub_order_id, ''), ' ' ORDER BY i.id)").label("sub_orders"),
        )
        .select_from(i)
        .where(i.c.order_id == chosen.c.id)
        .lateral("items")
    )
    return items, [func.coalesce(items.c.lines, "").label("lines"), items.c.skus, items.c.sub_orders]


def _stage(query) -> int:
    """Stage the orders ``query`` picks (a select of Order) with what each kept and how, and the key of its kind
    (orders alike in every figure that decides their split share one), in one statement; returns how many."""
    # The batch is picked first, so what is worked out per order below is worked out for the batch's orders only.
    chosen = query.with_only_columns(
        Order.id,
        Order.updated_at,
        Order.livemode,
        Order.currency,
        Order.total,
        # Money a lost dispute took is gone as a refund's is.
        (Order.refunded_amount + Order.disputed_amount).label("refunded_amount"),
    ).subquery("chosen")
    returned = select(Refund.id).where(Refund.payment_id == PaymentAttempt.id, Refund.kind == "capture_return").exists()

    # The earliest capture the order kept: one probe of the order's attempts (a lateral join on PostgreSQL; SQLite
    # has none, so there it is a probe per column read from it).
    capture = (
        select(PaymentAttempt.channel, PaymentAttempt.fee_amount)
        .where(PaymentAttempt.order_id == chosen.c.id, PaymentAttempt.status == "succeeded", ~returned)
        .order_by(PaymentAttempt.created_at, PaymentAttempt.id)
        .limit(1)
    )
    items, item_columns = _items(chosen)
    if db.engine.dialect.name == "postgresql":
        first = capture.lateral("capture")
        source = chosen.outerjoin(first, true()).outerjoin(items, true())
        channel, capture_fee = first.c.channel, first.c.fee_amount
    else:
        source = chosen
        channel = capture.with_only_columns(PaymentAttempt.channel).scalar_subquery()
        capture_fee = capture.with_only_columns(PaymentAttempt.fee_amount).scalar_subquery()
    # What the channel gave back of its fee on the order's refunds: looked up only for orders something was refunded
    # of (a refund's success and the order's refunded amount are one transaction, app/payments/refunds/services.py).
    fee_returned = case(
        (chosen.c.refunded_amount == 0, 0),
        else_=(
            select(func.coalesce(func.sum(Refund.fee_amount), 0))
            .where(Refund.order_id == chosen.c.id, Refund.status == "succeeded", Refund.kind == "order")
            .scalar_subquery()
            + select(func.coalesce(func.sum(Dispute.fee_back), 0))
            .where(Dispute.order_id == chosen.c.id, Dispute.status.in_(WITHDRAWN))
            .scalar_subquery()
        ),
    )
    picked = (
        select(
            chosen.c.id.label("order_id"),
            chosen.c.updated_at,
            chosen.c.livemode,
            chosen.c.currency,
            chosen.c.total,
            chosen.c.refunded_amount.label("refunded"),
            func.coalesce(channel, "").label("channel"),
            func.coalesce(capture_fee, 0).label("capture_fee"),
            fee_returned.label("fee_returned"),
            *item_columns,
        )
        .select_from(source)
        .subquery()
    )
    # The key of an order's kind is every figure that decides its split, as one string (the lines last: nothing
    # before them has a space), so orders are grouped by hashing it rather than by sorting them.
    key = cast(picked.c.livemode, Text)
    for column in (
        picked.c.currency,
        picked.c.total,
        picked.c.refunded,
        picked.c.channel,
        picked.c.capture_fee,
        picked.c.fee_returned,
        picked.c.lines,
    ):
        key = key + " " + cast(column, Text)
    batch = open_batch()
    names = [c.name for c in picked.c] + ["key_id"]
    db.session.execute(batch.insert().from_select(names, select(*picked.c, key)))
    return db.session.scalar(select(func.count()).select_from(batch))


def _kinds() -> list[tuple[str, int, bool, str, OrderToClear]]:
    """(key, how many, mode, currency, an order of that kind) for each kind of order staged."""
    c = STAGED.c
    rules: dict[str, tuple] = {"null": _DEFAULT_KEY}  # the few distinct rules, each parsed once
    kinds = []
    kind = (c.key_id, c.livemode, c.currency, c.total, c.refunded, c.channel, c.capture_fee, c.fee_returned, c.lines)
    for key_id, livemode, currency, total, refunded, channel, fee, fee_returned, lines, count in db.session.execute(
        select(*kind, func.count()).group_by(*kind)
    ):
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
        kinds.append(
            (
                key_id,
                count,
                livemode,
                currency,
                OrderToClear(
                    "",
                    total,
                    refunded,
                    channel or None,
                    fee,
                    fee_returned,
                    tuple((net, rule) for net, (_, _, rule) in zip(nets, items)),
                ),
            )
        )
    return kinds


def _clear(merchant_id: str, now: datetime | None) -> None:
    """Post the staged batch of one merchant's orders and commit (the caller holds its clearing lock until then)."""
    merchant = db.session.get(Merchant, merchant_id)
    platform = PlatformFee(merchant.platform_fee_bps, merchant.platform_fee_fixed, merchant.platform_fee_fixed_currency)
    post_batch(merchant_id, _kinds(), platform, now=now or utcnow())
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


def sweep_completed_orders(
    *,
    within: timedelta | None = SWEEP_WINDOW,
    batch: int = BATCH,
    now: datetime | None = None,
    progress: Callable[[int], None] | None = None,
) -> int:
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
            after = tuple(
                db.session.execute(select(STAGED.c.updated_at, STAGED.c.order_id).order_by(*last).limit(1)).one()
            )
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
