"""Asking the provider about payments whose callback has not come: one attempt (``refresh_attempt``, also by hand
from the portal, reconciliation and event triggers) and the sweep over the ones due (``poll_stale_attempts``, every
10 s). An answer converges through the hub exactly as a callback would."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from app.errors import KassaError
from app.extensions import db
from app.orders.models import Order
from app.payments import integration_log
from app.payments.attempts.abandon import expire_qr_payment
from app.payments.attempts.hub import apply_channel_result, first_poll_at, settle_attempt
from app.payments.attempts.janitor import resolve_unknown_attempt
from app.payments.attempts.unknown_outcomes import mark_outcome_unknown
from app.payments.channels import breaker
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import PaymentAttempt
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("payments")

# How long a payment may stay pending at the provider after its order expired.
ABANDON_AFTER_EXPIRY = timedelta(minutes=30)


def refresh_attempt(attempt_id: str, *, actor: str = "poller") -> PaymentAttempt | None:
    """Query the provider for an active attempt (its callback has not come) and apply the answer; ``actor``
    is who asked (the poller, or a person re-querying by hand)."""
    attempt = db.session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.status != "pending":  # ``unknown`` ones are the janitor's
        return attempt
    db.session.execute(
        update(PaymentAttempt)
        .where(PaymentAttempt.id == attempt_id)
        .values(poll_count=PaymentAttempt.poll_count + 1, next_check_at=first_poll_at())
    )
    db.session.commit()
    if attempt.provider_reference is None:
        # The create call never returned (a crash, a lost answer): the provider may still have opened the
        # payment. Ask it by our own reference before deciding; an attempt is never failed blind.
        mark_outcome_unknown(attempt_id, "the create call never returned a provider reference")
        return resolve_unknown_attempt(attempt_id, actor=actor)
    livemode = db.session.get(Order, attempt.order_id).livemode
    with (
        integration_log.bound(merchant_id=attempt.merchant_id, attempt_id=attempt.id),
        breaker.guard(breaker.for_mode(attempt.channel, livemode)),
    ):
        result = adapter_for(attempt.channel, attempt.merchant_id).query_payment(attempt.provider_reference)
    if result.status == "pending":
        if expire_qr_payment(attempt.order_id):
            return db.session.get(PaymentAttempt, attempt_id, populate_existing=True)
        order = db.session.get(Order, attempt.order_id)
        if order.expires_at + ABANDON_AFTER_EXPIRY <= utcnow():
            settle_attempt(attempt_id, "canceled", reason="not completed before the order expired", actor="system")
        return attempt
    return apply_channel_result(result, actor=actor)


def poll_stale_attempts(*, now: datetime | None = None, batch: int = 200) -> int:
    """Refresh the pending attempts due for a poll (``next_check_at``: POLL_AFTER_SECONDS after they started, then
    after each poll that found them still pending); returns how many."""
    ids = list(
        db.session.scalars(
            # ``unknown`` attempts belong to the janitor (app/payments/attempts/janitor.py) and its back-off.
            select(PaymentAttempt.id)
            .where(PaymentAttempt.status == "pending", PaymentAttempt.next_check_at <= (now or utcnow()))
            .order_by(PaymentAttempt.next_check_at)
            .limit(batch)
        )
    )
    for attempt_id in ids:
        try:
            refresh_attempt(attempt_id)
        except (ProviderUnavailable, KassaError) as exc:
            db.session.rollback()
            log.warning("poll failed: %s", exc, extra={"fields": {"attempt_id": attempt_id}})
    return len(ids)
