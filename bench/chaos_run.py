"""Chaos run: checkouts while web and worker processes are SIGKILLed at random, Redis restarts once (empty)
and PostgreSQL restarts once (as after a crash), then recovery and the money checked.

    .venv/bin/python bench/chaos_run.py          # KASSA_CHAOS_CHECKOUTS=10000, KASSA_CHAOS_SHOPPERS=16

Everything is its own: a PostgreSQL cluster made with initdb/pg_ctl in a temporary directory on a loopback
port (bench/pg_cluster.py), a redis-server, and Kassa's processes started from the Procfile (web, two workers,
cron, the sandbox provider approving every payment by itself). Shoppers retry each call with its
Idempotency-Key until it answers (bench/chaos_checkout.py). Afterwards Kassa recovers as in production (the
cron's sweeps on a worker), and the tally prints the counts and every broken invariant: a capture that is not
one paid order's or refunded, a double charge, an order stuck paying/refunding/paid, something applied twice,
a ledger that does not sum to zero. Exit status 1 when any is broken.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.chaos_checkout import RunStack, Shoppers, prepare, provider_database, tally  # noqa: E402
from bench.pg_cluster import PostgresCluster  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.faults.conftest import settle  # noqa: E402
from tests.support.processes import RedisServer, Service, http_answers, kassa_environment  # noqa: E402
from tests.support.provider_api import SandboxApi  # noqa: E402

RUN_ENV = {  # sweeps consider everything at once; rate limits far above the load (they are still checked)
    "POLL_AFTER_SECONDS": "1",
    "REFUND_RESUME_AFTER_SECONDS": "1",
    "REDIS_TIMEOUT_SECONDS": "1",
    "RQ_MAINTENANCE_SECONDS": "5",
    "KASSA_WORKER_QUEUES": "kassa kassa-batch",  # each Procfile worker works both queues, payments first
    "SANDBOX_AUTO_OUTCOME": "succeeded",
    "LOG_LEVEL": "WARNING",
    **{f"RATE_LIMIT_{n}": "10000000 per minute" for n in ("SECRET_KEY", "ORDER_CREATE", "PAY", "CALLBACKS")},
}


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class ChaosStack(RunStack):
    """Kassa on its own PostgreSQL cluster and Redis, every process from the Procfile."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kassa-chaos-"))
        self.cluster, self.redis, self.services = PostgresCluster(), None, {}

    def start(self) -> "ChaosStack":
        self.cluster.start()
        self.database_url = self.cluster.create_database("kassa_chaos")
        self.redis = RedisServer(self.root / "redis", self.root).start()
        kassa_port, sandbox_port = free_port(), free_port()
        self.kassa_url, self.sandbox_url = f"http://127.0.0.1:{kassa_port}", f"http://127.0.0.1:{sandbox_port}"
        env = kassa_environment(
            database_url=self.database_url,
            redis_url=self.redis.url(),
            var_dir=self.root / "var",
            kassa_port=kassa_port,
            sandbox_port=sandbox_port,
            SANDBOX_DATABASE_URL=provider_database(self.cluster),
            **RUN_ENV,
        )
        self.app, self.keys = prepare(self.database_url, self.redis.url())
        workers = lambda: len(self.redis.client().smembers("rq:workers")) >= 1  # noqa: E731
        self.services = {
            "sandbox": Service.from_procfile("sandbox", env, self.root, ready=http_answers(f"{self.sandbox_url}/")),
            "web": Service.from_procfile("web", env, self.root, ready=http_answers(f"{self.kassa_url}/healthz")),
            "worker": Service.from_procfile("worker", env, self.root, ready=workers),
            "worker2": Service.from_procfile("worker", env, self.root, ready=workers),
            "cron": Service.from_procfile("cron", env, self.root),
        }
        self.services["worker2"].log_path = self.root / "worker2.log"
        for service in self.services.values():
            service.start(timeout=90)
        self.sku = self.stock(self.kassa_url)
        return self

    def recover(self, patience: float = 120) -> None:
        """Every process running again, then the cron's sweeps until nothing is left to do."""
        for service in self.services.values():
            if not service.running:
                service.start(timeout=90)
        time.sleep(3)  # late callbacks and the janitor's first look
        settle(self.app, self.queue(), rounds=3, timeout=patience)

    def stop(self) -> None:
        self.stop_services()
        self.cluster.stop()
        shutil.rmtree(self.root, ignore_errors=True)


class Chaos(threading.Thread):
    """While the shoppers run: SIGKILL web or a worker (restarted shortly after) at a sixth, half and five
    sixths of the checkouts, restart Redis at a third and PostgreSQL at two thirds, and kill something more
    whenever ``every`` seconds pass quietly. The plan is tied to progress, not time: a shopper about to start a
    planned checkout waits until that strike has begun, so a fast machine cannot finish before the chaos."""

    PLAN = ((1 / 6, "kill"), (1 / 3, "redis"), (1 / 2, "kill"), (2 / 3, "postgresql"), (5 / 6, "kill"))

    def __init__(self, stack: ChaosStack, shoppers: Shoppers, *, every: tuple[float, float] = (2.0, 6.0)) -> None:
        super().__init__(daemon=True)
        self.stack, self.shoppers, self.every = stack, shoppers, every
        self.done = threading.Event()
        self.kills: dict[str, int] = {}
        self.restarts: list[str] = []
        self.random = random.Random(int(os.environ.get("KASSA_CHAOS_SEED", "12")))
        self.thresholds = [max(1, math.ceil(at * shoppers.total)) for at, _ in self.PLAN]
        self.begun = 0  # how many planned strikes have begun
        self.changed = threading.Condition()
        shoppers.gate = self.gate

    def gate(self, number: int) -> None:
        """Hold checkout ``number`` until every strike planned at or before it has begun (bounded wait)."""
        with self.changed:
            self.changed.wait_for(
                lambda: (
                    self.done.is_set() or self.begun >= len(self.thresholds) or number < self.thresholds[self.begun]
                ),
                timeout=180,
            )

    def stop(self) -> None:
        self.done.set()
        with self.changed:
            self.changed.notify_all()

    def run(self) -> None:
        for (_, strike), threshold in zip(self.PLAN, self.thresholds):
            quiet_until = time.monotonic() + self.random.uniform(*self.every)
            while self.shoppers.started < threshold:
                if self.done.wait(0.05):
                    return
                if time.monotonic() > quiet_until:
                    self._kill(self.random.choice(["web", "worker", "worker2"]))
                    quiet_until = time.monotonic() + self.random.uniform(*self.every)
            with self.changed:
                self.begun += 1
                self.changed.notify_all()
            if strike == "redis":
                self._restart_redis()
            elif strike == "postgresql":
                say("restarting PostgreSQL (immediate stop: every connection drops)")
                self.stack.cluster.restart()
                self.restarts.append("postgresql")
            else:
                self._kill(self.random.choice(["web", "worker", "worker2"]))

    def _kill(self, name: str) -> None:
        service = self.stack.services[name]
        service.kill()
        self.kills[name] = self.kills.get(name, 0) + 1
        time.sleep(self.random.uniform(0.2, 1.5))
        service.start(timeout=90)

    def _restart_redis(self) -> None:
        say("restarting Redis (it comes back empty: queues, locks and schedules are gone)")
        self.stack.redis.stop()
        time.sleep(1)
        self.stack.redis.start()
        self.restarts.append("redis")


def chaos_run(
    checkouts: int, shoppers: int = 16, every: tuple[float, float] = (2.0, 6.0), give_up_seconds: float = 120
) -> tuple[dict, list[str]]:
    """Run the whole scenario; returns the counts and the broken invariants (empty when the money adds up)."""
    stack = ChaosStack()
    try:
        stack.start()
        crowd = Shoppers(
            [stack.kassa_url],
            stack.keys["secret_key"],
            stack.sku,
            total=checkouts,
            concurrency=shoppers,
            give_up_seconds=give_up_seconds,
        )
        chaos = Chaos(stack, crowd, every=every)
        say(f"{checkouts} checkouts by {shoppers} shoppers, with chaos")
        started = time.monotonic()
        chaos.start()
        outcomes = crowd.run()
        chaos.stop()
        chaos.join()
        elapsed = time.monotonic() - started
        say(f"checkouts done in {elapsed:.0f}s; recovering")
        stack.recover(patience=120 + checkouts / 5)
        counts, problems = tally(stack.app, SandboxApi(stack.sandbox_url))
        counts = {
            "checkouts (shoppers' view)": dict(outcomes),
            "seconds": round(elapsed),
            "kills": chaos.kills,
            "restarts": chaos.restarts,
            **counts,
        }
        return counts, problems
    except BaseException:
        for service in stack.services.values():
            say(f"--- {service.name}\n{service.log_tail(30)}")
        raise
    finally:
        stack.stop()


def report(counts: dict, problems: list[str]) -> None:
    """Print the counts and the verdict."""
    for name, value in counts.items():
        print(f"{name:32} {value}")
    print("\nmoney and state: " + ("every invariant holds" if not problems else f"{len(problems)} problems"))
    for problem in problems[:50]:
        print(f"- {problem}")


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still cleans up (finally blocks)
    counts, problems = chaos_run(
        int(os.environ.get("KASSA_CHAOS_CHECKOUTS", "10000")), int(os.environ.get("KASSA_CHAOS_SHOPPERS", "16"))
    )
    report(counts, problems)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
