"""Reconciliation runs: start one (API, portal, the daily cron), execute it on a worker, record what disagrees,
and resolve what can be proven by asking the provider (DESIGN.md §6.5: fix only what can be proven). Reading runs
and discrepancies is app/reconciliation/queries.py."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import func, select, union, update

from app.errors import InvalidRequest, PermissionDenied
from app.extensions import commit_keeping_state, conflict_insert, db
from app.ledger.books_models import Payout
from app.merchants.models import Merchant
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for, channel_spec, channels, is_test_account
from app.payments.models import Dispute, PaymentAttempt, Refund
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.queueing import BATCH, enqueue
from app.platform.values.ids import new_id
from app.reconciliation import matching
from app.reconciliation.models import KINDS, Discrepancy, ReconciliationRun
from app.reconciliation.representation import discrepancy_json
from app.reconciliation.resolving import fetch_dispute, mark_resolved, settle_from_provider

log = logs.get("reconciliation")

# How long after a day ends its statement is final enough to reconcile by itself (late bookings near midnight).
SETTLE_HOURS = 2
# A run still "running" this long after it started lost its worker (killed mid-run): the day is run again.
ABANDONED_AFTER = timedelta(hours=1)


def statement_channels() -> list[str]:
    """The channels that publish daily statements."""
    return sorted(code for code, spec in channels().items() if "statements" in spec.capabilities)


def parse_day(value: object) -> date:
    """A run's day: ``YYYY-MM-DD``, not in the future."""
    if not isinstance(value, str):
        raise InvalidRequest("date is required, as YYYY-MM-DD", param="date")
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise InvalidRequest(f"date {value!r} is not a day in the form YYYY-MM-DD", param="date") from None
    if day > utcnow().date():
        raise InvalidRequest("date is in the future: a statement lists days that have happened", param="date")
    return day


def start_run(
    merchant_id: str, channel: object, day: object, *, actor: str, livemode: bool = True
) -> ReconciliationRun:
    """Open a run (status ``running``), commit it, then queue its work. A test key (``livemode`` False) may
    reconcile only statements of test money (a test-only channel's, or an account the merchant set up with test
    credentials, such as a Stripe ``sk_test_`` key): any other statement is about live money, and a run settles the
    live payments the provider vouches for and tells live webhook endpoints of live discrepancies."""
    spec = channel_spec(channel)
    if spec is None or "statements" not in spec.capabilities:
        raise InvalidRequest(
            f"channel must be one that publishes statements: {', '.join(statement_channels())}",
            code="channel_unavailable",
            param="channel",
        )
    if not livemode and not is_test_account(spec.code, merchant_id):
        raise PermissionDenied(
            f"a test key cannot reconcile {spec.code}: its statement is about live money; use a live secret key",
            code="live_key_required",
            param="channel",
        )
    run = ReconciliationRun(
        id=new_id("rcn"),
        merchant_id=merchant_id,
        channel=spec.code,
        day=parse_day(day),
        status="running",
        lines=0,
        matched=0,
        actor=actor[:60],
        **{kind: 0 for kind in KINDS},
        auto_resolved=0,
    )
    db.session.add(run)
    # Committed before it is queued: an idle worker takes the job at once, and queued before the commit it read no
    # run, ended, and the run said "running" for good (every run started from the portal or the API on `make run`).
    commit_keeping_state()
    try:
        enqueue("app.jobs.reconcile", run.id, lane=BATCH, job_id=f"reconcile-{run.id}")
    except Exception:  # Redis did not take it: the run says so instead of reading "running" for an hour
        _finish(run.id, status="failed", failure_reason="it could not be queued (Redis did not answer); start it again")
        raise
    return run


def execute_run(run_id: str) -> ReconciliationRun | None:
    """Fetch the statement, match it, record the discrepancies, resolve the provable ones, finish the run."""
    run = db.session.get(ReconciliationRun, run_id)
    if run is None or run.status != "running":
        return run
    merchant_id, channel, day = run.merchant_id, run.channel, run.day
    adapter = adapter_for(channel, merchant_id)
    try:
        staged = matching.stage(adapter.statement(day))
        spec = channel_spec(channel)
        lines, matched, found = matching.compare(merchant_id, channel, shared=bool(spec and spec.statement_shared))
        unlisted = matching.booked_but_unlisted(merchant_id, channel, day)
        if unlisted:  # the commit drops the staging table; neighbouring days are read after it
            db.session.commit()
            unlisted = _not_on_neighbouring_days(adapter, day, unlisted)
        found += unlisted
    except ProviderUnavailable as exc:
        db.session.rollback()
        return _finish(run_id, status="failed", failure_reason=f"statement not readable: {exc}"[:500])
    except Exception:
        # A bug or an outage inside Kassa: the run says it failed (else it read "running" until the daily sweep,
        # and a run started by hand forever), and the job fails loudly for the operator.
        db.session.rollback()
        log.exception("reconciliation run failed", extra={"fields": {"run_id": run_id, "channel": channel}})
        try:
            _finish(
                run_id,
                status="failed",
                failure_reason="the run stopped on an error inside Kassa (in the logs with this run's id); "
                "start it again",
            )
        except Exception:  # the database is what failed: the sweep finds the run abandoned within the hour
            db.session.rollback()
        raise
    counts = {kind: sum(1 for f in found if f.kind == kind) for kind in KINDS}
    _record(run_id, merchant_id, channel, day, found)
    run = _finish(run_id, status="done", lines=lines, matched=matched, **counts)
    auto = _resolve_provable(run)
    if auto:
        db.session.execute(update(ReconciliationRun).where(ReconciliationRun.id == run_id).values(auto_resolved=auto))
        db.session.commit()
    log.info(
        "reconciliation run done",
        extra={
            "fields": {
                "run_id": run_id,
                "channel": channel,
                "day": day.isoformat(),
                "statement_lines": staged,
                "lines": lines,
                "matched": matched,
                "auto_resolved": auto,
                **counts,
            }
        },
    )
    return db.session.get(ReconciliationRun, run_id, populate_existing=True)


def _not_on_neighbouring_days(adapter, day: date, unlisted: list[matching.Found]) -> list[matching.Found]:
    """Drop the candidates a neighbouring day's statement lists (booked on our side of midnight, theirs on the
    other); the rest are missing at the provider."""
    wanted = {(f.line_type, f.reference) for f in unlisted}
    for neighbour in (day - timedelta(days=1), day + timedelta(days=1)):
        if neighbour <= utcnow().date():
            wanted -= matching.listed_among(adapter.statement(neighbour), wanted)
    return [f for f in unlisted if (f.line_type, f.reference) in wanted]


def _record(run_id: str, merchant_id: str, channel: str, day: date, found: list[matching.Found]) -> None:
    """One row per disagreement; one a run of the same day already recorded stays as it was (and keeps its
    resolution)."""
    if found:
        now = utcnow()
        rows = [
            {
                "id": new_id("dsc"),
                "merchant_id": merchant_id,
                "run_id": run_id,
                "channel": channel,
                "day": day,
                "status": "open",
                "created_at": now,
                **f.__dict__,
            }
            for f in found
        ]
        for start in range(0, len(rows), 1000):
            db.session.execute(conflict_insert(Discrepancy).values(rows[start : start + 1000]).on_conflict_do_nothing())
        new = db.session.scalars(select(Discrepancy).where(Discrepancy.run_id == run_id)).all()
        # A statement of live money (a live channel, a Stripe live key): live endpoints hear of it.
        live = not is_test_account(channel, merchant_id)
        for discrepancy in new:
            record_event(merchant_id, "reconciliation.discrepancy", discrepancy_json(discrepancy), livemode=live)
    db.session.commit()


def _finish(run_id: str, **values: Any) -> ReconciliationRun:
    db.session.execute(
        update(ReconciliationRun)
        .where(ReconciliationRun.id == run_id, ReconciliationRun.status == "running")
        .values(finished_at=utcnow(), **values)
    )
    db.session.commit()
    return db.session.get(ReconciliationRun, run_id, populate_existing=True)


def _resolve_provable(run: ReconciliationRun) -> int:
    """Status disagreements where Kassa is still waiting (pending, unknown): ask the provider by reference, the
    way the janitor does, and let the hub apply its answer. A dispute Kassa never heard of, or whose closing it
    missed: fetch it from the provider and apply it as its callback would have been. Resolved when Kassa then agrees
    with the line. Never an amount_mismatch (a currency mismatch among them): asking the provider proves a status,
    not what it booked."""
    waiting = db.session.scalars(
        select(Discrepancy)
        .where(
            Discrepancy.merchant_id == run.merchant_id,
            Discrepancy.channel == run.channel,
            Discrepancy.day == run.day,
            Discrepancy.status == "open",
            ((Discrepancy.kind == "status_mismatch") & Discrepancy.kassa_status.in_(("pending", "unknown")))
            | (
                Discrepancy.kind.in_(("missing_in_kassa", "status_mismatch"))
                & Discrepancy.line_type.in_(matching.DISPUTE_LINES)
                & Discrepancy.kassa_object.is_not(None)  # a dispute of a payment Kassa never made: nothing to apply
            ),
        )
        .order_by(Discrepancy.id)
    ).all()
    resolved = 0
    for discrepancy in waiting:
        fetch = fetch_dispute if discrepancy.line_type in matching.DISPUTE_LINES else settle_from_provider
        note = fetch(discrepancy)
        if note and mark_resolved(discrepancy.id, "auto", note, actor="reconciliation"):
            db.session.commit()
            resolved += 1
    return resolved


def reconcile_yesterday(*, now: datetime | None = None) -> list[str]:
    """The daily cron: yesterday's statement of every statement channel, for every merchant that used it.
    Idempotent: a day already run (or running) for a merchant and channel is not run again; a run whose worker
    died (still running an hour on) does not hold the day back."""
    now = now or utcnow()
    day = (now - timedelta(hours=SETTLE_HOURS)).date() - timedelta(days=1)
    started = []
    for channel in statement_channels():
        for merchant_id in _merchants_moving_money(channel, day):
            if db.session.scalar(
                select(func.count())
                .select_from(ReconciliationRun)
                .where(
                    ReconciliationRun.merchant_id == merchant_id,
                    ReconciliationRun.channel == channel,
                    ReconciliationRun.day == day,
                    (ReconciliationRun.status == "done")
                    | (
                        (ReconciliationRun.status == "running")
                        & (ReconciliationRun.created_at > utcnow() - ABANDONED_AFTER)
                    ),
                )
            ):
                continue
            if db.session.get(Merchant, merchant_id) is None:
                continue
            started.append(start_run(merchant_id, channel, day.isoformat(), actor="cron").id)
            db.session.commit()
    return started


def _merchants_moving_money(channel: str, day: date) -> list[str]:
    """Merchants with a capture, a refund, a payout or a dispute through ``channel`` around ``day`` (a day either
    side: the statement's day is the provider's, and a refund of a payment captured weeks ago is on it too)."""
    start, end = matching.day_range(day)
    since, until = start - timedelta(days=1), end + timedelta(days=1)
    moving = union(
        *(
            select(model.merchant_id).where(
                model.channel == channel, model.updated_at >= since, model.updated_at < until
            )
            for model in (PaymentAttempt, Refund, Payout, Dispute)
        )
    )
    return list(db.session.scalars(select(moving.subquery().c.merchant_id).distinct()))
