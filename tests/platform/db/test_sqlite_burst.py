"""The embedded default (a SQLite file behind the Procfile's gunicorn, 2 workers × 16 threads) holds a
burst of shoppers: 150 orders created and paid at once over real HTTP, not one 5xx, every order kept.

SQLite has one writer at a time. Kassa runs it in WAL mode (readers never wait for the writer) with a
busy timeout, and a transaction takes the write lock when it first writes, so no transaction ever has
to upgrade a stale read snapshot (which SQLite refuses at once, whatever the timeout). The test runs in
the SQLite pass of ``make test`` only: it brings its own database file, so a second run on the
PostgreSQL pass would prove nothing new.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.conftest import IS_POSTGRES, free_port
from tests.support.processes import RedisServer, Service, flask_command, http_answers, kassa_environment

pytestmark = pytest.mark.skipif(IS_POSTGRES, reason="the embedded SQLite default: runs in make test's SQLite pass")

SHOPPERS, AT_ONCE = 150, 150


@pytest.fixture
def embedded_kassa(tmp_path):
    """``make run`` on a fresh SQLite file: migrated, demo merchant seeded, web and sandbox as the Procfile
    starts them, with a Redis of its own."""
    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    kassa_port, sandbox_port = free_port(), free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=kassa_port,
        sandbox_port=sandbox_port,
    )
    flask_command(env, "db", "upgrade")
    flask_command(env, "kassa", "seed-demo")
    services = [
        Service.from_procfile("sandbox", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{sandbox_port}/")),
        Service.from_procfile("web", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{kassa_port}/healthz")),
    ]
    try:
        for service in services:
            service.start()
        credentials = json.loads((tmp_path / "var" / "demo-credentials.json").read_text())
        yield {
            "url": f"http://127.0.0.1:{kassa_port}",
            "secret_key": credentials["secret_key"],
            "database": tmp_path / "kassa.db",
            "logs": services,
        }
    finally:
        for service in services + [redis]:
            service.stop()


def test_150_shoppers_ordering_and_paying_at_once_get_no_5xx_and_every_order_is_kept(embedded_kassa):
    base, headers = embedded_kassa["url"] + "/api/v1", {"Authorization": f"Bearer {embedded_kassa['secret_key']}"}
    products = requests.get(f"{base}/products", headers=headers, timeout=10).json()["data"]
    # A one-off SKU of the demo catalog (its subscription SKU is opened with POST /subscriptions, not ordered).
    sku = next(s["id"] for p in products for s in p["skus"] if s["subscription"] is None)

    def shop(i: int) -> tuple[str, int, str]:
        created = requests.post(
            f"{base}/orders",
            headers=headers,
            timeout=60,
            json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": f"burst_{i}"}, "agreement_accepted": True},
        )
        if created.status_code != 201:
            return "create", created.status_code, created.text[:300]
        order_id = created.json()["id"]
        paid = requests.post(
            f"{base}/orders/{order_id}/pay", headers=headers, timeout=60, json={"channel": "sandbox_card"}
        )
        return ("pay", paid.status_code, paid.text[:300]) if paid.status_code != 200 else ("ok", 200, order_id)

    started = time.monotonic()
    with ThreadPoolExecutor(AT_ONCE) as pool:
        results = list(pool.map(shop, range(SHOPPERS)))
    elapsed = time.monotonic() - started
    print(f"\nsqlite burst: {SHOPPERS} orders + payments, {AT_ONCE} at once, {elapsed:.1f} s")

    failures = [r for r in results if r[0] != "ok"]
    # The last lines of each process, and every error in full (a traceback is one long JSON line).
    logs = "\n".join(
        s.log_tail(20)
        + "\n"
        + "\n".join(line for line in s.log_tail(100_000, width=100_000).splitlines() if '"level": "error"' in line)
        for s in embedded_kassa["logs"]
    )
    assert not failures, f"{Counter((r[0], r[1]) for r in failures)}; first: {failures[0]}\n{logs}"
    paid_ids = {r[2] for r in results}
    with sqlite3.connect(embedded_kassa["database"]) as db:
        orders = dict(db.execute("SELECT id, status FROM orders"))
        referenced = {
            row[0]
            for row in db.execute(
                "SELECT order_id FROM payment_attempts WHERE status = 'pending' AND provider_reference IS NOT NULL"
            )
        }
    assert set(orders) == paid_ids and len(paid_ids) == SHOPPERS
    assert set(orders.values()) == {"paying"}
    assert referenced == paid_ids  # every payment was opened at the provider and its reference stored
