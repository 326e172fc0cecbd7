"""The checkout under load, measured from outside (issue 12's table), on PostgreSQL and on the SQLite default.

    make bench-load                      # or: .venv/bin/python bench/checkout_load.py

For each database it starts its own stack on loopback ports (bench/load_stack.py: the Procfile's web with
gunicorn.conf.py, the worker, the sandbox provider, a private redis-server, and the baseline: the same
gunicorn command serving one Flask route that does one INSERT + commit), then measures with wrk
(bench/wrk/*.lua; its own CPU is reported):

1. round trips per step of a paid order, counted in-process on the same code and database;
2. the hosted panel's push: callback sent → the order's stream says paid (one order at a time);
3. ``POST /api/v1/orders`` against the baseline, ``wrk -t2 -c16 -d10s``, three rounds alternating;
4. complete paid orders (create, pay, the provider approves and calls back, wait on the order's stream until
   it says paid, as the SDK's waitForPayment does): one client for 10 s, then 16 clients for 10 s not counted
   (the warm-up), then 16 clients for 30 s (a wrk thread each); KASSA_BENCH_READ_AFTER_PAID=1 also reads the paid order
   with a GET, as the runs before 2026-11-25 did;
5. the 16 clients again while 1,000 shoppers hold their order's status stream open, and once more after they
   closed: the crowd's cost is measured against the mean of the runs before and after it, so a machine whose speed
   drifts during the run (a shared one's does, by 10–30 % within minutes) does not pass its drift off as the
   crowd's;
6. complete paid orders again, one client and then 16, each order made and its payment started by one
   ``POST /orders`` with ``pay`` (no separate pay call).

Durations and sizes: KASSA_BENCH_ROUNDS (3), KASSA_BENCH_SECONDS (10), KASSA_BENCH_LOAD_SECONDS (30),
KASSA_BENCH_CLIENTS (16), KASSA_BENCH_STREAMS (1000), KASSA_BENCH_DATABASES ("postgresql,sqlite");
KASSA_BENCH_DB_PREFIX ("kassa_bench") names the PostgreSQL databases.
"""

from __future__ import annotations

import math
import os
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.load_probes import StreamCrowd, push_latency, round_trips, waiting_orders  # noqa: E402
from bench.load_stack import LoadStack  # noqa: E402
from bench.load_wrk import WrkRun, ensure_wrk, percentile, run_wrk  # noqa: E402

ROUNDS = int(os.environ.get("KASSA_BENCH_ROUNDS", "3"))
SECONDS = float(os.environ.get("KASSA_BENCH_SECONDS", "10"))
LOAD_SECONDS = float(os.environ.get("KASSA_BENCH_LOAD_SECONDS", "30"))
CLIENTS = int(os.environ.get("KASSA_BENCH_CLIENTS", "16"))
STREAMS = int(os.environ.get("KASSA_BENCH_STREAMS", "1000"))
DATABASES = os.environ.get("KASSA_BENCH_DATABASES", "postgresql,sqlite").split(",")
# The SDK's shape (waitForPayment resolves with the stream's paid snapshot); "1" adds a GET of the paid order.
READ_AFTER_PAID = os.environ.get("KASSA_BENCH_READ_AFTER_PAID", "0") == "1"
# HTTP requests a Flask app under gunicorn serves for one paid order: create, pay, the order's stream and the
# provider's callback on Kassa's web (and the read, with READ_AFTER_PAID), and the payment's create on the
# provider. Were each as cheap as the baseline's one INSERT, the machine could finish no more paid orders than the
# baseline's rate ÷ this.
REQUESTS_PER_PAID_ORDER = 6 if READ_AFTER_PAID else 5


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def paid_orders(
    stack: LoadStack, shop, clients: int, seconds: float, *, one_call: bool = False
) -> tuple[WrkRun, dict[str, float]]:
    """Complete paid orders by ``clients`` shoppers; also the CPU each service used meanwhile. ``one_call``: each
    order made and its payment started by one ``POST /orders`` with ``pay``."""
    before = stack.cpu_seconds()
    run = run_wrk(
        "paid_order.lua",
        stack.shop_url,
        threads=clients,
        connections=clients,
        seconds=seconds,
        env={
            "KASSA_BENCH_KEY": shop.secret_key,
            "KASSA_BENCH_SKU": shop.sku,
            "KASSA_BENCH_ONE_CALL": "1" if one_call else "0",
        },
    )
    after = stack.cpu_seconds()
    return run, {name: 100 * (after[name] - before.get(name, 0)) / run.seconds for name in after}


def create_throughput(stack: LoadStack, shop) -> list[tuple[WrkRun, WrkRun]]:
    """(baseline, Kassa) ``POST …/orders`` runs, alternating, ROUNDS times; the baseline only runs in its turn."""
    rounds = []
    for number in range(ROUNDS):
        stack.services["baseline"].start(timeout=60)
        baseline = run_wrk("baseline.lua", f"{stack.baseline_base}/orders", threads=2, connections=16, seconds=SECONDS)
        stack.services["baseline"].stop()
        kassa = run_wrk(
            "create_order.lua",
            stack.kassa_url,
            threads=2,
            connections=16,
            seconds=SECONDS,
            env={"KASSA_BENCH_KEY": shop.secret_key, "KASSA_BENCH_SKU": shop.sku},
        )
        say(
            f"round {number + 1}: baseline {baseline.per_second:.0f} req/s, Kassa {kassa.per_second:.0f} req/s "
            f"({kassa.errors} errors)"
        )
        rounds.append((baseline, kassa))
    return rounds


def measure(database: str) -> dict:
    """Every figure of the table for one database."""
    stack = LoadStack(database)
    try:
        say(f"{database}: starting web, workers, cron, stream, proxy, sandbox and Redis")
        shop = stack.start()
        say("counting round trips per step (in-process)")
        trips = round_trips(stack, shop)
        say("push latency: callback → the order's stream")
        push = push_latency(stack, shop)
        say(f"POST /orders vs the baseline, {ROUNDS} rounds of {SECONDS:g}s")
        rounds = create_throughput(stack, shop)
        stack.provider_decides_itself(True)
        say(f"complete paid orders: one client, {SECONDS:g}s")
        one, _ = paid_orders(stack, shop, 1, SECONDS)
        # A server that has run a while: every pooled connection has prepared its statements (psycopg does so at a
        # statement's fifth run on that connection) and every thread has served. Not counted.
        say(f"warm-up: {CLIENTS} clients, {SECONDS:g}s")
        paid_orders(stack, shop, CLIENTS, SECONDS)
        say(f"complete paid orders: {CLIENTS} clients, {LOAD_SECONDS:g}s")
        many, cpu = paid_orders(stack, shop, CLIENTS, LOAD_SECONDS)
        say(f"{many.count('order_ms') / many.seconds:.1f} paid orders/s; now {STREAMS} open streams and again")
        crowd = StreamCrowd(stack.stream_url, waiting_orders(stack, shop, STREAMS)).open()
        waited = time.monotonic()
        while len(crowd.answered) < STREAMS and time.monotonic() - waited < 60:
            time.sleep(0.5)  # every shopper has seen the order's first status (or a minute passed)
        say(f"{len(crowd.answered)} of {STREAMS} streams answered after {time.monotonic() - waited:.0f}s")
        crowded, crowded_cpu = paid_orders(stack, shop, CLIENTS, LOAD_SECONDS)
        streams = {"open": crowd.open_now(), "answered": len(crowd.answered), "reconnects": crowd.reconnects}
        crowd.close()
        say(f"{crowded.count('order_ms') / crowded.seconds:.1f} paid orders/s; streams closed, and once more")
        after, _ = paid_orders(stack, shop, CLIENTS, LOAD_SECONDS)
        say(f"{after.count('order_ms') / after.seconds:.1f} paid orders/s; now made and paid in one call")
        one_call_one, _ = paid_orders(stack, shop, 1, SECONDS, one_call=True)
        one_call_many, one_call_cpu = paid_orders(stack, shop, CLIENTS, LOAD_SECONDS, one_call=True)
        return {
            "one_call_one": one_call_one,
            "one_call_many": one_call_many,
            "one_call_cpu": one_call_cpu,
            "trips": trips,
            "push": push,
            "rounds": rounds,
            "one": one,
            "many": many,
            "cpu": cpu,
            "crowded": crowded,
            "crowded_cpu": crowded_cpu,
            "streams": streams,
            "after": after,
        }
    except BaseException:
        for service in stack.services.values():
            say(f"--- {service.name} log\n{service.log_tail(60)}")
        raise
    finally:
        stack.stop()


def _range(values: list[float], fmt: str = "{:.0f}") -> str:
    low, high = min(values), max(values)
    return fmt.format(low) if fmt.format(low) == fmt.format(high) else f"{fmt.format(low)}–{fmt.format(high)}"


def _flow(run: WrkRun) -> str:
    done = run.count("order_ms")
    why = "; ".join(f"{reason} ×{count}" for reason, count in sorted(run.failures.items()))
    return (
        f"{done / run.seconds:.1f}/s, p50 {run.percentile('order_ms', 50):.0f} ms, "
        f"p99 {run.percentile('order_ms', 99):.0f} ms, {run.errors} errors" + (f" ({why})" if why else "")
    )


def _cpu_per_order(cpu: dict[str, float], run: WrkRun) -> str:
    """CPU ms per paid order of Kassa's processes, of PostgreSQL (Kassa's database and the sandbox's) and of the
    sandbox provider (a real provider's is not on this machine). 16 clients at 100/s on 2 cores leave 20 ms in all."""
    per_second = run.count("order_ms") / run.seconds
    if not per_second:
        return "no paid orders"
    ms = {name: 10 * percent / per_second for name, percent in cpu.items()}  # % of a core → ms per order
    kassa = {name: v for name, v in ms.items() if name not in ("sandbox", "postgres", "proxy")}
    return (
        f"Kassa {sum(kassa.values()):.1f} ms ("
        + ", ".join(f"{k} {v:.1f}" for k, v in kassa.items())
        + f"), PostgreSQL {ms.get('postgres', 0):.1f} ms, sandbox provider {ms.get('sandbox', 0):.1f} ms"
        + (f", proxy (nginx) {ms['proxy']:.1f} ms" if "proxy" in ms else "")
    )


def rows(result: dict) -> list[tuple[str, str]]:
    """The table's figures for one database, as (figure, value) pairs."""
    rounds, trips, one, many, crowded, after = (
        result[k] for k in ("rounds", "trips", "one", "many", "crowded", "after")
    )
    ratio = [kassa.per_second / base.per_second for base, kassa in rounds]
    create = trips["create"]
    wrk_cpu = [run.cpu_percent for pair in rounds for run in pair] + [
        run.cpu_percent for run in (one, many, crowded, after)
    ]
    without = (many.count("order_ms") / many.seconds + after.count("order_ms") / after.seconds) / 2
    throughput_change = (crowded.count("order_ms") / crowded.seconds) / max(without, 1e-9) - 1
    push_p50, push_p99 = percentile(result["push"], 50), percentile(result["push"], 99)
    return [
        (
            "POST /orders ÷ 1-INSERT route",
            f"{_range(ratio, '{:.2f}')} ({_range([k.per_second for _, k in rounds])} vs "
            f"{_range([b.per_second for b, _ in rounds])} req/s, "
            f"{sum(k.errors for _, k in rounds)} errors)",
        ),
        (
            "SQL per POST /orders",
            f"{create.get('statements', 0):.1f} statements, {create.get('commits', 0):.0f} commits "
            f"({sum(create.get(k, 0) for k in ('begins', 'statements', 'commits', 'rollbacks', 'pings')):.0f} "
            f"database round trips, {create.get('redis', 0):.0f} Redis)",
        ),
        *[
            (
                f"SQL per {step}",
                f"{trips[step].get('statements', 0):.1f} statements, {trips[step].get('commits', 0):.0f} "
                f"commits, {trips[step].get('redis', 0):.0f} Redis",
            )
            for step in ("pay", "callback", "read")
        ],
        (
            "1 client, paid order (median)",
            f"{one.percentile('order_ms', 50):.0f} ms (create "
            f"{one.percentile('create_ms', 50):.0f}, pay {one.percentile('pay_ms', 50):.0f}, "
            f"{'until read paid' if READ_AFTER_PAID else 'until the stream says paid'} "
            f"{one.percentile('read_ms', 50):.0f}), {one.errors} errors",
        ),
        (f"{CLIENTS} clients, paid orders", _flow(many)),
        (
            "  ceiling: 1-INSERT route ÷ requests per paid order",
            f"{max(b.per_second for b, _ in rounds) / REQUESTS_PER_PAID_ORDER:.0f}/s (the baseline's best "
            f"{max(b.per_second for b, _ in rounds):.0f} req/s ÷ {REQUESTS_PER_PAID_ORDER})",
        ),
        ("  CPU meanwhile (% of one core)", ", ".join(f"{k} {v:.0f}" for k, v in result["cpu"].items())),
        ("  CPU per paid order", _cpu_per_order(result["cpu"], many)),
        ("push after callback", f"p50 {push_p50:.0f} ms, p99 {push_p99:.0f} ms ({len(result['push'])} orders)"),
        (
            f"{CLIENTS} clients + {STREAMS} open streams",
            f"{_flow(crowded)}; throughput {throughput_change:+.0%} against the mean of the runs before and after",
        ),
        (
            "  streams",
            f"{result['streams']['open']} open, {result['streams']['answered']} answered, "
            f"{result['streams']['reconnects']} ended and reopened",
        ),
        ("  CPU meanwhile (% of one core)", ", ".join(f"{k} {v:.0f}" for k, v in result["crowded_cpu"].items())),
        (f"{CLIENTS} clients again, streams closed", _flow(after)),
        (
            "1 client, made and paid in one call (median)",
            f"{result['one_call_one'].percentile('order_ms', 50):.0f} ms (create with pay "
            f"{result['one_call_one'].percentile('create_ms', 50):.0f}, until the stream says paid "
            f"{result['one_call_one'].percentile('read_ms', 50):.0f}), {result['one_call_one'].errors} errors",
        ),
        (f"{CLIENTS} clients, made and paid in one call", _flow(result["one_call_many"])),
        ("  CPU per paid order", _cpu_per_order(result["one_call_cpu"], result["one_call_many"])),
        ("wrk's own CPU (% of one core)", f"{min(wrk_cpu):.0f}–{max(wrk_cpu):.0f}"),
    ]


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still stops its servers
    ensure_wrk()
    results = {database: measure(database) for database in DATABASES}
    print(
        f"\nKassa checkout under load — {os.cpu_count()} cores, gunicorn.conf.py's shape, wrk (Lua), "
        f"{ROUNDS} rounds of {SECONDS:g}s for POST /orders, {LOAD_SECONDS:g}s at {CLIENTS} clients\n"
    )
    for database, result in results.items():
        print(f"## {database}\n")
        print("| figure | measured |\n| --- | --- |")
        for figure, value in rows(result):
            print(f"| {figure} | {value} |")
        print()
    if any(math.isnan(r["one"].percentile("order_ms", 50)) for r in results.values()):
        sys.exit("no paid order completed; see the errors above")


if __name__ == "__main__":
    main()
