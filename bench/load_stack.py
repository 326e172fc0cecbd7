"""The processes the load benchmark measures, started from the Procfile on loopback ports: Kassa's web
(gunicorn.conf.py's shape), its RQ workers (payment and batch queues), cron, the stream process, the sandbox
provider, a private redis-server, and the baseline (the same gunicorn command serving bench/baseline_app.py).
One stack per database (PostgreSQL, SQLite).

Shoppers reach Kassa through a reverse proxy (Debian's nginx) that routes order status streams to the stream
process and everything else to the web, as docs/production.md lays out: wrk cannot follow the web route's 307 to
another port, and a proxy is what a production Kassa sits behind anyway. Its CPU is reported apart from Kassa's.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import requests

from bench.bench_database import fresh_database
from tests.conftest import free_port
from tests.support.processes import (
    RedisServer,
    Service,
    flask_command,
    http_answers,
    kassa_environment,
    procfile_commands,
)

# Budgets far above the load, so the benchmark measures the checkout and not the limits (they are still
# checked on every request, as in production).
# The stack's PostgreSQL databases are named PREFIX_load, PREFIX_baseline and PREFIX_sandbox (KASSA_BENCH_DB_PREFIX:
# another name keeps a run apart from someone else's on the same server).
PREFIX = os.environ.get("KASSA_BENCH_DB_PREFIX", "kassa_bench")

UNLIMITED = {
    f"RATE_LIMIT_{name}": "10000000 per minute"
    for name in ("SECRET_KEY", "ORDER_CREATE", "PAY", "CALLBACKS", "CHECKOUT")
}


def _cpu_seconds(roots: dict[int, str], database_prefix: str) -> dict[str, float]:
    """User + system CPU of every live process, summed per name: a service's process and all its descendants
    (a gunicorn master and its workers; a supervisor and the worker it restarts), and ``postgres`` for the
    server's backends connected to a database named ``database_prefix…``."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents, used, names = {}, {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rpartition(")")[2].split()
            pid = int(entry.name)  # after the command: state, ppid (1), …, utime (11), stime (12)
            parents[pid], used[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
            if database_prefix in (entry / "cmdline").read_bytes().decode(errors="replace"):
                names[pid] = "postgres"
        except OSError:
            continue  # exited meanwhile
    totals = dict.fromkeys([*roots.values(), "postgres"], 0)
    for pid, ticks_used in used.items():
        name, ancestor = names.get(pid), pid
        while name is None and ancestor > 1:
            name, ancestor = roots.get(ancestor), parents.get(ancestor, 0)
        if name is not None:
            totals[name] += ticks_used
    return {name: value / ticks for name, value in totals.items()}


def create_provider_tables(url: str) -> None:
    """The provider's tables, made once before its gunicorn workers start (each would race to create them)."""
    from sandbox.models import create_tables, make_engine

    engine = make_engine(url)
    create_tables(engine)
    engine.dispose()


@dataclass
class Shop:
    """The merchant the load runs as."""

    merchant_id: str
    secret_key: str
    publishable_key: str
    product: str
    sku: str


@dataclass
class LoadStack:
    """Kassa, its worker, the provider and the baseline for one database, with their CPU use on demand."""

    database: str  # "postgresql" or "sqlite"
    root: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="kassa-bench-load-")))
    services: dict[str, Service] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.database == "postgresql":
            base = os.environ.get("KASSA_BENCH_PG", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432")
            self.database_url = f"{base}/{PREFIX}_load"
            self.baseline_url = f"{base}/{PREFIX}_baseline"
            self.sandbox_database_url = f"{base}/{PREFIX}_sandbox"
        else:
            self.database_url = f"sqlite:///{self.root / 'kassa.db'}"
            self.baseline_url = f"sqlite:///{self.root / 'baseline.db'}"
            # The provider is another company's system: the same one for both runs, out of SQLite's way.
            self.sandbox_database_url = (
                os.environ.get("KASSA_BENCH_PG", "postgresql+psycopg://postgres:postgres@127.0.0.1:5432")
                + f"/{PREFIX}_sandbox"
            )
        self.kassa_port, self.sandbox_port, self.baseline_port = free_port(), free_port(), free_port()
        self.kassa_url = f"http://127.0.0.1:{self.kassa_port}"
        # Where order pages open their status streams: the stream process where the Procfile has one.
        self.stream_port = free_port() if "stream" in procfile_commands() else None
        self.stream_url = f"http://127.0.0.1:{self.stream_port}" if self.stream_port else self.kassa_url
        self.sandbox_url = f"http://127.0.0.1:{self.sandbox_port}"
        # What shoppers call: the proxy in front of the web and the stream process (the web itself without one).
        self.proxy_port = free_port() if self.stream_port else None
        self.shop_url = f"http://127.0.0.1:{self.proxy_port}" if self.proxy_port else self.kassa_url
        self.baseline_base = f"http://127.0.0.1:{self.baseline_port}"

    def environment(self, **extra: str) -> dict:
        """What every Kassa process of this stack gets (``make run``'s environment, pointed here)."""
        streams = (
            {
                "STREAM_PORT": str(self.stream_port),
                "STREAM_PUBLIC_URL": self.stream_url,
                # The crowd of shoppers all comes from loopback: one address, past the default cap of 50.
                "STREAM_CAP_PER_ADDRESS": "100000",
            }
            if self.stream_port
            else {}
        )
        return kassa_environment(
            database_url=self.database_url,
            redis_url=self.redis.url(),
            var_dir=self.root / "var",
            kassa_port=self.kassa_port,
            sandbox_port=self.sandbox_port,
            SANDBOX_DATABASE_URL=self.sandbox_database_url,
            **UNLIMITED,
            **streams,
            **extra,
        )

    def start(self) -> Shop:
        """A fresh database, migrated; every process started; a merchant with one product to sell."""
        for url in (self.database_url, self.baseline_url, self.sandbox_database_url):
            fresh_database(url)
        create_provider_tables(self.sandbox_database_url)
        self.redis = RedisServer(self.root / "redis", self.root).start()
        env = self.environment()
        flask_command(env, "db", "upgrade")
        keys = json.loads(
            flask_command(
                env,
                "kassa",
                "create-merchant",
                "--name",
                "Bench Games",
                "--email",
                "bench@kassa.test",
                "--password",
                "bench-pass-1234",
            )
        )
        self.services["sandbox"] = self._sandbox(auto_outcome="")
        self.services["web"] = Service.from_procfile(
            "web", env, self.root, ready=http_answers(f"{self.kassa_url}/healthz")
        )
        self.services["worker"] = Service.from_procfile(
            "worker", env, self.root, ready=lambda: bool(self.redis.client().smembers("rq:workers"))
        )
        self.services["batch"] = Service.from_procfile(
            "batch", env, self.root, ready=lambda: len(self.redis.client().smembers("rq:workers")) >= 2
        )
        self.services["cron"] = Service.from_procfile("cron", env, self.root)
        if self.stream_port:
            self.services["stream"] = Service.from_procfile(
                "stream", env, self.root, ready=http_answers(f"{self.stream_url}/healthz")
            )
            self.services["proxy"] = self._proxy()
        for name in self.services:
            self.services[name].start(timeout=60)
        self.services["baseline"] = self._baseline()
        return self._stock_shop(keys)

    def _proxy(self) -> Service:
        """nginx routing ``/api/v1/orders/{id}/stream`` to the stream process and the rest to the web, with kept-alive
        upstream connections (one worker process: the load is a few dozen connections). nginx drops an idle one
        after 4 s, before gunicorn and uvicorn do (5 s): else a POST sent on one the server was closing that moment
        is answered 502, and nginx does not retry a POST."""
        temp = self.root / "nginx"
        temp.mkdir(exist_ok=True)
        upstream = """proxy_http_version 1.1; proxy_set_header Connection ""; proxy_set_header Host $host;"""
        config = temp / "nginx.conf"
        config.write_text(
            f"""
user root;
worker_processes 1;
daemon off;
pid {temp}/nginx.pid;
error_log {temp}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    upstream web {{ server 127.0.0.1:{self.kassa_port}; keepalive 64; keepalive_timeout 4s; }}
    upstream stream {{ server 127.0.0.1:{self.stream_port}; keepalive 64; keepalive_timeout 4s; }}
    server {{
        listen 127.0.0.1:{self.proxy_port} backlog=4096;
        location ~ ^/api/v1/orders/[^/]+/stream$ {{
            proxy_pass http://stream; {upstream} proxy_buffering off; proxy_read_timeout 120s;
        }}
        location / {{ proxy_pass http://web; {upstream} }}
    }}
}}
"""
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        return Service(
            "proxy",
            [nginx, "-c", str(config), "-p", str(temp)],
            {},
            self.root,
            ready=http_answers(f"{self.shop_url}/healthz"),
        )

    def _sandbox(self, *, auto_outcome: str) -> Service:
        env = self.environment(SANDBOX_AUTO_OUTCOME=auto_outcome)
        return Service.from_procfile("sandbox", env, self.root, ready=http_answers(f"{self.sandbox_url}/"))

    def _baseline(self) -> Service:
        from bench.baseline_app import create_baseline_table

        env = self.environment(
            KASSA_VAR_DIR=str(self.root / "baseline-var"),
            DATABASE_URL=self.baseline_url,
            KASSA_PORT=str(self.baseline_port),
        )
        (self.root / "baseline-var").mkdir(exist_ok=True)
        create_baseline_table(self.baseline_url)
        command = procfile_commands()["web"].replace(
            "wsgi:app", shlex.quote("bench.baseline_app:create_baseline_app()")
        )
        return Service(
            "baseline", ["bash", "-c", "exec " + command], env, self.root, ready=http_answers(f"{self.baseline_base}/")
        )

    def _stock_shop(self, keys: dict) -> Shop:
        headers = {"Authorization": f"Bearer {keys['secret_key']}"}
        created = requests.post(
            f"{self.kassa_url}/api/v1/products",
            headers=headers,
            timeout=30,
            json={
                "name": "Pro membership",
                "description": "Every level unlocked.",
                "skus": [
                    {
                        "name": "30 days",
                        "price": {"amount": 999, "currency": "usd"},
                        "fulfilment": {"membership_days": 30},
                    }
                ],
            },
        )
        assert created.status_code == 201, created.text
        product = created.json()
        return Shop(
            keys["merchant_id"], keys["secret_key"], keys["publishable_key"], product["id"], product["skus"][0]["id"]
        )

    def provider_decides_itself(self, auto: bool) -> None:
        """Restart the provider so it approves every new payment at once (or lets the caller decide)."""
        self.services["sandbox"].stop()
        self.services["sandbox"] = self._sandbox(auto_outcome="succeeded" if auto else "")
        self.services["sandbox"].start(timeout=60)

    def cpu_seconds(self) -> dict[str, float]:
        """CPU used so far by each running service (all its processes)."""
        running = {service.process.pid: name for name, service in self.services.items() if service.running}
        return _cpu_seconds(running, f"postgres {PREFIX}_")

    def stop(self) -> None:
        for service in self.services.values():
            service.resume()
            service.stop()
        if hasattr(self, "redis"):
            self.redis.stop()
        shutil.rmtree(self.root, ignore_errors=True)
