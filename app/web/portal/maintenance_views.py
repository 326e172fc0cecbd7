"""Manual maintenance from the portal: take an action on an order (with a reason, audited), and approve or
reject the ones that move money in the approval queue (another owner or finance user, never the asker)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.operations.manual_actions import decide_action, get_action, request_action, waiting_actions
from app.operations.manual_kinds import KINDS
from app.operations.manual_models import ManualAction
from app.orders.services import get_order
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, portal_actor
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode
from app.web.portal.orders_views import order_page

PAGE_SIZE = 25
_FIELDS = ("kind", "subject", "reason", "evidence", "provider_reference")


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "?", "!")) else message + "."


@bp.post("/orders/<order_id>/actions")
@permission_required("orders.maintain")
def orders_action(order_id: str):
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; reload the order and try again.")
    get_order(current_user.merchant_id, order_id, livemode=portal_livemode())  # another's, or other mode: 404
    values = {name: request.form.get(name, "") for name in _FIELDS}
    kind = values["kind"] if values["kind"] in KINDS else "unknown"
    try:
        with audit(f"manual_action.{kind}", ManualAction):
            action = request_action(
                portal_actor(),
                order_id,
                values["kind"],
                livemode=portal_livemode(),
                reason=values["reason"],
                idempotency_key=request.form.get("idempotency_key"),
                subject=values["subject"],
                evidence=values["evidence"],
                provider_reference=values["provider_reference"],
            )
    except KassaError as error:
        db.session.rollback()
        form = f"{values['kind']}-{values['subject']}" if values["kind"] != "replay_event" else "replay_event-"
        return order_page(
            order_id,
            status=error.status,
            action_error={"form": form, "message": _sentence(error.message), "param": error.param, "values": values},
        )
    flash(_outcome_message(action))
    return redirect(url_for("portal.orders_detail", order_id=order_id) + "#maintenance")


def _outcome_message(action: ManualAction) -> str:
    label = KINDS[action.kind].label
    if action.status == "awaiting_approval":
        return (
            f"{label}: asked for approval ({action.id}). An owner or finance user other than you approves it "
            "under Operations → Approvals; it runs then."
        )
    if action.status == "succeeded":
        return _sentence(f"{label}: done — {action.outcome}")
    if action.status == "rejected":
        return f"{label}: rejected by {action.decided_by_email}."
    return _sentence(f"{label}: not done — {action.outcome}")


@bp.get("/operations/approvals")
@permission_required("orders.view")
def operations_approvals():
    actions, has_more = waiting_actions(
        current_user.merchant_id,
        livemode=portal_livemode(),
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
    )
    older = url_for("portal.operations_approvals", starting_after=actions[-1].id) if has_more else None
    return render_template("portal/operations_approvals.html", actions=actions, kinds=KINDS, next_url=older)


def _action_page(action_id: str, *, error: str | None = None, status: int = 200):
    action = get_action(current_user.merchant_id, action_id, livemode=portal_livemode())
    order = get_order(current_user.merchant_id, action.order_id)
    return render_template(
        "portal/operations_approval.html",
        action=action,
        order=order,
        kind=KINDS[action.kind],
        form=ConfirmForm(),
        error=error,
    ), status


@bp.get("/operations/approvals/<action_id>")
@permission_required("orders.view")
def operations_approvals_detail(action_id: str):
    return _action_page(action_id)


def _decide(action_id: str, *, approve: bool):
    get_action(current_user.merchant_id, action_id, livemode=portal_livemode())  # 404 before anything
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; reload the approval and try again.")
    try:
        with audit(f"manual_action.{'approve' if approve else 'reject'}", ManualAction, action_id):
            action = decide_action(portal_actor(), action_id, approve=approve, note=request.form.get("note"))
    except KassaError as error:
        db.session.rollback()
        return _action_page(action_id, error=_sentence(error.message), status=error.status)
    flash(_outcome_message(action))
    return redirect(url_for("portal.orders_detail", order_id=action.order_id) + "#maintenance")


@bp.post("/operations/approvals/<action_id>/approve")
@permission_required("orders.approve")
def operations_approvals_approve(action_id: str):
    return _decide(action_id, approve=True)


@bp.post("/operations/approvals/<action_id>/reject")
@permission_required("orders.approve")
def operations_approvals_reject(action_id: str):
    return _decide(action_id, approve=False)
