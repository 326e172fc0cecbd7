"""The outbox: events written with their change, dispatched by a real RQ worker to handlers,
each handler once per event, failures retried."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

import pytest

from app.platform.outbox.events import Batched, only_for_orders, subscribe

CALLS: list[tuple[str, str]] = []
FAIL_TIMES = {"n": 0}


@subscribe("test.happened")
def _record(event) -> None:
    CALLS.append(("record", event.id))


@subscribe("test.happened")
def _flaky(event) -> None:
    if FAIL_TIMES["n"] > 0:
        FAIL_TIMES["n"] -= 1
        raise RuntimeError("receiver down")
    CALLS.append(("flaky", event.id))


SELECTED: list[str] = []


@subscribe("test.selective", applies=lambda obj: obj.get("wanted") is True)
def _selective(event) -> None:
    SELECTED.append(event.id)


@pytest.fixture(autouse=True)
def _reset():
    CALLS.clear()
    SELECTED.clear()
    FAIL_TIMES["n"] = 0


@contextmanager
def counted_commits() -> Iterator[list[int]]:
    """The commits the app's engine makes while the block runs (inside an app context)."""
    from sqlalchemy import event as sa_event

    from app.extensions import db

    commits: list[int] = []

    def count(conn) -> None:
        commits.append(1)

    sa_event.listen(db.engine, "commit", count)
    try:
        yield commits
    finally:
        sa_event.remove(db.engine, "commit", count)


def emit(app, n: int = 1) -> list[str]:
    from app.extensions import db
    from app.platform.outbox.events import record_event

    with app.app_context():
        ids = [record_event("mch_x", "test.happened", {"n": i}).id for i in range(n)]
        db.session.commit()
    return ids


def test_committed_events_reach_every_handler_once(app, worker):
    ids = emit(app, 3)
    worker()  # the commit queued one dispatch run
    assert sorted(CALLS) == sorted([("record", i) for i in ids] + [("flaky", i) for i in ids])
    worker()
    from app.extensions import db
    from app.jobs import dispatch_events

    with app.app_context():
        assert dispatch_events() == 0  # nothing left; nothing runs twice
        from app.platform.outbox.events import Event

        assert all(e.dispatched_at for e in db.session.query(Event))
    assert len(CALLS) == 6


def test_a_failing_handler_is_retried_without_rerunning_the_others(app, worker):
    from datetime import timedelta

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event

    FAIL_TIMES["n"] = 1
    [event_id] = emit(app)
    worker()
    assert CALLS == [("record", event_id)]
    with app.app_context():
        event = db.session.get(Event, event_id)
        assert event.dispatched_at is None and event.dispatch_attempts == 1
        assert event.next_dispatch_at > utcnow()
        assert dispatch_pending() == 0  # not due yet
        assert dispatch_pending(now=utcnow() + timedelta(minutes=1)) == 1
    assert CALLS == [("record", event_id), ("flaky", event_id)]


def test_a_rolled_back_change_leaves_no_event(app, worker):
    from app.extensions import db
    from app.platform.outbox.events import Event, record_event

    with app.app_context():
        record_event("mch_x", "test.happened", {})
        db.session.rollback()
        assert db.session.query(Event).count() == 0
    assert worker() == 0


def test_a_backlog_is_dispatched_reading_each_event_once(app):
    """A worker catching up on a backlog reads its events once, in the claim, however many handlers commit after
    them: a batch kept in the session was read again after every handler's commit, so a backlog drained ever more
    slowly."""
    from sqlalchemy import event as sa_event

    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event

    ids = emit(app, 30)
    reads: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        flat = " ".join(statement.split())
        whole = "events.data" in flat or "RETURNING" in flat and " data," in flat  # SQLite returns bare names
        if whole and (flat.startswith("SELECT") and "FROM events WHERE" in flat or flat.startswith("UPDATE events")):
            reads.append(flat)  # a read of whole events: the claim (UPDATE … RETURNING), or one event read again

    with app.app_context():
        sa_event.listen(db.engine, "before_cursor_execute", record)
        try:
            assert dispatch_pending() == 30
        finally:
            sa_event.remove(db.engine, "before_cursor_execute", record)
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert sorted(CALLS) == sorted([("record", i) for i in ids] + [("flaky", i) for i in ids])
    assert len(reads) == 1


def test_a_handler_the_event_does_not_concern_is_not_run_and_leaves_no_trace(app):
    """A handler says from the event's object whether it has anything to do (an order.paid of an order without an
    email has no receipt to send): when not, it is not run and no transaction is spent on it; the event is still
    dispatched, here at birth, as no other handler wants it (the merchant has no webhook endpoint)."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event, EventHandling, record_event

    with app.app_context():
        wanted = record_event("mch_x", "test.selective", {"wanted": True}).id
        unwanted = record_event("mch_x", "test.selective", {"wanted": False}).id
        db.session.commit()
        assert db.session.get(Event, unwanted).dispatched_at is not None  # before any run
        assert dispatch_pending() == 1
        handled = {(row.event_id, row.handler) for row in db.session.query(EventHandling)}
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert SELECTED == [wanted]
    assert (wanted, f"{__name__}._selective") in handled
    assert not any(event_id == unwanted and handler.endswith("._selective") for event_id, handler in handled)


def test_the_last_handler_of_an_event_commits_with_the_event_marked_dispatched(app):
    """One commit per handler run, and none more for marking the event dispatched: the last handler's
    transaction carries it, and on PostgreSQL its handling row and the mark are one statement. (Each event here runs
    two handlers: the selective one and the webhooks' fan-out, which works the whole batch in one transaction.)"""
    from sqlalchemy import select

    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event, EventHandling, record_event, subscriptions_for
    from tests.conftest import IS_POSTGRES
    from tests.support.sql_sent import statements

    with app.app_context():
        ids = [record_event("mch_x", "test.selective", {"wanted": True}).id for _ in range(10)]
        db.session.commit()
        with counted_commits() as commits, statements(app) as sent:
            assert dispatch_pending() == 10
        handled = set(db.session.execute(select(EventHandling.event_id, EventHandling.handler)))
        undispatched = db.session.scalars(select(Event.id).where(Event.dispatched_at.is_(None))).all()
    batched = [sub for sub in subscriptions_for("test.selective") if sub.batch is not None]
    assert len(subscriptions_for("test.selective")) == 2 and len(batched) == 1  # the webhooks' fan-out works batches
    assert SELECTED and len(SELECTED) == 10
    # The claim; one for the whole batch's fan-out; then one per run of the handler that goes event by event.
    assert len(commits) == 1 + 1 + 10
    assert undispatched == []
    assert {(event_id, f"{__name__}._selective") for event_id in ids} <= handled  # every run is recorded
    marks = [s for s in sent if s.startswith(("UPDATE events SET dispatched_at", "WITH handled AS"))]
    writes = [s for s in sent if "INSERT INTO event_handlings" in s]
    assert len(marks) == 10
    # The fan-out's rows in one statement; each selective run's row with its event's mark, or (SQLite) just before.
    assert len(writes) == 1 + 10
    assert all("INSERT INTO event_handlings" in mark for mark in marks) == IS_POSTGRES


BATCHES: list[list[str]] = []
ONE_BY_ONE: list[str] = []
BATCH_FAILS = {"on": False}


def _in_batches(events) -> Batched:
    if BATCH_FAILS["on"]:
        raise RuntimeError("one of the batch's events is bad")
    BATCHES.append([event.id for event in events])
    return Batched()


@subscribe("test.batched", batch=_in_batches)
def _batched(event) -> None:
    ONE_BY_ONE.append(event.id)


@pytest.fixture
def batched_events(app):
    """``make(n)``: n committed test.batched events, whose handler can work a batch."""
    from app.extensions import db
    from app.platform.outbox.events import record_event

    BATCHES.clear()
    ONE_BY_ONE.clear()
    BATCH_FAILS["on"] = False

    def make(n: int) -> list[str]:
        with app.app_context():
            ids = [record_event("mch_x", "test.batched", {"n": i}).id for i in range(n)]
            db.session.commit()
        return ids

    yield make
    BATCH_FAILS["on"] = False


def test_a_handler_that_works_batches_handles_a_backlog_in_one_transaction(app, batched_events):
    """A backlog of events whose handlers all work batches is settled by the claim and ONE more commit: each event
    handled once, recorded as handled by every handler, and dispatched."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event, EventHandling

    ids = batched_events(25)
    with app.app_context():
        with counted_commits() as commits:
            assert dispatch_pending() == 25
        handled = {(row.event_id, row.handler) for row in db.session.query(EventHandling)}
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert [sorted(batch) for batch in BATCHES] == [sorted(ids)] and ONE_BY_ONE == []
    assert {(i, f"{__name__}._batched") for i in ids} <= handled
    assert len(commits) == 2


def test_a_batch_that_fails_goes_event_by_event_and_nothing_of_it_stays(app, batched_events):
    """One bad event must not hold up the rest: when the batch raises, nothing of it is kept and each event runs
    its handlers on its own, once."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event, EventHandling

    ids = batched_events(4)
    BATCH_FAILS["on"] = True
    with app.app_context():
        assert dispatch_pending() == 4
        assert all(e.dispatched_at for e in db.session.query(Event))
        handlers = [row.handler for row in db.session.query(EventHandling) if row.handler == f"{__name__}._batched"]
    assert BATCHES == [] and sorted(ONE_BY_ONE) == sorted(ids)
    assert len(handlers) == 4


def test_a_batch_leaves_out_the_events_its_handler_already_handled(app, batched_events):
    """An event a dead run half-dispatched comes back with its lease: the handler that had succeeded for it is not
    run again, in a batch or alone."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import EventHandling

    first, second = batched_events(2)
    with app.app_context():
        db.session.add(EventHandling(event_id=first, handler=f"{__name__}._batched"))
        db.session.commit()
        assert dispatch_pending() == 2
    assert BATCHES == [[second]] and ONE_BY_ONE == []


CONCERNED_ORDERS: set[str] = set()
ORDER_CALLS: list[str] = []


@subscribe("test.ordered", batch=only_for_orders(lambda order_ids: CONCERNED_ORDERS & set(order_ids)))
def _for_some_orders(event) -> None:
    ORDER_CALLS.append(event.data["object"]["id"])


def test_a_handler_with_work_for_few_orders_runs_only_for_those(app):
    """A handler with something to do for few orders (a paid order that started a subscription) learns which in one
    query for the batch: it runs for those, one by one, and the other events are handled without it, in the batch's
    one transaction."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.outbox.events import Event, EventHandling, record_event

    CONCERNED_ORDERS.clear()
    ORDER_CALLS.clear()
    CONCERNED_ORDERS.update({"ord_2", "ord_5"})
    with app.app_context():
        ids = {
            record_event("mch_x", "test.ordered", {"object": "order", "id": f"ord_{n}"}).id: f"ord_{n}"
            for n in range(8)
        }
        db.session.commit()
        with counted_commits() as commits:
            assert dispatch_pending() == 8
        handled = {
            row.event_id for row in db.session.query(EventHandling) if row.handler == f"{__name__}._for_some_orders"
        }
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert sorted(ORDER_CALLS) == ["ord_2", "ord_5"]
    assert handled == set(ids)  # every event recorded as handled, once
    assert len(commits) == 1 + 1 + 2  # the claim, the batch, then the two concerned events' own


SLOW_CALLS: list[str] = []
SLOW_SECONDS = {"s": 0.0}


@subscribe("test.slow")
def _slow(event) -> None:
    import time

    SLOW_CALLS.append(event.id)
    time.sleep(SLOW_SECONDS["s"])


@pytest.fixture
def slow_events(app):
    """``make(n, seconds)``: n committed test.slow events whose handler takes ``seconds`` each."""
    from app.extensions import db
    from app.platform.outbox.events import record_event

    def make(n: int, seconds: float) -> list[str]:
        SLOW_CALLS.clear()
        SLOW_SECONDS["s"] = seconds
        with app.app_context():
            ids = [record_event("mch_x", "test.slow", {"n": i}).id for i in range(n)]
            db.session.commit()
        return ids

    yield make
    SLOW_CALLS.clear()


@pytest.mark.postgres_only
def test_two_dispatchers_at_once_run_each_handler_once_per_event(app, slow_events):
    """Two worker processes' dispatch runs overlap (commits ask for runs while one is working): each takes events
    the other has not claimed, so a handler with effects outside the database (an email, a merchant's webhook)
    runs once, not once per dispatcher."""
    import threading

    from app.platform.outbox.dispatch import dispatch_pending

    ids = slow_events(12, 0.05)
    settled: list[int] = []
    go = threading.Barrier(2, timeout=10)

    def dispatcher() -> None:
        with app.app_context():
            go.wait()
            while count := dispatch_pending(batch=4):
                settled.append(count)

    threads = [threading.Thread(target=dispatcher) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(SLOW_CALLS) == sorted(ids)  # each once
    assert sum(settled) == 12


def test_events_a_dispatcher_claimed_and_never_settled_are_dispatched_once_its_lease_runs_out(app, slow_events):
    """A worker killed mid-run leaves its claimed batch undispatched: no one takes it while the lease holds, and
    any run after the lease's end does."""
    from datetime import timedelta

    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import _claim, dispatch_pending

    ids = slow_events(3, 0)
    lease = timedelta(seconds=app.config["EVENT_DISPATCH_LEASE_SECONDS"])
    with app.app_context():
        assert [event.id for event in _claim(200, utcnow(), lease)] == sorted(ids)  # ... and the run dies here
        assert dispatch_pending() == 0
        assert SLOW_CALLS == []
        assert dispatch_pending(now=utcnow() + lease + timedelta(seconds=1)) == 3
        db.session.remove()
    assert SLOW_CALLS == sorted(ids)


def test_a_run_whose_lease_runs_low_hands_back_the_rest_due_at_once(app, slow_events):
    """Handlers slower than the lease allows (a merchant's webhook timing out on every event): the run stops taking
    events of its batch before its lease ends, so no second run starts on them while it still works, and what it
    leaves is due at once for the next run."""
    from datetime import timedelta

    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_pending

    ids = sorted(slow_events(4, 0.5))  # oldest first: in id order
    with app.app_context():
        # Hands back at 80 % of 1 s: the second event starts at about 0.5 s, the third could not before 1 s.
        assert dispatch_pending(lease=timedelta(seconds=1)) == 2
        assert SLOW_CALLS == ids[:2]
        assert dispatch_pending(lease=timedelta(seconds=60)) == 2  # due now: no lease to wait out
        db.session.remove()
    assert SLOW_CALLS == ids


CHAINED: list[str] = []


@subscribe("test.chain")
def _chain(event) -> None:
    """A handler whose work records an event of its own (as fulfilment records ``order.fulfilled``)."""
    from app.platform.outbox.events import record_event

    record_event("mch_x", "test.chained", {"after": event.id})


@subscribe("test.chained")
def _chained(event) -> None:
    CHAINED.append(event.data["object"]["after"])


def test_a_dispatch_run_takes_the_events_its_handlers_write_without_queuing_another_run(app):
    """The fulfilment's ``order.fulfilled`` is written by a handler while a run works: that run hands it on before it
    ends, and the worker is not given a second job that would find nothing to do."""
    from app.extensions import db
    from app.platform.outbox.events import Event, record_event

    CHAINED.clear()
    with app.app_context():
        first = record_event("mch_x", "test.chain", {}).id
        db.session.commit()
    assert jobs_run(app) == 1  # the run the commit queued, and no other
    assert CHAINED == [first]
    with app.app_context():
        assert all(e.dispatched_at for e in db.session.query(Event))


def jobs_run(app) -> int:
    """Work the queue with a real RQ worker in burst mode (jobs queued meanwhile included); how many jobs ran."""
    from redis import Redis
    from rq import Queue, SimpleWorker

    from tests.conftest import REDIS_URL

    connection = Redis.from_url(REDIS_URL)
    queue = Queue(app.config["RQ_QUEUE"], connection=connection)
    before = queue.finished_job_registry.count
    with app.app_context():
        SimpleWorker([queue], connection=connection).work(burst=True)
    return queue.finished_job_registry.count - before


def test_a_dispatch_run_ends_on_a_claim_that_was_not_full(app, batched_events):
    """A run claims again only when its batch was full or its handlers wrote events: one claim and one batch
    transaction settle a backlog smaller than a batch, with no empty claim after them."""
    from app.platform.outbox.dispatch import dispatch_until_drained

    ids = batched_events(25)
    with app.app_context():
        with counted_commits() as commits:
            assert dispatch_until_drained(batch=200) == 25
        assert len(commits) == 2
        more = batched_events(5)
        with counted_commits() as commits:
            assert dispatch_until_drained(batch=2) == 5  # full, full, short: three claims and their batches
        assert len(commits) == 6
    assert sorted(i for batch in BATCHES for i in batch) == sorted(ids + more)


def test_a_dispatch_run_that_fails_asks_for_a_run_for_what_its_handlers_wrote(app):
    """A run that dies with an exception after a handler committed events has not claimed them: it asks for a run,
    as the handler's commit would have, instead of leaving them to the periodic sweep."""
    from app.extensions import db
    from app.platform.outbox.commit_signals import dispatch_run
    from app.platform.outbox.events import record_event

    CHAINED.clear()
    with app.app_context():
        with pytest.raises(RuntimeError), dispatch_run():
            record_event("mch_x", "test.chained", {"after": "evt_lost"})
            db.session.commit()
            raise RuntimeError("the run's database went away")
    assert jobs_run(app) == 1
    assert CHAINED == ["evt_lost"]


def test_a_dispatch_run_takes_back_up_what_it_handed_back(app, slow_events):
    """A run that hands back the rest of a batch it could not finish within its lease claims it again itself before
    it ends: the events do not wait for the periodic sweep."""
    from app.platform.outbox.dispatch import dispatch_until_drained

    ids = sorted(slow_events(4, 0.5))
    lease = app.config["EVENT_DISPATCH_LEASE_SECONDS"]
    app.config["EVENT_DISPATCH_LEASE_SECONDS"] = 1  # hands back after two events
    try:
        with app.app_context():
            assert dispatch_until_drained() == 4
    finally:
        app.config["EVENT_DISPATCH_LEASE_SECONDS"] = lease
    assert SLOW_CALLS == ids


def test_commits_while_a_dispatch_run_gathers_join_it(app):
    """A dispatch job waits EVENT_DISPATCH_GATHER_SECONDS before it claims: an event committed meanwhile (the pay's,
    a moment after the create's) is handed on by the same run, not by a job of its own."""
    import threading
    import time

    CALLS.clear()
    gather = app.config["EVENT_DISPATCH_GATHER_SECONDS"]
    app.config["EVENT_DISPATCH_GATHER_SECONDS"] = 0.5
    try:
        first = emit(app)[0]  # queues the run
        later: list[str] = []

        def commit_another() -> None:
            time.sleep(0.15)  # the run is gathering
            later.extend(emit(app))

        committing = threading.Thread(target=commit_another)
        committing.start()
        ran = [jobs_run(app)]
        committing.join(timeout=30)
        second = later[0]
    finally:
        app.config["EVENT_DISPATCH_GATHER_SECONDS"] = gather
    assert ran == [1]
    assert sorted(CALLS) == sorted([("record", first), ("flaky", first), ("record", second), ("flaky", second)])


def test_a_run_waiting_on_another_queue_of_the_same_redis_does_not_hold_back_this_ones(app):
    """Two Kassa installations (or staging beside production) on one Redis database, each on its own RQ queue: a
    dispatch run already waiting on the other queue must not stop a commit here from queuing a run here, or these
    events would wait for the periodic sweep."""
    from app import create_app
    from tests.conftest import dispose

    other = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"],
            "REDIS_URL": app.config["REDIS_URL"],
            "RQ_QUEUE": app.config["RQ_QUEUE"] + "-other",
        }
    )
    try:
        emit(other)  # the other installation's commit: a run requested and queued on its own queue
        CALLS.clear()
        mine = emit(app)[0]
        assert jobs_run(app) == 1  # this queue got its own run
        assert ("record", mine) in CALLS and ("flaky", mine) in CALLS
    finally:
        dispose(other)
