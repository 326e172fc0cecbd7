"""A coupon's duration on a subscription (like Stripe's): ``once`` discounts the first order only; ``repeating``
also the first ``duration_in_periods`` renewals; ``forever`` every renewal. The contract keeps what its first order
was priced with, so a later edit or deactivation of the coupon never changes what was agreed."""

from __future__ import annotations

from dataclasses import dataclass

from app.catalog.coupon_models import Coupon
from app.catalog.coupons import discount_for, discounts_for_order
from app.catalog.models import Sku
from app.errors import KassaError
from app.extensions import db
from app.orders.models import Order
from app.platform.values.money import Money

FIRST_PAID_PERIOD = 1  # app/signing/activation.py: paying the first order starts period 1


@dataclass(frozen=True)
class _Line:
    """An order line as a coupon's terms read it."""

    sku: Sku
    quantity: int
    amount: Money


def coupon_for_renewals(order_id: str) -> tuple[str | None, int | None]:
    """(coupon id, last renewal period it discounts; None: every one) for a contract whose first order is
    ``order_id``; (None, None) when its coupon, if any, discounts that order only."""
    for redemption in discounts_for_order(order_id):
        coupon = db.session.get(Coupon, redemption.coupon_id)
        if coupon.duration == "forever":
            return coupon.id, None
        if coupon.duration == "repeating":
            return coupon.id, FIRST_PAID_PERIOD + coupon.duration_in_periods
    return None, None


def renewal_discount(coupon_id: str | None, through: int | None, period: int, order: Order) -> int:
    """What the contract's coupon takes off the renewal ``order`` of ``period`` (0: nothing). The coupon's own limits
    and dates do not apply: its use was counted when the contract was signed; its terms (items, currency, the
    discount) still do, so a contract moved to a SKU the coupon does not cover pays that SKU's price."""
    if coupon_id is None or (through is not None and period > through):
        return 0
    coupon = db.session.get(Coupon, coupon_id)
    lines = [
        _Line(db.session.get(Sku, item.sku_id), item.quantity, Money(item.amount, order.currency))
        for item in order.items
    ]
    try:
        discount = discount_for(coupon, lines, order.currency, livemode=order.livemode)
    except KassaError:
        return 0
    return min(discount.amount.amount, order.total)
