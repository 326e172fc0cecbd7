"""The janitor: sweeps the attempts whose outcome is unknown (app/payments/attempts/unknown_outcomes.py) and asks the
provider about each by our reference when its back-off is due; the answer converges through the hub.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from app.extensions import db
from app.orders.models import Order
from app.payments import integration_log
from app.payments.attempts.hub import apply_channel_result, fail_attempt, first_poll_at
from app.payments.channels import breaker
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import PaymentAttempt
from app.payments.state import attempt_sources, next_check_delay
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("payments.janitor")

# An unknown attempt's failure_reason once the provider, asked by Kassa's reference, has no such payment.
NEVER_CREATED = "the provider never created the payment"


def resolve_unknown_attempts(*, now: datetime | None = None, batch: int = 100) -> int:
    """Check every unknown attempt that is due; returns how many were checked."""
    now = now or utcnow()
    ids = list(
        db.session.scalars(
            select(PaymentAttempt.id)
            .where(PaymentAttempt.status == "unknown", PaymentAttempt.next_check_at <= now)
            .order_by(PaymentAttempt.next_check_at)
            .limit(batch)
        )
    )
    for attempt_id in ids:
        try:
            resolve_unknown_attempt(attempt_id)
        except Exception:  # one bad attempt must not starve the others: it waits its back-off like any other
            db.session.rollback()
            log.exception("could not resolve an unknown attempt", extra={"fields": {"attempt_id": attempt_id}})
            attempt = db.session.get(PaymentAttempt, attempt_id)
            if attempt is not None:  # left due, it would head every batch and the attempts behind it never be checked
                _postpone(attempt, "its check failed")
    return len(ids)


def resolve_unknown_attempt(attempt_id: str, *, actor: str = "janitor") -> PaymentAttempt | None:
    """Ask the provider about one unknown attempt and converge on its answer; ``actor`` is who asked (the
    janitor on its back-off, or a person resolving it by hand)."""
    attempt = db.session.get(PaymentAttempt, attempt_id)
    if attempt is None or attempt.status != "unknown":
        return attempt
    adapter = adapter_for(attempt.channel, attempt.merchant_id)
    if not hasattr(adapter, "find_payment"):
        _postpone(attempt, f"{attempt.channel} cannot look payments up by reference")
        return attempt
    try:
        with (
            integration_log.bound(merchant_id=attempt.merchant_id, attempt_id=attempt.id),
            breaker.guard(breaker.for_mode(attempt.channel, db.session.get(Order, attempt.order_id).livemode)),
        ):
            result = adapter.find_payment(attempt.id)
    except ProviderUnavailable as exc:
        _postpone(attempt, f"provider still not answering: {exc}")
        return attempt
    if result is None:
        # Asked by our own reference, the provider has no such payment: the create never took effect.
        fail_attempt(attempt.id, NEVER_CREATED, actor=actor)
    elif result.status == "pending":
        # It exists and waits for the shopper: hand it back to normal polling and callbacks,
        # and let the shopper continue on the provider's page.
        db.session.execute(
            update(PaymentAttempt)
            .where(PaymentAttempt.id == attempt.id, PaymentAttempt.status.in_(attempt_sources("pending")))
            .values(
                status="pending",
                provider_reference=result.provider_reference,
                next_action=adapter.next_action(result.raw),
                failure_reason=None,
                next_check_at=first_poll_at(),
                updated_at=utcnow(),
            )
        )
        db.session.commit()
    else:
        apply_channel_result(result, actor=actor)
    attempt = db.session.get(PaymentAttempt, attempt_id, populate_existing=True)
    if attempt.status == "unknown":  # the answer could not be applied (e.g. amounts differ): look again later
        _postpone(attempt, "the provider's answer was not applied")
    log.info("unknown attempt checked", extra={"fields": {"attempt_id": attempt_id, "status": attempt.status}})
    return attempt


def _postpone(attempt: PaymentAttempt, why: str) -> None:
    checks = attempt.check_count + 1
    db.session.execute(
        update(PaymentAttempt)
        .where(PaymentAttempt.id == attempt.id, PaymentAttempt.status == "unknown")
        .values(check_count=checks, next_check_at=utcnow() + next_check_delay(checks), updated_at=utcnow())
    )
    db.session.commit()
    log.warning("unknown attempt unresolved: %s", why, extra={"fields": {"attempt_id": attempt.id, "checks": checks}})
