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

import functools
import io
import os
import re
import statistics
import sys
import tempfile
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_database import fresh_database  # noqa: E402
from tests.conftest import ServerThread, free_port  # noqa: E402

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


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


def main() -> None:
    import logging

    from flask_migrate import upgrade
    from playwright.sync_api import sync_playwright

    from app import create_app
    from app.catalog.models import Product, Sku
    from app.extensions import db
    from app.merchants.services import create_merchant
    from sandbox import create_sandbox_app

    logging.disable(logging.INFO)
    fresh_database(DATABASE)
    kassa_port, sandbox_port = free_port(), free_port()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": DATABASE,
            "REDIS_URL": REDIS,
            "RATELIMIT_STORAGE_URI": REDIS,
            "LOG_LEVEL": "WARNING",
            "PUBLIC_URL": f"http://127.0.0.1:{kassa_port}",
            "SANDBOX_URL": f"http://127.0.0.1:{sandbox_port}",
            "POLL_AFTER_SECONDS": 3600,
        }
    )
    with app.app_context():
        upgrade()
        created = create_merchant("Bench", "bench-sdk@kassa.test", "bench-pass-1")
        db.session.add(Product(id="prod_bench", merchant_id=created.merchant.id, name="Bench", description=""))
        db.session.add(
            Sku(
                id="sku_bench",
                merchant_id=created.merchant.id,
                product_id="prod_bench",
                name="one",
                price_amount=500,
                currency="usd",
                stock=None,
            )
        )
        db.session.commit()
    tmp = Path(tempfile.mkdtemp())
    sandbox_app = create_sandbox_app(
        {
            "SANDBOX_DATABASE_URL": f"sqlite:///{tmp / 'sandbox.db'}",
            "SANDBOX_PUBLIC_URL": f"http://127.0.0.1:{sandbox_port}",
        }
    )
    app.wsgi_app = stamp_callbacks(app.wsgi_app)
    servers = [ServerThread(app, kassa_port), ServerThread(sandbox_app, sandbox_port)]
    for server in servers:
        server.start()
    kassa = f"http://127.0.0.1:{kassa_port}"
    shop_root = tmp / "shop"
    shop_root.mkdir()
    (shop_root / "index.html").write_text(f"""<!doctype html><meta charset="utf-8"><title>bench</title>
<script src="{kassa}/static/sdk/kassa.js"></script>
<script>
  const kassa = Kassa("{created.publishable_key}", {{ baseUrl: "{kassa}" }});
  kassa.use({{ onStatusChange: (c) => {{ if (["paid","fulfilled","completed"].includes(c.status) && !window.paidAt)
    window.paidAt = performance.timeOrigin + performance.now(); }} }});
  window.start = () => {{
    window.paidAt = null; window.payment = null; window.outcome = null;
    kassa.createOrder({{ items: [{{ sku: "sku_bench", quantity: 1 }}], customer: {{ id: "bench" }},
                         agreementAccepted: true }})
      .then((o) => kassa.pay(o.id, "sandbox_qr", {{ qr: false }})
        .then((p) => {{ window.payment = p; return kassa.waitForPayment(o.id); }}))
      .then((o) => {{ window.outcome = o.status; }}, (e) => {{ window.outcome = "error " + e.type; }});
  }};
</script>""")
    shop = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(shop_root)))
    threading.Thread(target=shop.serve_forever, daemon=True).start()
    import requests

    results: dict[str, list[float]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for mode in ("sse", "polling"):
            page = browser.new_page()
            if mode == "polling":
                page.route(re.compile(r"/stream\?"), lambda route: route.abort())
            page.goto(f"http://127.0.0.1:{shop.server_address[1]}/index.html")
            samples = []
            for _ in range(RUNS):
                page.evaluate("start()")
                page.wait_for_function("window.payment")
                time.sleep(0.3)  # let the page settle on its stream or first poll
                reference = page.evaluate("window.payment.provider_reference")
                requests.post(
                    f"http://127.0.0.1:{sandbox_port}/sandbox/api/payments/{reference}/simulate",
                    json={"outcome": "succeeded", "callback": "normal"},
                    timeout=10,
                ).raise_for_status()
                page.wait_for_function("window.outcome", timeout=30_000)
                assert page.evaluate("window.outcome") == "paid", page.evaluate("window.outcome")
                samples.append((page.evaluate("window.paidAt") / 1000 - callback_arrivals[reference]) * 1000)
            results[mode] = samples
            page.close()
        browser.close()
    for server in servers:
        server.stop()
    shop.shutdown()
    print(f"database: {DATABASE.split('://')[0]}, {RUNS} runs per mode, sandbox callback → page's paid")
    for mode, samples in results.items():
        print(
            f"{mode:8} median {statistics.median(samples):7.1f} ms   worst {max(samples):7.1f} ms   "
            f"best {min(samples):6.1f} ms"
        )


if __name__ == "__main__":
    main()
