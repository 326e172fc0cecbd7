"""Attempts whose outcome is unknown: the create call timed out, so the provider may or may not have opened the
payment. The hub marks such an attempt ``unknown``; the order stays ``paying`` (no second attempt may start) until
the janitor (app/payments/attempts/janitor.py) learns the truth by asking the provider for our reference, on a
back-off: 5 minutes, 1 hour, then daily.
"""

from __future__ import annotations

from sqlalchemy import update

from app.extensions import db
from app.orders.models import Order
from app.orders.services import note_on_timeline
from app.orders.timeline_kinds import EntryCode
from app.payments.models import PaymentAttempt
from app.payments.state import attempt_sources, next_check_delay
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("payments.janitor")

# An unknown attempt's failure_reason: the shopper reads it (the order page, the SDK, the status stream), so it says
# only where the payment stands; what went wrong (the provider's error, its host) goes to the order's timeline.
OUTCOME_UNCONFIRMED = "the payment provider has not confirmed the outcome yet"


def mark_outcome_unknown(attempt_id: str, detail: str) -> None:
    """A pending attempt whose create call got no clear answer becomes ``unknown`` (never failed:
    the provider may have created the payment) and is scheduled for its first check. ``detail``, what went
    wrong, is for the merchant: the order's timeline and the log."""
    db.session.rollback()
    moved = db.session.execute(
        update(PaymentAttempt)
        .where(PaymentAttempt.id == attempt_id, PaymentAttempt.status.in_(attempt_sources("unknown")))
        .values(
            status="unknown",
            failure_reason=OUTCOME_UNCONFIRMED,
            check_count=0,
            next_check_at=utcnow() + next_check_delay(0),
            updated_at=utcnow(),
        )
    ).rowcount
    if moved == 1:
        order = db.session.get(Order, db.session.get(PaymentAttempt, attempt_id).order_id)
        note_on_timeline(
            order,
            f"payment {attempt_id}'s outcome is unknown: {detail}",
            actor="system:janitor",
            kind=EntryCode.OUTCOME_UNKNOWN,
        )
    db.session.commit()
    log.warning("payment outcome unknown: %s", detail, extra={"fields": {"attempt_id": attempt_id}})
