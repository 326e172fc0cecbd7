"""Kassa and the sandbox provider over real HTTP in this process, with a merchant page on a second origin: the
stack of the SDK benches (``sdk_paid_latency.py``, ``sdk_press_to_payment.py``)."""

from __future__ import annotations

import functools
import logging
import tempfile
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable

from bench.bench_database import fresh_database, seed_bench_merchant
from bench.load_stack import UNLIMITED
from tests.conftest import ServerThread, free_port
from tests.support.processes import Service, http_answers, kassa_environment

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@dataclass
class SdkStack:
    kassa: str  # Kassa's base URL
    sandbox_port: int
    publishable_key: str
    shop_root: Path  # the merchant page's files
    servers: list = field(default_factory=list)
    shop: ThreadingHTTPServer | None = None
    stream: Service | None = None  # the stream process, which serves the order streams as in production

    def shop_page(self, name: str, html: str) -> str:
        """Write a page of the merchant's site and return its address."""
        (self.shop_root / name).write_text(html)
        return f"http://127.0.0.1:{self.shop.server_address[1]}/{name}"

    def sdk_page(self, name: str, script: str) -> str:
        """A page of the merchant's site that loads Kassa's SDK as ``kassa`` (the bench key) and runs ``script``."""
        return self.shop_page(
            name,
            f"""<!doctype html><meta charset="utf-8"><title>bench</title>
<script src="{self.kassa}/static/sdk/kassa.js"></script>
<script>
  const kassa = Kassa("{self.publishable_key}", {{ baseUrl: "{self.kassa}" }});
{script}
</script>""",
        )

    def stop(self) -> None:
        for server in self.servers:
            server.stop()
        self.shop.shutdown()
        if self.stream is not None:
            self.stream.stop()


def start_sdk_stack(database: str, redis: str, wrap: Callable | None = None, stream: bool = False) -> SdkStack:
    """A fresh database with a merchant selling ``sku_bench`` (5.00 USD), Kassa and the sandbox on loopback ports
    (``wrap`` wraps Kassa's WSGI app), and an HTTP server for the merchant's pages. With ``stream``, the Procfile's
    stream process serves the order streams (the web sends an EventSource there, as in production); without it the
    web answers a stream with the order as it is and the SDK reads again later."""
    from app import create_app
    from sandbox import create_sandbox_app

    logging.disable(logging.INFO)
    fresh_database(database)
    kassa_port, sandbox_port = free_port(), free_port()
    tmp = Path(tempfile.mkdtemp())
    stream_service = _start_stream_process(database, redis, tmp, kassa_port, sandbox_port) if stream else None
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": database,
            "REDIS_URL": redis,
            "RATELIMIT_STORAGE_URI": redis,
            "LOG_LEVEL": "WARNING",
            "PUBLIC_URL": f"http://127.0.0.1:{kassa_port}",
            "SANDBOX_URL": f"http://127.0.0.1:{sandbox_port}",
            "POLL_AFTER_SECONDS": 3600,
            "STREAM_PUBLIC_URL": stream_service[1] if stream_service else "",
            **UNLIMITED,  # a bench's page makes more orders a minute than a shopper's budget allows
        }
    )
    created = seed_bench_merchant(app)
    sandbox_app = create_sandbox_app(
        {
            "SANDBOX_DATABASE_URL": f"sqlite:///{tmp / 'sandbox.db'}",
            "SANDBOX_PUBLIC_URL": f"http://127.0.0.1:{sandbox_port}",
        }
    )
    if wrap is not None:
        app.wsgi_app = wrap(app.wsgi_app)
    stack = SdkStack(f"http://127.0.0.1:{kassa_port}", sandbox_port, created.publishable_key, tmp / "shop")
    stack.stream = stream_service[0] if stream_service else None
    stack.servers = [ServerThread(app, kassa_port), ServerThread(sandbox_app, sandbox_port)]
    for server in stack.servers:
        server.start()
    stack.shop_root.mkdir()
    stack.shop = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(stack.shop_root)))
    threading.Thread(target=stack.shop.serve_forever, daemon=True).start()
    return stack


def _start_stream_process(
    database: str, redis: str, tmp: Path, kassa_port: int, sandbox_port: int
) -> tuple[Service, str]:
    port = free_port()
    env = kassa_environment(
        database_url=database,
        redis_url=redis,
        var_dir=tmp / "var",
        kassa_port=kassa_port,
        sandbox_port=sandbox_port,
        STREAM_PORT=str(port),
    )
    url = f"http://127.0.0.1:{port}"
    logs = tmp / "stream-logs"
    logs.mkdir()
    return Service.from_procfile("stream", env, logs, ready=http_answers(f"{url}/healthz")).start(), url
