"""How a write transaction on the embedded SQLite default waits for SQLite's one write lock
(app/platform/db/sqlite.py): it waits while another writer holds it, never past ``SQLITE_BUSY_TIMEOUT_SECONDS``, and
writers at once lose nothing. SQLite-only; the suite's PostgreSQL pass skips it."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from app.platform.db.sqlite import configure_sqlite
from tests.conftest import IS_POSTGRES

pytestmark = pytest.mark.skipif(IS_POSTGRES, reason="the embedded SQLite default: runs in make test's SQLite pass")


@pytest.fixture
def database(tmp_path):
    path = tmp_path / "kassa.db"
    with sqlite3.connect(path) as setup:
        setup.execute("PRAGMA journal_mode = WAL")
        setup.execute("CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)")
        setup.execute("INSERT INTO counters VALUES ('paid', 0)")
    return path


def kassa_engine(path, timeout: float = 5.0):
    engine = create_engine(f"sqlite:///{path}", pool_size=20, max_overflow=0)
    configure_sqlite(engine, busy_timeout_seconds=timeout)
    return engine


def hold_write_lock(path, seconds: float) -> threading.Thread:
    """Another program (its own connection) takes the write lock now and keeps it ``seconds``."""
    taken = threading.Event()

    def hold():
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("UPDATE counters SET value = value + 100 WHERE name = 'paid'")
        taken.set()
        time.sleep(seconds)
        other.execute("COMMIT")
        other.close()

    holder = threading.Thread(target=hold)
    holder.start()
    assert taken.wait(5)
    return holder


def test_a_write_waits_for_the_lock_held_elsewhere_then_commits(database):
    engine = kassa_engine(database)
    holder = hold_write_lock(database, 0.3)
    started = time.monotonic()
    with engine.begin() as connection:
        connection.execute(text("UPDATE counters SET value = value + 1 WHERE name = 'paid'"))
    waited = time.monotonic() - started
    holder.join()
    assert waited >= 0.25  # it waited for the other writer's commit, and did not fail
    with engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM counters")).scalar() == 101  # neither write lost


def test_a_lock_held_past_the_timeout_is_database_is_locked_and_other_statements_still_wait(database):
    engine = kassa_engine(database, timeout=0.2)
    holder = hold_write_lock(database, 0.8)
    started = time.monotonic()
    with pytest.raises(OperationalError, match="database is locked"):
        with engine.begin() as connection:
            connection.execute(text("UPDATE counters SET value = value + 1 WHERE name = 'paid'"))
    assert 0.15 <= time.monotonic() - started < 0.75  # the configured wait, not SQLite's 30 s or none
    holder.join()
    with engine.connect() as connection:
        # The connection's own busy timeout is back for every other statement.
        assert connection.execute(text("PRAGMA busy_timeout")).scalar() == 200
        assert connection.execute(text("SELECT value FROM counters")).scalar() == 100


def test_many_writers_of_one_process_each_get_their_turn(database):
    engine = kassa_engine(database)
    writers, each = 12, 25
    errors: list[BaseException] = []

    def write():
        try:
            for _ in range(each):
                with engine.begin() as connection:
                    # Read, then write what was read + 1: a lost update would show in the total.
                    value = connection.execute(text("SELECT value FROM counters WHERE name = 'paid'")).scalar()
                    connection.execute(text("UPDATE counters SET value = value + 1 WHERE name = 'paid'"))
                    assert value is not None
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=write) for _ in range(writers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors, errors[0]
    with engine.connect() as connection:
        assert connection.execute(text("SELECT value FROM counters")).scalar() == writers * each
