"""Order split: the lines of an order that clear different ways become sub-orders, each with its own lines,
amounts and clearing (issue: an order of a studio's game and a creator's skin is two settlements' business).

At creation each line gets its net amount (the order's discount spread over the lines by largest remainder, so
the lines add up to the order total exactly) and the clearing rule in force (app/ledger/clearing/rules.py). The
merchant's ``split_strategy`` groups the lines: ``partner`` (default) by the partner with the largest share of each
line, ``product`` by product. One group: no sub-orders. Several: a sub-order each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm.attributes import set_committed_value

from app.extensions import db
from app.ledger.clearing.rules import owner, rule_in_force, with_settlement_delay
from app.orders.models import Order, OrderItem, SubOrder
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


def net_amounts(total: int, gross: Sequence[int]) -> list[int]:
    """Each line's part of the order total (the discount spread by the lines' gross amounts)."""
    if not gross:
        return []
    return allocate(total, list(gross)) if sum(gross) > 0 else [0] * len(gross)


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
        key = line.product_id if strategy == "product" else owner(item.clearing)
        groups.setdefault(key, []).append(i)
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
