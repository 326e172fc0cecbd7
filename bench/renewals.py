"""Renewal throughput: N subscriptions fall due at once and two worker processes renew them (the
``renew_subscriptions`` sweep: open the period's order, deduct it through the wallet mandate, move the
contract, extend the membership), against a baseline of the same number of plain order inserts (one Order
row and its item per transaction) by two processes, in the same run on PostgreSQL.

Goal (issue 9): renewing costs at most 3× the plain inserts. The wallet is the mandate so the figure is
Kassa's own cost, not a provider's network latency. N is KASSA_BENCH_N (default 100,000).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402

DATABASE = os.environ.get(
    "KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_renewals"
)
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
N = int(os.environ.get("KASSA_BENCH_N", "100000"))
WORKERS = 2
PRICE = 999


def make_app():
    from app import create_app

    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "LOG_LEVEL": "WARNING",
            "SQLALCHEMY_ENGINE_OPTIONS": {"pool_size": 2},
        }
    )


def progress(label: str, done: int, total: int, started: float) -> None:
    print(f"\r\033[K  {label}: {done:>7}/{total} ({time.monotonic() - started:5.1f} s)", end="", flush=True)


def setup() -> tuple[str, str]:
    """A merchant, a monthly SKU granting membership, and N due wallet subscriptions with funded wallets,
    cloned set-based from one made through the real services."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.ledger.accounts import available_account, topup_clearing_account
    from app.ledger.journal import post_journal_entry
    from app.merchants.services import create_merchant
    from app.signing.contracts import open_subscription

    fresh_database(DATABASE)
    app = make_app()
    with app.app_context():
        upgrade()
        merchant = create_merchant("Bench Renewals", "bench@renewals.example", "bench-pass-123").merchant
        merchant.renewal_notice_days = 0
        db.session.add(Product(id="prod_bench", merchant_id=merchant.id, name="Membership", description=""))
        db.session.add(
            Sku(
                id="sku_bench",
                merchant_id=merchant.id,
                product_id="prod_bench",
                name="Monthly",
                price_amount=PRICE,
                currency="usd",
                specs={},
                subscription_interval="month",
                subscription_interval_count=1,
                fulfilment={"membership_days": 30},
            )
        )
        db.session.commit()
        sub, order = open_subscription(
            merchant.id,
            sku="sku_bench",
            customer={"id": "cus_template"},
            customer_source="secret_key",
            agreement_accepted=True,
            livemode=False,
        )
        columns = {
            "orders": {
                "id": "'ord_b' || g",
                "customer_id": "'cus_b' || g",
                "client_secret": "'sec_b' || g",
                "status": "'completed'",
            },
            "order_items": {"id": None, "order_id": "'ord_b' || g"},
            "subscriptions": {
                "id": "'sub_b' || g",
                "customer_id": "'cus_b' || g",
                "first_order_id": "'ord_b' || g",
                "latest_order_id": "'ord_b' || g",
                "status": "'active'",
                "period": "1",
                "anchor_at": "now() - interval '1 month'",
                "anchor_period": "0",
                "current_period_start": "now() - interval '1 month'",
                "current_period_end": "now() - interval '1 minute'",
                "next_renewal_at": "now() - interval '1 minute'",
                "mandate_channel": "'wallet'",
                "mandate_status": "'active'",
                "mandate_reference": "'cus_b' || g",
            },
        }
        keys = {"orders": ("id", order.id), "order_items": ("order_id", order.id), "subscriptions": ("id", sub.id)}
        for table, overrides in columns.items():
            names = [c.name for c in db.metadata.tables[table].columns if overrides.get(c.name, "") is not None]
            picks = [overrides.get(name) or f'"{name}"' for name in names]
            key, value = keys[table]
            db.session.execute(
                text(
                    f"INSERT INTO {table} ({', '.join(f'{chr(34)}{n}{chr(34)}' for n in names)}) "
                    f'SELECT {", ".join(picks)} FROM {table}, generate_series(1, :n) AS g WHERE "{key}" = :v'
                ),
                {"n": N, "v": value},
            )
        db.session.commit()
        # Every wallet holds one renewal: one balanced entry crediting them all.
        legs = [(topup_clearing_account(livemode=False), -PRICE * N, "usd")]
        legs += [(available_account(f"cus_b{i}", livemode=False), PRICE, "usd") for i in range(1, N + 1)]
        post_journal_entry(merchant.id, "wallet.topup", "bench-funding", legs)
        db.session.commit()
        return merchant.id, order.id


def plain_inserts(worker: int, merchant_id: str, template_order: str) -> None:
    """One Order row and its item per transaction, as a Flask-SQLAlchemy app writes them."""
    from app.extensions import db
    from app.orders.models import Order, OrderItem
    from app.platform.db.types import utcnow

    app = make_app()
    with app.app_context():
        template = db.session.get(Order, template_order)
        for i in range(worker, N, WORKERS):
            now = utcnow()
            order = Order(
                id=f"ord_plain_{i}",
                merchant_id=merchant_id,
                status="created",
                version=1,
                livemode=False,
                customer_id=f"cus_p{i}",
                customer_source="secret_key",
                currency="usd",
                subtotal=PRICE,
                discount=0,
                total=PRICE,
                client_secret=f"sec_p{i}",
                metadata_={},
                risk=template.risk,
                expires_at=now,
                created_at=now,
                updated_at=now,
            )
            db.session.add(order)
            db.session.add(
                OrderItem(
                    order_id=order.id,
                    merchant_id=merchant_id,
                    sku_id="sku_bench",
                    product_id="prod_bench",
                    name="Membership — Monthly",
                    quantity=1,
                    unit_amount=PRICE,
                    amount=PRICE,
                )
            )
            db.session.commit()


def renew(worker: int, merchant_id: str, template_order: str) -> None:
    """The renew_subscriptions sweep, over and over, until nothing is left to do."""
    from app.extensions import db
    from app.signing.renewals.sweep import run_renewals

    app = make_app()
    with app.app_context():
        while True:
            sweep = run_renewals(batch=200)
            db.session.remove()
            if not sweep.opened and not sweep.tried:
                return


def run(label: str, target, merchant_id: str, template_order: str, count_sql: str) -> float:
    from sqlalchemy import create_engine, text

    engine = create_engine(DATABASE)
    started = time.monotonic()
    processes = [multiprocessing.Process(target=target, args=(w, merchant_id, template_order)) for w in range(WORKERS)]
    for process in processes:
        process.start()
    while any(p.is_alive() for p in processes):
        with engine.connect() as conn:
            progress(label, conn.execute(text(count_sql)).scalar(), N, started)
        time.sleep(1)
    elapsed = time.monotonic() - started
    with engine.connect() as conn:
        done = conn.execute(text(count_sql)).scalar()
    progress(label, done, N, started)
    print()
    engine.dispose()
    assert all(p.exitcode == 0 for p in processes), f"{label}: a worker failed"
    assert done == N, f"{label}: {done} of {N} done"
    return elapsed


def main() -> None:
    from sqlalchemy import create_engine, text

    print(f"renewals: {N} due subscriptions, {WORKERS} worker processes, PostgreSQL")
    merchant_id, template_order = setup()
    plain = run(
        "plain order inserts",
        plain_inserts,
        merchant_id,
        template_order,
        "SELECT count(*) FROM orders WHERE id LIKE 'ord_plain_%'",
    )
    renewing = run(
        "renewals (paid)",
        renew,
        merchant_id,
        template_order,
        "SELECT count(*) FROM subscription_renewals WHERE status = 'paid'",
    )
    engine = create_engine(DATABASE)
    with engine.connect() as conn:
        once = conn.execute(
            text("SELECT count(*) = count(DISTINCT subscription_id) FROM subscription_renewals")
        ).scalar()
        captures = conn.execute(text("SELECT count(*) FROM payment_attempts WHERE status = 'succeeded'")).scalar()
    engine.dispose()
    print(f"  plain inserts : {N / plain:8.0f} orders/s ({plain:.1f} s)")
    print(
        f"  renewals      : {N / renewing:8.0f} renewals/s ({renewing:.1f} s); one renewal per contract: {once}; "
        f"captures: {captures}"
    )
    print(f"  renewing costs {renewing / plain:.2f}× the plain inserts (goal ≤ 3×)")


if __name__ == "__main__":
    multiprocessing.set_start_method("fork")
    main()
