"""Stripe's Dispute object as Kassa reads it: which statuses are chargebacks, and a chargeback as a DisputeNotice.

Stripe tells of a dispute with ``charge.dispute.*`` events whose object is the Dispute as it now stands
(https://docs.stripe.com/api/disputes/object). Kassa reads its ``status`` alone, not the event's type, as a
``funds_withdrawn`` and an ``updated`` of the same moment carry the same status; the disputes service moves Kassa's
dispute only forward, so events that come twice or out of order change nothing twice.

An inquiry (``warning_needs_response``, ``warning_under_review``, ``warning_closed``; ``charge_refunded`` in old API
versions) is the issuer asking about a payment: no money moves, so it is no dispute in Kassa's books. One that the
issuer escalates becomes the same Dispute with ``needs_response``, and Kassa books it then. A ``prevented`` dispute
never became a chargeback either. An appeal (``appeal_needs_response``, ``appeal_under_review``, API version
2026-10-28) is a decided dispute the merchant contests again: the money stays withdrawn, as under review.
"""

from __future__ import annotations

from typing import Mapping

from app.payments.channels.adapters.dispute_fields import disputed_amount, provider_reference, unix_moment
from app.payments.channels.adapters.stripe_currency import from_stripe_amount
from app.payments.channels.interface import CallbackRejected, DisputeNotice

DISPUTE_EVENTS = (
    "charge.dispute.created",
    "charge.dispute.updated",
    "charge.dispute.closed",
    "charge.dispute.funds_withdrawn",
    "charge.dispute.funds_reinstated",
)
# Stripe's status of a chargeback, as Kassa's (app/payments/models.py DISPUTE_STATUSES).
CHARGEBACK_STATUSES = {
    "needs_response": "needs_response",
    "under_review": "under_review",
    "appeal_needs_response": "under_review",
    "appeal_under_review": "under_review",
    "won": "won",
    "lost": "lost",
}
NOT_CHARGEBACKS = frozenset(
    {"warning_needs_response", "warning_under_review", "warning_closed", "charge_refunded", "prevented"}
)


class UnknownDisputeStatus(ValueError):
    """A status Stripe's documentation did not list when this was written: nothing is booked on a guess."""


def chargeback_status(dispute: Mapping) -> str | None:
    """Kassa's status of a Stripe Dispute; None when it is no chargeback (an inquiry, a prevented dispute)."""
    status = dispute.get("status")
    if status in NOT_CHARGEBACKS:
        return None
    if status not in CHARGEBACK_STATUSES:
        raise UnknownDisputeStatus(f"Stripe dispute status {status!r} is not one Kassa knows")
    return CHARGEBACK_STATUSES[status]


def disputed_payment(dispute: Mapping) -> tuple[str | None, str | None]:
    """The PaymentIntent and the Charge a Dispute names (ids, whether Stripe expanded them or not)."""
    return _id_of(dispute.get("payment_intent")), _id_of(dispute.get("charge"))


def _id_of(value: object) -> str | None:
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


def dispute_notice(
    dispute: Mapping, *, channel: str, status: str, payment_intent: str, attempt_id: str
) -> DisputeNotice:
    """A chargeback of the PaymentIntent Kassa made for ``attempt_id``, as the disputes service applies it; a field
    the database could not hold or a ledger could not book is refused (CallbackRejected) rather than guessed."""
    currency, amount = dispute["currency"], dispute["amount"]
    if not isinstance(currency, str) or len(currency) != 3:
        raise CallbackRejected(f"a Stripe dispute's currency must be a 3-letter code, not {currency!r}")
    reason = dispute.get("reason")
    return DisputeNotice(
        channel=channel,
        provider_dispute_id=provider_reference(dispute["id"], "a Stripe dispute's id"),
        provider_reference=provider_reference(payment_intent, "a Stripe dispute's payment_intent"),
        attempt_id=attempt_id,
        status=status,
        amount=disputed_amount(
            from_stripe_amount(amount, currency) if type(amount) is int else None, "a Stripe dispute's amount"
        ),
        currency=currency.lower(),
        reason=(reason if isinstance(reason, str) else "").replace("\x00", "")[:100],
        evidence_due_by=unix_moment(
            (dispute.get("evidence_details") or {}).get("due_by"), "a Stripe dispute's evidence_details.due_by"
        ),
    )
