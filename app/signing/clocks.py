"""What time it is for a contract: the wall clock, or its test clock's frozen time; and which contracts live on
which clock."""

from __future__ import annotations

from datetime import datetime

from app.extensions import db
from app.platform.db.types import utcnow
from app.signing.models import Subscription, TestClock


def now_for(subscription: Subscription) -> datetime:
    """The time a contract lives in (a test clock's frozen time when it has one)."""
    if subscription.test_clock_id:
        return db.session.get(TestClock, subscription.test_clock_id).frozen_time
    return utcnow()


def on_clock(query, clock_id: str | None):
    """``query`` narrowed to the contracts on test clock ``clock_id``, or on the wall clock when it is None."""
    return query.where(
        Subscription.test_clock_id.is_(None) if clock_id is None else Subscription.test_clock_id == clock_id
    )
