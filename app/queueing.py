"""Enqueueing RQ jobs by dotted path, so domains never import the job module."""
from __future__ import annotations

from datetime import timedelta

from flask import current_app
from rq import Queue
from rq.job import Job

from app.extensions import redis_client


def queue() -> Queue:
    return Queue(current_app.config["RQ_QUEUE"], connection=redis_client())


def enqueue(func_path: str, *args: object, job_id: str | None = None) -> Job:
    """Run ``func_path(*args)`` on a worker as soon as possible."""
    return queue().enqueue(func_path, *args, job_id=job_id)


def enqueue_in(delay: timedelta, func_path: str, *args: object) -> Job:
    """Run ``func_path(*args)`` after ``delay`` (needs a worker started with its scheduler)."""
    return queue().enqueue_in(delay, func_path, *args)
