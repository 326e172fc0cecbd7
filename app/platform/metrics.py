"""Prometheus metrics: request latency per route, and the figures an operator watches for a payment
service (queue depth, undelivered events, and those the domains keep: orders by status, payment success per
channel, breakers, which the caller hands in, as the platform reads no domain's tables).

Request latency is measured in each process. Under gunicorn with several workers, set
``PROMETHEUS_MULTIPROC_DIR`` (gunicorn.conf.py does) so every worker's samples are summed at scrape
time by prometheus_client's own multiprocess mode (``MultiProcessCollector``; gunicorn's ``child_exit`` calls
``mark_process_dead``, and a dead worker's counts stay in the sum). A sample the disk cannot hold is dropped, never
the request: it is counted in Redis (``kassa_metric_samples_dropped_total``) and said in the log once a minute. The
business figures are read from the database and Redis at scrape time, so they are the same whichever process
answers.
"""

from __future__ import annotations

import os
import time
from typing import Callable, Iterable, Iterator, Sequence

from flask import Flask, g, request
from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from rq.cron import CronScheduler
from sqlalchemy import func, select

from app.extensions import db, redis_client
from app.platform import sample_space
from app.platform.observability import logs
from app.platform.outbox.events import Event
from app.platform.queueing import queues

# Buckets for an API whose good answers take milliseconds and whose bad ones take the provider's timeout.
_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
REQUEST_SECONDS = Histogram(
    "kassa_http_request_duration_seconds",
    "Time to answer a request, by route",
    ("method", "route", "status"),
    buckets=_BUCKETS,
    registry=None,
)
LOST_REPORT_SECONDS = 60.0  # a full disk is said once a minute, not once per request
_lost_reported_at = -LOST_REPORT_SECONDS
DROPPED_KEY = "kassa:metrics:samples_dropped"  # in Redis: every process's dropped samples, read at scrape time
# The methods a latency series may name; any other (a client may send any token) is one "OTHER" series, so a
# client cannot grow the sample files without bound.
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
_series_seen: set[tuple[int, str, str, str]] = set()  # (pid, method, route, status) made by this process
log = logs.get("metrics")

# A domain's figures, read at scrape time: one or more metric families.
Figures = Callable[[], Iterable[Metric]]


def init_app(app: Flask) -> None:
    """Time every request under its route pattern (never the raw path: ids would explode the series)."""
    app.before_request(_start_timer)
    app.after_request(_observe)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _observe(response):
    started = g.pop("metrics_started", None)
    if started is not None:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        method = request.method if request.method in _METHODS else "OTHER"
        record_request(method, route, str(response.status_code), time.perf_counter() - started)
    return response


def record_request(method: str, route: str, status: str, seconds: float) -> None:
    """One request's latency; on a full disk the sample is dropped and counted, and the answer goes out."""
    directory = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    try:
        if directory:
            _observe_in_files(directory, (os.getpid(), method, route, status), seconds)
        else:
            REQUEST_SECONDS.labels(method, route, status).observe(seconds)
    except OSError as exc:
        _sample_lost(exc)


def _observe_in_files(directory: str, series: tuple[int, str, str, str], seconds: float) -> None:
    if series not in _series_seen:
        # A new series writes new entries into the memory-mapped file: their disk blocks first (sample_space.py).
        with sample_space.lock():
            if series not in _series_seen:
                sample_space.reserve_for_new_series(directory)
                REQUEST_SECONDS.labels(*series[1:])
                _series_seen.add(series)
    REQUEST_SECONDS.labels(*series[1:]).observe(seconds)


def _sample_lost(exc: OSError) -> None:
    global _lost_reported_at
    try:
        redis_client().incr(DROPPED_KEY)
    except Exception:  # Redis away as well: the log line below still says it
        pass
    if time.monotonic() - _lost_reported_at >= LOST_REPORT_SECONDS:
        _lost_reported_at = time.monotonic()
        log.error(
            "request latency not recorded: %s (PROMETHEUS_MULTIPROC_DIR %s); free space there",
            exc,
            os.environ.get("PROMETHEUS_MULTIPROC_DIR"),
        )


def exposition(*, stored: Sequence[Figures] = (), in_redis: Sequence[Figures] = ()) -> bytes:
    """The text format Prometheus scrapes, with the domains' figures the caller hands in: ``stored`` ones read from
    the database, ``in_redis`` ones left out with the queue's when Redis does not answer."""
    registry = CollectorRegistry(auto_describe=False)
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)
    else:
        registry.register(_Collected(REQUEST_SECONDS))
    registry.register(_Business(stored, in_redis))
    return generate_latest(registry)


class _Collected:
    """Adapts one unregistered metric to a registry built for one scrape."""

    def __init__(self, metric) -> None:
        self.metric = metric

    def collect(self) -> Iterable[Metric]:
        return self.metric.collect()


class _Business:
    """Figures read at scrape time; one failing source is reported as such, not as a failed scrape."""

    def __init__(self, stored: Sequence[Figures], in_redis: Sequence[Figures]) -> None:
        self.stored, self.in_redis = stored, in_redis

    def collect(self) -> Iterator[Metric]:
        for figures in self.stored:
            yield from figures()
        yield from _outbox()
        yield from _queue(self.in_redis)


def _outbox() -> Iterator[Metric]:
    pending = db.session.scalar(select(func.count()).select_from(Event).where(Event.dispatched_at.is_(None)))
    yield GaugeMetricFamily(
        "kassa_events_undispatched", "Events not yet handed to webhooks and handlers", value=pending or 0
    )


def _queue(in_redis: Sequence[Figures]) -> Iterator[Metric]:
    up = GaugeMetricFamily("kassa_redis_up", "1 when Redis answered this scrape")
    try:
        depth = GaugeMetricFamily("kassa_queue_jobs", "Jobs waiting in the RQ queue", labels=("queue",))
        failed = GaugeMetricFamily("kassa_queue_failed_jobs", "Jobs in the RQ failed registry", labels=("queue",))
        cron = GaugeMetricFamily(
            "kassa_cron_schedulers", "rq cron processes alive that queue Kassa's sweeps", labels=("queue",)
        )
        # The payment queue and the batch queue, each with its own figures: a batch backlog is no payment's delay.
        listed = queues()
        for jobs in listed:
            depth.add_metric((jobs.name,), jobs.count)
            failed.add_metric((jobs.name,), jobs.failed_job_registry.count)
            cron.add_metric((jobs.name,), _cron_schedulers(jobs))
        handed_in = [metric for figures in in_redis for metric in figures()]
        dropped = CounterMetricFamily(
            "kassa_metric_samples_dropped",
            "Request latency samples not recorded because their disk was full",
            value=int(listed[0].connection.get(DROPPED_KEY) or 0),
        )
    except Exception:  # Redis down: say so, and still serve the database figures
        up.add_metric((), 0)
        yield up
        return
    up.add_metric((), 1)
    yield from (up, depth, failed, *handed_in, cron, dropped)


def _cron_schedulers(jobs) -> int:
    """Without rq cron no sweep runs, and nothing else shows it: nothing is queued, so no backlog grows. RQ keeps
    a registry of them, each heartbeating (gone after 2 minutes without); those that queue into this queue count."""
    return sum(
        1
        for scheduler in CronScheduler.all(jobs.connection)
        if any(job.queue_name == jobs.name for job in scheduler.get_jobs())
    )
