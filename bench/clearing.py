"""Clearing and settlement at scale (issue 11): N completed orders (default 1,000,000) are cleared by the sweep —
one statement staging each batch, the split of its few kinds of order in Python, one ``INSERT … SELECT`` of the
postings — and then settled (one SQL aggregate per partner window), against a raw ``INSERT … SELECT`` of the very
same postings into a copy of the postings table (same columns and indexes), in the same run, on PostgreSQL.
Besides wall time it prints the CPU time this process and the database's backends spent on each side (read from
/proc when the server runs on this machine): on a shared machine that ratio holds where wall time does not. Last,
where clear + settle's time went: the statements it sent by kind (``INSERT INTO postings``, ...), their wall seconds.

Goal (issue #57): clear + settle in ≤ 30 s on a 2-core machine and ≤ 1.2× the raw insert (issue 10's was ≤ 60 s
and ≤ 2×). The orders are made set-based
(generate_series): 80 % buy one line split 70/30 between a studio and the merchant, 20 % add a line that is all
the merchant's; each was captured through the sandbox channel (with its fee) and its capture is in the journal.
``KASSA_BENCH_N`` sets N, ``KASSA_BENCH_DATABASE_URL`` the database. It ends with the books' integrity check.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402

DATABASE = os.environ.get(
    "KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_clearing"
)
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
N = int(os.environ.get("KASSA_BENCH_N", "1000000"))
BATCH = int(os.environ.get("KASSA_BENCH_BATCH", "10000"))


def make_app():
    from app import create_app

    # The raw copy of a million orders' postings is one statement of a minute or so: past a request's limit.
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "LOG_LEVEL": "WARNING",
            "DB_STATEMENT_TIMEOUT_SECONDS": 900.0,
            "JOB_STATEMENT_TIMEOUT_SECONDS": 900.0,
        }
    )


def bar(label: str, done: int, total: int, started: float) -> None:
    width = 30
    filled = width * done // max(total, 1)
    print(
        f"\r\033[K  {label} [{'#' * filled}{'.' * (width - filled)}] {done:>9,}/{total:,} "
        f"({time.monotonic() - started:5.1f} s)",
        end="",
        flush=True,
    )


def setup(app) -> str:
    """A merchant with a studio partner, two SKUs, and N completed orders with their captures, set-based."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.ledger.partners import create_partner, ensure_self
    from app.merchants.services import create_merchant

    with app.app_context():
        upgrade()
        mid = create_merchant("Bench Books", "bench@books.example", "bench-pass-123").merchant.id
        studio = create_partner(mid, {"name": "Studio", "payout_account": "acct_studio_0001"}, livemode=False).id
        ensure_self(mid)
        db.session.add(Product(id="prod_bench", merchant_id=mid, name="Game", description=""))
        split = {
            "splits": [{"partner": studio, "share_bps": 7000}, {"partner": "self", "share_bps": 3000}],
            "hold_days": 0,
        }
        db.session.add(
            Sku(
                id="sku_game",
                merchant_id=mid,
                product_id="prod_bench",
                name="Game",
                price_amount=1999,
                currency="usd",
                specs={},
                stock=None,
                clearing=split,
            )
        )
        db.session.add(
            Sku(
                id="sku_dlc",
                merchant_id=mid,
                product_id="prod_bench",
                name="DLC",
                price_amount=499,
                currency="usd",
                specs={},
                stock=None,
            )
        )
        db.session.commit()
        params = {
            "m": mid,
            "n": N,
            "receivable": f"merchant:{mid}:receivable",
            "split": __import__("json").dumps(split),
            "own": '{"splits": [{"partner": "self", "share_bps": 10000}], "hold_days": 0}',
        }
        started = time.monotonic()
        statements = [
            # Every fifth order has a second line.
            """INSERT INTO orders (id, merchant_id, status, kind, version, livemode, customer_id, customer_source,
                 currency, subtotal, discount, total, refunded_amount, client_secret, metadata, expires_at,
                 created_at, updated_at)
               SELECT 'ord_b' || lpad(g::text, 9, '0'), :m, 'completed', 'purchase', 6, false, 'cus_' || (g % 5000),
                 'secret_key', 'usd', CASE WHEN g % 5 = 0 THEN 2498 ELSE 1999 END, 0,
                 CASE WHEN g % 5 = 0 THEN 2498 ELSE 1999 END, 0, 's', '{}', now(), now(), now()
               FROM generate_series(1, :n) g""",
            """INSERT INTO order_items (order_id, merchant_id, sku_id, product_id, name, quantity, unit_amount, amount,
                 net_amount, clearing)
               SELECT 'ord_b' || lpad(g::text, 9, '0'), :m, 'sku_game', 'prod_bench', 'Game', 1, 1999, 1999, 1999,
                 CAST(:split AS json)
               FROM generate_series(1, :n) g""",
            """INSERT INTO order_items (order_id, merchant_id, sku_id, product_id, name, quantity, unit_amount, amount,
                 net_amount, clearing)
               SELECT 'ord_b' || lpad(g::text, 9, '0'), :m, 'sku_dlc', 'prod_bench', 'DLC', 1, 499, 499, 499,
                 CAST(:own AS json)
               FROM generate_series(5, :n, 5) g""",
            # The sandbox's fee: 30 + 2.9 % half up.
            """INSERT INTO payment_attempts (id, merchant_id, order_id, channel, status, amount, currency,
                 provider_reference, next_action, poll_count, check_count, fee_amount, created_at, updated_at)
               SELECT 'pay_b' || lpad(g::text, 9, '0'), :m, 'ord_b' || lpad(g::text, 9, '0'), 'sandbox_card',
                 'succeeded', t, 'usd', 'sbp_b' || g, '{}', 0, 0, 30 + (t * 290 * 2 + 10000) / 20000, now(), now()
               FROM (SELECT g, CASE WHEN g % 5 = 0 THEN 2498 ELSE 1999 END AS t FROM generate_series(1, :n) g) o""",
            "INSERT INTO journal_entries (id, merchant_id, kind, reference, created_at) "
            "VALUES ('je_bench_captures', :m, 'bench.captures', 'all', now())",
            """INSERT INTO postings (entry_id, merchant_id, account, amount, currency, order_id)
               SELECT 'je_bench_captures', o.merchant_id, a.account, a.sign * o.total, 'usd', o.id
               FROM orders o CROSS JOIN (VALUES ('channel:sandbox_card:clearing', -1),
                                                (CAST(:receivable AS varchar), 1)) AS a(account, sign)
               WHERE o.merchant_id = :m""",
        ]
        for i, statement in enumerate(statements, 1):
            db.session.execute(text(statement), params)
            bar("making orders", i, len(statements), started)
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        print()
        return mid


def clear_and_settle(app, mid: str) -> tuple[float, float, int]:
    from datetime import timedelta

    from app.extensions import db
    from app.ledger.settlement.services import run_settlements
    from app.payments.clearing import sweep_completed_orders
    from app.platform.db.types import utcnow

    with app.app_context():
        started = time.monotonic()
        cleared = sweep_completed_orders(
            within=None, batch=BATCH, progress=lambda done: bar("clearing", done, N, started)
        )
        clearing = time.monotonic() - started
        print()
        started = time.monotonic()
        now = utcnow()
        cut = run_settlements(
            merchant_id=mid, livemode=False, until=now + timedelta(days=1), now=now, payout_channel="sandbox_card"
        )
        settling = time.monotonic() - started
        lines = sum(s.line_count for s in cut)
        print(f"  settled {len(cut)} partners' windows, {lines:,} lines, in {settling:.1f} s")
        db.session.remove()
        assert cleared == N, (cleared, N)
        return clearing, settling, lines


def raw_insert(app) -> tuple[float, int]:
    """The baseline: the same postings copied with one INSERT … SELECT into a table like postings."""
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context():
        db.session.execute(text("CREATE TABLE postings_baseline (LIKE postings INCLUDING ALL)"))
        db.session.commit()
        started = time.monotonic()
        rows = db.session.execute(
            text(
                """INSERT INTO postings_baseline (entry_id, merchant_id, account, amount, currency, order_id,
                 partner_id, sku_id, sub_order_id, line_kind, fee_withheld, available_at, settlement_id)
               SELECT p.entry_id, p.merchant_id, p.account, p.amount, p.currency, p.order_id, p.partner_id, p.sku_id,
                 p.sub_order_id, p.line_kind, p.fee_withheld, p.available_at, p.settlement_id
               FROM postings p JOIN journal_entries e ON e.id = p.entry_id
               WHERE e.kind IN ('clearing', 'settlement')"""
            )
        ).rowcount
        db.session.commit()
        return time.monotonic() - started, rows


def _statement_kind(statement: str) -> str:
    """A statement's first words, enough to tell the sweep's statements apart: ``INSERT INTO postings``,
    ``CREATE TEMPORARY TABLE clearing_keys``, ``SELECT … FROM clearing_orders``."""
    words = statement.split()
    verb = words[0].upper() if words else ""
    if verb == "CREATE":
        return " ".join(words[:4])
    if verb in ("INSERT", "DELETE"):
        return " ".join(words[:3])
    if verb == "UPDATE":
        return " ".join(words[:2])
    upper = [word.upper() for word in words]
    return f"{verb} … FROM {words[upper.index('FROM') + 1]}" if "FROM" in upper else " ".join(words[:2])


@contextmanager
def statement_times() -> Iterator[tuple[Counter, Counter]]:
    """(wall seconds, counts) of the statements every engine sends while the block runs, by kind of statement:
    where a run's time went, without another tool."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    seconds, counts = Counter(), Counter()

    def started(conn, _cursor, _statement, _parameters, _context, _executemany) -> None:
        conn.info["bench_started"] = time.perf_counter()

    def ended(conn, _cursor, statement, _parameters, _context, _executemany) -> None:
        kind = _statement_kind(statement)
        seconds[kind] += time.perf_counter() - conn.info.pop("bench_started", time.perf_counter())
        counts[kind] += 1

    event.listen(Engine, "before_cursor_execute", started)
    event.listen(Engine, "after_cursor_execute", ended)
    try:
        yield seconds, counts
    finally:
        event.remove(Engine, "before_cursor_execute", started)
        event.remove(Engine, "after_cursor_execute", ended)


def backend_cpu() -> float | None:
    """CPU seconds the database's server processes for this database have used, when they run on this machine."""
    from sqlalchemy import create_engine, text

    admin = create_engine(DATABASE.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        pids = conn.scalars(
            text("SELECT pid FROM pg_stat_activity WHERE datname = :name"), {"name": DATABASE.rsplit("/", 1)[1]}
        ).all()
    admin.dispose()
    total = 0.0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def cpu_spent(work):
    """Run ``work``; returns its result and the CPU seconds this process and the database's backends spent."""
    before, mine = backend_cpu(), time.process_time()
    result = work()
    after = backend_cpu()
    spent = None if before is None or after is None else after - before + time.process_time() - mine
    return result, spent


def main() -> None:
    from app.extensions import db
    from app.payments.integrity import run_check

    print(f"clearing and settlement benchmark: {N:,} completed orders, PostgreSQL ({DATABASE.rsplit('/', 1)[1]})")
    fresh_database(DATABASE)
    app = make_app()
    mid = setup(app)
    with statement_times() as (seconds, counts):
        (clearing, settling, lines), cpu_clearing = cpu_spent(lambda: clear_and_settle(app, mid))
    (baseline, rows), cpu_baseline = cpu_spent(lambda: raw_insert(app))
    with app.app_context():
        started = time.monotonic()
        check = run_check()
        checked = time.monotonic() - started
        verdict = "balanced" if check.ok else f"{len(check.findings)} findings: {check.findings[:3]}"
        db.session.remove()
    total = clearing + settling
    print(f"""
  clear {N:,} orders            {clearing:7.1f} s   ({N / clearing:,.0f} orders/s)
  settle (set-based)          {settling:7.1f} s
  clear + settle              {total:7.1f} s   (goal ≤ 30 s, issue #57)
  raw INSERT … SELECT         {baseline:7.1f} s   ({rows:,} postings)
  ratio                       {total / baseline:7.2f} ×  (goal ≤ 1.2×, issue #57)
  integrity check             {checked:7.1f} s   ({verdict})
  load average                {open("/proc/loadavg").read().split()[0]:>7}""")
    if cpu_clearing is not None and cpu_baseline:
        print(
            f"  CPU (this process and the database's backends): clear + settle {cpu_clearing:.1f} s, "
            f"raw INSERT … SELECT {cpu_baseline:.1f} s, ratio {cpu_clearing / cpu_baseline:.2f} ×"
        )
    print("  clear + settle's statements (wall seconds as this process saw them, how many):")
    ranked = seconds.most_common()
    for kind, spent in ranked[:6]:
        print(f"    {spent:7.1f} s  {counts[kind]:>5}  {kind}")
    rest = ranked[6:]
    rest_seconds, rest_count = sum(spent for _, spent in rest), sum(counts[kind] for kind, _ in rest)
    print(f"    {rest_seconds:7.1f} s  {rest_count:>5}  the other {len(rest)} kinds")


if __name__ == "__main__":
    main()
