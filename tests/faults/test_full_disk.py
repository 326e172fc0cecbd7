"""The disk under ``var/`` fills up (a backup too many, a log left to grow) under the embedded default: the SQLite
file, the web's latency samples and the backups all live there.

A request that cannot write is refused with a 503 that says to try again, and reads go on; the web log says the
disk is full; once space is freed the next request goes through, with nothing restarted. Before, every gunicorn
worker died of SIGBUS at its first answer (prometheus_client writes its samples through a memory map of a sparse
file): shoppers' connections were reset, ``/healthz`` never answered, and the log said only "was sent SIGBUS".

The disk is a small tmpfs mounted for the test, so it needs root (it is skipped otherwise), and it runs in the
SQLite pass of ``make test``: it brings its own database file."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest
import requests

from tests.conftest import IS_POSTGRES, free_port, wait_for
from tests.support.processes import (
    ROOT,
    RedisServer,
    Service,
    children,
    flask_command,
    http_answers,
    kassa_environment,
)

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(IS_POSTGRES, reason="the embedded SQLite default: runs in make test's SQLite pass"),
]


@pytest.fixture
def small_disk(tmp_path):
    """A 48 MB file system of the test's own, unmounted afterwards."""
    if os.geteuid() != 0:
        pytest.skip("mounting a small file system needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=48m", "tmpfs", str(disk)], check=True)
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


@pytest.fixture
def redis(tmp_path):
    server = RedisServer(tmp_path / "redis", tmp_path).start()
    yield server
    server.stop()


@pytest.fixture
def embedded_env(small_disk, redis) -> dict:
    """``make run``'s environment on a fresh SQLite file in ``var/`` on the small disk, demo merchant seeded."""
    var = small_disk / "var"
    env = kassa_environment(
        database_url=f"sqlite:///{var / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=var,
        kassa_port=free_port(),
        sandbox_port=free_port(),
        WEB_WORKERS="1",
        WEB_THREADS="4",
    )
    flask_command(env, "db", "upgrade")
    flask_command(env, "kassa", "seed-demo")
    return env


@pytest.fixture
def embedded_kassa(tmp_path, embedded_env):
    """The Procfile's web on it."""
    url = embedded_env["KASSA_PUBLIC_URL"]
    web = Service.from_procfile("web", embedded_env, tmp_path, ready=http_answers(f"{url}/healthz"))
    try:
        web.start()
        credentials = json.loads((Path(embedded_env["KASSA_VAR_DIR"]) / "demo-credentials.json").read_text())
        yield {"url": url, "secret_key": credentials["secret_key"], "web": web}
    finally:
        web.stop()


def _fill(disk) -> None:
    # Unbuffered: a buffered file kept the chunk that did not fit and failed again on close.
    with open(disk / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 65536)
        except OSError:
            pass


def test_a_full_disk_refuses_writes_with_a_503_says_so_and_heals_when_space_is_freed(embedded_kassa, small_disk):
    base, web = embedded_kassa["url"], embedded_kassa["web"]
    headers = {"Authorization": f"Bearer {embedded_kassa['secret_key']}"}
    products = requests.get(f"{base}/api/v1/products", headers=headers, timeout=10).json()["data"]
    sku = next(s["id"] for p in products for s in p["skus"] if s["subscription"] is None)

    def order() -> requests.Response:
        return requests.post(
            f"{base}/api/v1/orders",
            headers=headers,
            timeout=30,
            json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_disk"}, "agreement_accepted": True},
        )

    assert order().status_code == 201

    _fill(small_disk)
    web.stop()  # a worker that starts on the full disk (a deploy, a restart), as well as one already running
    web.start()
    for _ in range(3):
        refused = order()
        assert refused.status_code == 503, refused.text
        assert refused.json()["error"]["code"] == "service_unavailable" and refused.headers["Retry-After"]
    assert requests.get(f"{base}/healthz", timeout=10).status_code == 200  # reads go on
    assert requests.get(f"{base}/api/v1/products", headers=headers, timeout=10).status_code == 200
    log = web.log_tail(400, width=1000)
    assert "database or disk is full" in log and "SIGBUS" not in log

    (small_disk / "filler").unlink()
    assert order().status_code == 201  # nothing restarted


def test_a_backup_onto_a_full_disk_says_so_and_leaves_nothing_behind(embedded_env, small_disk):
    """``kassa backup`` (and the cron's scheduled one, which logs the same words) on a full disk: before, SQLite's
    'database or disk is full' came out as a traceback, and the scheduled job's failure only in RQ's log."""
    into = small_disk / "var" / "backups"
    _fill(small_disk)
    done = subprocess.run(
        [str(ROOT / ".venv/bin/flask"), "--app", "wsgi", "kassa", "backup", "--to", str(into)],
        cwd=ROOT,
        env=embedded_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "could not be written" in done.stderr and "free space there" in done.stderr  # SQLite's own words vary
    assert not into.exists() or list(into.iterdir()) == []  # no half a backup

    (small_disk / "filler").unlink()
    assert flask_command(embedded_env, "kassa", "backup", "--to", str(into)).strip().startswith(str(into))


def _healthz_count(base: str) -> float:
    text = requests.get(f"{base}/metrics", timeout=10).text
    found = re.search(
        r'^kassa_http_request_duration_seconds_count\{method="GET",route="/healthz",status="200"\} (\S+)$', text, re.M
    )
    return float(found.group(1)) if found else 0.0


def test_a_worker_started_on_a_full_disk_answers_and_counts_the_samples_it_drops(embedded_kassa, small_disk):
    """gunicorn starts a new worker (the old one crashed) while the disk is full: its latency samples have no room,
    and prometheus_client, in its own multiprocess mode, would map a file with no disk blocks (SIGBUS at the first
    answer). The worker answers; each sample it cannot keep is counted (kassa_metric_samples_dropped_total) and
    said in the log; once space is freed its samples are kept again, with nothing restarted."""
    base, web = embedded_kassa["url"], embedded_kassa["web"]
    _fill(small_disk)
    [crashed] = children(web.process.pid)
    os.kill(crashed, signal.SIGKILL)
    wait_for(lambda: children(web.process.pid) not in ([], [crashed]), timeout=30, interval=0.2)
    wait_for(http_answers(f"{base}/healthz"), timeout=30, interval=0.2)
    for _ in range(3):
        assert requests.get(f"{base}/healthz", timeout=10).status_code == 200
    dropped = re.search(
        r"^kassa_metric_samples_dropped_total (\S+)$", requests.get(f"{base}/metrics", timeout=10).text, re.M
    )
    assert dropped and float(dropped.group(1)) >= 3
    log = web.log_tail(400, width=1000)
    assert "request latency not recorded" in log and "SIGBUS" not in log

    (small_disk / "filler").unlink()
    kept = _healthz_count(base)
    assert requests.get(f"{base}/healthz", timeout=10).status_code == 200
    assert _healthz_count(base) == kept + 1  # recorded again
