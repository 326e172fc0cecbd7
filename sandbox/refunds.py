"""Refunds at the simulated provider: give back part or all of a succeeded payment.

The merchant's ``reference`` is the idempotency key (same reference → the same refund), the
refundable amount is enforced here too, and a test control makes the next refund of a payment
be rejected, the way a real provider sometimes refuses one.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, g, jsonify
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sandbox.api import json_body, require_api_key
from sandbox.models import Refund, RefundSimulation, random_suffix
from sandbox.runtime import current_runtime
from sandbox.services import SandboxError, get_payment, still_captured

bp = Blueprint("sandbox_refunds", __name__, url_prefix="/sandbox/api")

REFUND_OUTCOMES = ("succeeded", "failed")


def new_refund_id() -> str:
    """Return a fresh refund id: `sbr_` and 24 random lowercase letters and digits."""
    return "sbr_" + random_suffix()


def refund_object(refund: Refund) -> dict[str, Any]:
    """Return the public JSON shape of a refund."""
    return {
        "id": refund.id,
        "object": "refund",
        "payment": refund.payment_id,
        "amount": refund.amount,
        "status": refund.status,
        "reference": refund.reference,
        "failure_reason": refund.failure_reason,
    }


def create_refund(
    session: Session, account_id: int, payment_id: str, amount: int, reference: str
) -> tuple[Refund, bool]:
    """Refund ``amount`` of a succeeded payment, or return the refund already made for ``reference``."""
    payment = get_payment(session, payment_id, account_id)
    existing = _find(session, payment_id, reference)
    if existing is not None:
        return existing, False
    if payment.status != "succeeded":
        raise SandboxError(
            409, "payment_not_refundable", f"Only succeeded payments can be refunded; this one is {payment.status}."
        )
    # Money the shopper's bank took back is not the merchant's to refund again.
    remaining = still_captured(session, payment)
    if amount > remaining:
        raise SandboxError(400, "amount_too_large", f"At most {remaining} remains refundable.", "amount")
    plan = session.get(RefundSimulation, payment_id)
    outcome = plan.outcome if plan else "succeeded"
    refund = Refund(
        id=new_refund_id(),
        payment_id=payment_id,
        amount=amount,
        reference=reference,
        status=outcome,
        failure_reason="refund rejected by the issuer" if outcome == "failed" else None,
    )
    session.add(refund)
    # The plan is spent by this refund only: the next one behaves normally again.
    session.execute(delete(RefundSimulation).where(RefundSimulation.payment_id == payment_id))
    try:
        session.commit()
    except IntegrityError:
        # A concurrent retry with the same reference won; answer with its refund.
        session.rollback()
        existing = _find(session, payment_id, reference)
        if existing is None:
            raise
        return existing, False
    return refund, True


def plan_refund_outcome(session: Session, payment_id: str, outcome: str) -> None:
    """Make the next refund of a payment end with ``outcome``."""
    get_payment(session, payment_id)
    session.merge(RefundSimulation(payment_id=payment_id, outcome=outcome))
    session.commit()


def _find(session: Session, payment_id: str, reference: str) -> Refund | None:
    return session.scalar(select(Refund).where(Refund.payment_id == payment_id, Refund.reference == reference))


@bp.post("/payments/<payment_id>/refunds")
@require_api_key
def create(payment_id: str) -> tuple[Response, int]:
    """Refund a payment; the same reference again returns the existing refund (200)."""
    body = json_body()
    amount = body.get("amount")
    # bool is a subclass of int, and a float is never an amount.
    if type(amount) is not int or amount < 1:
        raise SandboxError(400, "parameter_invalid", "amount must be a positive integer in minor units", "amount")
    reference = body.get("reference")
    if not isinstance(reference, str) or not 1 <= len(reference) <= 255:
        raise SandboxError(400, "parameter_invalid", "reference must be a string of 1 to 255 characters", "reference")
    with current_runtime().session_factory() as session:
        refund, created = create_refund(session, g.sandbox_account_id, payment_id, amount, reference)
    return jsonify(refund_object(refund)), 201 if created else 200


@bp.get("/payments/<payment_id>/refunds")
@require_api_key
def list_refunds(payment_id: str) -> Response:
    """The payment's refunds, oldest first (failed ones too): what the provider actually gave back."""
    with current_runtime().session_factory() as session:
        get_payment(session, payment_id, g.sandbox_account_id)
        refunds = session.scalars(
            select(Refund).where(Refund.payment_id == payment_id).order_by(Refund.created_at, Refund.id)
        )
        return jsonify({"object": "list", "data": [refund_object(refund) for refund in refunds]})


@bp.post("/payments/<payment_id>/simulate_refund")
def simulate_refund(payment_id: str) -> Response:
    """Choose the outcome of the payment's next refund (test control, no auth)."""
    outcome = json_body().get("outcome")
    if outcome not in REFUND_OUTCOMES:
        raise SandboxError(400, "parameter_invalid", "outcome must be 'succeeded' or 'failed'", "outcome")
    with current_runtime().session_factory() as session:
        plan_refund_outcome(session, payment_id, outcome)
    return jsonify({"payment": payment_id, "next_refund_outcome": outcome})
