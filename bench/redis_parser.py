"""What the Redis client costs a paid order's web requests, with redis-py's answer parser in Python against
hiredis's in C (a pinned dependency since 2026-11-29: redis-py uses it whenever it is installed).

    .venv/bin/python bench/redis_parser.py      # a private redis-server unless KASSA_BENCH_REDIS_URL names one

A paid order's web requests make these round trips (bench/checkout_cpu.py's "Redis" column): a rate-limit check
on each of create, pay and callback (app/web/moving_window.py's script), the order lock taken and released by pay
and by the callback (app/platform/locks.py), and the commit signal of both (app/platform/outbox/commit_signals.py:
a pipeline of the dispatch request and the order's ping). The bench makes that set of calls N times
(``KASSA_BENCH_N``, 2,000) on each parser, taking turns for ``KASSA_BENCH_ROUNDS`` (4) rounds, and prints this
process's CPU per set and per round trip: the client's own work, which the web pays on every request.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from limits import parse  # noqa: E402
from redis import ConnectionPool, Redis  # noqa: E402
from redis._parsers import _HiredisParser, _RESP2Parser  # noqa: E402

from app.platform.outbox.commit_signals import order_channel  # noqa: E402
from app.web.moving_window import MovingWindow  # noqa: E402
from tests.support.processes import RedisServer  # noqa: E402

N = int(os.environ.get("KASSA_BENCH_N", "2000"))
ROUNDS = int(os.environ.get("KASSA_BENCH_ROUNDS", "4"))
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "")
PARSERS = {"Python (redis-py's own)": _RESP2Parser, "hiredis (C)": _HiredisParser}
ROUND_TRIPS = 3 + 2 * 2 + 2  # three rate limits, two locks taken and released, two commit signals


def paid_orders_calls(redis: Redis, window: MovingWindow, count: int) -> float:
    """CPU seconds of ``count`` paid orders' worth of the web's Redis round trips."""
    limit = parse("6000 per minute")
    start = time.process_time()
    for number in range(count):
        for step in ("create", "pay", "callback"):
            window.hit(limit, "kassa", "secret_key", step)
        for _ in ("pay", "callback"):
            # app/platform/locks.py's held_lock and commit_signals.py's _send, on this parser's client (theirs take
            # the app's client, whose parser is whichever is installed)
            lock = redis.lock(f"kassa:lock:order:ord_bench{number}", timeout=15, blocking_timeout=10)
            lock.acquire(blocking=False)
            lock.release()
            pipe = redis.pipeline(transaction=False)
            pipe.set("kassa:dispatch:requested:kassa", "1", nx=True, ex=60)  # queueing.ask_for_dispatch's
            pipe.publish(order_channel(f"ord_bench{number}"), "changed")
            pipe.execute()
    return time.process_time() - start


def main() -> None:
    root = Path(tempfile.mkdtemp(prefix="kassa-bench-redis-"))
    server = None if REDIS else RedisServer(root / "redis", root).start()
    url = REDIS or server.url()
    try:
        clients = {}
        for name, parser in PARSERS.items():
            redis = Redis(connection_pool=ConnectionPool.from_url(url, parser_class=parser))
            redis.flushdb()
            clients[name] = (redis, MovingWindow(redis))
            paid_orders_calls(*clients[name], 200)  # warm: connection made, script loaded
        spent: dict[str, list[float]] = {name: [] for name in PARSERS}
        for _ in range(ROUNDS):
            for name, (redis, window) in clients.items():
                spent[name].append(paid_orders_calls(redis, window, N) / N)
        print(f"\nThe web's Redis round trips of one paid order ({ROUND_TRIPS}), N={N} x {ROUNDS} rounds, in turns\n")
        print("| parser | CPU µs per paid order (median of rounds) | per round trip |")
        print("| --- | --- | --- |")
        medians = {name: statistics.median(values) * 1e6 for name, values in spent.items()}
        for name, median in medians.items():
            print(f"| {name} | {median:.0f} | {median / ROUND_TRIPS:.1f} |")
        python, hiredis = medians.values()
        print(f"\nhiredis ÷ Python: {hiredis / python:.2f}")
    finally:
        if server is not None:
            server.stop()


if __name__ == "__main__":
    main()
