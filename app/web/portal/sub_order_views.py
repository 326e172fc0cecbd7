"""One part of a split order, from its order page: mark it fulfilled (the merchant delivered it), or cancel it before
delivery (its remaining amount refunded, after a confirmation step). Both are the API's own services
(app/orders/sub_order_life.py, app/payments/refunds/sub_order_endings.py), so a second click answers the same."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.orders.models import Order
from app.orders.services import get_order
from app.orders.sub_order_life import report_sub_order_delivered
from app.orders.sub_orders import sub_order_of, sub_order_refundable, sub_order_status
from app.payments.refunds.representation import refunds_for_order
from app.payments.refunds.services import refundable
from app.payments.refunds.sub_order_endings import cancel_sub_order
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.mode_views import portal_livemode

MAX_REASON_LENGTH = 500


def _actor() -> str:
    return f"portal:{current_user.email}"[:60]


def _back(order_id: str):
    return redirect(url_for("portal.orders_detail", order_id=order_id))


@bp.post("/orders/<order_id>/sub_orders/<sub_order_id>/fulfil")
@permission_required("orders.maintain")
def sub_orders_fulfil(order_id: str, sub_order_id: str):
    order = get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
    try:
        with audit("order.sub_order_fulfil", Order, order.id):
            report_sub_order_delivered(order.merchant_id, order.id, sub_order_id, actor=_actor())
    except KassaError as error:
        db.session.rollback()
        flash(f"Sub-order {sub_order_id} was not marked fulfilled: {error.message}.", "error")
    else:
        flash(f"Sub-order {sub_order_id} is marked fulfilled.")
    return _back(order.id)


@bp.get("/orders/<order_id>/sub_orders/<sub_order_id>/cancel")
@permission_required("orders.view")
def sub_orders_cancel_again(order_id: str, sub_order_id: str):
    """The cancel confirmation reloaded: back to the order's page (another merchant's order is a 404)."""
    order = get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
    return _back(order.id)


@bp.post("/orders/<order_id>/sub_orders/<sub_order_id>/cancel")
@permission_required("orders.refund")
def sub_orders_cancel(order_id: str, sub_order_id: str):
    order = get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
    sub = sub_order_of(order, sub_order_id)
    reason = (request.form.get("reason") or "").strip()[:MAX_REASON_LENGTH] or None
    if request.form.get("confirmed") != "yes":
        # Step 1: say what it does; nothing is changed yet.
        return render_template(
            "portal/sub_order_cancel_confirm.html",
            order=order,
            sub=sub,
            status=sub_order_status(order, sub),
            amount=min(sub_order_refundable(sub), refundable(order)),
            items=[item for item in order.items if item.sub_order_id == sub.id],
        )
    try:
        with audit("order.sub_order_cancel", Order, order.id):
            after = cancel_sub_order(order.merchant_id, order.id, sub.id, reason=reason, actor=_actor())
    except KassaError as error:
        db.session.rollback()
        flash(f"Sub-order {sub_order_id} was not canceled: {error.message}.", "error")
        return _back(order.id)
    refund = next((r for r in reversed(refunds_for_order(after.id)) if r.sub_order_id == sub.id), None)
    if refund is not None and refund.status == "failed":
        flash(f"Sub-order {sub.id} is canceled, but its refund failed: {refund.failure_reason}. You can retry it.")
    else:
        flash(f"Sub-order {sub.id} is canceled and what remained of it refunded.")
    return _back(order.id)
