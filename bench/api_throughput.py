"""API throughput on one process: order creation and catalog reads, against /healthz as the
baseline (a request that does one trivial query), through the WSGI stack in the same run.

Prints requests per second and each route's cost as a multiple of the baseline.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database, seed_bench_merchant  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
N = int(os.environ.get("KASSA_BENCH_N", "400"))


def rate(label: str, call, n: int = N) -> float:
    for _ in range(20):  # warm up connections and caches
        call()
    start = time.perf_counter()
    for _ in range(n):
        response = call()
        assert response.status_code < 300, (label, response.status_code, response.get_data(as_text=True))
    per_second = n / (time.perf_counter() - start)
    return per_second


def main() -> None:

    from app import create_app

    fresh_database(DATABASE)
    app = create_app({"SQLALCHEMY_DATABASE_URI": DATABASE, "REDIS_URL": REDIS, "LOG_LEVEL": "WARNING"})
    created = seed_bench_merchant(app)
    client = app.test_client()
    auth = {"Authorization": f"Bearer {created.secret_key}"}
    order = {"items": [{"sku": "sku_bench", "quantity": 2}], "customer": {"id": "c"}, "agreement_accepted": True}

    baseline = rate("GET /healthz", lambda: client.get("/healthz"))
    results = {
        "GET /api/v1/products/{id}": rate("product", lambda: client.get("/api/v1/products/prod_bench", headers=auth)),
        "POST /api/v1/quotes": rate(
            "quote", lambda: client.post("/api/v1/quotes", json={"items": order["items"]}, headers=auth)
        ),
        "POST /api/v1/orders": rate("order", lambda: client.post("/api/v1/orders", json=order, headers=auth)),
    }
    print(f"database: {DATABASE.split('://')[0]}, {N} requests each, one process, WSGI test client")
    print(f"{'GET /healthz (baseline)':32} {baseline:8.0f} req/s   1.00x cost")
    for label, value in results.items():
        print(f"{label:32} {value:8.0f} req/s   {baseline / value:.2f}x cost")


if __name__ == "__main__":
    main()
