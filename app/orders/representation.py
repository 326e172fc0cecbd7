"""The Order of shared/API.md as far as the order's own row and lines tell it.

Order events carry this object (``data.object``), and the API's Order (app/web/api/representations.py
``order_json``) is this object plus the parts that need reads of their own: the timeline, sub-orders, coupon
lines, payments, refunds and the channels on offer. An event is written inside the business transaction, often on
the checkout's hot path, so its copy of the order must cost no query: callers load the items with the order."""

from __future__ import annotations

from app.orders.customers import is_authenticated
from app.orders.models import Order
from app.platform.values.times import iso_time

# Orders from before risk control existed were never assessed: shown as allowed with no reasons.
_UNASSESSED = {"decision": "allow", "score": 0, "reasons": []}


def order_object(order: Order) -> dict:
    """The order, its lines, amounts, customer and metadata (reads ``order.items``: load them with the order)."""
    return {
        "id": order.id,
        "object": "order",
        "kind": order.kind,
        "status": order.status,
        "livemode": order.livemode,
        "items": [
            {
                "sku": i.sku_id,
                "product": i.product_id,
                "name": i.name,
                "quantity": i.quantity,
                "unit_amount": i.unit_amount,
                "amount": i.amount,
            }
            for i in order.items
        ],
        "amount": {
            "subtotal": order.subtotal,
            "discount": order.discount,
            "total": order.total,
            "currency": order.currency,
        },
        "refunded_amount": order.refunded_amount,
        "risk": order.risk or _UNASSESSED,
        "customer": {
            "id": order.customer_id,
            "email": order.customer_email,
            "source": order.customer_source,
            "verified": is_authenticated(order.customer_source),
        },
        "checkout_session": order.checkout_session_id,
        "business_line": order.business_line_id,
        "metadata": order.metadata_ or {},
        "expires_at": iso_time(order.expires_at),
        "created_at": iso_time(order.created_at),
    }
