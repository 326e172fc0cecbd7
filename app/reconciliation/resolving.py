"""Settling a discrepancy: by asking the provider (automatic, when Kassa was still waiting for an answer the
statement already has, or never heard of a dispute the statement lists), or by a person in the portal (audited)."""

from __future__ import annotations

from sqlalchemy import update

from app.errors import Conflict, InvalidRequest, KassaError
from app.extensions import db
from app.ledger.books_models import Payout
from app.payments.attempts.janitor import resolve_unknown_attempt
from app.payments.attempts.polling import refresh_attempt
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.disputes.services import apply_dispute_notice
from app.payments.models import Dispute, PaymentAttempt, Refund
from app.payments.payouts.services import look_up_payout
from app.payments.refunds.settling import send_refund
from app.platform.db.types import utcnow
from app.reconciliation.matching import split_reference
from app.reconciliation.models import Discrepancy
from app.reconciliation.queries import get_discrepancy

# What a person may conclude about a discrepancy the reconciliation could not settle by itself.
RESOLUTIONS = {
    "corrected": "the records were corrected outside Kassa (at the provider or by a refund)",
    "accepted": "the difference is accepted as it is (e.g. a fee the provider explained)",
    "written_off": "the amount is written off",
}
_SETTLED = {"succeeded": "succeeded", "failed": "failed", "canceled": "failed", "paid": "paid"}


def _status_now(discrepancy: Discrepancy) -> str | None:
    model = {"capture": PaymentAttempt, "refund": Refund, "payout": Payout}[discrepancy.line_type]
    record = db.session.get(model, discrepancy.kassa_object, populate_existing=True)
    return _SETTLED.get(record.status) if record else None


def _earlier_try(discrepancy: Discrepancy) -> bool:
    """Is the line about a try of a refund or payout before the record's current one?"""
    if discrepancy.line_type == "capture":
        return False
    model = Refund if discrepancy.line_type == "refund" else Payout
    record = db.session.get(model, discrepancy.kassa_object)
    current = record.provider_attempt if isinstance(record, Refund) else record.try_number if record else 1
    return split_reference(discrepancy.reference)[1] < current


def settle_from_provider(discrepancy: Discrepancy) -> str | None:
    """Ask the provider about the record Kassa is waiting on, through the same paths the sweeps use, and say
    what happened if Kassa now agrees with the statement line (None: it still does not; a person decides)."""
    record_id, kind = discrepancy.kassa_object, discrepancy.line_type
    if _earlier_try(discrepancy):
        # The line is about a try Kassa moved on from because it was told that try failed: whatever the current try
        # becomes says nothing about it (a try the provider made after all is money given out twice).
        return None
    try:
        if kind == "capture":
            attempt = db.session.get(PaymentAttempt, record_id)
            if attempt.status == "unknown":
                resolve_unknown_attempt(record_id, actor="reconciliation")
            else:
                refresh_attempt(record_id, actor="reconciliation")
        elif kind == "refund":
            send_refund(record_id)  # the same reference again: the provider answers with the refund it made
        else:
            look_up_payout(db.session.get(Payout, record_id))
    except (ProviderUnavailable, KassaError):
        db.session.rollback()
        return None
    now = _status_now(discrepancy)
    if now is None or now != discrepancy.provider_status:
        return None
    return (
        f"the provider confirmed the {kind} {discrepancy.provider_status}; Kassa had it "
        f"{discrepancy.kassa_status} and now agrees"
    )


def fetch_dispute(discrepancy: Discrepancy) -> str | None:
    """Ask the provider for the dispute a statement line names and apply what it says, as its lost callback would
    have been applied (app/payments/disputes/services.py: recorded once, booked, moved only forward); say what happened
    if
    Kassa's dispute now agrees with the line (None: it still does not, or the provider could not be asked)."""
    try:
        adapter = adapter_for(discrepancy.channel, discrepancy.merchant_id)
        dispute = apply_dispute_notice(adapter.find_dispute(discrepancy.provider_id))
    except (ProviderUnavailable, KassaError):
        db.session.rollback()
        return None
    if dispute is None or dispute.merchant_id != discrepancy.merchant_id or not _dispute_agrees(discrepancy, dispute):
        return None
    return (
        f"fetched dispute {discrepancy.provider_id} from the provider: Kassa has it as {dispute.id} "
        f"({dispute.status}) and now agrees with the {discrepancy.line_type.replace('_', ' ')} line"
    )


def _dispute_agrees(line: Discrepancy, dispute: Dispute) -> bool:
    """Does Kassa's dispute now book what the statement line says (amount, currency, the fee part, won)?"""
    if line.provider_currency not in (None, dispute.currency):
        return False
    if line.line_type == "dispute_fee":
        return dispute.dispute_fee == line.provider_amount
    if line.line_type == "dispute_reversal" and dispute.status != "won":
        return False
    fee = -dispute.fee_back if line.line_type == "dispute" else dispute.fee_back
    return dispute.amount == line.provider_amount and line.provider_fee in (None, fee)


def mark_resolved(discrepancy_id: str, resolution: str, note: str, *, actor: str) -> bool:
    """Close an open discrepancy (False: it was closed meanwhile); the caller commits."""
    return bool(
        db.session.execute(
            update(Discrepancy)
            .where(Discrepancy.id == discrepancy_id, Discrepancy.status == "open")
            .values(
                status="resolved",
                resolution=resolution,
                resolution_note=note[:500],
                resolved_by=actor[:60],
                resolved_at=utcnow(),
            )
        ).rowcount
    )


def check_resolution(merchant_id: str, discrepancy_id: str, resolution: object, note: object) -> Discrepancy:
    """The open discrepancy a person means to close with ``resolution`` and ``note``, or the refusal closing it would
    meet: the portal asks to confirm only a resolution that can be made."""
    found = get_discrepancy(merchant_id, discrepancy_id)
    if resolution not in RESOLUTIONS:
        raise InvalidRequest(f"resolution is one of {', '.join(RESOLUTIONS)}", param="resolution")
    if not isinstance(note, str) or not 3 <= len(note.strip()) <= 500:
        raise InvalidRequest("note says what was done or found, 3 to 500 characters", param="note")
    if found.status != "open":
        raise Conflict("this discrepancy is already resolved", code="discrepancy_resolved")
    return found


def resolve_by_hand(
    merchant_id: str, discrepancy_id: str, resolution: object, note: object, *, actor: str
) -> Discrepancy:
    """A person closes an open discrepancy with a resolution and a note (the caller audits it)."""
    found = check_resolution(merchant_id, discrepancy_id, resolution, note)
    if not mark_resolved(found.id, str(resolution), str(note).strip(), actor=actor):
        raise Conflict("this discrepancy is already resolved", code="discrepancy_resolved")
    return db.session.get(Discrepancy, found.id, populate_existing=True)
