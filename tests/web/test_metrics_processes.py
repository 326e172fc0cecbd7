"""/metrics under the Procfile's gunicorn (gunicorn.conf.py: one worker per core, here forced to 3): the
request counts of every worker are summed, whichever worker answers the scrape. Brings its own SQLite
file and Redis, so it runs in make test's SQLite pass only."""

from __future__ import annotations

import os
import re
import signal
from pathlib import Path

import pytest
import requests

from tests.conftest import IS_POSTGRES, free_port
from tests.support.processes import RedisServer, Service, children, flask_command, http_answers, kassa_environment

pytestmark = pytest.mark.skipif(IS_POSTGRES, reason="brings its own SQLite file: runs in make test's SQLite pass")

REQUESTS = 60


def _unmatched_count(text: str) -> float:
    """Requests to no route at all: nothing but this test sends them (the readiness probe asks /healthz)."""
    match = re.search(
        r'kassa_http_request_duration_seconds_count\{method="GET",route="unmatched",status="404"\} (\S+)', text
    )
    return float(match.group(1)) if match else 0.0


def test_every_workers_requests_are_counted_in_one_scrape(tmp_path):
    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    port, sandbox_port = free_port(), free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=port,
        sandbox_port=sandbox_port,
        WEB_WORKERS="3",
    )
    flask_command(env, "db", "upgrade")
    web = Service.from_procfile("web", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{port}/healthz"))
    # Started after the web, as `make run` may: its gunicorn must not take the web's settings or its figures.
    sandbox = Service.from_procfile(
        "sandbox", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{sandbox_port}/sandbox/api/health")
    )
    try:
        web.start()
        before = _unmatched_count(requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10).text)
        with requests.Session() as one, requests.Session() as other:  # keep-alive spreads over workers
            for i in range(REQUESTS):
                assert (one if i % 2 else other).get(
                    f"http://127.0.0.1:{port}/no-such-page", timeout=10
                ).status_code == 404
        sandbox.start()
        # Each scrape may land on any worker; each must see all of them.
        for _ in range(5):
            text = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=10, headers={"Connection": "close"}).text
            assert _unmatched_count(text) == before + REQUESTS, web.log_tail()
    finally:
        sandbox.stop()
        web.stop()
        redis.stop()


def _cron_schedulers(url: str) -> float | None:
    text = requests.get(f"{url}/metrics", timeout=10).text
    match = re.search(r'kassa_cron_schedulers\{queue="kassa"\} (\S+)', text)
    return float(match.group(1)) if match else None


def test_metrics_say_whether_rq_cron_is_running(tmp_path):
    """Without rq cron no sweep runs: expired orders keep their stock, payouts are not sent, subscriptions are not
    renewed, and the backlog metrics stay flat (nothing is queued to wait). /healthz and /metrics looked the same
    with it or without it; now kassa_cron_schedulers says how many are alive, and 0 is worth an alert."""
    from tests.conftest import wait_for

    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    port = free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=port,
        sandbox_port=free_port(),
        WEB_WORKERS="1",
    )
    flask_command(env, "db", "upgrade")
    url = f"http://127.0.0.1:{port}"
    web = Service.from_procfile("web", env, tmp_path, ready=http_answers(f"{url}/healthz"))
    cron = Service.from_procfile("cron", env, tmp_path)
    try:
        web.start()
        assert _cron_schedulers(url) == 0
        cron.start()
        wait_for(lambda: _cron_schedulers(url) == 1, timeout=30, interval=0.5)
        cron.stop()
        assert _cron_schedulers(url) == 0
    finally:
        cron.stop()
        web.stop()
        redis.stop()


def test_the_requests_of_workers_that_died_stay_counted(tmp_path):
    """prometheus_client's multiprocess mode keeps a dead worker's sample file and sums it in: two gunicorn workers
    answer, both are killed (SIGKILL: no clean exit), gunicorn starts two new ones (child_exit marked the dead), and
    the scrape still counts every request."""
    from tests.conftest import wait_for

    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    port = free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=port,
        sandbox_port=free_port(),
        WEB_WORKERS="2",
    )
    flask_command(env, "db", "upgrade")
    url = f"http://127.0.0.1:{port}"
    samples = Path(env["KASSA_VAR_DIR"]) / "prometheus"
    web = Service.from_procfile("web", env, tmp_path, ready=http_answers(f"{url}/healthz"))
    try:
        web.start()
        workers = wait_for(lambda: len(children(web.process.pid)) == 2 and children(web.process.pid), timeout=30)
        before = _unmatched_count(requests.get(f"{url}/metrics", timeout=10).text)
        for _ in range(REQUESTS):  # a new connection each: the kernel spreads them over both workers
            assert requests.get(f"{url}/no-such-page", timeout=10, headers={"Connection": "close"}).status_code == 404
        # The kernel may hand every connection to one worker: a worker that answered nothing wrote no file.
        written = {file.name for file in samples.glob("histogram_*.db")}
        assert written & {f"histogram_{worker}.db" for worker in workers}
        for worker in workers:
            os.kill(worker, signal.SIGKILL)
        wait_for(lambda: len(set(children(web.process.pid)) - set(workers)) == 2, timeout=30, interval=0.2)
        wait_for(http_answers(f"{url}/healthz"), timeout=30, interval=0.2)
        assert written <= {file.name for file in samples.iterdir()}
        for _ in range(3):
            text = requests.get(f"{url}/metrics", timeout=10, headers={"Connection": "close"}).text
            assert _unmatched_count(text) == before + REQUESTS, web.log_tail()
    finally:
        web.stop()
        redis.stop()
