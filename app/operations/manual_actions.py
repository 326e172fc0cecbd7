"""Manual maintenance of orders: ask for an action with a reason, have it approved when it moves money, and
run it once, with its effect on the order's timeline.

``request_action`` stores the action first (its form's idempotency key is unique, so a form sent twice is
one action) and checks the order allows it. An action that moves money then waits in ``awaiting_approval``
until an owner or finance user other than the one who asked approves it (``decide_action``); approving
claims it with a conditional UPDATE, so it runs once however often the button is pressed. Any other action
runs at once. Either way the run re-checks the order, calls the service the system itself would
(app/operations/manual_kinds.py) and records what came of it on the action and the order's timeline.
The caller wraps ``request_action`` and ``decide_action`` in ``audited`` (the view's ``audit``), so the
audit row joins the first commit: the action as asked, with its reason.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.audit.services import AuditActor
from app.errors import Conflict, InvalidRequest, KassaError, NotFound, PermissionDenied
from app.extensions import db
from app.merchants.permissions import can, roles_with
from app.operations import manual_state
from app.operations.manual_kinds import KINDS, ActionKind, Run, target_of
from app.operations.manual_models import ManualAction
from app.orders.models import Order
from app.orders.services import get_order, note_on_timeline
from app.orders.timeline_kinds import EntryCode
from app.payments.channels.interface import ProviderUnavailable
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.values.ids import new_id

log = logs.get("operations.manual")

MAX_TEXT = 500


def actor_label(actor: AuditActor) -> str:
    """How a person appears as the actor of an order's timeline (as the portal's refunds do)."""
    return f"portal:{actor.email}"[:60]


def _text(value: object, *, param: str, missing: str, limit: int = MAX_TEXT) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise InvalidRequest(missing, param=param)
    if len(text) > limit:
        raise InvalidRequest(f"{param.replace('_', ' ')} may be at most {limit} characters", param=param)
    return text


def _inputs(kind: ActionKind, *, reason: object, evidence: object, provider_reference: object) -> dict:
    params = {}
    if kind.needs_evidence:
        params["evidence"] = _text(
            evidence,
            param="evidence",
            missing="paste the provider's evidence: what its "
            "dashboard or support says about this payment (status, transaction id, time)",
        )
    if kind.check_reference is not None and isinstance(provider_reference, str) and provider_reference.strip():
        params["provider_reference"] = _text(provider_reference, param="provider_reference", missing="", limit=100)
    _text(reason, param="reason", missing="say why: the reason is kept in the audit log and on the order's timeline")
    return params


def request_action(
    actor: AuditActor,
    order_id: str,
    kind_key: object,
    *,
    livemode: bool,
    reason: object,
    idempotency_key: object,
    subject: object = "",
    evidence: object = None,
    provider_reference: object = None,
) -> ManualAction:
    """Ask for a maintenance action on one of the merchant's orders (of the mode being looked at). Runs it at
    once, unless it moves money: then it waits for another person's approval. A form sent again returns the
    action it made the first time."""
    if not can(actor.role, "orders.maintain"):
        raise PermissionDenied("your role cannot run maintenance actions", code="role_not_allowed")
    kind = KINDS.get(kind_key) if isinstance(kind_key, str) else None
    if kind is None:
        raise InvalidRequest(f"action must be one of {', '.join(KINDS)}", param="kind")
    key = _text(idempotency_key, param="idempotency_key", missing="the form lost its key; reload the page", limit=64)
    subject = subject.strip() if isinstance(subject, str) and kind.subject else ""
    order = get_order(actor.merchant_id, order_id, livemode=livemode)
    earlier = _by_key(actor.merchant_id, key)
    if earlier is not None:
        return _replayed(earlier, order.id, kind.key, subject)
    params = _inputs(kind, reason=reason, evidence=evidence, provider_reference=provider_reference)
    target = target_of(kind, order, subject)
    kind.check(target)
    if kind.check_reference is not None:
        kind.check_reference(target, params.get("provider_reference", ""))
    now = utcnow()
    action = ManualAction(
        id=new_id("mact"),
        merchant_id=actor.merchant_id,
        order_id=order.id,
        livemode=order.livemode,
        kind=kind.key,
        subject=subject,
        params=params,
        reason=reason.strip(),
        status="awaiting_approval" if kind.moves_money else "running",
        idempotency_key=key,
        requested_by_id=actor.user_id,
        requested_by_email=actor.email,
        requested_by_role=actor.role,
        created_at=now,
        updated_at=now,
    )
    db.session.add(action)
    if kind.moves_money:
        note_on_timeline(
            order,
            f"asked for approval — {_title(action)}: {action.reason}",
            actor=actor_label(actor),
            kind=EntryCode.MAINTENANCE,
        )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return _after_clash(actor.merchant_id, key, order.id, kind, subject)
    log.info(
        "manual action %s on order %s: %s",
        kind.key,
        order.id,
        action.status,
        extra={
            "fields": {
                "merchant_id": actor.merchant_id,
                "order_id": order.id,
                "action_id": action.id,
                "by": actor.email,
            }
        },
    )
    return action if kind.moves_money else _run(action.id, actor)


def _by_key(merchant_id: str, key: str) -> ManualAction | None:
    return db.session.scalar(
        select(ManualAction).where(ManualAction.merchant_id == merchant_id, ManualAction.idempotency_key == key)
    )


def _replayed(earlier: ManualAction, order_id: str, kind: str, subject: str) -> ManualAction:
    if (earlier.order_id, earlier.kind, earlier.subject) != (order_id, kind, subject):
        raise Conflict(
            "this form was already sent for another action; reload the page and try again",
            code="idempotency_key_reused",
            param="idempotency_key",
        )
    return earlier


def _after_clash(merchant_id: str, key: str, order_id: str, kind: ActionKind, subject: str) -> ManualAction:
    """The insert clashed: the same form sent twice at once (return that action), or someone already asked
    for this very action and it waits for approval."""
    earlier = _by_key(merchant_id, key)
    if earlier is not None:
        return _replayed(earlier, order_id, kind.key, subject)
    waiting = db.session.scalar(
        select(ManualAction).where(
            ManualAction.order_id == order_id,
            ManualAction.kind == kind.key,
            ManualAction.subject == subject,
            ManualAction.status == "awaiting_approval",
        )
    )
    who = f" ({waiting.id}, asked by {waiting.requested_by_email})" if waiting else ""
    raise Conflict(f"this action already waits for approval{who}", code="manual_action_waiting")


def decide_action(actor: AuditActor, action_id: str, *, approve: bool, note: object = None) -> ManualAction:
    """Approve (then run, once) or reject an action waiting for approval. Only an owner or finance user, and
    never the person who asked for it."""
    action = get_action(actor.merchant_id, action_id)
    if not can(actor.role, "orders.approve"):
        raise PermissionDenied(
            f"only {' or '.join(roles_with('orders.approve'))} users approve money moved by hand",
            code="role_not_allowed",
        )
    if actor.user_id == action.requested_by_id:
        raise PermissionDenied(
            "you asked for this action, so someone else must approve it: a second person "
            "checks every movement of money by hand",
            code="approval_by_requester",
        )
    target = "running" if approve else "rejected"
    note_text = note.strip()[:MAX_TEXT] if isinstance(note, str) and note.strip() else None
    now = utcnow()
    claimed = db.session.execute(
        update(ManualAction)
        .where(ManualAction.id == action.id, ManualAction.status.in_(manual_state.sources(target)))
        .values(
            status=target,
            decided_by_id=actor.user_id,
            decided_by_email=actor.email,
            decided_at=now,
            decision_note=note_text,
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        current = db.session.get(ManualAction, action.id, populate_existing=True)
        by = f" by {current.decided_by_email}" if current.decided_by_email else ""
        raise Conflict(
            f"this action was already decided{by}: it is {current.status.replace('_', ' ')}",
            code="manual_action_decided",
        )
    if not approve:
        order = db.session.get(Order, action.order_id)
        note_on_timeline(
            order,
            f"rejected — {_title(action)}" + (f": {note_text}" if note_text else ""),
            actor=actor_label(actor),
            kind=EntryCode.MAINTENANCE,
        )
    db.session.commit()
    log.info(
        "manual action %s %s",
        action.id,
        target,
        extra={
            "fields": {
                "merchant_id": actor.merchant_id,
                "order_id": action.order_id,
                "action_id": action.id,
                "by": actor.email,
            }
        },
    )
    return _run(action.id, actor) if approve else db.session.get(ManualAction, action.id, populate_existing=True)


def _run(action_id: str, actor: AuditActor) -> ManualAction:
    """Run a claimed (``running``) action through its kind and record the result; never raises for a result
    the action itself met (a refusal, a provider that does not answer): that is the action's outcome."""
    action = db.session.get(ManualAction, action_id, populate_existing=True)
    kind = KINDS[action.kind]
    order = db.session.get(Order, action.order_id, populate_existing=True)
    try:
        target = target_of(kind, order, action.subject)
        kind.check(target)  # the order may have moved on since the action was asked for
        outcome = kind.run(
            Run(
                target,
                action.reason,
                action.params.get("evidence", ""),
                action.params.get("provider_reference", ""),
                actor_label(actor),
            )
        )
        succeeded = True
    except KassaError as error:
        outcome, succeeded = error.message, False
    except ProviderUnavailable as error:
        outcome, succeeded = f"the provider did not answer: {error}", False
    except Exception:  # a bug: the action must still end, and say so, rather than stay "running"
        log.exception("manual action failed unexpectedly", extra={"fields": {"action_id": action_id}})
        outcome, succeeded = "it stopped on an unexpected error, recorded in Kassa's logs", False
    db.session.rollback()  # whatever a refused run left unsaved; the services commit their own work
    return _finish(action_id, succeeded, outcome, actor)


def _finish(action_id: str, succeeded: bool, outcome: str, actor: AuditActor) -> ManualAction:
    status = "succeeded" if succeeded else "failed"
    now = utcnow()
    db.session.execute(
        update(ManualAction)
        .where(ManualAction.id == action_id, ManualAction.status.in_(manual_state.sources(status)))
        .values(status=status, outcome=outcome[:MAX_TEXT], updated_at=now)
        .execution_options(synchronize_session=False)
    )
    action = db.session.get(ManualAction, action_id, populate_existing=True)
    order = db.session.get(Order, action.order_id, populate_existing=True)
    asked = "" if action.requested_by_id == actor.user_id else f" (asked by {action.requested_by_email})"
    note_on_timeline(
        order,
        f"{'done' if succeeded else 'failed'} — {_title(action)}{asked}: {action.reason} → {outcome}",
        actor=actor_label(actor),
        kind=EntryCode.MAINTENANCE,
    )
    db.session.commit()
    return action


def _title(action: ManualAction) -> str:
    return f"{KINDS[action.kind].label}{f' {action.subject}' if action.subject else ''} ({action.id})"


def get_action(merchant_id: str, action_id: str, *, livemode: bool | None = None) -> ManualAction:
    """The merchant's action (of that mode, if given); another merchant's is not found."""
    query = select(ManualAction).where(ManualAction.id == action_id, ManualAction.merchant_id == merchant_id)
    if livemode is not None:
        query = query.where(ManualAction.livemode == livemode)
    action = db.session.scalar(query)
    if action is None:
        raise NotFound(f"no manual action {action_id!r}", param="id")
    return action


def actions_for_order(merchant_id: str, order_id: str) -> list[ManualAction]:
    """An order's manual actions, newest first."""
    return list(
        db.session.scalars(
            select(ManualAction)
            .where(ManualAction.merchant_id == merchant_id, ManualAction.order_id == order_id)
            .order_by(ManualAction.created_at.desc(), ManualAction.id.desc())
        )
    )


def waiting_actions(
    merchant_id: str, *, livemode: bool, limit: int = 25, starting_after: str | None = None
) -> tuple[list[ManualAction], bool]:
    """One mode's actions waiting for approval, oldest first, cursor-paginated by id."""
    query = select(ManualAction).where(
        ManualAction.merchant_id == merchant_id,
        ManualAction.livemode == livemode,
        ManualAction.status == "awaiting_approval",
    )
    if starting_after:
        query = query.where(ManualAction.id > starting_after)
    rows = list(db.session.scalars(query.order_by(ManualAction.id).limit(limit + 1)))
    return rows[:limit], len(rows) > limit
