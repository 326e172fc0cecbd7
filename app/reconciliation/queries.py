"""Reading reconciliation runs and the discrepancies they found, always one merchant's; under a test key only those
of test-only channels, as ``start_run`` lets such a key start them (any other channel's run is about live money)."""

from __future__ import annotations

from sqlalchemy import Select, func, select

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.payments.channels.registry import channels, is_test_account
from app.platform.values.pagination import newest_first
from app.reconciliation.models import KINDS, Discrepancy, ReconciliationRun


def _test_channels(merchant_id: str) -> list[str]:
    """The channels whose statements are test money for this merchant (test-only ones, and Stripe under a test
    key)."""
    return [code for code in channels() if is_test_account(code, merchant_id)]


def get_run(merchant_id: str, run_id: str, *, livemode: bool = True) -> ReconciliationRun:
    """The merchant's run; under a test key (``livemode`` False) only one of a channel whose statement is test money
    for the merchant, as ``start_run`` lets it start: any other channel's run is about live money."""
    run = db.session.get(ReconciliationRun, run_id)
    if run is None or run.merchant_id != merchant_id or not (livemode or is_test_account(run.channel, merchant_id)):
        raise NotFound(f"no reconciliation run {run_id!r}")
    return run


def list_runs(
    merchant_id: str,
    *,
    channel: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
    livemode: bool = True,
) -> tuple[list[ReconciliationRun], bool]:
    """The merchant's runs, newest first; under a test key those of test-only channels."""
    query = select(ReconciliationRun).where(ReconciliationRun.merchant_id == merchant_id)
    if not livemode:
        query = query.where(ReconciliationRun.channel.in_(_test_channels(merchant_id)))
    if channel:
        query = query.where(ReconciliationRun.channel == channel)
    if starting_after:
        after = get_run(merchant_id, starting_after, livemode=livemode)
        query = query.where(
            (ReconciliationRun.created_at < after.created_at)
            | ((ReconciliationRun.created_at == after.created_at) & (ReconciliationRun.id < after.id))
        )
    found = db.session.scalars(
        query.order_by(ReconciliationRun.created_at.desc(), ReconciliationRun.id.desc()).limit(limit + 1)
    ).all()
    return list(found[:limit]), len(found) > limit


def list_discrepancies(
    merchant_id: str,
    *,
    run_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
    livemode: bool = True,
) -> tuple[list[Discrepancy], bool]:
    """What the merchant's statements disagree on, oldest first; under a test key those of test-only channels."""
    query = _discrepancies(merchant_id, run_id=run_id, status=status, kind=kind, livemode=livemode)
    if starting_after:
        query = query.where(Discrepancy.id > starting_after)
    found = db.session.scalars(query.order_by(Discrepancy.id).limit(limit + 1)).all()
    return list(found[:limit]), len(found) > limit


def list_run_discrepancies(
    merchant_id: str, run_id: str, *, limit: int, starting_after: str | None = None, livemode: bool = True
) -> tuple[list[Discrepancy], bool]:
    """A page of what a run's channel and day disagree on, newest first (what the latest run of the day recorded
    leads), and whether older ones follow: a day of a busy channel can disagree on thousands of lines."""
    return newest_first(
        _discrepancies(merchant_id, run_id=run_id, livemode=livemode),
        Discrepancy.id,
        limit=limit,
        starting_after=starting_after,
    )


def count_discrepancies(
    merchant_id: str,
    *,
    run_id: str | None = None,
    status: str | None = None,
    kind: str | None = None,
    livemode: bool = True,
) -> int:
    """How many discrepancies ``list_discrepancies`` would list over all its pages, in one query."""
    query = _discrepancies(merchant_id, run_id=run_id, status=status, kind=kind, livemode=livemode)
    return db.session.scalar(select(func.count()).select_from(query.subquery()))


def _discrepancies(
    merchant_id: str, *, run_id: str | None, livemode: bool, status: str | None = None, kind: str | None = None
) -> Select:
    if status is not None and status not in ("open", "resolved"):
        raise InvalidRequest("status is open or resolved", param="status")
    if kind is not None and kind not in KINDS:
        raise InvalidRequest(f"kind is one of {', '.join(KINDS)}", param="kind")
    query = select(Discrepancy).where(Discrepancy.merchant_id == merchant_id)
    if not livemode:
        query = query.where(Discrepancy.channel.in_(_test_channels(merchant_id)))
    if run_id:  # a run shows its day's discrepancies, including those an earlier run of the day recorded
        run = get_run(merchant_id, run_id, livemode=livemode)
        query = query.where(Discrepancy.channel == run.channel, Discrepancy.day == run.day)
    if status:
        query = query.where(Discrepancy.status == status)
    if kind:
        query = query.where(Discrepancy.kind == kind)
    return query


def get_discrepancy(merchant_id: str, discrepancy_id: str) -> Discrepancy:
    """The merchant's discrepancy, or a 404."""
    found = db.session.get(Discrepancy, discrepancy_id)
    if found is None or found.merchant_id != merchant_id:
        raise NotFound(f"no discrepancy {discrepancy_id!r}")
    return found
