"""Risk control's cost: the latency the assessment adds to order creation with 100,000 list entries and
20 rules, against the same creation for a merchant with risk off, interleaved in one run; and a CSV import
of 100,000 list entries against a raw bulk INSERT of the same rows.

Goal (issue 10): p99 added latency ≤ 2 ms. Orders are created from "browsers" (publishable key, a
different client address each) so the address and device lists are looked up too.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_risk")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
ENTRIES = int(os.environ.get("KASSA_BENCH_ENTRIES", "100000"))
N = int(os.environ.get("KASSA_BENCH_N", "400"))
KINDS = ("customer", "email", "email_domain", "ip", "device")


def list_csv(count: int) -> str:
    rng = random.Random(7)
    lines = ["kind,value,action,expires_at,note"]
    for i in range(count):
        kind = KINDS[i % len(KINDS)]
        value = {
            "customer": f"cus_bad_{i}",
            "email": f"bad{i}@spam{i % 97}.example",
            "email_domain": f"spam{i}.example",
            "ip": f"10.{(i >> 16) & 255}.{(i >> 8) & 255}.{i & 255}",
            "device": f"dev_{i}",
        }[kind]
        if kind == "ip" and i % 500 == 0:
            value = f"172.{16 + (i // 500) % 16}.{(i // 7) % 256}.0/24"  # some ranges, as merchants list them
        lines.append(f"{kind},{value},{rng.choice(('block', 'review'))},,bench")
    return "\n".join(lines) + "\n"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app import create_app
    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.merchants.services import create_merchant
    from app.platform.values.ids import new_id
    from app.risk.lists import import_csv
    from app.risk.rules import create_rule

    fresh_database(DATABASE)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "LOG_LEVEL": "WARNING",
            "RATE_LIMIT_ORDER_CREATE": "100000 per minute",
        }
    )
    merchants = {}
    with app.app_context():
        upgrade()
        from app.extensions import redis_client

        redis_client().flushdb()
        for name in ("off", "on"):
            created = create_merchant(f"Bench {name}", f"bench-{name}@kassa.test", "bench-pass-1")
            mid = created.merchant.id
            db.session.add(Product(id=f"prod_{name}", merchant_id=mid, name="Bench", description=""))
            db.session.add(
                Sku(
                    id=f"sku_{name}",
                    merchant_id=mid,
                    product_id=f"prod_{name}",
                    name="one",
                    price_amount=500,
                    currency="usd",
                    stock=None,
                )
            )
            db.session.commit()
            merchants[name] = (mid, created.publishable_key)

        body = list_csv(ENTRIES)
        started = time.perf_counter()
        report = import_csv(merchants["on"][0], body, livemode=False)  # the bench orders are test orders
        imported_in = time.perf_counter() - started
        assert report.imported == ENTRIES and not report.errors, (report.imported, report.errors[:3])

        # Baseline: the same rows as one raw bulk INSERT into a scratch copy of the table.
        db.session.execute(
            text("CREATE TEMP TABLE scratch_entries AS SELECT * FROM risk_list_entries WITH NO DATA")
            if DATABASE.startswith("postgresql")
            else text("CREATE TEMP TABLE scratch_entries AS SELECT * FROM risk_list_entries WHERE 0")
        )
        rows = [
            {
                "id": new_id("rle"),
                "merchant_id": "m",
                "kind": line.split(",")[0],
                "value": line.split(",")[1],
                "action": line.split(",")[2],
                "note": "bench",
                "livemode": False,
            }
            for line in body.splitlines()[1:]
        ]
        started = time.perf_counter()
        db.session.execute(
            text(
                "INSERT INTO scratch_entries (id, merchant_id, livemode, kind, value, action, note, "
                "is_range, created_at) VALUES (:id, :merchant_id, :livemode, :kind, :value, :action, "
                ":note, false, CURRENT_TIMESTAMP)"
            ),
            rows,
        )
        db.session.commit()
        raw_in = time.perf_counter() - started

        mid = merchants["on"][0]
        for i in range(10):
            create_rule(
                mid, {"kind": "amount_limit", "params": {"max_amount": 10**9 + i}, "action": "review"}, livemode=False
            )
        for i in range(5):
            create_rule(
                mid,
                {"kind": "first_purchase_limit", "params": {"max_amount": 10**9 + i}, "action": "review"},
                livemode=False,
            )
        for by in ("customer", "email", "ip", "device", "customer"):
            create_rule(
                mid,
                {
                    "kind": "velocity",
                    "params": {"by": by, "window_seconds": 3600, "max_count": 10**6},
                    "action": "block",
                },
                livemode=False,
            )

    client = app.test_client()
    timings: dict[str, list[float]] = {"off": [], "on": []}
    for i in range(N + 40):
        for name in ("off", "on"):
            mid, pk = merchants[name]
            order = {
                "items": [{"sku": f"sku_{name}", "quantity": 1}],
                "agreement_accepted": True,
                "customer": {"id": f"guest_{i}", "email": f"shopper{i}@mail.example"},
            }
            headers = {"Authorization": f"Bearer {pk}", "Kassa-Device-Id": f"device_{i}"}
            environ = {"REMOTE_ADDR": f"192.0.2.{i % 250 + 1}"}
            started = time.perf_counter()
            response = client.post("/api/v1/orders", json=order, headers=headers, environ_base=environ)
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 201, response.get_data(as_text=True)
            if i >= 40:  # warm-up excluded
                timings[name].append(elapsed)

    off, on = timings["off"], timings["on"]
    print(f"database: {DATABASE.split('://')[0]}; {ENTRIES} list entries, 20 rules; {N} orders each, interleaved")
    print(f"order create, risk off : p50 {statistics.median(off):6.2f} ms   p99 {percentile(off, 0.99):6.2f} ms")
    print(f"order create, risk on  : p50 {statistics.median(on):6.2f} ms   p99 {percentile(on, 0.99):6.2f} ms")
    print(
        f"added by the assessment: p50 {statistics.median(on) - statistics.median(off):+6.2f} ms   "
        f"p99 {percentile(on, 0.99) - percentile(off, 0.99):+6.2f} ms   (goal: p99 ≤ 2 ms)"
    )
    print(
        f"CSV import of {ENTRIES} entries: {imported_in:6.2f} s ({ENTRIES / imported_in:,.0f} rows/s); "
        f"raw INSERT of the same rows {raw_in:6.2f} s; ratio {imported_in / raw_in:.2f}x"
    )


if __name__ == "__main__":
    main()
