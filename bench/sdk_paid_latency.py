"""From the sandbox's callback reaching Kassa to the merchant page learning that the order is paid.

Runs Kassa and the sandbox provider over real HTTP, a merchant page on a second origin, and
Debian's Chromium. Each run: the page creates an order and pays it with ``sandbox_qr`` through the
SDK (``createOrder`` → ``pay`` → ``waitForPayment``), the bench approves it at the sandbox, and
measures from the moment the callback request arrives at ``/hooks/channels/…`` (a WSGI wrapper
stamps it) to the page's ``paid`` (the SDK's ``onStatusChange`` to a paid status; the promise
resolves one GET later). Two modes: the SSE stream (default) and polling (stream blocked).

    .venv/bin/python bench/sdk_paid_latency.py          # KASSA_BENCH_RUNS=20
"""

from __future__ import annotations

import io
import os
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.sdk_stack import CHROMIUM_ARGS, start_sdk_stack  # noqa: E402

DATABASE = os.environ.get("KASSA_BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/kassa_bench")
REDIS = os.environ.get("KASSA_BENCH_REDIS_URL", "redis://127.0.0.1:6379/12")
RUNS = int(os.environ.get("KASSA_BENCH_RUNS", "20"))

callback_arrivals: dict[str, float] = {}  # provider reference → epoch seconds


def stamp_callbacks(wsgi_app):
    """Record when each provider callback reaches Kassa, before Kassa does anything with it."""

    def wrapper(environ, start_response):
        if environ["PATH_INFO"].startswith("/hooks/channels/"):
            arrived = time.time()
            body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
            for reference in re.findall(rb'"(sbp_[0-9a-z]+)"', body):
                callback_arrivals.setdefault(reference.decode(), arrived)
            environ["wsgi.input"] = io.BytesIO(body)
        return wsgi_app(environ, start_response)

    return wrapper


def main() -> None:
    from playwright.sync_api import sync_playwright

    stack = start_sdk_stack(DATABASE, REDIS, wrap=stamp_callbacks, stream=True)
    url = stack.sdk_page(
        "index.html",
        """kassa.use({ onStatusChange: (c) => {
  if (["paid", "fulfilled", "completed"].includes(c.status) && !window.paidAt)
    window.paidAt = performance.timeOrigin + performance.now(); } });
window.start = () => {
  window.paidAt = null; window.payment = null; window.outcome = null;
  kassa.createOrder({ items: [{ sku: "sku_bench", quantity: 1 }], customer: { id: "bench" }, agreementAccepted: true })
    .then((o) => kassa.pay(o.id, "sandbox_qr", { qr: false })
      .then((p) => { window.payment = p; return kassa.waitForPayment(o.id); }))
    .then((o) => { window.outcome = o.status; }, (e) => { window.outcome = "error " + e.type; });
};""",
    )
    import requests

    results: dict[str, list[float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for mode in ("sse", "polling"):
            page = browser.new_page()
            if mode == "polling":
                page.route(re.compile(r"/stream\?"), lambda route: route.abort())
            page.goto(url)
            samples = []
            for _ in range(RUNS):
                page.evaluate("start()")
                page.wait_for_function("window.payment")
                time.sleep(0.3)  # let the page settle on its stream or first poll
                reference = page.evaluate("window.payment.provider_reference")
                requests.post(
                    f"http://127.0.0.1:{stack.sandbox_port}/sandbox/api/payments/{reference}/simulate",
                    json={"outcome": "succeeded", "callback": "normal"},
                    timeout=10,
                ).raise_for_status()
                page.wait_for_function("window.outcome", timeout=30_000)
                assert page.evaluate("window.outcome") == "paid", page.evaluate("window.outcome")
                samples.append((page.evaluate("window.paidAt") / 1000 - callback_arrivals[reference]) * 1000)
            results[mode] = samples
            page.close()
        browser.close()
    stack.stop()
    print(f"database: {DATABASE.split('://')[0]}, {RUNS} runs per mode, sandbox callback → page's paid")
    for mode, samples in results.items():
        print(
            f"{mode:8} median {statistics.median(samples):7.1f} ms   worst {max(samples):7.1f} ms   "
            f"best {min(samples):6.1f} ms"
        )


if __name__ == "__main__":
    main()
