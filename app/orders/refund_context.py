"""What orders tell risk of an order a refund is asked for (app/risk/refund_requests.py scores it): the customer's
purchases and refunds of the order's mode, and what the order granted that may be used up already."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select

from app.extensions import db
from app.orders.fulfilment_models import Entitlement, EntitlementGrant
from app.orders.models import Order
from app.orders.state import PAID_STATUSES
from app.risk.refund_requests import Grant, RefundContext


def refund_context(order: Order) -> RefundContext:
    """The refund-abuse context of ``order``, from its mode only."""
    livemode = order.livemode
    mine = (
        (Order.merchant_id == order.merchant_id)
        & (Order.customer_id == order.customer_id)
        & (Order.livemode == livemode)
    )
    bought = db.session.scalar(select(func.count()).select_from(Order).where(mine, Order.status.in_(PAID_STATUSES)))
    refunded = db.session.scalar(select(func.count()).select_from(Order).where(mine, Order.refunded_amount > 0))

    def of_mode(order_id: ColumnElement[str]) -> ColumnElement[bool]:
        return select(Order.id).where(Order.id == order_id, Order.livemode == livemode).exists()

    return RefundContext(
        order.merchant_id, order.id, order.customer_id, livemode, bought, refunded, _grants(order), of_mode
    )


def _grants(order: Order) -> tuple[Grant, ...]:
    grants = []
    for grant in db.session.scalars(select(EntitlementGrant).where(EntitlementGrant.order_id == order.id)):
        held = 0
        if grant.kind == "credits" and grant.credits:
            held = (
                db.session.scalar(
                    select(Entitlement.credits).where(
                        Entitlement.merchant_id == order.merchant_id,
                        Entitlement.customer_id == order.customer_id,
                        Entitlement.kind == "credits",
                        Entitlement.livemode == grant.livemode,
                    )
                )
                or 0
            )
        grants.append(Grant(grant.kind, grant.credits, held, grant.membership_days, grant.granted_at))
    return tuple(grants)
