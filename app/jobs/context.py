"""The app context a job runs in: the caller's (tests, CLI), else one app per worker process.

A worker is an entry point, as wsgi.py is: it builds the app with the factory, which imports every layer
(pyproject.toml lets this module, alone of app.jobs, import it).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from flask import Flask, current_app, has_app_context
from rq import get_current_job

from app import create_app
from app.platform.observability import logs
from app.platform.observability.log_writer import flush_logs

_app: Flask | None = None


@contextmanager
def job_context() -> Iterator[None]:
    """Reuse the caller's app context (tests, CLI) or one app per worker process."""
    global _app
    _bind_job_request_id()
    if has_app_context():
        try:
            yield
        finally:
            flush_logs(current_app._get_current_object())
        return
    if _app is None:
        _app = create_app({"RUNS_JOBS": True})
    with _app.app_context():
        try:
            yield
        finally:
            logs.clear()
            # RQ's forking worker ends a job's process with os._exit: its queued log rows are written first.
            flush_logs(_app)


def _bind_job_request_id() -> None:
    """A job enqueued while serving a request logs (and records events) under that request's id."""
    job = get_current_job()
    if job is not None and job.meta.get("request_id"):
        logs.bind(request_id=job.meta["request_id"])
