"""The web's CPU per step of a paid order, in-process: what issue 12's load is bound by, measured without
wall-clock load (so it means the same on a shared machine).

    .venv/bin/python bench/checkout_cpu.py                    # N=300 orders on PostgreSQL kassa_bench_cpu
    KASSA_BENCH_PROFILE=pay .venv/bin/python bench/checkout_cpu.py   # and cProfile that step (or "all")

Kassa's WSGI app runs in this process through the Flask test client; the sandbox provider is the Procfile's
`sandbox` line on a loopback port (its CPU is not ours); Redis is a private redis-server unless
KASSA_BENCH_REDIS_URL names one (which is flushed). Each order is created, paid with the sandbox card,
decided at the provider without a callback, then the bench posts the provider's signed callback, opens the order's
status stream on the web route (decided by then: one status event and ``end``) and reads the order paid. Per step it
prints the median and mean ``time.process_time()`` (user + system CPU of this process,
the test client's own share included, as it is in every run) and, like checkout_load.py's "SQL per step",
statements, commits and Redis round trips per request. The provider's decision is made between the steps and
not counted. The last step, ``dispatch``, is the worker's: the outbox run that hands the order's events to
their handlers (fulfilment, receipts, webhooks…), in this process as the dispatch job would.

KASSA_BENCH_N (300), KASSA_BENCH_DATABASE_URL, KASSA_BENCH_REDIS_URL, KASSA_BENCH_PROFILE (a step or "all"),
KASSA_BENCH_PROFILE_LINES (30), KASSA_BENCH_PROFILE_OUT (a file for the raw profile), KASSA_BENCH_SQL=1 (also
print the statements and commits of the last order's steps, to see what each round trip is).
"""

from __future__ import annotations

import cProfile
import os
import pstats
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import event  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from app.platform.observability.log_writer import flush_every_writer  # noqa: E402
from bench.bench_database import fresh_database  # noqa: E402
from bench.load_probes import PAID, counting  # noqa: E402
from bench.load_stack import UNLIMITED, create_provider_tables  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.support.processes import RedisServer, Service, flask_command, http_answers, kassa_environment  # noqa: E402
from tests.support.provider_api import SandboxApi, signed_callback  # noqa: E402

N = int(os.environ.get("KASSA_BENCH_N", "300"))
DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_cpu")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "")  # empty: a private redis-server of the run's own
PROFILE = os.environ.get("KASSA_BENCH_PROFILE", "")
PROFILE_LINES = int(os.environ.get("KASSA_BENCH_PROFILE_LINES", "30"))
SHOW_SQL = os.environ.get("KASSA_BENCH_SQL") == "1"
STEPS = ("create", "pay", "callback", "stream", "read", "dispatch")


class Steps:
    """CPU milliseconds and round-trip counts per step, and an optional profile of one step (or all)."""

    def __init__(self) -> None:
        self.cpu: dict[str, list[float]] = {step: [] for step in STEPS}
        self.counts: dict[str, Counter] = {step: Counter() for step in STEPS}
        self.profile = cProfile.Profile(time.process_time) if PROFILE else None  # CPU, not waits
        self.sql: dict[str, list[str]] = {}  # the last run's statements of each step (KASSA_BENCH_SQL=1)

    def run(self, step: str, call, expect: int):
        profiled = self.profile is not None and PROFILE in (step, "all")
        with counting() as counts, statements_of(self.sql, step):
            if profiled:
                self.profile.enable()
            start = time.process_time()
            answer = call()
            if answer is not None:
                answer.close()  # what the WSGI server does after sending: the API request log row is queued here
            flush_every_writer()  # the step's log rows, written on the log writer's thread, count as the step's
            spent = time.process_time() - start
            if profiled:
                self.profile.disable()
        assert expect is None or answer.status_code == expect, (step, answer.get_data(as_text=True))
        self.cpu[step].append(spent * 1000)
        self.counts[step].update(counts)
        return answer


@contextmanager
def statements_of(sql: dict[str, list[str]], step: str) -> Iterator[None]:
    """With KASSA_BENCH_SQL=1, keep the block's statements and commits (one line each) as ``sql[step]``."""
    if not SHOW_SQL:
        yield
        return
    seen: list[str] = []
    listeners = [
        (
            Engine,
            "before_cursor_execute",
            lambda conn, cursor, statement, *rest: seen.append(" ".join(statement.split())[:160]),
        ),
        (Engine, "commit", lambda conn: seen.append("COMMIT")),
    ]
    for target, name, fn in listeners:
        event.listen(target, name, fn)
    try:
        yield
    finally:
        for target, name, fn in listeners:
            event.remove(target, name, fn)
        sql[step] = seen


def dispatched(app) -> None:
    """The worker's share of a paid order: one outbox run over its events (order.created, order.paying,
    payment.succeeded, order.paid and whatever their handlers record), as the dispatch job runs it; no answer."""
    from app.extensions import db
    from app.platform.outbox.dispatch import dispatch_until_drained

    with app.app_context():
        dispatch_until_drained()
        db.session.remove()


def start_provider(root: Path, redis: str) -> tuple[Service, str]:
    """The Procfile's sandbox on a free loopback port, on its own SQLite file, deciding nothing by itself."""
    port = free_port()
    provider_db = f"sqlite:///{root / 'sandbox.db'}"
    create_provider_tables(provider_db)
    env = kassa_environment(
        database_url=DATABASE,
        redis_url=redis,
        var_dir=root / "var",
        kassa_port=free_port(),
        sandbox_port=port,
        SANDBOX_DATABASE_URL=provider_db,
        SANDBOX_AUTO_OUTCOME="",
    )
    provider = Service.from_procfile("sandbox", env, root, ready=http_answers(f"http://127.0.0.1:{port}/"))
    return provider.start(timeout=60), f"http://127.0.0.1:{port}"


def seed(root: Path, sandbox_url: str, redis: str) -> str:
    """A migrated database and a merchant, made as `make run` makes them; its secret key."""
    import json

    env = kassa_environment(
        database_url=DATABASE,
        redis_url=redis,
        var_dir=root / "var",
        kassa_port=free_port(),
        sandbox_port=0,
        sandbox_url=sandbox_url,
    )
    flask_command(env, "db", "upgrade")
    keys = json.loads(
        flask_command(
            env,
            "kassa",
            "create-merchant",
            "--name",
            "Bench Games",
            "--email",
            "bench@kassa.test",
            "--password",
            "bench-pass-1234",
        )
    )
    return keys["secret_key"]


def main() -> None:
    from redis import Redis

    from app import create_app

    if DATABASE.startswith("sqlite:///"):
        Path(DATABASE.removeprefix("sqlite:///")).unlink(missing_ok=True)
    fresh_database(DATABASE)
    root = Path(tempfile.mkdtemp(prefix="kassa-bench-cpu-"))
    own_redis = None if REDIS else RedisServer(root / "redis", root).start()
    redis = REDIS or own_redis.url()
    Redis.from_url(redis).flushdb()
    provider_service, sandbox_url = start_provider(root, redis)
    try:
        secret_key = seed(root, sandbox_url, redis)
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": DATABASE,
                "REDIS_URL": redis,
                "RATELIMIT_STORAGE_URI": redis,
                "PUBLIC_URL": "http://127.0.0.1:1",
                "SANDBOX_URL": sandbox_url,
                "LOG_LEVEL": "WARNING",
                "POLL_AFTER_SECONDS": 20,
                **UNLIMITED,
            }
        )
        client, provider = app.test_client(), SandboxApi(sandbox_url)
        auth = {"Authorization": f"Bearer {secret_key}"}
        product = client.post(
            "/api/v1/products",
            headers=auth,
            json={
                "name": "Pro membership",
                "description": "Every level unlocked.",
                "skus": [
                    {
                        "name": "30 days",
                        "price": {"amount": 999, "currency": "usd"},
                        "fulfilment": {"membership_days": 30},
                    }
                ],
            },
        )
        assert product.status_code == 201, product.get_data(as_text=True)
        body = {
            "items": [{"sku": product.get_json()["skus"][0]["id"], "quantity": 1}],
            "customer": {"id": "cus_cpu"},
            "agreement_accepted": True,
        }
        for warm_up in (True, False):
            steps = Steps()
            if warm_up:
                steps.profile = None  # the first requests compile templates and warm caches: not profiled
            for _ in range(10 if warm_up else N):
                order = steps.run(
                    "create", lambda: client.post("/api/v1/orders", json=body, headers=auth), 201
                ).get_json()
                payment = steps.run(
                    "pay",
                    lambda: client.post(
                        f"/api/v1/orders/{order['id']}/pay", headers=auth, json={"channel": "sandbox_card"}
                    ),
                    200,
                )
                reference = payment.get_json()["payment"]["provider_reference"]
                callback, headers = signed_callback(provider.decide(reference, callback="drop"))
                steps.run(
                    "callback", lambda: client.post("/hooks/channels/sandbox_card", data=callback, headers=headers), 200
                )
                stream = f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}"
                told = steps.run("stream", lambda: client.get(stream, buffered=True), 200)
                assert b'"reason": "decided"' in told.data or b'"reason":"decided"' in told.data, told.data
                shown = steps.run("read", lambda: client.get(f"/api/v1/orders/{order['id']}", headers=auth), 200)
                assert shown.get_json()["status"] in PAID, shown.get_json()
                steps.run("dispatch", lambda: dispatched(app), None)
        report(steps)
        with app.app_context():
            from app.extensions import db

            db.session.remove()
            db.engine.dispose()
    finally:
        provider_service.stop()
        if own_redis is not None:
            own_redis.stop()
        shutil.rmtree(root, ignore_errors=True)


def report(steps: Steps) -> None:
    print(
        f"\nKassa web CPU per step, in-process, N={N}, {DATABASE.split('+')[0].split(':')[0]}; "
        f"load average {os.getloadavg()[0]:.2f}\n"
    )
    print("| step | CPU ms median | CPU ms mean | statements | commits | DB round trips | Redis |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    total = 0.0
    for step in STEPS:
        counts = {k: v / N for k, v in steps.counts[step].items()}
        trips = sum(counts.get(k, 0) for k in ("begins", "statements", "commits", "rollbacks", "pings"))
        total += statistics.mean(steps.cpu[step])
        print(
            f"| {step} | {statistics.median(steps.cpu[step]):.2f} | {statistics.mean(steps.cpu[step]):.2f} | "
            f"{counts.get('statements', 0):.1f} | {counts.get('commits', 0):.1f} | {trips:.1f} | "
            f"{counts.get('redis', 0):.1f} |"
        )
    print(f"| paid order | | {total:.2f} | | | | |")
    for step, seen in steps.sql.items():
        print(f"\n--- {step}: the last order's statements")
        print("\n".join(f"  {line}" for line in seen))
    if steps.profile is not None:
        if os.environ.get("KASSA_BENCH_PROFILE_OUT"):
            steps.profile.dump_stats(os.environ["KASSA_BENCH_PROFILE_OUT"])  # for pstats / snakeviz
        for key in ("cumulative", "tottime"):
            print(f"\n--- profile of {PROFILE}, by {key}")
            pstats.Stats(steps.profile).strip_dirs().sort_stats(key).print_stats(PROFILE_LINES)


if __name__ == "__main__":
    main()
