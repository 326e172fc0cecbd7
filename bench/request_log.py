"""What the API request log costs a request: the same calls with the log off, on as the caller sees it
(capture only: the response is handed back before anything is written), and on with the row queued in the
response's close and waited for (redaction and the INSERT on the log writer's thread,
app/platform/observability/log_writer.py).

Rounds of each mode are interleaved so drift (cache warm-up, autovacuum) hits all three alike. Prints the
median and p90 per mode and what the log adds to each.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database, seed_bench_merchant  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_reqlog")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
N = int(os.environ.get("KASSA_BENCH_N", "600"))
ROUNDS = 6


def main() -> None:
    from sqlalchemy import func, select

    from app import create_app
    from app.extensions import db
    from app.platform.observability.log_writer import writer_for
    from app.request_log.models import ApiRequestLog
    from app.web import api_request_log

    if DATABASE.startswith("sqlite:///"):
        Path(DATABASE.removeprefix("sqlite:///")).unlink(missing_ok=True)
    fresh_database(DATABASE)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "LOG_LEVEL": "WARNING",
            "RATE_LIMIT_SECRET_KEY": "1000000 per minute",
        }
    )
    created = seed_bench_merchant(app)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {created.secret_key}"}
    quote = {"items": [{"sku": "sku_bench", "quantity": 2}]}
    calls = {
        "GET /api/v1/products/{id}": lambda: client.get("/api/v1/products/prod_bench", headers=auth),
        "POST /api/v1/quotes": lambda: client.post("/api/v1/quotes", json=quote, headers=auth),
    }
    hooks = app.after_request_funcs[None]

    def timed(call, *, log: bool, write: bool) -> list[float]:
        if log and api_request_log._capture not in hooks:
            hooks.append(api_request_log._capture)
        if not log and api_request_log._capture in hooks:
            hooks.remove(api_request_log._capture)
        samples = []
        for _ in range(N // ROUNDS):
            start = time.perf_counter()
            response = call()
            response.get_data()
            if write:
                response.close()  # what the server does after sending: the log row is queued here
                writer_for(app).flush()  # and written on the writer's thread
            samples.append((time.perf_counter() - start) * 1000)
            assert response.status_code < 300, response.get_data(as_text=True)
        return samples

    modes = {
        "log off": {"log": False, "write": False},
        "log on, caller's wait": {"log": True, "write": False},
        "log on, incl. the write": {"log": True, "write": True},
    }
    print(f"database: {DATABASE.split('://')[0]}, {N} requests per mode and route, one process, WSGI test client")
    for label, call in calls.items():
        for _ in range(30):
            call().close()  # warm-up: connections, caches, the log's engine
        samples: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(ROUNDS):
            for mode, options in modes.items():
                samples[mode] += timed(call, **options)
        base = statistics.median(samples["log off"])
        print(label)
        for mode, values in samples.items():
            p50, p90 = statistics.median(values), statistics.quantiles(values, n=10)[-1]
            print(f"  {mode:26} p50 {p50:6.2f} ms   p90 {p90:6.2f} ms   +{p50 - base:5.2f} ms p50")
    _hot_path_alone(app, created.secret_key)
    with app.app_context():
        print(f"rows written: {db.session.scalar(select(func.count()).select_from(ApiRequestLog))}")


def _hot_path_alone(app, secret_key: str) -> None:
    """The capture hook by itself, and the write by itself, each timed over many calls (no request noise)."""
    from flask import Response, g

    from app.merchants.services import authenticate_key
    from app.platform.observability.log_writer import writer_for
    from app.request_log.recording import queue_captured
    from app.web import api_request_log

    body = b'{"id": "prod_bench", "name": "Bench", "skus": [{"id": "sku_bench", "price": {"amount": 500}}]}' * 8
    closers = []
    with app.test_request_context(
        "/api/v1/quotes",
        method="POST",
        json={"items": [{"sku": "sku_bench"}]},
        headers={"Authorization": f"Bearer {secret_key}", "Idempotency-Key": "k"},
    ):
        app.preprocess_request()
        g.request_log_caller = authenticate_key(secret_key)
        start = time.perf_counter()
        for _ in range(N):
            response = Response(body, mimetype="application/json")
            api_request_log._capture(response)
            closers.append(response)
        capture_us = (time.perf_counter() - start) / N * 1e6
        captured = [c._on_close[0].args[1] for c in closers[:N]]  # what each close would queue
    start = time.perf_counter()
    for item in captured:
        queue_captured(app, item)
    queue_us = (time.perf_counter() - start) / N * 1e6
    writer_for(app).flush(timeout=60)
    write_ms = (time.perf_counter() - start) / N * 1000
    print(
        f"capture hook alone: {capture_us:.0f} µs per request; queueing the row: {queue_us:.0f} µs; "
        f"redaction + batched INSERT on the writer's thread: {write_ms:.2f} ms per row"
    )


if __name__ == "__main__":
    main()
