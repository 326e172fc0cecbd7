"""Fault injection: Kassa's web (gunicorn), an RQ worker (under its supervisor), the sandbox provider and
a private redis-server run as real processes, started from the Procfile; a proxy stands between Kassa
and the provider. Tests crash, stop and restart any of them mid-flow, let Kassa recover (its own sweeps,
run by its worker), then check the money against the database and the provider's own records.

Each module marks its tests ``faults`` (select them with ``-m faults``) and ``postgres_only``: they share
one harness per session (a few seconds to start) and run on the PostgreSQL pass of ``make test``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests
from rq import Queue, Worker
from rq.executions import Execution
from rq.registry import ScheduledJobRegistry, StartedJobRegistry
from rq.utils import as_text, parse_composite_key

from tests.conftest import DATABASE_URL, free_port, wait_for
from tests.support.processes import RedisServer, Service, http_answers, kassa_environment
from tests.support.provider_api import SandboxApi, signed_callback
from tests.support.provider_proxy import ProviderProxy

QUEUE = "kassa"  # the Procfile worker's queue, on the harness's own Redis
BATCH_QUEUE = "kassa-batch"  # the batch queue, worked by the same worker here (KASSA_WORKER_QUEUES), payments first
# The cron's sweeps, in the order recovery needs them; `settle()` runs them on the real worker.
SWEEPS = (
    "app.jobs.resume_pending_refunds",
    "app.jobs.resolve_unknown_attempts",
    "app.jobs.poll_pending_payments",
    "app.jobs.dispatch_events",
)


def settle(app, queue: Queue, *, rounds: int = 2, timeout: float = 30.0) -> None:
    """Recovery as production runs it: the cron's sweeps, run by the real worker on ``queue`` until nothing is
    left. Janitor checks and events that are backing off or leased are made due first (time moves on).
    PostgreSQL only."""
    from sqlalchemy import text

    from app.extensions import db

    for _ in range(rounds):
        _give_up_dead_workers_jobs(queue)
        # A channel whose circuit the outage opened has cooled down by now (60 s in production, shorter than the
        # janitor's first back-off): its next call is the trial that closes it, as it would be then.
        for key in queue.connection.scan_iter(match="kassa:breaker:*"):
            queue.connection.hset(key, mapping={"opened_until": 0, "trial_until": 0})
        with app.app_context():
            db.session.execute(
                text("UPDATE payment_attempts SET next_check_at = now() - interval '1 second' WHERE status = 'unknown'")
            )
            # A killed worker's claimed events wait out their dispatch lease; here it has run out.
            db.session.execute(
                text("UPDATE events SET next_dispatch_at = now() - interval '1 second' WHERE dispatched_at IS NULL")
            )
            db.session.commit()
        jobs = [queue.enqueue(sweep) for sweep in SWEEPS]
        wait_for(
            lambda: (
                all(job.get_status(refresh=True) in ("finished", "failed") for job in jobs)
                and queue.count == 0
                and StartedJobRegistry(queue=queue).count == 0
            ),
            timeout,
            interval=0.1,
        )
        failed = [job for job in jobs if job.get_status() == "failed"]
        assert not failed, f"{failed[0].func_name} failed on the worker:\n{failed[0].latest_result().exc_string}"


def _give_up_dead_workers_jobs(queue: Queue) -> None:
    """A SIGKILLed worker's job stays 'started' until RQ's maintenance finds its execution expired (the job's
    timeout after its last heartbeat: minutes). Here that time has passed: RQ's own cleanup deals with the jobs of
    workers that are gone now, as it would then (retried if retries are left, else failed as abandoned)."""
    registry, connection = StartedJobRegistry(queue=queue), queue.connection
    gone = {}
    for entry in connection.zrange(registry.key, 0, -1):
        job_id, execution_id = parse_composite_key(as_text(entry))
        try:
            name = Execution.fetch(execution_id, job_id, connection).worker_name
        except ValueError:  # its execution expired with it
            name = ""
        if not _worker_alive(name, connection):
            gone[entry] = 0  # expired long ago
    if gone:
        connection.zadd(registry.key, gone)
        registry.cleanup()


def _worker_alive(name: str, connection) -> bool:
    worker = Worker.find_by_key(Worker.redis_worker_namespace_prefix + name, connection=connection) if name else None
    if worker is None or not worker.pid:
        return False
    try:
        os.kill(worker.pid, 0)  # the harness's workers run on this machine
    except ProcessLookupError:
        return False
    return True


class KassaApi:
    """Kassa's JSON API over real HTTP with a secret key, as a merchant's server calls it."""

    def __init__(self, url: str, key: str) -> None:
        self.url, self.headers = f"{url}/api/v1", {"Authorization": f"Bearer {key}"}

    def get(self, path: str, **kw) -> requests.Response:
        return requests.get(f"{self.url}{path}", headers=self.headers, timeout=kw.pop("timeout", 30), **kw)

    def post(self, path: str, json: dict | None = None, **kw) -> requests.Response:
        return requests.post(
            f"{self.url}{path}", json=json or {}, headers=self.headers, timeout=kw.pop("timeout", 30), **kw
        )

    def order(self, order_id: str) -> dict:
        return self.get(f"/orders/{order_id}").json()

    def create_order(self, sku: str, customer: str = "cus_faults") -> dict:
        created = self.post(
            "/orders",
            {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": customer}, "agreement_accepted": True},
        )
        assert created.status_code == 201, created.text
        return created.json()


@dataclass
class Harness:
    redis: RedisServer
    sandbox: Service
    web: Service
    worker: Service
    proxy: ProviderProxy
    kassa_url: str
    sandbox_url: str
    log_dir: Path

    @property
    def provider(self) -> SandboxApi:
        return SandboxApi(self.sandbox_url)

    def services(self) -> list[Service]:
        return [self.redis, self.sandbox, self.web, self.worker]

    def ensure_running(self) -> None:
        """Start whatever a previous test left stopped, and wake whatever it left paused."""
        for service in self.services():
            service.resume()
            if not service.running:
                service.start()

    def expire_locks(self) -> None:
        """Let Kassa's Redis locks run out (they expire after 15 s), as time passing would."""
        client = self.redis.client()
        for key in client.scan_iter("kassa:lock:*"):
            client.delete(key)

    def queue(self) -> Queue:
        return Queue(QUEUE, connection=self.redis.client())

    def reset(self) -> None:
        """Forget the previous test's Redis state (locks, breakers, limits, queued jobs), not the worker's."""
        client = self.redis.client()
        for pattern in ("kassa:*", "LIMIT*"):
            for key in client.scan_iter(pattern):
                client.delete(key)
        for queue in (self.queue(), Queue(BATCH_QUEUE, connection=client)):
            queue.empty()
            scheduled = ScheduledJobRegistry(queue=queue)
            for job_id in scheduled.get_job_ids():
                scheduled.remove(job_id)
        self.proxy.clear()

    def settle(self, app, rounds: int = 2, timeout: float = 30.0) -> None:
        """Recovery as production runs it: the cron's sweeps on the real worker (``settle``)."""
        settle(app, self.queue(), rounds=rounds, timeout=timeout)

    def post_callback(self, payment: dict, outcome: str = "succeeded") -> requests.Response:
        body, headers = signed_callback(payment, outcome)
        return requests.post(f"{self.kassa_url}/hooks/channels/sandbox_card", data=body, headers=headers, timeout=30)

    def logs(self) -> str:
        return "\n".join(f"--- {s.name}\n{s.log_tail(25)}" for s in self.services())


@pytest.fixture(scope="session")
def harness(app, tmp_path_factory):
    """Kassa and the provider as real processes (one set per session), on the test database."""
    log_dir = tmp_path_factory.mktemp("faults")
    redis = RedisServer(log_dir / "redis-data", log_dir).start()
    kassa_port, sandbox_port = free_port(), free_port()
    proxy = ProviderProxy(sandbox_port)
    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url=redis.url(),
        var_dir=log_dir / "var",
        kassa_port=kassa_port,
        sandbox_port=sandbox_port,
        sandbox_url=proxy.url,
        # Sweeps consider everything at once; the provider's callbacks come at once; Redis failures show fast.
        POLL_AFTER_SECONDS="0",
        REFUND_RESUME_AFTER_SECONDS="0",
        REDIS_TIMEOUT_SECONDS="1",
        CHANNEL_HTTP_TIMEOUT_SECONDS="10",
        ORDER_STREAM_SECONDS="2",
        ORDER_STREAM_RECHECK_SECONDS="0.5",
        LOGIN_RATE_LIMIT="3 per 15 minutes",
        RQ_MAINTENANCE_SECONDS="2",
        # One worker for both queues (the single-worker setup): webhooks and emails that recovery queues still run.
        KASSA_WORKER_QUEUES=f"{QUEUE} {BATCH_QUEUE}",
        SANDBOX_CALLBACK_DELAY_SECONDS="1",
        # The same ceiling per process as production (32), but only two connections kept idle: each xdist worker
        # runs a harness of its own on the one test database, and their idle pools together reached PostgreSQL's
        # 100 connections ("too many clients") while the rest of the suite ran beside them.
        DB_POOL_SIZE="2",
        DB_MAX_OVERFLOW="30",
    )
    kassa_url, sandbox_url = f"http://127.0.0.1:{kassa_port}", f"http://127.0.0.1:{sandbox_port}"
    built = Harness(
        redis=redis,
        sandbox=Service.from_procfile("sandbox", env, log_dir, ready=http_answers(f"{sandbox_url}/")),
        web=Service.from_procfile("web", env, log_dir, ready=http_answers(f"{kassa_url}/healthz")),
        worker=Service.from_procfile("worker", env, log_dir, ready=lambda: bool(redis.client().smembers("rq:workers"))),
        proxy=proxy,
        kassa_url=kassa_url,
        sandbox_url=sandbox_url,
        log_dir=log_dir,
    )
    try:
        built.ensure_running()
        yield built
    finally:
        for service in (built.web, built.worker, built.sandbox, built.redis):
            service.resume()
            service.stop()
        proxy.close()


@pytest.fixture
def faults(harness, request):
    """The session's harness, every process running and the previous test's state forgotten; the process
    logs are printed when the test fails."""
    harness.ensure_running()
    harness.reset()
    yield harness
    harness.proxy.clear()
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        print(harness.logs())


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.rep_call = report


@pytest.fixture
def shop(faults, merchant, catalog) -> KassaApi:
    """The merchant's API on the harness's web process."""
    return KassaApi(faults.kassa_url, merchant.secret_key)
