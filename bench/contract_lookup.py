"""What a payment and a fulfilment pay to ask whether their order belongs to a contract, with many contracts.

Every payment asks which contract its order signs (``recurring_terms``, app/signing/terms.py: the terms it sends
the provider) and every fulfilment whether its order pays a contract's period (``pays_a_subscription_period``,
app/orders/entitlements.py). Both are asked for plain orders too, which are most orders.

The run migrates a fresh database and writes N (``KASSA_BENCH_N``, 100,000) contracts set-based (generate_series),
each with its first order and one renewal order, then asks both questions ROUNDS times for a plain order, a first
order and a renewal order, against the baseline of reading one order's status by its primary key on the same
connection. Goal: about the cost of that key read, whatever N.

    .venv/bin/python bench/contract_lookup.py   # PostgreSQL kassa_bench_contracts (KASSA_BENCH_DATABASE_URL)
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database, seed_bench_merchant  # noqa: E402

N = int(os.environ.get("KASSA_BENCH_N", "100000"))
ROUNDS = int(os.environ.get("KASSA_BENCH_ROUNDS", "2000"))
DATABASE = os.environ.get(
    "KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_contracts"
)

# The contracts, their first orders and renewal orders, written in three statements (a clock is not needed: the
# questions only look rows up). Columns not named take their defaults.
_ORDERS = """
INSERT INTO orders (id, merchant_id, status, version, customer_id, currency, subtotal, discount, total,
                    refunded_amount, client_secret, metadata, expires_at, created_at, updated_at)
SELECT prefix || g, :merchant, 'completed', 1, 'cus_' || g, 'usd', 500, 0, 500, 0, 'secret_' || prefix || g, '{}',
       now(), now(), now()
FROM generate_series(1, :n) AS g, (VALUES ('ord_first_'), ('ord_renewal_')) AS kinds (prefix)"""
_CONTRACTS = """
INSERT INTO subscriptions (id, merchant_id, status, version, customer_id, customer_source, sku_id, price_amount,
                           currency, interval, interval_count, anchor_period, period, cancel_at_period_end,
                           first_order_id, latest_order_id, created_at, updated_at, announced_period)
SELECT 'sub_' || g, :merchant, 'active', 1, 'cus_' || g, 'api', 'sku_bench', 500, 'usd', 'month', 1, 0, 2, false,
       'ord_first_' || g, 'ord_renewal_' || g, now(), now(), 0
FROM generate_series(1, :n) AS g"""
_RENEWALS = """
INSERT INTO subscription_renewals (subscription_id, merchant_id, period, period_start, period_end, order_id, status,
                                   attempts, created_at)
SELECT 'sub_' || g, :merchant, 2, now(), now(), 'ord_renewal_' || g, 'paid', 1, now()
FROM generate_series(1, :n) AS g"""
_PLAIN = """
INSERT INTO orders (id, merchant_id, status, version, customer_id, currency, subtotal, discount, total,
                    refunded_amount, client_secret, metadata, expires_at, created_at, updated_at)
VALUES ('ord_plain', :merchant, 'completed', 1, 'cus_plain', 'usd', 500, 0, 500, 0, 'secret_plain', '{}', now(), now(),
        now())"""


def make_app():
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": DATABASE, "LOG_LEVEL": "WARNING"})


def seed(app) -> None:
    from sqlalchemy import text

    from app.extensions import db

    started = time.monotonic()
    seed_bench_merchant(app)
    with app.app_context():
        merchant = db.session.scalar(text("SELECT merchant_id FROM skus WHERE id = 'sku_bench'"))
        for statement in (_ORDERS, _CONTRACTS, _RENEWALS, _PLAIN):
            db.session.execute(text(statement), {"merchant": merchant, "n": N})
        db.session.commit()
        db.session.execute(text("ANALYZE orders, subscriptions, subscription_renewals"))
        db.session.commit()
    print(
        f"{N:,} contracts with their first and renewal orders written in {time.monotonic() - started:.1f} s", flush=True
    )


def timed(ask, rounds: int = ROUNDS) -> float:
    """Median milliseconds of ``ask()`` (after a warm-up that also lets psycopg prepare the statement)."""
    for _ in range(10):
        ask()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        ask()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    from sqlalchemy import literal, select

    from app.extensions import db
    from app.orders.entitlements import pays_a_subscription_period
    from app.orders.models import Order
    from app.signing.terms import recurring_terms

    fresh_database(DATABASE)
    app = make_app()
    seed(app)
    orders = {"plain": "ord_plain", "first": f"ord_first_{N // 2}", "renewal": f"ord_renewal_{N // 2}"}
    with app.app_context():
        assert recurring_terms(orders["plain"]) is None and recurring_terms(orders["renewal"]) is not None
        baseline = timed(lambda: db.session.scalar(select(Order.status).where(Order.id == orders["plain"])))
        print(f"\nN = {N:,} contracts; median of {ROUNDS:,} asks each, on one connection\n")
        print("| question | order | ms | ÷ primary-key read |")
        print("| --- | --- | --- | --- |")
        print(f"| an order's status by its key (baseline) | plain | {baseline:.3f} | 1.00 |")
        for kind, order_id in orders.items():
            terms = timed(lambda: recurring_terms(order_id))
            period = timed(lambda: db.session.scalar(select(pays_a_subscription_period(literal(order_id)))))
            print(f"| payment: the contract it signs | {kind} | {terms:.3f} | {terms / baseline:.2f} |")
            print(f"| fulfilment: pays a period? | {kind} | {period:.3f} | {period / baseline:.2f} |")
        db.session.remove()
        db.engine.dispose()


if __name__ == "__main__":
    main()
