"""Test clocks: a merchant's simulated time in test mode. Advancing one runs, in time order, every renewal
notice, renewal, dunning try and expiry that falls due on its subscriptions before it reports ``ready`` —
a year of renewals in seconds, through the same code the wall clock uses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import func, select, update

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import Merchant
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.queueing import BATCH, enqueue
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first
from app.platform.values.times import request_time
from app.signing.models import Subscription, SubscriptionRenewal, TestClock
from app.signing.renewals.notices import notice_days_for
from app.signing.renewals.services import TRYABLE
from app.signing.renewals.sweep import run_renewals
from app.signing.state import CHARGEABLE

log = logs.get("signing.clocks")

# One advance may move a clock at most this far, and makes at most this many steps (each step is one moment
# at which something falls due): both bound the work a single request can queue.
MAX_ADVANCE = timedelta(days=2 * 366)
MAX_STEPS = 5000
EARLIEST = datetime(2000, 1, 1, tzinfo=timezone.utc)
LATEST = datetime(2200, 1, 1, tzinfo=timezone.utc)


def _time(value: object, param: str) -> datetime:
    """A time the API parsed already (a datetime), or the portal's form value, within the years a clock spans."""
    # Checked in seconds first: a year past 9999 cannot even be made a datetime.
    if type(value) is int and not EARLIEST.timestamp() <= value < LATEST.timestamp():
        raise InvalidRequest(f"{param} must be between the years 2000 and 2200", param=param)
    when = value if isinstance(value, datetime) else request_time(value, param)
    if not EARLIEST <= when < LATEST:
        raise InvalidRequest(f"{param} must be between the years 2000 and 2200", param=param)
    return when


def create_clock(merchant_id: str, *, frozen_time: object, livemode: bool) -> TestClock:
    if livemode:
        raise InvalidRequest("test clocks are for test keys only", code="livemode_mismatch")
    clock = TestClock(
        id=new_id("clock"),
        merchant_id=merchant_id,
        frozen_time=_time(frozen_time, "frozen_time"),
        status="ready",
        created_at=utcnow(),
    )
    db.session.add(clock)
    db.session.commit()
    return clock


def get_clock(merchant_id: str, clock_id: str, *, livemode: bool = False) -> TestClock:
    clock = db.session.get(TestClock, clock_id)
    if livemode or clock is None or clock.merchant_id != merchant_id:
        raise NotFound(f"no test clock {clock_id!r}", param="id")
    return clock


def list_clocks(
    merchant_id: str, *, limit: int = 20, starting_after: str | None = None
) -> tuple[list[TestClock], bool]:
    query = select(TestClock).where(TestClock.merchant_id == merchant_id)
    return newest_first(query, TestClock.id, limit=limit, starting_after=starting_after)


def advance(merchant_id: str, clock_id: str, *, to: object, livemode: bool) -> TestClock:
    """Start moving the clock to ``to``: the worker runs what falls due (status ``advancing``), then ``ready``."""
    clock = get_clock(merchant_id, clock_id, livemode=livemode)
    target = _time(to, "to")
    if clock.status != "ready":
        raise Conflict("the clock is still advancing; wait until its status is ready", code="clock_advancing")
    if target <= clock.frozen_time:
        raise InvalidRequest("a test clock only moves forward: 'to' must be after its frozen_time", param="to")
    if target - clock.frozen_time > MAX_ADVANCE:
        raise InvalidRequest("advance a test clock by at most two years at a time", param="to")
    if (
        db.session.execute(
            update(TestClock).where(TestClock.id == clock.id, TestClock.status == "ready").values(status="advancing")
        ).rowcount
        != 1
    ):
        db.session.rollback()
        raise Conflict("the clock is still advancing; wait until its status is ready", code="clock_advancing")
    db.session.commit()
    try:
        enqueue("app.jobs.advance_test_clock", clock.id, int(target.timestamp()), lane=BATCH)
    except Exception:
        db.session.execute(update(TestClock).where(TestClock.id == clock.id).values(status="ready"))
        db.session.commit()
        raise
    db.session.refresh(clock)
    return clock


def _next_due(clock: TestClock) -> datetime | None:
    """The earliest moment after which something on the clock falls due: a renewal, a dunning try, a notice."""
    on_clock = Subscription.test_clock_id == clock.id
    renewal = db.session.scalar(
        select(func.min(Subscription.next_renewal_at)).where(on_clock, Subscription.status.in_(CHARGEABLE))
    )
    retry = db.session.scalar(
        select(func.min(SubscriptionRenewal.next_attempt_at))
        .join(Subscription, Subscription.id == SubscriptionRenewal.subscription_id)
        .where(on_clock, SubscriptionRenewal.status == "pending", Subscription.status.in_(TRYABLE))
    )
    notice_days = db.session.scalar(select(Merchant.renewal_notice_days).where(Merchant.id == clock.merchant_id))
    notices = []
    for status in CHARGEABLE:  # a trial's end is announced earlier than other renewals
        days = notice_days_for(status, notice_days)
        notice = db.session.scalar(
            select(func.min(Subscription.next_renewal_at)).where(
                on_clock,
                Subscription.status == status,
                Subscription.cancel_at_period_end.is_(False),
                Subscription.announced_period <= Subscription.period,
            )
        )
        if notice is not None and days:
            notices.append(notice - timedelta(days=days))
    candidates = [m for m in (renewal, retry, *notices) if m is not None]
    # Moments in the clock's past fall due at once (e.g. a renewal opened but not yet tried).
    return max(min(candidates), clock.frozen_time) if candidates else None


def run_advance(clock_id: str, to_unix: int) -> TestClock:
    """The worker's half: step the clock from due moment to due moment up to ``to``, then report ``ready``."""
    clock = db.session.get(TestClock, clock_id)
    target = datetime.fromtimestamp(to_unix, tz=timezone.utc)
    steps = 0
    try:
        while steps < MAX_STEPS:
            moment = _next_due(clock)
            if moment is None or moment > target:
                break
            db.session.execute(update(TestClock).where(TestClock.id == clock.id).values(frozen_time=moment))
            db.session.commit()
            db.session.refresh(clock)
            sweep = run_renewals(now=moment, clock_id=clock.id)
            steps += 1
            if not any(sweep.as_dict().values()) and moment == _next_due(clock):
                break  # nothing could move at this moment (e.g. a payment still in flight): stop, do not spin
        if steps >= MAX_STEPS:
            log.warning("test clock stopped after %s steps", steps, extra={"fields": {"clock_id": clock_id}})
    finally:
        db.session.rollback()
        db.session.execute(update(TestClock).where(TestClock.id == clock.id).values(frozen_time=target, status="ready"))
        db.session.commit()
    db.session.refresh(clock)
    return clock
