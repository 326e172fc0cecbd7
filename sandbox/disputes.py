"""Disputes (chargebacks) at the simulated provider: the shopper's bank takes a card payment back.

A test control opens one on a succeeded payment (at most what is captured less refunded and less what earlier
disputes hold) and the merchant is told by a signed callback to the payment's callback URL, sent and retried as a
payment's is (sandbox/callbacks.py). The merchant may answer once with evidence (authenticated, before the
due date); a second control closes the dispute ``won`` (the money comes back) or ``lost``, with its callback.
"""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import Blueprint, Response, g, jsonify
from sqlalchemy import update
from sqlalchemy.orm import Session

from sandbox.api import json_body, require_api_key
from sandbox.callbacks import CallbackEvent, dispatch_callback
from sandbox.models import Dispute, Payment, random_suffix, utcnow
from sandbox.runtime import SandboxRuntime, current_runtime
from sandbox.services import SandboxError, callback_secret, get_payment, still_captured

bp = Blueprint("sandbox_disputes", __name__, url_prefix="/sandbox/api")

EVIDENCE_DAYS = 7  # how long the merchant has to answer, as card schemes give days, not hours
MAX_REASON_LENGTH = 100
MAX_EVIDENCE_LENGTH = 10_000
MAX_FEE = 1_000_000  # a dispute fee the control takes: $10,000.00 is more than any scheme charges


class DisputeNotFound(SandboxError):
    def __init__(self) -> None:
        super().__init__(404, "not_found", "No such dispute.", "id")


def dispute_object(dispute: Dispute, payment: Payment) -> dict[str, Any]:
    """The public JSON shape of a dispute; ``payment_reference`` is the merchant's reference of the payment."""
    due = dispute.evidence_due_by
    return {
        "id": dispute.id,
        "object": "dispute",
        "payment": dispute.payment_id,
        "payment_reference": payment.reference,
        "method": payment.method,
        "amount": dispute.amount,
        "currency": dispute.currency,
        "reason": dispute.reason,
        "status": dispute.status,
        "evidence": dispute.evidence,
        "evidence_due_by": int(due.timestamp()),
        "fee": dispute.fee or 0,
        "created": int(dispute.created_at.timestamp()),
    }


def open_dispute(
    runtime: SandboxRuntime, payment_id: str, amount: int | None, reason: str, callback: str = "normal", fee: int = 0
) -> dict[str, Any]:
    """Open a dispute on a succeeded payment and tell the merchant."""
    with runtime.session_factory() as session:
        payment = get_payment(session, payment_id)
        if payment.status != "succeeded":
            raise SandboxError(
                409, "payment_not_disputable", f"Only succeeded payments can be disputed; this one is {payment.status}."
            )
        remaining = still_captured(session, payment)
        amount = remaining if amount is None else amount
        if remaining <= 0 or amount > remaining:
            raise SandboxError(
                400,
                "amount_too_large",
                f"At most {max(remaining, 0)} of this payment can be "
                "disputed (captured, less refunded and less earlier disputes).",
                "amount",
            )
        now = utcnow()
        dispute = Dispute(
            id="dp_" + random_suffix(),
            payment_id=payment_id,
            account_id=payment.account_id,
            amount=amount,
            currency=payment.currency,
            reason=reason,
            status="needs_response",
            fee=fee,
            evidence_due_by=now + timedelta(days=EVIDENCE_DAYS),
            created_at=now,
        )
        session.add(dispute)
        session.commit()
        return _notify(runtime, session, dispute, payment, "dispute.created", callback)


def submit_evidence(runtime: SandboxRuntime, account_id: int, dispute_id: str, text: str) -> dict[str, Any]:
    """The merchant's answer: accepted once, while the dispute needs one and before its due date."""
    with runtime.session_factory() as session:
        dispute = _get(session, dispute_id, account_id)
        if dispute.status != "needs_response":
            raise SandboxError(
                409,
                "dispute_not_open",
                f"The dispute is {dispute.status}; evidence is taken only while it needs a response.",
            )
        if utcnow() > _aware(dispute.evidence_due_by):
            raise SandboxError(
                409, "evidence_too_late", f"The evidence was due by {_aware(dispute.evidence_due_by).isoformat()}."
            )
        changed = session.execute(
            update(Dispute)
            .where(Dispute.id == dispute_id, Dispute.status == "needs_response")
            .values(status="under_review", evidence=text)
        ).rowcount
        session.commit()
        if not changed:
            raise SandboxError(409, "dispute_not_open", "The dispute changed meanwhile; read it again.")
        dispute = session.get(Dispute, dispute_id, populate_existing=True)
        return _notify(runtime, session, dispute, session.get(Payment, dispute.payment_id), "dispute.updated")


def close_dispute(runtime: SandboxRuntime, dispute_id: str, outcome: str, callback: str = "normal") -> dict[str, Any]:
    """The bank decides: ``won`` gives the money back to the merchant, ``lost`` keeps it with the shopper."""
    with runtime.session_factory() as session:
        _get(session, dispute_id)
        changed = session.execute(
            update(Dispute)
            .where(Dispute.id == dispute_id, Dispute.status.in_(("needs_response", "under_review")))
            .values(status=outcome, closed_at=utcnow())
        ).rowcount
        session.commit()
        dispute = session.get(Dispute, dispute_id, populate_existing=True)
        if not changed:
            raise SandboxError(409, "dispute_closed", f"The dispute is already {dispute.status}.")
        return _notify(runtime, session, dispute, session.get(Payment, dispute.payment_id), "dispute.closed", callback)


def _notify(
    runtime: SandboxRuntime, session: Session, dispute: Dispute, payment: Payment, kind: str, callback: str = "normal"
) -> dict[str, Any]:
    """Send the merchant the dispute as it is now, signed like a payment callback, to the payment's callback URL."""
    shown = dispute_object(dispute, payment)
    event_id = "evt_" + random_suffix()
    body = json.dumps(
        {"id": event_id, "type": kind, "created": int(time.time()), "data": shown},
        separators=(",", ":"),
        sort_keys=True,
    ).encode()
    secret = callback_secret(runtime, session, payment.account_id)
    dispatch_callback(
        runtime.session_factory,
        CallbackEvent(event_id=event_id, payment_id=payment.id, url=payment.callback_url, secret=secret, body=body),
        callback,
        runtime.callback_delay_seconds,
    )
    return shown


def _get(session: Session, dispute_id: str, account_id: int | None = None) -> Dispute:
    dispute = session.get(Dispute, dispute_id)
    if dispute is None or (account_id is not None and dispute.account_id != account_id):
        raise DisputeNotFound()
    return dispute


def _aware(moment: datetime) -> datetime:
    """SQLite gives datetimes back without their zone; they were written in UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _callback_mode(body: dict[str, Any]) -> str:
    mode = body.get("callback", "normal")
    if mode not in ("normal", "delay", "drop", "duplicate"):
        raise SandboxError(400, "parameter_invalid", "callback must be normal, delay, drop or duplicate", "callback")
    return mode


@bp.post("/payments/<payment_id>/dispute")
def create(payment_id: str) -> tuple[Response, int]:
    """Test control (no auth): the shopper's bank disputes the payment ``{amount?, reason?, callback?, fee?}``."""
    body = json_body()
    amount = body.get("amount")
    if amount is not None and (type(amount) is not int or amount < 1):
        raise SandboxError(400, "parameter_invalid", "amount must be a positive integer in minor units", "amount")
    fee = body.get("fee", 0)
    if type(fee) is not int or not 0 <= fee <= MAX_FEE:
        raise SandboxError(
            400, "parameter_invalid", f"fee must be a whole number of minor units from 0 to {MAX_FEE}", "fee"
        )
    reason = body.get("reason", "fraudulent")
    if not isinstance(reason, str) or not 1 <= len(reason) <= MAX_REASON_LENGTH:
        raise SandboxError(
            400, "parameter_invalid", f"reason must be a string of 1 to {MAX_REASON_LENGTH} characters", "reason"
        )
    return jsonify(open_dispute(current_runtime(), payment_id, amount, reason, _callback_mode(body), fee)), 201


@bp.post("/disputes/<dispute_id>/evidence")
@require_api_key
def evidence(dispute_id: str) -> Response:
    """The merchant submits its evidence ``{text}``; the dispute goes under review."""
    text = json_body().get("text")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_EVIDENCE_LENGTH:
        raise SandboxError(400, "parameter_invalid", f"text must be 1 to {MAX_EVIDENCE_LENGTH} characters", "text")
    return jsonify(submit_evidence(current_runtime(), g.sandbox_account_id, dispute_id, text))


@bp.get("/disputes/<dispute_id>")
@require_api_key
def retrieve(dispute_id: str) -> Response:
    """A dispute as the provider has it now (how a merchant learns of a dropped callback)."""
    with current_runtime().session_factory() as session:
        dispute = _get(session, dispute_id, g.sandbox_account_id)
        return jsonify(dispute_object(dispute, session.get(Payment, dispute.payment_id)))


@bp.post("/disputes/<dispute_id>/close")
def close(dispute_id: str) -> Response:
    """Test control (no auth): the bank decides the dispute ``{outcome: "won"|"lost", callback?}``."""
    body = json_body()
    outcome = body.get("outcome")
    if outcome not in ("won", "lost"):
        raise SandboxError(400, "parameter_invalid", "outcome must be 'won' or 'lost'", "outcome")
    return jsonify(close_dispute(current_runtime(), dispute_id, outcome, _callback_mode(body)))
