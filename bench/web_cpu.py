"""The web process's CPU per complete paid order under gunicorn, for several thread counts (gunicorn.conf.py's
WEB_THREADS): what a paid order costs the web when its requests overlap, GIL hand-offs and all.

    .venv/bin/python bench/web_cpu.py          # PostgreSQL; KASSA_BENCH_DB_PREFIX names the databases

The stack is checkout_load.py's (bench/load_stack.py, the provider approving by itself); for each thread count
the web restarts with it and wrk's paid_order.lua runs KASSA_BENCH_CLIENTS (16) shoppers for
KASSA_BENCH_LOAD_SECONDS (20). CPU seconds come from /proc (the web's whole process tree), so the figure means
something on a busy machine where orders/s does not; orders/s and p99 are printed too, with the load average.
KASSA_BENCH_THREADS ("16,8,4") lists the thread counts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.checkout_load import paid_orders, say  # noqa: E402
from bench.load_stack import LoadStack  # noqa: E402
from bench.load_wrk import ensure_wrk  # noqa: E402
from tests.support.processes import Service, http_answers  # noqa: E402

THREADS = [int(t) for t in os.environ.get("KASSA_BENCH_THREADS", "16,8,4").split(",")]
CLIENTS = int(os.environ.get("KASSA_BENCH_CLIENTS", "16"))
SECONDS = float(os.environ.get("KASSA_BENCH_LOAD_SECONDS", "20"))


def main() -> None:
    ensure_wrk()
    stack = LoadStack("postgresql")
    rows = []
    try:
        shop = stack.start()
        stack.provider_decides_itself(True)
        for threads in THREADS:
            stack.services["web"].stop()
            env = {**stack.environment(), "WEB_THREADS": str(threads)}
            stack.services["web"] = Service.from_procfile(
                "web", env, stack.root, ready=http_answers(f"{stack.kassa_url}/healthz")
            )
            stack.services["web"].start(timeout=60)
            paid_orders(stack, shop, 1, 3)  # warm-up: imports, pools, templates
            run, cpu = paid_orders(stack, shop, CLIENTS, SECONDS)
            done = run.count("order_ms")
            web_ms = cpu["web"] / 100 * run.seconds / max(done, 1) * 1000
            rows.append(
                (threads, web_ms, done / run.seconds, run.percentile("order_ms", 99), run.errors, os.getloadavg()[0])
            )
            say(f"{threads} threads: {web_ms:.1f} ms web CPU per paid order, {done / run.seconds:.1f}/s")
    finally:
        stack.stop()
    print(f"\nWeb CPU per paid order, {CLIENTS} clients, {SECONDS:g}s each, gunicorn.conf.py's workers\n")
    print("| threads per worker | web CPU ms / paid order | paid orders/s | p99 ms | errors | load average |")
    print("| --- | --- | --- | --- | --- | --- |")
    for threads, web_ms, rate, p99, errors, load in rows:
        print(f"| {threads} | {web_ms:.1f} | {rate:.1f} | {p99:.0f} | {errors} | {load:.1f} |")


if __name__ == "__main__":
    main()
