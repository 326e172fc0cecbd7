"""Writing the API request log off the hot path.

The web layer captures the raw facts of a request in microseconds (references to bytes already in memory)
and hands them here to run once the response has gone out (the WSGI ``close`` of the response). Redaction
and the INSERT happen then, on an engine of the log's own and in a transaction of their own: the caller has
its answer already, and a log that cannot be written is a log line, never a failed request.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask
from sqlalchemy import insert
from sqlalchemy.engine import Engine

from app import logs
from app.log_engine import diagnostic_engine, insert_row
from app.request_log.models import ApiRequestLog
from app.request_log.redaction import redact_body, redact_json, redact_query

log = logs.get("request_log")

_engine_lock = threading.Lock()
_EXTENSION = "kassa_request_log_engine"


@dataclass
class CapturedRequest:
    """What a request was, as captured on the hot path: nothing redacted or copied yet."""

    id: str
    merchant_id: str
    livemode: bool
    key_id: str
    key_label: str
    method: str
    path: str
    query: str
    status_code: int
    duration_ms: int | None
    request_id: str | None
    ip: str | None
    created_at: datetime
    request_headers: dict = field(default_factory=dict)
    response_headers: dict = field(default_factory=dict)
    request_body: bytes | None = None
    response_body: bytes | None = None
    note: str | None = None  # why a body is absent (a stream, a body too large to keep)

    def row(self) -> dict:
        """The table row: redacted and capped."""
        response_body = redact_body(self.response_body) if self.response_body is not None else self.note
        return {"id": self.id, "merchant_id": self.merchant_id, "livemode": self.livemode, "key_id": self.key_id,
                "key_label": self.key_label, "method": self.method, "path": self.path[:2048],
                "query": redact_query(self.query), "status_code": self.status_code, "duration_ms": self.duration_ms,
                "request_id": self.request_id, "ip": (self.ip or "")[:64] or None,
                "request_headers": redact_json(self.request_headers),
                "response_headers": redact_json(self.response_headers),
                "request_body": redact_body(self.request_body), "response_body": response_body,
                "created_at": self.created_at}


def writer_engine(app: Flask) -> Engine:
    """The log's own engine and pool (app/log_engine.py): it writes after the request's own connection went back to
    the main pool, and must never compete with requests for it."""
    with _engine_lock:
        engine = app.extensions.get(_EXTENSION)
        if engine is None:
            engine = diagnostic_engine(app.config["SQLALCHEMY_DATABASE_URI"],
                                       busy_timeout_seconds=app.config["SQLITE_BUSY_TIMEOUT_SECONDS"])
            app.extensions[_EXTENSION] = engine
    return engine


def dispose_writer(app: Flask) -> None:
    """Close the log's pooled connections (at shutdown, and in tests)."""
    engine = app.extensions.pop(_EXTENSION, None)
    if engine is not None:
        engine.dispose()


def write_captured(engine: Engine, captured: CapturedRequest) -> None:
    """Redact and store one request; any failure is logged and swallowed."""
    try:
        insert_row(engine, insert(ApiRequestLog), captured.row())  # one compiled INSERT serves every row
    except Exception:  # the request log must never break (or slow the answer to) a request
        log.exception("could not write the API request log",
                      extra={"fields": {"merchant_id": captured.merchant_id, "request_id": captured.request_id}})
