"""More than one host: two "machines" (network namespaces made here, each joined to this one by a veth pair on
a private /30 that exists only on this machine), each running Kassa's web and a worker from the Procfile, both
sharing one PostgreSQL cluster and one Redis that listen on the host's ends of the pairs. Shoppers spread their
checkouts over both webs (a retry may land on the other), the provider calls back the web that started the
payment, and every decided payment's callback is then delivered once more to *both* hosts at the same moment,
as a provider retry landing on another machine. Then: the same invariants as the chaos run, nothing applied
twice, no job's effect twice (one grant per item, one fulfilment per order). Root only (``ip netns``);
namespaces and links are removed afterwards, also on failure.

    .venv/bin/python bench/multi_host.py          # KASSA_MULTI_CHECKOUTS=2000
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import requests  # noqa: E402

from bench.chaos_checkout import RunStack, Shoppers, prepare, provider_database, tally  # noqa: E402
from bench.chaos_run import RUN_ENV, report, say  # noqa: E402
from bench.pg_cluster import PostgresCluster  # noqa: E402
from tests.conftest import free_port  # noqa: E402
from tests.faults.conftest import settle  # noqa: E402
from tests.support.processes import RedisServer, Service, http_answers, kassa_environment, procfile_commands  # noqa: E402
from tests.support.provider_api import SandboxApi, signed_callback  # noqa: E402

SUBNET = os.environ.get("KASSA_MULTI_SUBNET", "10.231")  # host i: SUBNET.<200+i>.1 (this side) / .2 (its side)


def _ip(*args: str) -> None:
    subprocess.run(["ip", *args], check=True, capture_output=True, timeout=30)


class Host:
    """A network namespace joined to this machine by a veth pair: ``outside`` is our end, ``inside`` its own."""

    def __init__(self, number: int) -> None:
        tag = f"{os.getpid() % 10000}{number}"
        self.namespace, self.link = f"kassa-h{tag}", f"kh{tag}"
        self.outside, self.inside = f"{SUBNET}.{200 + number}.1", f"{SUBNET}.{200 + number}.2"

    def create(self) -> "Host":
        _ip("netns", "add", self.namespace)
        _ip("link", "add", self.link, "type", "veth", "peer", "name", f"{self.link}n")
        _ip("link", "set", f"{self.link}n", "netns", self.namespace)
        _ip("addr", "add", f"{self.outside}/30", "dev", self.link)
        _ip("link", "set", self.link, "up")
        for args in (
            ("addr", "add", f"{self.inside}/30", "dev", f"{self.link}n"),
            ("link", "set", f"{self.link}n", "up"),
            ("link", "set", "lo", "up"),
        ):
            _ip("netns", "exec", self.namespace, "ip", *args)
        return self

    def service(self, name: str, process: str, env: dict, log_dir: Path, **kw) -> Service:
        """The Procfile's ``process`` line run inside this host, bound to its own address."""
        command = procfile_commands()[process].replace("127.0.0.1:$KASSA_PORT", f"{self.inside}:$KASSA_PORT")
        return Service(
            name, ["ip", "netns", "exec", self.namespace, "bash", "-c", "exec " + command], env, log_dir, **kw
        )

    def remove(self) -> None:
        subprocess.run(["ip", "link", "del", self.link], capture_output=True, timeout=30)
        subprocess.run(["ip", "netns", "del", self.namespace], capture_output=True, timeout=30)


class TwoHosts(RunStack):
    """Two hosts with a web and a worker each; PostgreSQL, Redis, the provider and the cron on this machine."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="kassa-multi-"))
        self.hosts = [Host(1), Host(2)]
        self.services: dict[str, Service] = {}
        self.cluster = self.redis = None

    def start(self) -> "TwoHosts":
        for host in self.hosts:
            host.create()
        outsides = tuple(h.outside for h in self.hosts)
        self.cluster = PostgresCluster(listen=outsides, clients=tuple(f"{h.inside}/32" for h in self.hosts)).start()
        database = self.cluster.create_database("kassa_multi")
        self.redis = RedisServer(self.root / "redis", self.root, bind=outsides).start()
        self.kassa_port, sandbox_port = free_port(), free_port()
        self.sandbox_url = f"http://127.0.0.1:{sandbox_port}"
        base = kassa_environment(
            database_url=self.cluster.url("kassa_multi"),
            redis_url=self.redis.url(),
            var_dir=self.root / "var",
            kassa_port=self.kassa_port,
            sandbox_port=sandbox_port,
            SANDBOX_DATABASE_URL=provider_database(self.cluster),
            **RUN_ENV,
        )
        self.app, self.keys = prepare(database, self.redis.url())
        binds = " ".join(f"--bind {a}:$SANDBOX_PORT" for a in ("127.0.0.1", *outsides))
        sandbox = procfile_commands()["sandbox"].replace("--bind 127.0.0.1:$SANDBOX_PORT", binds)
        self.services["sandbox"] = Service(
            "sandbox", ["bash", "-c", "exec " + sandbox], base, self.root, ready=http_answers(f"{self.sandbox_url}/")
        )
        self.services["cron"] = Service.from_procfile("cron", base, self.root)
        self.webs = []
        for number, host in enumerate(self.hosts, start=1):
            web = f"http://{host.inside}:{self.kassa_port}"
            env = {
                **base,
                "DATABASE_URL": self.cluster.url("kassa_multi", host.outside),
                "REDIS_URL": self.redis.url(host=host.outside),
                "KASSA_PUBLIC_URL": web,
                "SANDBOX_URL": f"http://{host.outside}:{sandbox_port}",
                "KASSA_VAR_DIR": str(self.root / f"var{number}"),
            }
            self.services[f"web{number}"] = host.service(
                f"web{number}", "web", env, self.root, ready=http_answers(f"{web}/healthz")
            )
            self.services[f"worker{number}"] = host.service(f"worker{number}", "worker", env, self.root)
            self.webs.append(web)
        for service in self.services.values():
            service.start(timeout=90)
        self.sku = self.stock(self.webs[0])
        return self

    def stop(self) -> None:
        self.stop_services()
        if self.cluster is not None:
            self.cluster.stop()
        for host in self.hosts:
            host.remove()
        shutil.rmtree(self.root, ignore_errors=True)


def replay_callbacks(webs: list[str], provider: SandboxApi, app) -> int:
    """Every decided payment's callback delivered again to all hosts at the same moment; returns how many."""
    from sqlalchemy import select

    from app.extensions import db
    from app.payments.models import PaymentAttempt

    with app.app_context():
        attempts = list(db.session.scalars(select(PaymentAttempt.id).where(PaymentAttempt.status == "succeeded")))
        db.session.remove()

    def replay(attempt_id: str) -> None:
        payment = provider.payment_for(attempt_id)
        body, headers = signed_callback(payment, payment["status"])
        with ThreadPoolExecutor(len(webs)) as both:
            for web in webs:
                both.submit(requests.post, f"{web}/hooks/channels/sandbox_card", data=body, headers=headers, timeout=30)

    with ThreadPoolExecutor(8) as pool:
        list(pool.map(replay, attempts))
    return len(attempts)


def multi_host_run(checkouts: int, shoppers: int = 16) -> tuple[dict, list[str]]:
    """Run the scenario; returns the counts and the broken invariants."""
    hosts = TwoHosts()
    try:
        hosts.start()
        crowd = Shoppers(hosts.webs, hosts.keys["secret_key"], hosts.sku, total=checkouts, concurrency=shoppers)
        say(f"{checkouts} checkouts over {hosts.webs}")
        started = time.monotonic()
        outcomes = crowd.run()
        elapsed = time.monotonic() - started
        provider = SandboxApi(hosts.sandbox_url)
        time.sleep(2)  # the last callbacks land
        patience = 120 + checkouts / 5  # the workers still fulfil what was paid (retrying busy entitlements)
        settle(hosts.app, hosts.queue(), rounds=1, timeout=patience)
        replayed = replay_callbacks(hosts.webs, provider, hosts.app)
        say(f"checkouts done in {elapsed:.0f}s; {replayed} callbacks replayed to both hosts; settling")
        settle(hosts.app, hosts.queue(), rounds=2, timeout=patience)
        counts, problems = tally(hosts.app, provider)
        return {
            "checkouts (shoppers' view)": dict(outcomes),
            "seconds": round(elapsed),
            "hosts": hosts.webs,
            "callbacks replayed to both hosts": replayed,
            **counts,
        }, problems
    except BaseException:
        for service in hosts.services.values():
            say(f"--- {service.name}\n{service.log_tail(30)}")
        raise
    finally:
        hosts.stop()


def main() -> None:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # a stopped run still cleans up (finally blocks)
    counts, problems = multi_host_run(int(os.environ.get("KASSA_MULTI_CHECKOUTS", "2000")))
    report(counts, problems)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
