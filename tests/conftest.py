"""Fixtures that read like a vocabulary: app, client, merchant, api, sandbox, live_server, worker.

The suite runs on the database named by KASSA_TEST_DATABASE_URL (PostgreSQL by default) and a
Redis database of its own. Migrations run once per session (that tests them too); every test
starts from empty tables and an empty Redis database.
"""

from __future__ import annotations

import functools
import gc
import json
import logging
import os
import socket
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest
import requests
from flask import Flask
from redis import Redis
from rq import Queue, SimpleWorker
from sqlalchemy import bindparam, create_engine, inspect, text
from sqlalchemy.engine import Engine, make_url
from werkzeug.serving import make_server

# Vocabulary that tests in several folders use: the signed-in portal, its world of objects, and localstripe.
pytest_plugins = ["tests.support.portal", "tests.support.localstripe"]

DEFAULT_DATABASE = "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_test"
# Under pytest-xdist (`make test` runs two workers) every worker has a database and a Redis database of its
# own: worker gwN appends _gwN to the database name (SQLite: to the file) and takes the first Redis database from
# the URL's number up that no other worker holds.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")


def _per_worker_database(url: str) -> str:
    if not WORKER:
        return url
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        stem, dot, suffix = (parsed.database or "kassa_test.db").rpartition(".")
        return parsed.set(database=f"{stem}_{WORKER}{dot}{suffix}" if dot else f"{suffix}_{WORKER}").render_as_string(
            hide_password=False
        )
    return parsed.set(database=f"{parsed.database}_{WORKER}").render_as_string(hide_password=False)


_REDIS_CLAIM: list[
    int
] = []  # the lock file (descriptor) of the Redis database this worker holds, for as long as it lives


def _per_worker_redis(url: str) -> str:
    """The first Redis database from the URL's number up that no other live worker holds. Held by a lock on a file,
    which the kernel lets go when its process dies: xdist names a crashed worker's replacement gw3, gw4, …, and a
    fixed number + N ran past Redis's 16 databases, failing every later test of that worker."""
    if not WORKER:
        return url
    import fcntl
    import tempfile

    base, _, number = url.rpartition("/")
    where = make_url(url.replace("redis://", "redis+x://", 1))
    for candidate in range(int(number or 0), 16):
        lock = Path(tempfile.gettempdir()) / f"kassa-test-redis-{where.host}-{where.port}-{candidate}.lock"
        claim = os.open(lock, os.O_CREAT | os.O_RDWR, 0o644)
        try:
            fcntl.flock(claim, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(claim)
            continue
        _REDIS_CLAIM.append(claim)
        return f"{base}/{candidate}"
    raise RuntimeError(f"every Redis database from {number} to 15 is held by another test worker")


DATABASE_URL = _per_worker_database(os.environ.get("KASSA_TEST_DATABASE_URL", DEFAULT_DATABASE))
REDIS_URL = _per_worker_redis(os.environ.get("KASSA_TEST_REDIS_URL", "redis://127.0.0.1:6379/12"))
IS_POSTGRES = DATABASE_URL.startswith("postgresql")


# Ports the session's own servers will listen on (the ports fixture): some start only when a test first needs them
# (localstripe), and a port handed out meanwhile to a test's server would be taken when they do.
_RESERVED: set[int] = set()


def free_port() -> int:
    for _ in range(50):
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port not in _RESERVED:
            return port
    raise RuntimeError("no free loopback port outside the reserved ones after 50 tries")


def pytest_configure(config):
    # Tests make and drop objects by the million (requests through the app, ORM rows, generated cases) while the
    # process holds a large heap, so at Python's default (a collection per 700 new objects) the collector took about
    # 12 % of a worker's CPU, walking mostly objects that live for the whole run. A collection per 20,000 new objects
    # took 7-8 s of CPU down to 3 s in a 60 s run of tests/orders and a fuzz caller; cycles are still collected.
    gc.set_threshold(20_000, 20, 20)


def pytest_collection_modifyitems(config, items):
    if IS_POSTGRES:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (run by `make test` in its PostgreSQL pass)")
    for item in items:
        if "postgres_only" in item.keywords:
            item.add_marker(skip)


class ServerThread(threading.Thread):
    """A real HTTP server for a WSGI app, on a port of its own, for as long as the session."""

    def __init__(self, wsgi_app, port: int) -> None:
        super().__init__(daemon=True)
        self.server = make_server("127.0.0.1", port, wsgi_app, threaded=True)
        self.url = f"http://127.0.0.1:{port}"

    def run(self) -> None:
        self.server.serve_forever()

    def stop(self) -> None:
        self.server.shutdown()


class HooksInFlight:
    """Kassa's WSGI app, counting the ``/hooks/`` requests under way: a provider's notification (the sandbox's
    callback, a Stripe webhook) shows its order paid when it commits, a moment before the same request queues what
    follows (the outbox run), and a test that saw the order paid runs the queued jobs only once it was answered."""

    def __init__(self, wsgi_app) -> None:
        self.wsgi_app = wsgi_app
        self._lock = threading.Lock()
        self._count = 0

    def __call__(self, environ, start_response):
        if not environ.get("PATH_INFO", "").startswith("/hooks/"):
            return self.wsgi_app(environ, start_response)
        with self._lock:
            self._count += 1
        try:
            # The answer whole, so what runs after the view (the app context's end) is done when the count drops.
            body = self.wsgi_app(environ, start_response)
            try:
                return list(body)
            finally:
                if hasattr(body, "close"):
                    body.close()
        finally:
            with self._lock:
                self._count -= 1

    def under_way(self) -> int:
        with self._lock:
            return self._count


_HOOKS_IN_FLIGHT: list[HooksInFlight] = []  # the live server's, once it runs


def _prepare_database(url: str) -> None:
    """A fresh, empty test database (PostgreSQL: drop and create; SQLite: delete the file)."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and Path(parsed.database).exists():
            Path(parsed.database).unlink()
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
        # en-US with punctuation ignored, as glibc's en_US.UTF-8 (the official PostgreSQL image's default) sorts:
        # Kassa must be right under a collation that is not byte order. ICU needs PostgreSQL 15.
        if conn.dialect.server_version_info >= (15,):
            conn.execute(
                text(
                    f'CREATE DATABASE "{parsed.database}" TEMPLATE template0 LOCALE_PROVIDER icu '
                    f"ICU_LOCALE 'en-US-u-ka-shifted' LOCALE 'C.UTF-8'"
                )
            )
        else:
            conn.execute(text(f'CREATE DATABASE "{parsed.database}"'))
        # A commit returns before its WAL reaches the disk: what a transaction sees is unchanged, only a crash of
        # PostgreSQL itself could lose the last commits, and no test crashes it. Every commit used to wait for an
        # fsync, which on this shared machine's disk took from a fraction of a millisecond to several.
        conn.execute(text(f'ALTER DATABASE "{parsed.database}" SET synchronous_commit = off'))
    admin.dispose()


@pytest.fixture(scope="session")
def ports() -> dict:
    chosen = {"kassa": free_port(), "sandbox": free_port(), "localstripe": free_port()}
    _RESERVED.update(chosen.values())
    return chosen


@pytest.fixture(scope="session")
def app(ports, tmp_path_factory) -> Iterator[Flask]:
    from flask_migrate import upgrade

    from app import create_app

    _prepare_database(DATABASE_URL)
    kassa_app = create_app(
        {
            "TESTING": True,
            "SQLALCHEMY_DATABASE_URI": DATABASE_URL,
            "REDIS_URL": REDIS_URL,
            "RATELIMIT_STORAGE_URI": REDIS_URL,
            "RQ_QUEUE": "kassa-test",
            "PUBLIC_URL": f"http://127.0.0.1:{ports['kassa']}",
            "SERVER_NAME": f"127.0.0.1:{ports['kassa']}",
            "SANDBOX_URL": f"http://127.0.0.1:{ports['sandbox']}",
            # The Stripe channel talks to localstripe (tests/support/localstripe.py), never to Stripe.
            "STRIPE_API_BASE": f"http://127.0.0.1:{ports['localstripe']}",
            "STRIPE_JS_URL": f"http://127.0.0.1:{ports['localstripe']}/js.stripe.com/v3/",
            "POLL_AFTER_SECONDS": 0,
            # The suite's own webhook and fulfilment receivers listen on loopback (app/platform/http/outbound.py
            # refuses it otherwise).
            "OUTBOUND_ALLOWED_NETWORKS": "127.0.0.0/8,::1/128",
            "CHANNEL_HTTP_TIMEOUT_SECONDS": 5,
            # Nearly every test signs a merchant up: at the default cost that is 0.15 s of CPU each, at N = 1024 4 ms.
            # Still scrypt, so hashing and checking run the production code; tests/platform/test_config.py holds
            # production to the default's cost.
            "PASSWORD_HASH_METHOD": "scrypt:128:8:1",
            # test_db_pool drops every connection and expects the next request to meet one unpinged: the drop may take
            # seconds on a busy machine, past the default 2 s after which a pooled connection is pinged (and replaced).
            "POOL_PING_IDLE_SECONDS": 30,
        }
    )
    with kassa_app.app_context():
        upgrade()
    yield kassa_app
    dispose(kassa_app)
    if IS_POSTGRES:
        _wipe_engine().dispose()


def dispose(flask_app: Flask) -> None:
    """Close the app's pooled database connections (no connection outlives the suite)."""
    from app.extensions import db

    with flask_app.app_context():
        db.session.remove()
        db.engine.dispose()
    from app.platform.observability.log_writer import close_logs

    close_logs(flask_app)


@pytest.fixture(autouse=True)
def _kassa_logs_at_info() -> None:
    """Each test starts with Kassa logging at INFO, as the test app is configured: an in-process app built with
    another LOG_LEVEL (bench/chaos_checkout.py's checker, run by tests/faults, uses WARNING) sets the process's
    ``kassa`` logger for every test after it on that worker, and a test of what is logged would see nothing."""
    logging.getLogger("kassa").setLevel(logging.INFO)


@pytest.fixture(autouse=True)
def _sign_in_limits_on_the_test_redis(request) -> None:
    """Flask-Limiter is one object per process and counts in the Redis of the last app built: after a test that built
    an app of its own (a dead Redis, or REDIS_URL's database 0, which `make run` uses and no wipe empties), the test
    app's sign-in limits counted there, and counts an earlier run left paused this run's sign-ins (a 429 on the
    first try). A test that uses the app starts with the limiter back on the test database, emptied after each test."""
    if "app" not in request.fixturenames:
        return
    from app.extensions import limiter

    kassa_app = request.getfixturevalue("app")
    if kassa_app.extensions.get("kassa_test_limits") is not limiter.storage:
        limiter.init_app(kassa_app)  # a storage on the app's RATELIMIT_STORAGE_URI, its handlers kept as they were
        limiter._storage_dead = False  # a dead Redis of the other app would keep counting in memory until re-checked
        kassa_app.extensions["kassa_test_limits"] = limiter.storage


@pytest.fixture(autouse=True)
def _clean_state(request) -> Iterator[None]:
    """Empty every table and the test Redis database after each test that used the app."""
    yield
    if "app" not in request.fixturenames:
        return
    kassa_app = request.getfixturevalue("app")
    from app.extensions import db
    from app.payments.channels.breaker import forget_seen
    from app.platform.observability.log_writer import flush_every_writer
    from app.platform.switches import forget_cache

    flush_every_writer()  # a log row the test queued must not land in the next test's tables
    forget_cache()  # the next test's switches are its own, not this one's cached for a second
    forget_seen()  # nor are its breakers

    with kassa_app.app_context():
        db.session.remove()
        tables = [t.name for t in reversed(db.metadata.sorted_tables)]
        if IS_POSTGRES:
            if not _delete_filled(tables):
                _truncate(db.engine, tables, request.node.nodeid)
        else:
            _delete_all(db.engine, tables)
    _test_redis().flushdb()


@functools.cache
def _test_redis() -> Redis:
    """One client for the wipes: a new connection's handshake cost each test a few milliseconds (tens when the
    machine is busy). Its pool tests a connection before lending it, so a Redis restarted by a test is met anew."""
    return Redis.from_url(REDIS_URL)


def _delete_all(engine, tables: list[str]) -> None:
    """SQLite: DELETE the tables the test filled. The ledger's append-only triggers refuse DELETE (PostgreSQL's
    TRUNCATE does not fire them), so the filled tables' triggers are lifted for the wipe, then the very same ones
    put back. Only the filled ones: every DDL statement makes each pooled connection read the schema again, and
    DELETE on all 64 tables took longer than the few most tests fill."""
    with engine.begin() as conn:
        filled = conn.scalars(
            text(" UNION ALL ".join(f"SELECT '{table}' WHERE EXISTS (SELECT 1 FROM {table})" for table in tables))
        ).all()
        if not filled:
            return
        triggers = conn.execute(
            text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
                "AND name LIKE '%append_only%' AND tbl_name IN :filled"
            ).bindparams(bindparam("filled", expanding=True)),
            {"filled": filled},
        ).all()
        for name, _ in triggers:
            conn.execute(text(f"DROP TRIGGER {name}"))
        for table in filled:
            conn.execute(text(f"DELETE FROM {table}"))
        for _, sql in triggers:
            conn.execute(text(sql))


LEAKS_LOG = Path(__file__).resolve().parent.parent / "var" / "test-leaked-transactions.log"


def _delete_filled(tables: list[str]) -> bool:
    """The quick wipe, when no other transaction is open: DELETE the few tables the test filled and restart the
    sequences it used. TRUNCATE makes every table anew (0.2-0.6 s a test here); this takes a few milliseconds: one
    round trip asks what to wipe, one wipes (a simple query of several statements, which psycopg sends only without
    parameters, is one transaction)."""
    filled_tables = " UNION ALL ".join(f"SELECT '{table}' WHERE EXISTS (SELECT FROM {table})" for table in tables)
    with _wipe_engine().connect() as conn:
        busy, filled, sequences_used = conn.execute(
            text(
                "SELECT (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "        AND pid <> pg_backend_pid() AND xact_start IS NOT NULL), "
                f"ARRAY({filled_tables}), "
                "(SELECT count(*) FROM pg_sequences WHERE last_value IS NOT NULL)"
            )
        ).one()
        if busy:
            return False  # TRUNCATE's path waits for it, and ends it if it was left behind
        if filled or sequences_used:
            conn.connection.driver_connection.execute(
                "".join(f"DELETE FROM {table}; " for table in filled)
                + "SELECT setval(format('%I.%I', schemaname, sequencename)::regclass, start_value, false) "
                "FROM pg_sequences WHERE last_value IS NOT NULL"
            )
    return True


@functools.cache
def _wipe_engine() -> Engine:
    """The quick wipe's own connection, in replica mode for good: replica mode skips the ledger's append-only
    triggers and the foreign keys' checks, so the order of the DELETEs does not matter. Setting it makes PostgreSQL
    forget the session's query plans, which the wipe did on a connection of the app's pool each test, so the app's
    statements were planned anew, and the wipe's own question (64 tables) with them: 5-20 ms a test. For the same
    reason sequences restart by setval, not ALTER SEQUENCE (after which psycopg forgets its prepared statements).
    Pinged before use: test_db_pool ends every connection to the database."""
    return create_engine(
        DATABASE_URL,
        pool_size=1,
        pool_pre_ping=True,
        isolation_level="AUTOCOMMIT",
        connect_args={"options": "-c session_replication_role=replica"},
    )


def _truncate(engine, tables: list[str], test_id: str) -> None:
    """TRUNCATE every table; a transaction the test left open (a thread it abandoned) must not hang the suite.

    TRUNCATE waits for every lock on its tables, and a connection left idle in a transaction holds one until
    it ends, which may be never. So the wait is bounded; past it the leftover transactions are ended and
    written to var/test-leaked-transactions.log (scripts/test.sh prints that file) naming the test that left them.
    """
    from sqlalchemy.exc import OperationalError

    for attempt in range(3):
        try:
            with engine.begin() as conn:
                conn.execute(text("SET LOCAL lock_timeout = '10s'"))
                conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
            return
        except OperationalError:
            if attempt == 2:
                raise
            with engine.connect() as conn:
                leftovers = conn.execute(
                    text(
                        "SELECT pid, state, xact_start, left(query, 300) FROM pg_stat_activity "
                        "WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL"
                    )
                ).all()
                for pid, *_ in leftovers:
                    conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                conn.commit()
            LEAKS_LOG.parent.mkdir(exist_ok=True)
            with LEAKS_LOG.open("a") as log:
                log.write(f"after {test_id} ({WORKER or 'main'}): ended {len(leftovers)} open transaction(s)\n")
                for row in leftovers:
                    log.write(f"    {row}\n")


@pytest.fixture
def ctx(app) -> Iterator[None]:
    """An app context for calling services directly, as jobs and the CLI do."""
    from app.extensions import db

    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@dataclass
class MerchantKeys:
    id: str
    secret_key: str
    publishable_key: str
    email: str
    password: str


def _make_merchant(app, name: str, email: str) -> MerchantKeys:
    from app.merchants.services import create_merchant

    with app.app_context():
        created = create_merchant(name, email, "correct-horse-1")
        # The id from the identity map: reading the committed (expired) row's attribute would load it again.
        return MerchantKeys(
            inspect(created.merchant).identity[0], created.secret_key, created.publishable_key, email, "correct-horse-1"
        )


@pytest.fixture
def merchant(app) -> MerchantKeys:
    return _make_merchant(app, "Acme Games", "owner@acme.test")


@pytest.fixture
def other_merchant(app) -> MerchantKeys:
    return _make_merchant(app, "Rival Ltd", "owner@rival.test")


@pytest.fixture
def catalog(app, merchant) -> dict:
    """One product with two SKUs (unlimited and limited stock) for ``merchant``."""
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        product = Product(
            id="prod_test_membership",
            merchant_id=merchant.id,
            name="Pro membership",
            description="Every level unlocked.",
            image_path="img/demo-membership.svg",
        )
        db.session.add(product)
        db.session.add(
            Sku(
                id="sku_test_month",
                merchant_id=merchant.id,
                product_id=product.id,
                name="30 days",
                price_amount=999,
                currency="usd",
                specs={"days": 30},
                stock=None,
            )
        )
        db.session.add(
            Sku(
                id="sku_test_limited",
                merchant_id=merchant.id,
                product_id=product.id,
                name="Founder edition",
                price_amount=2500,
                currency="usd",
                specs={},
                stock=3,
            )
        )
        db.session.commit()
    return {"product": "prod_test_membership", "sku": "sku_test_month", "limited_sku": "sku_test_limited"}


class Api:
    """A JSON API caller with a bearer key, over the Flask test client."""

    def __init__(self, client, key: str | None) -> None:
        self.client, self.key = client, key

    def _headers(self, extra: dict | None) -> dict:
        headers = {"Authorization": f"Bearer {self.key}"} if self.key else {}
        return {**headers, **(extra or {})}

    def get(self, path: str, **kw):
        return self.client.get(f"/api/v1{path}", headers=self._headers(kw.pop("headers", None)), **kw)

    def post(self, path: str, json=None, **kw):
        return self.client.post(f"/api/v1{path}", json=json, headers=self._headers(kw.pop("headers", None)), **kw)

    def patch(self, path: str, json=None, **kw):
        return self.client.patch(f"/api/v1{path}", json=json, headers=self._headers(kw.pop("headers", None)), **kw)

    def put(self, path: str, json=None, **kw):
        return self.client.put(f"/api/v1{path}", json=json, headers=self._headers(kw.pop("headers", None)), **kw)

    def delete(self, path: str, **kw):
        return self.client.delete(f"/api/v1{path}", headers=self._headers(kw.pop("headers", None)), **kw)


@pytest.fixture
def api(client, merchant) -> Api:
    return Api(client, merchant.secret_key)


@pytest.fixture
def pk_api(client, merchant) -> Api:
    return Api(client, merchant.publishable_key)


@pytest.fixture(scope="session")
def live_server(app, ports) -> Iterator[str]:
    """Kassa served over real HTTP (callbacks from the sandbox and the browser reach it here)."""
    hooks = HooksInFlight(app)
    server = ServerThread(hooks, ports["kassa"])
    server.start()
    _HOOKS_IN_FLIGHT.append(hooks)
    yield server.url
    _HOOKS_IN_FLIGHT.remove(hooks)
    server.stop()


@pytest.fixture(scope="session")
def sandbox_server(ports, tmp_path_factory) -> Iterator[str]:
    """The sandbox payment provider as its own app, database and port."""
    from sandbox import create_sandbox_app

    db_path = tmp_path_factory.mktemp("sandbox") / "sandbox.db"
    sandbox_app = create_sandbox_app(
        {
            "SANDBOX_DATABASE_URL": f"sqlite:///{db_path}",
            "SANDBOX_PUBLIC_URL": f"http://127.0.0.1:{ports['sandbox']}",
            "SANDBOX_CALLBACK_DELAY_SECONDS": 1.0,
        }
    )
    server = ServerThread(sandbox_app, ports["sandbox"])
    server.start()
    yield server.url
    server.stop()


class Sandbox:
    """Drives the sandbox provider the way a test harness would: over its HTTP control API."""

    def __init__(self, url: str) -> None:
        self.url = url

    def simulate(self, provider_reference: str, outcome: str, callback: str = "normal") -> dict:
        response = requests.post(
            f"{self.url}/sandbox/api/payments/{provider_reference}/simulate",
            json={"outcome": outcome, "callback": callback},
            timeout=10,
        )
        assert response.status_code == 200, response.text
        return response.json()


@pytest.fixture
def sandbox(sandbox_server, live_server) -> Sandbox:
    return Sandbox(sandbox_server)


@pytest.fixture
def worker(app):
    """Run every queued job now with a real RQ worker in burst mode; returns how many ran."""
    return lambda: run_queued_jobs(app)


class BurstWorker(SimpleWorker):
    """RQ's SimpleWorker without its command channel. The channel (a Redis pub/sub listener thread) lets an operator
    stop a long-lived worker from outside; a burst run ends by itself. Tearing it down made a burst run wait up to
    1 s, one run in a few: RQ tells redis-py's listener to stop and joins it for 1 s, and a listener that had already
    gone back to its read (60 s) sits out the join."""

    def subscribe(self) -> None:
        pass

    def unsubscribe(self) -> None:
        pass


def run_queued_jobs(app, max_jobs: int | None = None) -> int:
    """A real RQ worker in burst mode over the app's queues (at most ``max_jobs``); how many jobs were queued."""
    from sandbox.callbacks import callbacks_being_sent

    # An order shows paid a moment before Kassa, still answering the provider's callback or webhook, queues what
    # follows (the outbox run): let every callback the sandbox is sending, and every notification Kassa's live server
    # is taking, be answered first (bounded: a test of a merchant that never answers goes on after it).
    try:
        wait_for(
            lambda: callbacks_being_sent() == 0 and not any(hooks.under_way() for hooks in _HOOKS_IN_FLIGHT),
            interval=0.005,
        )
    except AssertionError:
        pass
    connection = Redis.from_url(REDIS_URL)
    queues = [Queue(name, connection=connection) for name in app_queue_names(app)]
    count = sum(len(queue) for queue in queues)
    with app.app_context():
        BurstWorker(queues, connection=connection).work(burst=True, max_jobs=max_jobs)
    return count


def app_queue_names(app) -> list[str]:
    """The payment queue's name, then the batch queue's: one burst worker works both, payments first."""
    from app.platform.queueing import Lane, queue_name

    return [queue_name(lane, app.config) for lane in Lane]


def wait_for(predicate, timeout: float = 10.0, interval: float = 0.05):
    """Poll ``predicate`` until it returns a truthy value or the timeout passes."""
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"condition not met within {timeout}s")


def load_json(response) -> dict:
    return json.loads(response.get_data(as_text=True))
