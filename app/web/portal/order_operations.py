"""What an order's page shows of operations: the path it took on the order workflow, and its maintenance
panel (the actions its state allows now, those waiting for approval, and every one taken before)."""

from __future__ import annotations

import secrets

from flask_login import current_user

from app.merchants.permissions import can, roles_with
from app.operations.manual_actions import actions_for_order
from app.operations.manual_kinds import KINDS, offers_for
from app.operations.workflows import order_diagram, order_path
from app.orders.models import Order
from app.payments.models import PaymentAttempt


def order_operations(
    order: Order, payments: list[PaymentAttempt], *, has_events: bool, action_error: dict | None = None
) -> dict:
    """Template context for the order page's workflow and maintenance sections. ``action_error`` (form key,
    message, values) re-opens the form that was refused, with what was typed."""
    role = current_user.role
    path = order_path(order)
    actions = actions_for_order(order.merchant_id, order.id)
    waiting = {(a.kind, a.subject) for a in actions if a.status == "awaiting_approval"}
    offers = (
        [o for o in offers_for(order, payments, has_events=has_events) if (o.kind.key, o.subject) not in waiting]
        if can(role, "orders.maintain")
        else []
    )
    return {
        "path": path,
        "order_diagram": order_diagram(order, path),
        "offers": offers,
        "manual_actions": actions,
        "kinds": KINDS,
        "payments_by_id": {p.id: p for p in payments},
        "action_error": action_error or {},
        "can_maintain": can(role, "orders.maintain"),
        "can_approve": can(role, "orders.approve"),
        "maintainers": roles_with("orders.maintain"),
        "approvers": roles_with("orders.approve"),
        # Each form's key makes a double submit one action; a fresh key per page view.
        "action_key": secrets.token_urlsafe(18),
    }
