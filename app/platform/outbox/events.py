"""Transactional outbox (DESIGN.md §6.1–6.2).

A service writes its event row in the same transaction as the change it reports
(``record_event``). After that transaction commits, a dispatch job is requested (at most one
waiting at a time); the job claims a batch of due events for a lease, so a second dispatcher takes
others, and hands each to the handlers subscribed to its type, in creation order. A handler that
succeeded for an event is recorded and never runs for it again; one that failed leaves the event
undispatched, to be retried with backoff.

An event no handler wants is born dispatched: no run, no job. A handler says so from the event's object
(``applies``) or from its merchant's configuration as the event is written (``wanted``: the webhook fan-out, for a
merchant with no endpoint that takes the type). The event is kept all the same (the event log, an order's stream).

Each batch of a dispatch run runs inside the scopes the layers above register (``around_each_batch``): the
merchants' config cache reads each merchant's version once per batch there.
"""

from __future__ import annotations

import time
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable, Iterable

from flask import current_app
from sqlalchemy import JSON, Index, String, bindparam, false, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import built_per_dialect, conflict_insert, db
from app.platform.db.types import UTCDateTime, utcnow
from app.platform.observability import logs
from app.platform.outbox.commit_signals import NEW_EVENTS, dispatch_run
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

log = logs.get("events")

MAX_BACKOFF = timedelta(hours=1)
# A dispatch run starts no more events of its batch after this share of its lease: the last one it starts should
# end before the lease does and another run may take the batch.
HAND_BACK_AT = 0.8


class HandlerWaits(Exception):
    """Raised by a handler that cannot finish yet for a reason it expects (e.g. a dispute still open): the outbox
    tries again later, as for a failure, but logs one line without a traceback, so a wait of weeks is not an hourly
    error."""


class Event(db.Model):
    __tablename__ = "events"
    __table_args__ = (
        Index("ix_events_merchant_type", "merchant_id", "type"),
        Index("ix_events_order_id", "order_id", "id"),
        Index("ix_events_request_id", "request_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    type: Mapped[str] = mapped_column(String(60))
    # The order an event is about, so an order's stream is one indexed read (GET /orders/{id}/events).
    order_id: Mapped[str | None] = mapped_column(String(40))
    data: Mapped[dict] = mapped_column(JSON)
    # Test or live, like the object it is about (an order's event takes the order's mode).
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    dispatch_attempts: Mapped[int] = mapped_column(default=0)
    next_dispatch_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The request (or job) that caused it: handlers, jobs and webhook deliveries carry it on.
    request_id: Mapped[str | None] = mapped_column(String(128))
    # A sample sent by "send test event" to one webhook endpoint (app/webhooks/samples.py): it is born
    # dispatched, so no handler and no other endpoint sees it, and the event log leaves it out.
    test_webhook: Mapped[bool] = mapped_column(default=False, server_default=false())

    def to_json(self) -> dict:
        body = {
            "id": self.id,
            "object": "event",
            "type": self.type,
            "livemode": self.livemode,
            "created_at": iso_time(self.created_at),
            "data": self.data,
            "request_id": self.request_id,
        }
        if self.test_webhook:
            body["test_webhook"] = True
        return body


class EventHandling(db.Model):
    """One row per (event, handler) that has run successfully: handlers are idempotent by event id."""

    __tablename__ = "event_handlings"

    event_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    handler: Mapped[str] = mapped_column(String(200), primary_key=True)
    handled_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


@dataclass(frozen=True)
class Subscription:
    name: str
    event_type: str  # an exact type, or "*" for every event
    func: Callable[[Event], None]
    # Given the event's object, does the handler have anything to do? None: always run it.
    applies: Callable[[dict], bool] | None = None
    # The same work for many events at once, in the caller's transaction (it must not commit). None: the handler
    # works one event at a time only.
    batch: Callable[[list[Event]], Batched] | None = None
    # Given the merchant and the event's type, may the handler have anything to do, by the merchant's configuration
    # as the event is written? None: always.
    wanted: Callable[[str, str], bool] | None = None


@dataclass(frozen=True)
class Batched:
    """What a handler's ``batch`` did: ``then`` runs once its transaction commits (queue jobs); ``one_by_one`` names
    the events it left to the handler's own function, each in a transaction of its own."""

    then: Callable[[], None] | None = None
    one_by_one: frozenset[str] = frozenset()


_SUBSCRIPTIONS: list[Subscription] = []
_BATCH_SCOPES: list[Callable[[], AbstractContextManager]] = []


def subscribe(
    event_type: str,
    *,
    applies: Callable[[dict], bool] | None = None,
    batch: Callable[[list[Event]], Batched] | None = None,
    wanted: Callable[[str, str], bool] | None = None,
) -> Callable:
    """Register a handler for ``event_type`` (or ``"*"``). It must not commit half its work:
    a handler that raises is retried later, so its effects must be safe to repeat.
    ``applies(obj)`` answers from the event's object alone (never from the database) whether the handler has
    anything to do; when it says no, the handler is not run and costs no transaction. An event never changes,
    so a retry gets the same answer: only facts fixed when the object was made may decide it (an order's kind,
    its checkout session, its customer's email), never ones that change later (its status).
    ``batch(events)`` does the handler's work for a dispatch run's whole batch in one transaction (the webhooks'
    fan-out: one read of the endpoints for every event, not one per event); ``func`` runs for the events it leaves
    (``Batched.one_by_one``) and for a batch that failed, which goes event by event.
    ``wanted(merchant_id, event_type)`` answers, as the event is written and from configuration the merchant's
    config cache holds (app/merchants/config_cache.py), whether the handler may have work for it; an event that
    no handler applies to or wants is born dispatched. A configuration changed after the event was written does
    not reach back to it (an endpoint added a moment later does not get it)."""

    def decorate(func: Callable[[Event], None]) -> Callable[[Event], None]:
        name = f"{func.__module__}.{func.__qualname__}"
        if all(s.name != name for s in _SUBSCRIPTIONS):
            _SUBSCRIPTIONS.append(Subscription(name, event_type, func, applies, batch, wanted))
        return func

    return decorate


def around_each_batch(scope: Callable[[], AbstractContextManager]) -> None:
    """Run every batch of a dispatch run inside ``scope()``, for state its handlers share for the batch (the
    merchants' config cache: each merchant's version read once)."""
    if scope not in _BATCH_SCOPES:
        _BATCH_SCOPES.append(scope)


def subscriptions_for(event_type: str) -> list[Subscription]:
    return [s for s in _SUBSCRIPTIONS if s.event_type in (event_type, "*")]


def only_for_orders(find: Callable[[list[str]], Iterable[str]]) -> Callable[[list[Event]], Batched]:
    """A ``batch`` for a handler that has work only for the orders ``find`` picks out of the events' orders (one
    query for the whole batch, e.g. the orders that started a subscription): the events of the other orders are
    handled with nothing to do, the rest (and any event about no order) go one by one."""

    def batch(events: list[Event]) -> Batched:
        by_order: dict[str | None, list[str]] = {}
        for event in events:
            by_order.setdefault(order_id_of((event.data or {}).get("object") or {}), []).append(event.id)
        concerned = set(find([order_id for order_id in by_order if order_id is not None]))
        return Batched(
            one_by_one=frozenset(
                event_id
                for order_id, ids in by_order.items()
                if order_id is None or order_id in concerned
                for event_id in ids
            )
        )

    return batch


def only_for_events(has_work: Callable[[Event], bool]) -> Callable[[list[Event]], Batched]:
    """A ``batch`` for a handler that can tell from the event and what is kept in memory (the merchants' config
    cache, read in the batch's scopes) whether it has work: the events it has none for are handled in the batch's
    transaction, without one of their own; the rest go one by one."""

    def batch(events: list[Event]) -> Batched:
        return Batched(one_by_one=frozenset(event.id for event in events if has_work(event)))

    return batch


def orders_in(column) -> Callable[[list[str]], list[str]]:
    """The ``find`` for ``only_for_orders`` of a handler whose orders are those a table names in ``column`` (e.g.
    the contracts' first orders): one indexed read per batch, its statement built once."""
    statement = select(column).where(column.in_(bindparam("b_orders", expanding=True)))

    def find(order_ids: list[str]) -> list[str]:
        return list(db.session.scalars(statement, {"b_orders": order_ids}))

    return find


def order_id_of(obj: dict) -> str | None:
    """The order an event object belongs to: an order itself, or anything naming its ``order``."""
    found = obj.get("id") if obj.get("object") == "order" else obj.get("order")
    return found if isinstance(found, str) else None


def record_event(
    merchant_id: str, type_: str, obj: dict, *, order_id: str | None = None, livemode: bool | None = None
) -> Event:
    """Add an outbox row to the current session; the caller's commit makes it durable.
    ``order_id`` defaults to the order the object is, or names in its ``order`` field; ``livemode`` to
    the object's own, else the mode of that order (app/orders/event_modes.py fills it in at flush)."""
    event = new_event(merchant_id, type_, obj, order_id=order_id, livemode=livemode)
    db.session.add(event)
    return event


def new_event(
    merchant_id: str, type_: str, obj: dict, *, order_id: str | None = None, livemode: bool | None = None
) -> Event:
    """The outbox row ``record_event`` adds, for a caller that writes its rows itself (``insert_at_once``, in the
    transaction its commit ends): such a caller knows the mode, which the flush would otherwise fill in."""
    if livemode is None and isinstance(obj.get("livemode"), bool):
        livemode = obj["livemode"]
    if livemode is not None and "livemode" not in obj:
        obj = {**obj, "livemode": livemode}  # as app/orders/event_modes.py does at the flush
    event = Event(
        id=new_id("evt"),
        merchant_id=merchant_id,
        type=type_,
        data={"object": obj},
        order_id=order_id or order_id_of(obj),
        livemode=livemode,
        request_id=logs.current("request_id"),
    )
    if _wanted_by_nobody(merchant_id, type_, obj):
        event.created_at = event.dispatched_at = utcnow()  # born dispatched: no run claims it
    else:
        db.session.info[NEW_EVENTS] = True  # the commit asks for a dispatch run (app/platform/outbox/commit_signals.py)
    return event


def _wanted_by_nobody(merchant_id: str, type_: str, obj: dict) -> bool:
    """No handler applies to the event's object or wants it by its merchant's configuration. A process that has
    registered no handler for the type (its handlers were never imported) leaves the event to the dispatchers."""
    subscriptions = subscriptions_for(type_)
    if not subscriptions:
        return False
    candidates = [sub for sub in subscriptions if sub.applies is None or sub.applies(obj)]
    if any(sub.wanted is None for sub in candidates):
        return False  # a handler with work whatever the configuration: no need to ask it
    with db.session.no_autoflush:  # a job reads the merchant's version here: the caller's pending rows wait
        return not any(sub.wanted(merchant_id, type_) for sub in candidates)  # type: ignore[misc]


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


def _run_handlers(event: Event, done: set[str] | None = None) -> bool:
    """Run every subscribed handler that has not yet succeeded for ``event``; True if all have. Each handler's
    work commits with its handling row, in a transaction of its own. When the last one succeeds its transaction is
    left open, so the caller marks the event dispatched in it: one commit per event fewer. ``done``: the handlers
    known to have succeeded for it (read here when not given)."""
    due = _due(event)
    if not due:
        return True
    if done is None:
        done = set(db.session.scalars(select(EventHandling.handler).where(EventHandling.event_id == event.id)))
    pending = [sub for sub in due if sub.name not in done]
    ok = True
    # Handlers act for the request that caused the event: their logs, jobs and events carry its id.
    logs.bind(request_id=event.request_id)
    for position, sub in enumerate(pending):
        try:
            sub.func(event)
            db.session.add(EventHandling(event_id=event.id, handler=sub.name))
            if ok and position == len(pending) - 1:
                db.session.flush()  # another dispatcher's row for it fails here, not in the caller's commit
                return True
            db.session.commit()
        except IntegrityError:
            db.session.rollback()  # another dispatcher finished it first
        except HandlerWaits as waiting:
            db.session.rollback()
            ok = False
            log.info(
                "event handler waits: %s",
                waiting,
                extra={
                    "fields": {
                        "event_id": event.id,
                        "event_type": event.type,
                        "handler": sub.name,
                        "merchant_id": event.merchant_id,
                    }
                },
            )
        except Exception:
            db.session.rollback()
            ok = False
            log.exception(
                "event handler failed",
                extra={
                    "fields": {
                        "event_id": event.id,
                        "event_type": event.type,
                        "handler": sub.name,
                        "merchant_id": event.merchant_id,
                    }
                },
            )
    return ok


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
        for scope in _BATCH_SCOPES:
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
            if _run_handlers(event, succeeded[event_id] if succeeded is not None else None):
                # In the last handler's transaction, if it left one open. Not synchronised with the session: that
                # would load the event again only to set one column.
                # Counted only if this run marked it (after a lost lease another dispatcher may have finished it).
                settled += db.session.execute(_MARK_DISPATCHED, {"b_event": event_id, "b_at": utcnow()}).rowcount
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
