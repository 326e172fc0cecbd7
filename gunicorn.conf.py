"""Gunicorn settings for Kassa's web process (the Procfile's `web` line; production uses the same file).

gthread workers: one process per core, each with a pool of threads, because a request mostly waits on
PostgreSQL, Redis or a provider. Override with WEB_WORKERS / WEB_THREADS. Keep the database pool at least
twice the threads of one worker (DB_POOL_SIZE + DB_MAX_OVERFLOW; see docs/production.md).
"""

import os
import shutil
from pathlib import Path

workers = int(os.environ.get("WEB_WORKERS", os.cpu_count() or 2))
threads = int(os.environ.get("WEB_THREADS", 16))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5

# Each worker writes its request-latency samples here and /metrics sums them (prometheus_client's
# multiprocess mode). It must be set before a worker imports the app, hence here.
_metrics_dir = Path(os.environ.get("KASSA_VAR_DIR", "var")) / "prometheus"
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", str(_metrics_dir))


def on_starting(server):
    # Samples of a previous run's processes would be summed in forever.
    shutil.rmtree(os.environ["PROMETHEUS_MULTIPROC_DIR"], ignore_errors=True)
    Path(os.environ["PROMETHEUS_MULTIPROC_DIR"]).mkdir(parents=True, exist_ok=True)


def child_exit(server, worker):
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)
