"""Enqueueing RQ jobs by dotted path, so domains never import the job module."""

from __future__ import annotations

from datetime import timedelta

from flask import current_app
from rq import Queue
from rq.job import Job

from app.extensions import redis_client
from app.platform.observability import logs


def _dispatch_flag() -> str:
    # Per queue, like the jobs it stands for: a Kassa on another queue of the same Redis database (staging beside
    # production, a test's own processes) must not answer "a run is already waiting" for a run it queues elsewhere.
    return f"kassa:dispatch:requested:{current_app.config['RQ_QUEUE']}"


def queue() -> Queue:
    return Queue(current_app.config["RQ_QUEUE"], connection=redis_client())


def enqueue(func_path: str, *args: object, job_id: str | None = None) -> Job:
    """Run ``func_path(*args)`` on a worker as soon as possible."""
    return queue().enqueue(func_path, *args, job_id=job_id, meta=_context_meta())


def enqueue_in(delay: timedelta, func_path: str, *args: object) -> Job:
    """Run ``func_path(*args)`` after ``delay`` (needs a worker started with its scheduler)."""
    return queue().enqueue_in(delay, func_path, *args, meta=_context_meta())


def _context_meta() -> dict:
    """The request id the job carries on (app/jobs/__init__.py binds it again in the worker)."""
    request_id = logs.current("request_id")
    return {"request_id": request_id} if request_id else {}


def ask_for_dispatch(pipe) -> None:
    """Add to ``pipe`` the request for one outbox dispatch run: its answer is true when no run was already
    waiting, and then the caller queues one (many commits, one job; app/platform/outbox/commit_signals.py)."""
    pipe.set(_dispatch_flag(), "1", nx=True, ex=60)


def clear_dispatch_request() -> None:
    """Called by the dispatch job as it starts: commits after this point queue a new run."""
    redis_client().delete(_dispatch_flag())
