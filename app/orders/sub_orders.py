"""Order split: the lines of an order that clear different ways become sub-orders, each with its own lines,
amounts and clearing (issue: an order of a studio's game and a creator's skin is two settlements' business).

At creation each line gets its net amount (the order's discount spread over the lines by largest remainder, so
the lines add up to the order total exactly) and the clearing rule in force (app/ledger/clearing/rules.py). The
merchant's ``split_strategy`` groups the lines: ``partner`` (default) by the partner with the largest share of each
line, ``product`` by product, ``category`` by the product's category (products without one form a group of their
own). One group: no sub-orders. Several: a sub-order each.

A sub-order can be refunded on its own (app/payments/refunds/services.py): the refund goes through the order's
refund path, and its money comes back from that sub-order's lines only — before clearing, the lines' refunded amounts
keep clearing from splitting the rest over them; after clearing, from the sub-order's partner lines. A refund of the
whole order is attributed to its sub-orders too, in proportion to what each still has (largest remainder, so the
shares add up to the refund exactly): each sub-order's ``refunded_amount`` counts its share, and its money comes from
each sub-order's lines as if each share had been refunded on its own.

Each sub-order also has a life of its own (``state``, app/orders/sub_order_life.py): ``open``, then ``fulfilled``
(its delivery reported), ``completed`` (its receipt confirmed), or ``canceled`` / ``failed`` (ended before delivery,
its remaining amount refunded). A sub-order is *live* unless it was canceled, failed, or refunded in full. Its status:

- ``canceled`` or ``failed`` when it ended so;
- ``refunded`` once refunds gave back its whole total (or the order itself is ``refunded``);
- ``partially_refunded`` while some but not all of it was given back;
- ``completed`` when its receipt was confirmed, or the order completed; ``fulfilled`` when it was delivered, or the
  order was fulfilled as a whole;
- otherwise the order's status (``paid``, ``refunding`` …).

The parent follows its live children: it becomes ``fulfilled`` when every live sub-order is fulfilled, and
``completed`` when every live sub-order is confirmed (auto-confirm still completes the whole order, and clearing stays
per order). When every sub-order is refunded the order has given back its whole total, so the order refund path makes
it ``refunded``; otherwise the order keeps its status.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm.attributes import set_committed_value

from app.errors import Conflict, NotFound
from app.extensions import db
from app.ledger.clearing.rules import owner, rule_in_force, with_settlement_delay
from app.orders.models import Order, OrderItem, SubOrder
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.money import allocate


@dataclass(frozen=True)
class PricedLine:
    """What the order knows of a line when it opens it."""

    sku_id: str
    product_id: str
    amount: int  # gross: unit price × quantity
    sku_rule: dict | None
    product_rule: dict | None
    settlement_delay_days: int | None = None  # the product's T+N
    category: str | None = None  # the product's category, for the "category" strategy


def net_amounts(total: int, gross: Sequence[int]) -> list[int]:
    """Each line's part of the order total (the discount spread by the lines' gross amounts)."""
    if not gross:
        return []
    return allocate(total, list(gross)) if sum(gross) > 0 else [0] * len(gross)


def _group_of(line: PricedLine, item: OrderItem, strategy: str) -> str:
    """The key of the sub-order a line belongs to under the merchant's strategy (lines without a category share
    one group)."""
    if strategy == "product":
        return line.product_id
    if strategy == "category":
        return f"category:{line.category or ''}"
    return owner(item.clearing)


def split_lines(
    order_id: str,
    merchant_id: str,
    currency: str,
    total: int,
    lines: Sequence[PricedLine],
    items: Sequence[OrderItem],
    *,
    merchant_rule: dict | None,
    strategy: str,
) -> list[SubOrder]:
    """Fill each item's net amount and clearing rule, and the sub-orders when the lines go different ways."""
    nets = net_amounts(total, [line.amount for line in lines])
    groups: dict[str, list[int]] = {}
    for i, (line, item, net) in enumerate(zip(lines, items, nets)):
        item.net_amount = net
        item.clearing = with_settlement_delay(
            rule_in_force(line.sku_rule, line.product_rule, merchant_rule), line.settlement_delay_days
        )
        groups.setdefault(_group_of(line, item, strategy), []).append(i)
    if len(groups) < 2:
        return []
    sub_orders = []
    for key, members in groups.items():
        gross = sum(lines[i].amount for i in members)
        net = sum(nets[i] for i in members)
        first = items[members[0]]
        sub = SubOrder(
            id=new_id("so"),
            order_id=order_id,
            merchant_id=merchant_id,
            partner_id=owner(first.clearing),
            product_id=key if strategy == "product" else None,
            category=lines[members[0]].category if strategy == "category" else None,
            subtotal=gross,
            discount=gross - net,
            total=net,
            currency=currency,
        )
        for i in members:
            items[i].sub_order_id = sub.id
        sub_orders.append(sub)
    return sub_orders


def load_sub_orders(orders: Sequence[Order]) -> None:
    """Set the sub-orders of those ``orders`` whose lines name one, read in one statement (a page of a list); the
    others have none to read."""
    split = [o for o in orders if any(i.sub_order_id for i in o.items)]
    if not split:
        return
    found: dict[str, list[SubOrder]] = {}
    for sub in db.session.scalars(
        select(SubOrder).where(SubOrder.order_id.in_([o.id for o in split])).order_by(SubOrder.id)
    ):
        found.setdefault(sub.order_id, []).append(sub)
    for order in split:
        set_committed_value(order, "sub_orders", found.get(order.id, []))


def sub_order_of(order: Order, sub_order_id: str) -> SubOrder:
    """The order's sub-order ``sub_order_id``; another order's (or none) is not found."""
    sub = db.session.scalar(select(SubOrder).where(SubOrder.id == sub_order_id, SubOrder.order_id == order.id))
    if sub is None:
        raise NotFound(f"order {order.id} has no sub-order {sub_order_id!r}", param="sub_order_id")
    return sub


def sub_order_refundable(sub: SubOrder) -> int:
    """What a refund of the sub-order may still give back."""
    return sub.total - sub.refunded_amount


ENDED = ("canceled", "failed")  # states of a sub-order ended before delivery (its remaining amount refunded)
DELIVERED = ("fulfilled", "completed")  # states of a sub-order whose delivery was reported


def refunded_in_full(sub: SubOrder) -> bool:
    """Whether refunds gave back the sub-order's whole total."""
    return sub.total > 0 and sub.refunded_amount >= sub.total


def is_live(sub: SubOrder) -> bool:
    """Whether the sub-order still counts for its parent's status: not canceled, failed, nor refunded in full."""
    return sub.state not in ENDED and not refunded_in_full(sub)


def sub_order_status(order: Order, sub: SubOrder) -> str:
    """The sub-order's status by the rule of the module's docstring."""
    if sub.state in ENDED:
        return sub.state
    if order.status == "refunded" or refunded_in_full(sub):
        return "refunded"
    if sub.refunded_amount > 0:
        return "partially_refunded"
    if sub.state == "completed" or order.status == "completed":
        return "completed"
    if sub.state == "fulfilled" or order.status == "fulfilled":
        return "fulfilled"
    return order.status


def sub_orders_of(order_id: str) -> list[SubOrder]:
    """The order's sub-orders as they are now (none for an order that is not split)."""
    return list(
        db.session.scalars(
            select(SubOrder)
            .where(SubOrder.order_id == order_id)
            .order_by(SubOrder.id)
            .execution_options(populate_existing=True)
        )
    )


def items_to_grant(order: Order, sub_order_id: str | None = None) -> list[OrderItem]:
    """The order's lines a fulfilment grants: those of sub-order ``sub_order_id``, or of every live sub-order (the
    lines of a canceled, failed or refunded part were never delivered); all lines of an order that is not split."""
    if sub_order_id is not None:
        return [item for item in order.items if item.sub_order_id == sub_order_id]
    if not any(item.sub_order_id for item in order.items):
        return list(order.items)
    live = {sub.id for sub in sub_orders_of(order.id) if is_live(sub)}
    return [item for item in order.items if item.sub_order_id in live]


def set_sub_order_state(sub_order_id: str, sources: Sequence[str], target: str) -> bool:
    """Move the sub-order from one of ``sources`` to ``target`` by one conditional UPDATE in the caller's
    transaction; false when it is no longer in any of them (someone else moved it first)."""
    return (
        db.session.execute(
            update(SubOrder)
            .where(SubOrder.id == sub_order_id, SubOrder.state.in_(list(sources)))
            .values(state=target, state_changed_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        == 1
    )


class SubOrderEnded(Conflict):
    """The sub-order is no longer open: someone ended (or delivered) it first."""

    code = "sub_order_state_invalid"


def end_sub_order(sub_order_id: str, state: str) -> None:
    """End an open sub-order as ``canceled`` or ``failed``, in the caller's transaction (the refund of what remains
    of it, opened in the same one); SubOrderEnded when it is not open any more."""
    if not set_sub_order_state(sub_order_id, ("open",), state):
        raise SubOrderEnded(f"sub-order {sub_order_id} is no longer open", param="sub_order_id")


def spread_over_sub_orders(order_id: str, amount: int) -> list[tuple[str, int]]:
    """A refund of the whole order, attributed to its sub-orders in proportion to what each still has (largest
    remainder: the shares add up to ``amount`` exactly, none above what its sub-order has); empty for an order that
    is not split. The same while the refund is in flight: one refund of an order at a time moves these amounts."""
    subs = sub_orders_of(order_id)
    weights = [max(sub_order_refundable(sub), 0) for sub in subs]
    if not subs or sum(weights) <= 0:
        return []
    return [(sub.id, share) for sub, share in zip(subs, allocate(min(amount, sum(weights)), weights)) if share > 0]


def record_order_refund(order_id: str, amount: int) -> None:
    """A refund of the whole order succeeded, in the caller's transaction: each sub-order's share of it (as
    ``spread_over_sub_orders`` spreads it) is recorded as its own refunds are."""
    for sub_order_id, share in spread_over_sub_orders(order_id, amount):
        record_sub_order_refund(sub_order_id, share)


def record_sub_order_refund(sub_order_id: str, amount: int) -> None:
    """A refund of the sub-order succeeded, in the caller's transaction (under the order's lock): the sub-order's
    refunded amount grows (never past its total: the database re-checks) and so do its lines', spread by what each
    still keeps, which clearing then splits no more."""
    grown = db.session.execute(
        update(SubOrder)
        .where(SubOrder.id == sub_order_id, SubOrder.refunded_amount + amount <= SubOrder.total)
        .values(refunded_amount=SubOrder.refunded_amount + amount)
        .execution_options(synchronize_session=False)
    ).rowcount
    if grown != 1:
        raise RuntimeError(f"a refund of {amount} would exceed the total of sub-order {sub_order_id}")
    items = list(
        db.session.scalars(select(OrderItem).where(OrderItem.sub_order_id == sub_order_id).order_by(OrderItem.id))
    )
    keeps = [max((item.net_amount or 0) - item.refunded_amount, 0) for item in items]
    for item, part in zip(items, allocate(amount, keeps) if sum(keeps) > 0 else [0] * len(items)):
        item.refunded_amount += part
