"""Dispatch runs of the transactional outbox (app/platform/outbox/events.py): claim a batch of due events for a
lease, run the handlers that work in batches for all of them in one transaction, then each event's other handlers
one by one (each in a transaction of its own), and mark the event dispatched; a handler that failed leaves its
event due again after a backoff.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import built_per_dialect, conflict_insert, db
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.commit_signals import dispatch_run
from app.platform.outbox.events import (
    Event,
    EventHandling,
    HandlerWaits,
    Subscription,
    batch_scopes,
    subscriptions_for,
)

log = logs.get("events")

MAX_BACKOFF = timedelta(hours=1)
# A dispatch run starts no more events of its batch after this share of its lease: the last one it starts should
# end before the lease does and another run may take the batch.
HAND_BACK_AT = 0.8


def _backoff(attempts: int) -> timedelta:
    return min(timedelta(seconds=5 * 2 ** max(attempts - 1, 0)), MAX_BACKOFF)


def _due(event: Event) -> list[Subscription]:
    """The handlers ``event`` concerns: subscribed to its type, and not ruled out by their ``applies``."""
    obj = (event.data or {}).get("object") or {}
    return [sub for sub in subscriptions_for(event.type) if sub.applies is None or sub.applies(obj)]


# Built once: a dispatch run binds only values (app/extensions.py, built_per_dialect).
_HANDLED = select(EventHandling.event_id, EventHandling.handler).where(
    EventHandling.event_id.in_(bindparam("b_events", expanding=True))
)
_MARK_DISPATCHED = (
    update(Event.__table__)
    .where(Event.__table__.c.id == bindparam("b_event"), Event.__table__.c.dispatched_at.is_(None))
    .values(dispatched_at=bindparam("b_at"))
)
_HANDLING_ROW = EventHandling.__table__.insert().values(
    event_id=bindparam("b_event"), handler=bindparam("b_handler"), handled_at=bindparam("b_at")
)


@built_per_dialect
def _handled_and_dispatched():
    """The statements that write the last handler's row and mark the event dispatched, the mark last: one on
    PostgreSQL (a row the insert conflicts with fails it whole, as the insert alone would), two elsewhere."""
    if db.engine.dialect.name == "postgresql":
        return (_MARK_DISPATCHED.add_cte(_HANDLING_ROW.cte("handled")),)
    return _HANDLING_ROW, _MARK_DISPATCHED


@built_per_dialect
def _handled_once():
    return conflict_insert(EventHandling.__table__).on_conflict_do_nothing()


@built_per_dialect
def _claim_due():
    due = (
        select(Event.id)
        .where(Event.dispatched_at.is_(None))
        .where((Event.next_dispatch_at.is_(None)) | (Event.next_dispatch_at <= bindparam("b_now")))
        .order_by(Event.id)
        .limit(bindparam("b_batch"))
    )
    if db.engine.dialect.name == "postgresql":
        due = due.with_for_update(skip_locked=True)  # two claims at once take different events
    return (
        update(Event)
        .where(Event.id.in_(due.scalar_subquery()))
        .values(next_dispatch_at=bindparam("b_until"))
        .returning(Event)
        .execution_options(synchronize_session=False)
    )


def _run_batches(events: list[Event]) -> tuple[set[str], int, dict[str, set[str]] | None]:
    """Run each handler that can work a batch (``subscribe(batch=…)``) for every claimed event it is due for and has
    not yet succeeded for, in ONE transaction with their handling rows; an event with no other handler due is marked
    dispatched in it too. Returns the ids of those events (done with), how many of them this run marked (not
    another dispatcher), and the handlers that have succeeded for each event by then (None if unknown). Should any
    of it fail, none of it stays: the events go the one-by-one way, which isolates the one at fault."""
    if not events:
        return set(), 0, None
    work: dict[Subscription, list[Event]] = {}
    all_batched: list[str] = []  # events every handler of which works in batches
    try:
        ran = {
            (event_id, handler)
            for event_id, handler in db.session.execute(_HANDLED, {"b_events": [event.id for event in events]})
        }
        for event in events:
            due = _due(event)
            batched = [sub for sub in due if sub.batch is not None]
            for sub in batched:
                if (event.id, sub.name) not in ran:  # a handler that succeeded for an event never runs for it again
                    work.setdefault(sub, []).append(event)
            if len(batched) == len(due):
                all_batched.append(event.id)
        outcomes = {sub: sub.batch(batch) for sub, batch in work.items()}
        left = {event_id for outcome in outcomes.values() for event_id in outcome.one_by_one}
        whole = [event_id for event_id in all_batched if event_id not in left]  # settled by this transaction
        now = utcnow()
        rows = [
            {"event_id": event.id, "handler": sub.name, "handled_at": now}
            for sub, batch in work.items()
            for event in batch
            if event.id not in outcomes[sub].one_by_one
        ]
        if rows:  # one statement for all rows (insertmanyvalues), compiled once whatever their number
            db.session.execute(_handled_once(), rows)
        settled = (
            set(
                db.session.scalars(
                    update(Event)
                    .where(Event.id.in_(whole), Event.dispatched_at.is_(None))
                    .values(dispatched_at=now)
                    .returning(Event.id)
                    .execution_options(synchronize_session=False)
                )
            )
            if whole
            else set()
        )
        db.session.commit()
    except Exception:
        db.session.rollback()
        log.warning(
            "a batch of event handlers failed; its events go one by one",
            exc_info=True,
            extra={"fields": {"events": len(events)}},
        )
        return set(), 0, None
    for outcome in outcomes.values():
        if outcome.then is not None:
            outcome.then()
    succeeded: dict[str, set[str]] = {event.id: set() for event in events}
    for event_id, handler in ran:
        succeeded[event_id].add(handler)
    for row in rows:
        succeeded[row["event_id"]].add(row["handler"])
    return set(whole), len(settled), succeeded


def _run_handlers(event: Event, done: set[str] | None = None) -> tuple[bool, str | None]:
    """Run every subscribed handler that has not yet succeeded for ``event``. Returns whether all have, and the
    handler whose work is left in the open transaction: when the last one succeeds, the caller writes its handling
    row with the event's mark (``_mark_dispatched``), one commit and one statement per event fewer. Each other
    handler's work commits with its handling row, in a transaction of its own. ``done``: the handlers known to have
    succeeded for it (read here when not given)."""
    due = _due(event)
    if not due:
        return True, None
    if done is None:
        done = set(db.session.scalars(select(EventHandling.handler).where(EventHandling.event_id == event.id)))
    pending = [sub for sub in due if sub.name not in done]
    ok = True
    # Handlers act for the request that caused the event: their logs, jobs and events carry its id.
    logs.bind(request_id=event.request_id)
    for position, sub in enumerate(pending):
        try:
            sub.func(event)
            if ok and position == len(pending) - 1:
                db.session.flush()  # the handler's own rows: one another dispatcher wrote fails here
                return True, sub.name
            db.session.add(EventHandling(event_id=event.id, handler=sub.name))
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # another dispatcher finished it first
        except HandlerWaits as waiting:
            db.session.rollback()
            ok = False
            log.info("event handler waits: %s", waiting, extra=_handler_fields(event, sub))
        except Exception:
            db.session.rollback()
            ok = False
            log.exception("event handler failed", extra=_handler_fields(event, sub))
    return ok, None


def _mark_dispatched(event_id: str, handler: str | None) -> int:
    """Mark the event dispatched in the open transaction, with ``handler``'s handling row when its work is in it
    (``_run_handlers``). 1 if this run marked it; 0 if another dispatcher finished it first (had it written that
    handler's row too, the insert fails and this transaction, the handler's work, is rolled back)."""
    at = utcnow()
    if handler is None:
        return db.session.execute(_MARK_DISPATCHED, {"b_event": event_id, "b_at": at}).rowcount
    *row, mark = _handled_and_dispatched()
    params = {"b_event": event_id, "b_handler": handler, "b_at": at}
    try:
        for statement in row:
            db.session.execute(statement, params)
        return db.session.execute(mark, params).rowcount
    except IntegrityError:
        db.session.rollback()
        return 0


def _handler_fields(event: Event, sub: Subscription) -> dict:
    """The log fields that say which handler of which event."""
    fields = {"event_id": event.id, "event_type": event.type, "handler": sub.name, "merchant_id": event.merchant_id}
    return {"fields": fields}


def _claim(batch: int, now: datetime, lease: timedelta) -> list[Event]:
    """Take up to ``batch`` due events, oldest first, for ``lease``: their ``next_dispatch_at`` moves to the lease's
    end, so another dispatcher passes them over until this run settles each one (or dies, and the lease runs out).
    One statement; the events come back whole and detached, as handlers only read them."""
    events = sorted(
        db.session.scalars(_claim_due(), {"b_now": now, "b_batch": batch, "b_until": now + lease}),
        key=lambda event: event.id,
    )
    # Detached before the commit: a batch kept in the session would be expired by every handler's commit and read
    # back, a cost that grew with the batch's square.
    for event in events:
        db.session.expunge(event)
    db.session.commit()
    return events


def dispatch_until_drained(*, batch: int = 200) -> int:
    """A dispatch run: batches of due events until a claim finds fewer than ``batch`` (and none was handed back)
    and the handlers wrote no events since (they ask for no other run; app/platform/outbox/commit_signals.py); returns
    how many
    were settled. Events that other transactions commit meanwhile ask for a run of their own."""
    total = 0
    with dispatch_run() as handlers_wrote_events:
        while True:
            settled, drained = _dispatch_batch(batch=batch)
            total += settled
            if drained and not handlers_wrote_events():
                return total


def dispatch_pending(*, batch: int = 200, now: datetime | None = None, lease: timedelta | None = None) -> int:
    """Hand due events to their handlers, oldest first; returns how many were settled. The run works its batch
    while its lease (``EVENT_DISPATCH_LEASE_SECONDS``) holds, and hands back what is left when it runs low."""
    return _dispatch_batch(batch=batch, now=now, lease=lease)[0]


def _dispatch_batch(*, batch: int, now: datetime | None = None, lease: timedelta | None = None) -> tuple[int, bool]:
    """``dispatch_pending``'s work; returns how many events it settled and whether it left none due: its claim was
    not full and it handed none back."""
    with ExitStack() as scopes:
        for scope in batch_scopes():
            scopes.enter_context(scope())
        lease = lease or timedelta(seconds=current_app.config["EVENT_DISPATCH_LEASE_SECONDS"])
        claimed = _claim(batch, now or utcnow(), lease)
        hand_back_at = time.monotonic() + lease.total_seconds() * HAND_BACK_AT
        finished, settled, succeeded = _run_batches(claimed)
        events = [event for event in claimed if event.id not in finished]
        drained = len(claimed) < batch
        for position, event in enumerate(events):
            if time.monotonic() > hand_back_at:  # slow handlers: the rest is due again, for whichever run comes
                db.session.execute(
                    update(Event)
                    .where(Event.id.in_([e.id for e in events[position:]]))
                    .values(next_dispatch_at=utcnow())
                    .execution_options(synchronize_session=False)
                )
                db.session.commit()
                drained = False
                break
            event_id = event.id
            finished, last = _run_handlers(event, succeeded[event_id] if succeeded is not None else None)
            if finished:
                # In the last handler's transaction, if it left one open. Not synchronised with the session: that
                # would load the event again only to set one column.
                # Counted only if this run marked it (after a lost lease another dispatcher may have finished it).
                settled += _mark_dispatched(event_id, last)
            else:
                attempts = event.dispatch_attempts + 1
                db.session.execute(
                    update(Event)
                    .where(Event.id == event_id)
                    .values(dispatch_attempts=attempts, next_dispatch_at=utcnow() + _backoff(attempts))
                    .execution_options(synchronize_session=False)
                )
            db.session.commit()
        return settled, drained
