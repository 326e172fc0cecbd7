"""The renewal sweep, which the ``renew_subscriptions`` job runs on the wall clock and a test clock's advance runs
at each moment it steps to: announce the renewals coming up, open the periods that are due, then make the deduction
tries that are due. Due wallet renewals that need no call out (no hook installed) are renewed a batch per
transaction (app/signing/renewals/batch.py); everything else, and whatever a batch declines, goes one by one through
app/signing/renewals/services.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select

from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.signing import hooks
from app.signing.clocks import on_clock
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.renewals.batch import not_batchable, renew_batch
from app.signing.renewals.notices import announce_upcoming
from app.signing.renewals.services import TRYABLE, open_renewal, try_deduction
from app.signing.state import CHARGEABLE

log = logs.get("signing.renewals")  # renewals.py's logger: a search of the renewal logs finds the sweep's errors too


@dataclass
class Sweep:
    """What one renewal sweep did."""

    announced: int = 0
    opened: int = 0
    tried: int = 0

    def as_dict(self) -> dict:
        return {"announced": self.announced, "opened": self.opened, "tried": self.tried}


def run_renewals(*, now: datetime | None = None, clock_id: str | None = None, batch: int = 500) -> Sweep:
    """One sweep over the wall clock's contracts (or one test clock's): announce renewals coming up, open the
    periods that are due, then make the deduction tries that are due. Safe to run anywhere, any number of times."""
    now = now or utcnow()
    sweep = Sweep(announced=announce_upcoming(now, clock_id=clock_id, batch=batch))
    due = on_clock(
        select(Subscription).where(Subscription.status.in_(CHARGEABLE), Subscription.next_renewal_at <= now), clock_id
    )
    one_by_one = due.with_only_columns(Subscription.id)
    if hooks.only_defaults():
        # Wallet renewals with nothing to call out are renewed a batch at a time; the rest, and whatever the
        # batch declined, one by one below.
        outcome = renew_batch(due, now, limit=batch)
        sweep.opened += outcome.renewed
        sweep.tried += outcome.renewed
        one_by_one = one_by_one.where(or_(not_batchable(), Subscription.id.in_(outcome.declined)))
    for sub_id in list(db.session.scalars(one_by_one.order_by(Subscription.next_renewal_at).limit(batch))):
        try:
            sweep.opened += open_renewal(sub_id, now) is not None
        except Exception:  # one broken contract must not stop the others; the next sweep tries it again
            db.session.rollback()
            log.exception("could not open a renewal", extra={"fields": {"subscription_id": sub_id}})
    # Only contracts that can still be charged: a renewal an ended one left pending is never tried, and taken first
    # (the longest due) it would fill every batch and hold up the tries really due.
    due_tries = on_clock(
        select(SubscriptionRenewal.id)
        .join(Subscription, Subscription.id == SubscriptionRenewal.subscription_id)
        .where(
            SubscriptionRenewal.status == "pending",
            SubscriptionRenewal.next_attempt_at <= now,
            Subscription.status.in_(TRYABLE),
        ),
        clock_id,
    )
    for renewal_id in list(db.session.scalars(due_tries.order_by(SubscriptionRenewal.next_attempt_at).limit(batch))):
        try:
            try_deduction(renewal_id, now)
            sweep.tried += 1
        except Exception:
            db.session.rollback()
            log.exception("renewal try failed to run", extra={"fields": {"renewal_id": renewal_id}})
    return sweep
