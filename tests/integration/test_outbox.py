"""The outbox: events written with their change, dispatched by a real RQ worker to handlers,
each handler once per event, failures retried."""
from __future__ import annotations

import pytest

from app.events import subscribe


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


def emit(app, n: int = 1) -> list[str]:
    from app.events import record_event
    from app.extensions import db

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
        from app.events import Event
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert len(CALLS) == 6


def test_a_failing_handler_is_retried_without_rerunning_the_others(app, worker):
    from datetime import timedelta

    from app.db_types import utcnow
    from app.events import Event, dispatch_pending
    from app.extensions import db

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
    from app.events import Event, record_event
    from app.extensions import db

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

    from app.events import Event, dispatch_pending
    from app.extensions import db

    ids = emit(app, 30)
    reads: list[str] = []

    def record(conn, cursor, statement, *args) -> None:
        flat = " ".join(statement.split())
        if flat.startswith("SELECT") and "FROM events WHERE" in flat and "events.data" in flat:
            reads.append(flat)  # a read of whole events: the claim, or one event read again

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
    dispatched."""
    from app.events import Event, EventHandling, dispatch_pending, record_event
    from app.extensions import db

    with app.app_context():
        wanted = record_event("mch_x", "test.selective", {"wanted": True}).id
        unwanted = record_event("mch_x", "test.selective", {"wanted": False}).id
        db.session.commit()
        assert dispatch_pending() == 2
        handled = {(row.event_id, row.handler) for row in db.session.query(EventHandling)}
        assert all(e.dispatched_at for e in db.session.query(Event))
    assert SELECTED == [wanted]
    assert (wanted, f"{__name__}._selective") in handled
    assert not any(event_id == unwanted and handler.endswith("._selective") for event_id, handler in handled)


def test_the_last_handler_of_an_event_commits_with_the_event_marked_dispatched(app):
    """One commit per handler run, and none more for marking the event dispatched: the last handler's
    transaction carries it. (Each event here runs two handlers: the selective one and the webhooks' fan-out.)"""
    from sqlalchemy import event as sa_event

    from app.events import dispatch_pending, record_event, subscriptions_for
    from app.extensions import db

    with app.app_context():
        for _ in range(10):
            record_event("mch_x", "test.selective", {"wanted": True})
        db.session.commit()
        commits: list[int] = []

        def count(conn) -> None:
            commits.append(1)

        sa_event.listen(db.engine, "commit", count)
        try:
            assert dispatch_pending() == 10
        finally:
            sa_event.remove(db.engine, "commit", count)
    handlers = len(subscriptions_for("test.selective"))
    assert handlers == 2
    assert SELECTED and len(SELECTED) == 10
    assert len(commits) == 1 + 10 * handlers  # the claim, then one per handler run
