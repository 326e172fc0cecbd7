"""The web's CPU per complete paid order under two WSGI servers, side by side on the same app and stack:
gunicorn's gthread workers (the Procfile's `web` line) against Granian (a maintained server whose HTTP side is
Rust, run with the same process and thread counts).

    .venv/bin/python bench/web_servers.py          # PostgreSQL; KASSA_BENCH_DB_PREFIX names the databases

The stack is checkout_load.py's (bench/load_stack.py, the provider approving by itself). The servers take turns,
KASSA_BENCH_ROUNDS (2) rounds of each, so a drift of the machine shows in both; each turn restarts the web
and runs wrk's paid_order.lua with KASSA_BENCH_CLIENTS (16) shoppers for KASSA_BENCH_LOAD_SECONDS (20). CPU
seconds come from /proc (the web's whole process tree); orders/s and p99 are printed too.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.checkout_load import paid_orders, say  # noqa: E402
from bench.load_stack import LoadStack  # noqa: E402
from bench.load_wrk import ensure_wrk  # noqa: E402
from tests.support.processes import Service, http_answers, procfile_commands  # noqa: E402

CLIENTS = int(os.environ.get("KASSA_BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("KASSA_BENCH_LOAD_SECONDS", "20"))
ROUNDS = int(os.environ.get("KASSA_BENCH_ROUNDS", "2"))
WORKERS = os.environ.get("WEB_WORKERS", str(os.cpu_count() or 2))
THREADS = os.environ.get("WEB_THREADS", "16")

GRANIAN = (
    ".venv/bin/granian --interface wsgi --host 127.0.0.1 --port $KASSA_PORT"
    f" --workers {WORKERS} --blocking-threads {THREADS} --backlog 4096 --no-access-log --log-level warning wsgi:app"
)


def _server(stack: LoadStack, name: str) -> Service:
    env = {**stack.environment(), "WEB_WORKERS": WORKERS, "WEB_THREADS": THREADS}
    if name == "gunicorn":
        return Service.from_procfile("web", env, stack.root, ready=http_answers(f"{stack.kassa_url}/healthz"))
    metrics = stack.root / "var" / "prometheus-granian"
    metrics.mkdir(parents=True, exist_ok=True)
    env["PROMETHEUS_MULTIPROC_DIR"] = str(metrics)
    ready = http_answers(f"{stack.kassa_url}/healthz")
    return Service("web", ["bash", "-c", "exec " + GRANIAN], env, stack.root, ready)


def main() -> None:
    if not Path(".venv/bin/granian").exists():
        sys.exit("Granian is not installed (not a dependency of Kassa): .venv/bin/pip install granian==2.8.9")
    ensure_wrk()
    assert "gunicorn" in procfile_commands()["web"], "the Procfile's web line is no longer gunicorn"
    stack = LoadStack("postgresql")
    rows = []
    try:
        shop = stack.start()
        stack.provider_decides_itself(True)
        for _ in range(ROUNDS):
            for server in ("gunicorn", "granian"):
                stack.services["web"].stop()
                stack.services["web"] = _server(stack, server)
                stack.services["web"].start(timeout=60)
                paid_orders(stack, shop, 1, 3)  # warm-up: imports, pools, templates
                run, cpu = paid_orders(stack, shop, CLIENTS, SECONDS)
                done = run.count("order_ms")
                web_ms = cpu["web"] / 100 * run.seconds / max(done, 1) * 1000
                rate = done / run.seconds
                rows.append((server, web_ms, rate, run.percentile("order_ms", 99), run.errors, os.getloadavg()[0]))
                say(f"{server}: {web_ms:.1f} ms web CPU per paid order, {rate:.1f}/s")
    finally:
        stack.stop()
    print(f"\nWeb CPU per paid order, {CLIENTS} clients, {SECONDS:g}s each, {WORKERS} workers x {THREADS} threads\n")
    print("| server | web CPU ms / paid order | paid orders/s | p99 ms | errors | load average |")
    print("| --- | --- | --- | --- | --- | --- |")
    for server, web_ms, rate, p99, errors, load in rows:
        print(f"| {server} | {web_ms:.1f} | {rate:.1f} | {p99:.0f} | {errors} | {load:.1f} |")


if __name__ == "__main__":
    main()
