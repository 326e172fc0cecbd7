"""What time it is for a contract: the wall clock, or its test clock's frozen time."""
from __future__ import annotations

from datetime import datetime

from app.db_types import utcnow
from app.extensions import db
from app.signing.models import Subscription, TestClock


def now_for(subscription: Subscription) -> datetime:
    """The time a contract lives in (a test clock's frozen time when it has one)."""
    if subscription.test_clock_id:
        return db.session.get(TestClock, subscription.test_clock_id).frozen_time
    return utcnow()
