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
merchants' config cache reads each merchant's version once per batch there. The runs themselves:
app/platform/outbox/dispatch.py.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterable

from sqlalchemy import JSON, Index, String, bindparam, false, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow
from app.platform.observability import logs
from app.platform.outbox.commit_signals import NEW_EVENTS
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time


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


def batch_scopes() -> list[Callable[[], AbstractContextManager]]:
    """The scopes every batch of a dispatch run runs inside (``around_each_batch``)."""
    return list(_BATCH_SCOPES)


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
