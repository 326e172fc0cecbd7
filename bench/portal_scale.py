"""The merchant's pages with a long history: each portal page and API list for a merchant with N orders (default
1,000,000 over the last 60 days) against the same page for a merchant with 1,000, in the same database and run.

    .venv/bin/python bench/portal_scale.py          # PostgreSQL kassa_bench_portal; a few minutes at N = 1,000,000

A merchant's pages must not slow down as its history grows: the ratio (big ÷ small, median of the runs) says how
much they do. The orders are made set-based (generate_series): 80 % completed, 5 % paid, 2 % refunded (with their
refund), 6 % closed unpaid (half with a failed attempt), and of the last hour's 5 % created and 2 % paying (older ones
closed or completed, as expiry and the status polls leave them); a sandbox card or QR attempt for each that got
one; a customer email shared by 20 orders; the books of each captured order (its capture and clearing, the
merchant's share held a week: 4 postings), with the balances' checkpoint taken once, as its cron job would. The
dashboard is timed twice: its first view, which aggregates every day and keeps the settled ones, and the views
after it. Pages are read through Kassa's WSGI app in this process
(Flask's test client, signed in through the login form), so the figures are the server's own time.

KASSA_BENCH_N (1,000,000), KASSA_BENCH_SMALL_N (1,000), KASSA_BENCH_RUNS (5), KASSA_BENCH_DATABASE_URL,
KASSA_BENCH_REDIS_URL.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_portal")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
N = int(os.environ.get("KASSA_BENCH_N", "1000000"))
SMALL_N = int(os.environ.get("KASSA_BENCH_SMALL_N", "1000"))
RUNS = int(os.environ.get("KASSA_BENCH_RUNS", "5"))
PASSWORD = "bench-pass-1234"

# Per hundred orders (g % 100): the status each gets and whether it has a succeeded, failed or no attempt. Only
# the last hour's orders (g > :recent) are still open, as the expiry job and the status polls see to in a real shop.
_STATUS = """CASE WHEN g % 100 < 80 THEN 'completed' WHEN g % 100 < 85 THEN 'paid' WHEN g % 100 < 87 THEN 'refunded'
                  WHEN g % 100 < 93 THEN 'closed' WHEN g % 100 < 98 THEN (CASE WHEN g > :recent THEN 'created'
                  ELSE 'closed' END) WHEN g > :recent THEN 'paying' ELSE 'completed' END"""
_ATTEMPT = """CASE WHEN g % 100 < 87 THEN 'succeeded' WHEN g % 100 < 90 THEN 'failed' WHEN g % 100 < 98 THEN NULL
                   WHEN g > :recent THEN 'pending' ELSE 'succeeded' END"""


def make_app():
    from app import create_app

    return create_app({"SQLALCHEMY_DATABASE_URI": DATABASE, "REDIS_URL": REDIS, "LOG_LEVEL": "WARNING"})


def make_merchant(app, name: str, prefix: str, n: int) -> dict:
    """A merchant with ``n`` orders spread over the last 60 days, oldest first; returns its ids and keys."""
    from sqlalchemy import text

    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.merchants.services import create_merchant

    with app.app_context():
        created = create_merchant(name, f"{prefix}@portal.bench", PASSWORD)
        mid = created.merchant.id
        db.session.add(Product(id=f"prod_{prefix}", merchant_id=mid, name="Game", description=""))
        db.session.add(
            Sku(
                id=f"sku_{prefix}",
                merchant_id=mid,
                product_id=f"prod_{prefix}",
                name="Game",
                price_amount=1999,
                currency="usd",
                specs={},
                stock=None,
            )
        )
        db.session.commit()
        params = {
            "m": mid,
            "n": n,
            "p": prefix,
            "recent": n - n // (60 * 24),
            "receivable": f"merchant:{mid}:receivable",
        }
        started = time.monotonic()
        at = "now() - interval '60 days' + (g::float / :n) * interval '60 days'"
        order_id = "'ord_' || :p || lpad(g::text, 9, '0')"
        for statement in (
            f"""INSERT INTO orders (id, merchant_id, status, kind, version, livemode, customer_id, customer_email,
                  customer_source, currency, subtotal, discount, total, refunded_amount, client_secret, metadata,
                  expires_at, created_at, updated_at)
                SELECT {order_id}, :m, {_STATUS}, 'purchase', 4, false, 'cus_' || (g / 20),
                  'shopper' || (g / 20) || '@example.com', 'secret_key', 'usd', 1999, 0, 1999,
                  CASE WHEN g % 100 BETWEEN 85 AND 86 THEN 1999 ELSE 0 END, 's', '{{}}',
                  {at} + interval '30 minutes', {at}, {at}
                FROM generate_series(1, :n) g""",
            f"""INSERT INTO order_items (order_id, merchant_id, sku_id, product_id, name, quantity, unit_amount,
                  amount, net_amount)
                SELECT {order_id}, :m, 'sku_' || :p, 'prod_' || :p, 'Game', 1, 1999, 1999, 1999
                FROM generate_series(1, :n) g""",
            f"""INSERT INTO payment_attempts (id, merchant_id, order_id, channel, status, amount, currency,
                  provider_reference, next_action, poll_count, check_count, fee_amount, created_at, updated_at)
                SELECT 'pay_' || :p || lpad(g::text, 9, '0'), :m, {order_id},
                  CASE WHEN g % 10 < 7 THEN 'sandbox_card' ELSE 'sandbox_qr' END, {_ATTEMPT}, 1999, 'usd',
                  'sbp_' || :p || g, '{{}}', 0, 0, 88, {at}, {at}
                FROM generate_series(1, :n) g WHERE {_ATTEMPT} IS NOT NULL""",
            f"""INSERT INTO refunds (id, merchant_id, order_id, payment_id, channel, amount, currency, status, kind,
                  previous_order_status, provider_attempt, fee_amount, actor, created_at, updated_at)
                SELECT 're_' || :p || lpad(g::text, 9, '0'), :m, {order_id}, 'pay_' || :p || lpad(g::text, 9, '0'),
                  CASE WHEN g % 10 < 7 THEN 'sandbox_card' ELSE 'sandbox_qr' END, 1999, 'usd', 'succeeded', 'order',
                  'completed', 1, 0, 'portal', {at} + interval '1 day', {at} + interval '1 day'
                FROM generate_series(1, :n) g WHERE g % 100 BETWEEN 85 AND 86""",
            # The books of each captured order: the capture, then its clearing (the merchant's share held a week).
            "INSERT INTO journal_entries (id, merchant_id, kind, reference, created_at) "
            "VALUES ('je_' || :p, :m, 'bench.books', :p, now())",
            f"""INSERT INTO postings (entry_id, merchant_id, account, amount, currency, order_id, available_at)
                SELECT 'je_' || :p, :m, a.account, a.sign * 1999, 'usd', {order_id},
                  CASE WHEN a.account = 'partner:self:payable' THEN {at} + interval '7 days' END
                FROM generate_series(1, :n) g CROSS JOIN (VALUES ('channel:sandbox_card:clearing', -1),
                  (:receivable, 1), (:receivable, -1),
                  ('partner:self:payable', 1)) AS a(account, sign)
                WHERE g % 100 < 87""",
        ):
            db.session.execute(text(statement), params)
        db.session.commit()
        print(f"  {name}: {n:,} orders in {time.monotonic() - started:.1f} s", flush=True)
        return {"id": mid, "prefix": prefix, "n": n, "secret_key": created.secret_key}


def signed_in(app, merchant: dict):
    from tests.support.portal import Portal

    portal = Portal(app.test_client())
    response = portal.sign_in(f"{merchant['prefix']}@portal.bench", PASSWORD)
    assert response.status_code in (302, 303), response.status_code
    return portal


def pages(merchant: dict) -> list[tuple[str, str]]:
    """(label, path) for one merchant: the same questions of either history size."""
    from datetime import datetime, timedelta, timezone

    n, p = merchant["n"], merchant["prefix"]
    middle = f"ord_{p}{n // 2:09d}"
    day = (datetime.now(timezone.utc).date() - timedelta(days=10)).isoformat()
    customer = f"shopper{n // 40}@example.com"
    return [
        ("dashboard, last 30 days, nothing kept yet", "/portal/dashboard"),
        ("dashboard, last 30 days", "/portal/dashboard"),
        ("dashboard, last 7 days", "/portal/dashboard?range=last_7_days"),
        ("orders, first page", "/portal/orders"),
        ("orders, a page halfway back", f"/portal/orders?starting_after={middle}"),
        ("orders, status refunded (2 %)", "/portal/orders?status=refunded"),
        ("orders, status paying (the last hour's)", "/portal/orders?status=paying"),
        ("orders, channel QR", "/portal/orders?channel=sandbox_qr"),
        ("orders, one day", f"/portal/orders?start={day}&end={day}"),
        ("orders, search a customer's email", f"/portal/orders?q={customer}"),
        ("orders, search an id's beginning", f"/portal/orders?q=ord_{p}{n // 2:09d}"[:-3]),
        ("orders, customer filter", f"/portal/orders?customer=cus_{n // 40}"),
        ("an order", f"/portal/orders/{middle}"),
        ("subscriptions", "/portal/subscriptions"),
        ("operations", "/portal/operations"),
        ("balance (the books)", "/portal/balance"),
        ("wallet holders", "/portal/wallets"),
        ("API: GET /balance", "/api/v1/balance"),
        ("API: GET /orders?limit=100", "/api/v1/orders?limit=100"),
        ("API: GET /orders?status=refunded", "/api/v1/orders?status=refunded"),
    ]


def timed(call, runs: int, *, before=None) -> tuple[float, int]:
    """Median milliseconds of ``runs`` calls after one warm-up, and the last status code; ``before`` runs
    (untimed) ahead of each call."""
    status = call().status_code
    times = []
    for _ in range(runs):
        if before is not None:
            before()
        started = time.perf_counter()
        status = call().status_code
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), status


def main() -> None:
    from sqlalchemy import text

    from app.extensions import db

    print(f"portal_scale: {N:,} orders against {SMALL_N:,}, {RUNS} runs each (median)", flush=True)
    fresh_database(DATABASE)
    app = make_app()
    from flask_migrate import upgrade

    with app.app_context():
        upgrade()
    big = make_merchant(app, "Big Books", "big", N)
    small = make_merchant(app, "Small Books", "sml", SMALL_N)
    with app.app_context():
        # As autovacuum leaves a table that has settled: statistics, and the visibility map index-only scans need.
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE" if db.engine.dialect.name == "postgresql" else "ANALYZE"))
        from app.ledger.checkpoints import advance_checkpoint

        started = time.monotonic()
        advance_checkpoint()  # what the cron job does every five minutes
        print(f"  the balances' first checkpoint: {time.monotonic() - started:.1f} s", flush=True)
    portals = {"big": signed_in(app, big), "sml": signed_in(app, small)}
    api = app.test_client()

    def fetch(merchant: dict, path: str):
        if path.startswith("/api/"):
            return api.get(path, headers={"Authorization": f"Bearer {merchant['secret_key']}"})
        return portals[merchant["prefix"]].get(path)

    def forget_kept_days() -> None:
        with app.app_context():
            db.session.execute(text("DELETE FROM report_days"))
            db.session.commit()

    print("\n| page | small: ms | big: ms | big ÷ small |\n| --- | --- | --- | --- |")
    for (label, big_path), (_, small_path) in zip(pages(big), pages(small)):
        cold = "nothing kept" in label  # the dashboard's first view: every day aggregated, then kept
        forget = forget_kept_days if cold else None
        small_ms, small_status = timed(lambda: fetch(small, small_path), RUNS, before=forget)
        big_ms, big_status = timed(lambda: fetch(big, big_path), RUNS, before=forget)
        assert small_status == big_status == 200, (label, small_status, big_status)
        print(f"| {label} | {small_ms:.1f} | {big_ms:.1f} | {big_ms / small_ms:.1f}× |", flush=True)


if __name__ == "__main__":
    main()
