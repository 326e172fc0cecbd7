"""Reconciling a statement of N lines (issue 11; default 1,000,000) on PostgreSQL: N captured sandbox payments are
in Kassa (attempts and their journal entries, made set-based), the provider's statement of the day is served over
loopback HTTP as the sandbox serves it (a streamed CSV), and a reconciliation run reads, stages (COPY), matches
and records it. One line in a thousand is booked at another amount, so the run must find exactly those.

Baseline, in the same run: only reading the statement (download and parse every line, nothing matched) — what
any reconciliation has to pay. Goal: the whole run ≤ 60 s on a 2-core machine; the ratio says what matching
costs on top of reading. ``KASSA_BENCH_N``, ``KASSA_BENCH_DATABASE_URL`` as in bench/clearing.py.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402
from bench.clearing import bar  # noqa: E402

DATABASE = os.environ.get(
    "KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench_reconcile"
)
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
N = int(os.environ.get("KASSA_BENCH_N", "1000000"))
OFF_EVERY = 1000  # one line in this many is booked at another amount


def statement_file(day: str) -> Path:
    """The provider's CSV for the day, as sandbox/statements.py writes it."""
    path = Path(tempfile.mkdtemp(prefix="kassa-bench-statement-")) / f"{day}.csv"
    started = time.monotonic()
    with path.open("w") as out:
        out.write("type,id,reference,method,status,amount,fee,currency,occurred_at\n")
        for g in range(1, N + 1):
            amount = 1999 + (1 if g % OFF_EVERY == 0 else 0)
            out.write(f"capture,sbp_b{g},pay_b{g:09d},card,succeeded,{amount},88,usd,{day}T10:00:00Z\n")
            if g % 50_000 == 0:
                bar("writing the statement", g, N, started)
    print()
    return path


def serve(path: Path) -> tuple[ThreadingHTTPServer, str]:
    """A loopback server that streams the statement file to whoever asks for any day."""

    class Statement(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            self.send_response(200)
            self.send_header("Content-Type", "text/csv; charset=utf-8")
            self.send_header("Content-Length", str(path.stat().st_size))
            self.end_headers()
            with path.open("rb") as source:
                while chunk := source.read(1 << 16):
                    self.wfile.write(chunk)

        def log_message(self, *args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Statement)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def setup(app) -> str:
    """A merchant with N succeeded sandbox card attempts booked today (attempt + journal entry each)."""
    from flask_migrate import upgrade
    from sqlalchemy import text

    from app.extensions import db
    from app.merchants.services import create_merchant

    with app.app_context():
        upgrade()
        mid = create_merchant("Bench Recon", "bench@recon.example", "bench-pass-123").merchant.id
        statements = [
            """INSERT INTO orders (id, merchant_id, status, kind, version, livemode, customer_id, customer_source,
                 currency, subtotal, discount, total, refunded_amount, client_secret, metadata, expires_at,
                 created_at, updated_at)
               SELECT 'ord_b' || lpad(g::text, 9, '0'), :m, 'paid', 'purchase', 3, false, 'cus_' || (g % 5000),
                 'secret_key', 'usd', 1999, 0, 1999, 0, 's', '{}', now(), now(), now()
               FROM generate_series(1, :n) g""",
            """INSERT INTO payment_attempts (id, merchant_id, order_id, channel, status, amount, currency,
                 provider_reference, next_action, poll_count, check_count, fee_amount, created_at, updated_at)
               SELECT 'pay_b' || lpad(g::text, 9, '0'), :m, 'ord_b' || lpad(g::text, 9, '0'), 'sandbox_card',
                 'succeeded', 1999, 'usd', 'sbp_b' || g, '{}', 0, 0, 88, now(), now()
               FROM generate_series(1, :n) g""",
            """INSERT INTO journal_entries (id, merchant_id, kind, reference, created_at)
               SELECT 'je_b' || g, :m, 'payment.capture', 'pay_b' || lpad(g::text, 9, '0'), now()
               FROM generate_series(1, :n) g""",
        ]
        started = time.monotonic()
        for i, statement in enumerate(statements, 1):
            db.session.execute(text(statement), {"m": mid, "n": N})
            bar("making captured payments", i, len(statements), started)
        db.session.commit()
        db.session.execute(text("ANALYZE"))
        db.session.commit()
        print()
        return mid


def main() -> None:
    from app import create_app
    from app.extensions import db
    from app.payments.channels.adapters.sandbox_card import SandboxCardAdapter
    from app.reconciliation.models import KINDS, ReconciliationRun
    from app.reconciliation.runs import execute_run

    day = datetime.now(timezone.utc).date()
    print(f"reconciliation benchmark: a {N:,}-line statement, PostgreSQL ({DATABASE.rsplit('/', 1)[1]})")
    fresh_database(DATABASE)
    server, url = serve(statement_file(day.isoformat()))
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "LOG_LEVEL": "WARNING",
            "SANDBOX_URL": url,
            "CHANNEL_HTTP_TIMEOUT_SECONDS": 60,
        }
    )
    mid = setup(app)
    with app.app_context():
        adapter = SandboxCardAdapter(url, app.config["SANDBOX_API_KEY"], "unused", timeout=60)
        started = time.monotonic()
        read = sum(1 for _ in adapter.statement(day))
        baseline = time.monotonic() - started
        print(f"  read the statement: {read:,} lines in {baseline:.1f} s")
        run = ReconciliationRun(
            id="rcn_bench",
            merchant_id=mid,
            channel="sandbox_card",
            day=day,
            status="running",
            lines=0,
            matched=0,
            actor="bench",
            auto_resolved=0,
            **{kind: 0 for kind in KINDS},
        )
        db.session.add(run)
        db.session.commit()
        started = time.monotonic()
        done = execute_run("rcn_bench")
        elapsed = time.monotonic() - started
        found = {kind: getattr(done, kind) for kind in KINDS if getattr(done, kind)}
        db.session.remove()
    server.shutdown()
    expected = {"amount_mismatch": N // OFF_EVERY} if N >= OFF_EVERY else {}
    verdict = "as injected" if found == expected and done.matched == N - N // OFF_EVERY else f"WRONG: {found}"
    print(f"""
  read the statement (baseline)  {baseline:7.1f} s   ({N / baseline:,.0f} lines/s)
  reconcile (read, stage, match) {elapsed:7.1f} s   (goal ≤ 60 s)
  ratio                          {elapsed / baseline:7.2f} ×  of reading alone
  status {done.status}: {done.lines:,} lines, {done.matched:,} matched, discrepancies {found} ({verdict})""")


if __name__ == "__main__":
    main()
