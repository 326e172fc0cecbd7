"""Writing the API request log off the hot path.

The web layer captures the raw facts of a request in microseconds (references to bytes already in memory)
and hands them to the log writer (app/platform/observability/log_writer.py) once the response has gone out (the WSGI
``close`` of the
response). Redaction and the INSERT happen on the writer's thread, batched with other rows, on an engine of the
logs' own: the caller has its answer already, and a log that cannot be written is a log line, never a failed
request.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask
from sqlalchemy import insert

from app.platform.observability.log_writer import writer_for
from app.request_log.models import ApiRequestLog
from app.request_log.redaction import redact_body, redact_json, redact_query

_INSERT = insert(ApiRequestLog)  # one statement object: the writer batches rows by it, compiled once


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
        return {
            "id": self.id,
            "merchant_id": self.merchant_id,
            "livemode": self.livemode,
            "key_id": self.key_id,
            "key_label": self.key_label,
            "method": self.method,
            "path": self.path[:2048],
            "query": redact_query(self.query),
            "status_code": self.status_code,
            "duration_ms": self.duration_ms,
            "request_id": self.request_id,
            "ip": (self.ip or "")[:64] or None,
            "request_headers": redact_json(self.request_headers),
            "response_headers": redact_json(self.response_headers),
            "request_body": redact_body(self.request_body),
            "response_body": response_body,
            "created_at": self.created_at,
        }


def queue_captured(app: Flask, captured: CapturedRequest) -> None:
    """Hand the request to the app's log writer (app/platform/observability/log_writer.py): redacted and stored on its
    thread."""
    writer_for(app).write(_INSERT, captured.row)
