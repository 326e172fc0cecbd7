"""Enqueueing RQ jobs by dotted path, so domains never import the job module.

Two queues, each worked by its own workers (docs/production.md, "Workers"): ``PAYMENTS`` (RQ_QUEUE) for the work a
payment's state waits on, ``BATCH`` (RQ_BATCH_QUEUE) for the long and the outward work nothing in a checkout waits on.
Each caller names its queue where it queues the job, so the choice sits beside the job and cannot drift from it.
"""

from __future__ import annotations

from datetime import timedelta
from enum import Enum
from typing import Mapping

from flask import current_app
from rq import Queue
from rq.job import Job

from app.extensions import redis_client
from app.platform.observability import logs


class Lane(Enum):
    """Which queue a job goes on."""

    # Status polls and unknown outcomes, the outbox dispatch (fulfilment, compensation, what a callback set off),
    # refunds, renewals and mandate checks, orders' timeouts, confirmations and risk reviews: short, and a payment
    # or an order waits on each.
    PAYMENTS = "RQ_QUEUE"
    # Reconciliation, settlement and payouts, the ledger's checks and checkpoints, backups, reaping old rows, emails,
    # webhook deliveries (their length is the merchant's server's), test clocks: none holds up a payment.
    BATCH = "RQ_BATCH_QUEUE"


PAYMENTS = Lane.PAYMENTS
BATCH = Lane.BATCH


def queue_name(lane: Lane, config: Mapping | None = None) -> str:
    """The RQ queue's name for ``lane`` in ``config`` (the app's by default); the batch queue's is
    ``<RQ_QUEUE>-batch`` unless RQ_BATCH_QUEUE names another."""
    config = current_app.config if config is None else config
    if lane is BATCH:
        return config.get("RQ_BATCH_QUEUE") or f"{config['RQ_QUEUE']}-batch"
    return config["RQ_QUEUE"]


def queue(lane: Lane = PAYMENTS) -> Queue:
    return Queue(queue_name(lane), connection=redis_client())


def queues() -> list[Queue]:
    """Both queues, payments first: the order one worker listening to both takes them in."""
    return [queue(lane) for lane in Lane]


def enqueue(func_path: str, *args: object, lane: Lane, job_id: str | None = None) -> Job:
    """Run ``func_path(*args)`` on a worker of ``lane`` as soon as possible."""
    return queue(lane).enqueue(func_path, *args, job_id=job_id, meta=_context_meta())


def enqueue_in(delay: timedelta, func_path: str, *args: object, lane: Lane) -> Job:
    """Run ``func_path(*args)`` after ``delay`` (needs a worker of ``lane`` started with its scheduler)."""
    return queue(lane).enqueue_in(delay, func_path, *args, meta=_context_meta())


def _context_meta() -> dict:
    """The request id the job carries on (app/jobs/__init__.py binds it again in the worker)."""
    request_id = logs.current("request_id")
    return {"request_id": request_id} if request_id else {}


def _dispatch_flag() -> str:
    # Per queue, like the jobs it stands for: a Kassa on another queue of the same Redis database (staging beside
    # production, a test's own processes) must not answer "a run is already waiting" for a run it queues elsewhere.
    return f"kassa:dispatch:requested:{current_app.config['RQ_QUEUE']}"


def ask_for_dispatch(pipe) -> None:
    """Add to ``pipe`` the request for one outbox dispatch run: its answer is true when no run was already
    waiting, and then the caller queues one (many commits, one job; app/platform/outbox/commit_signals.py)."""
    pipe.set(_dispatch_flag(), "1", nx=True, ex=60)


def clear_dispatch_request() -> None:
    """Called by the dispatch job as it starts: commits after this point queue a new run."""
    redis_client().delete(_dispatch_flag())
