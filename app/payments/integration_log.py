"""The integration log: every request to a provider, its answer, and every inbound callback.

Rows are written by the log writer (app/platform/observability/log_writer.py) on a connection of its own, in batches
off the caller's
thread, so a log survives the rollback of the business action it explains (that is when it is needed most) and
a payment never waits for it. Secrets never reach
the table: authorization and signature headers, any field named like a key, secret or token, and such query
parameters of a URL sent as a value (the shopper's way back carries the order's client secret), are replaced by
``[redacted]``.
"""

from __future__ import annotations

import json
import re
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta
from typing import Iterator, Mapping

from flask import current_app
from sqlalchemy import JSON, BigInteger, Index, String, Text, delete, insert, select
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow
from app.platform.observability import logs
from app.platform.observability.log_writer import writer_for
from app.platform.values.ids import first_id_at, new_id

log = logs.get("payments.integration")

REDACTED = "[redacted]"
REAP_BATCH = 5000
MAX_BODY_CHARS = 20_000
_SECRET_NAME = re.compile(r"key|secret|token|password", re.IGNORECASE)
_SECRET_HEADER = re.compile(r"authorization|signature|cookie|key|secret|token", re.IGNORECASE)

# Which merchant and attempt the provider calls of this context belong to (set by the hub).
_binding: ContextVar[dict | None] = ContextVar("kassa_integration_binding", default=None)


class IntegrationLog(db.Model):
    """One exchange with a provider: an outbound call and its answer, or an inbound callback."""

    __tablename__ = "integration_logs"
    __table_args__ = (
        Index("ix_integration_logs_merchant_attempt", "merchant_id", "attempt_id"),
        Index("ix_integration_logs_request_id", "request_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    # Null for a callback that failed verification: until then nobody owns it.
    merchant_id: Mapped[str | None] = mapped_column(String(40))
    attempt_id: Mapped[str | None] = mapped_column(String(40))
    channel: Mapped[str] = mapped_column(String(40))
    direction: Mapped[str] = mapped_column(String(10))  # outbound | inbound
    method: Mapped[str] = mapped_column(String(10))
    url: Mapped[str] = mapped_column(String(2048))
    status_code: Mapped[int | None]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    request_headers: Mapped[dict] = mapped_column(JSON, default=dict)
    request_body: Mapped[str | None] = mapped_column(Text)
    response_body: Mapped[str | None] = mapped_column(Text)
    error: Mapped[str | None] = mapped_column(String(500))
    verified: Mapped[bool | None]  # inbound only: did the signature check pass?
    request_id: Mapped[str | None] = mapped_column(String(128))  # the request or job that made the exchange
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def to_json(self) -> dict:
        return {column.name: getattr(self, column.name) for column in self.__table__.columns}


@contextmanager
def bound(*, merchant_id: str | None, attempt_id: str | None) -> Iterator[None]:
    """Attribute every provider call made inside the block to this merchant and attempt."""
    token = _binding.set({"merchant_id": merchant_id, "attempt_id": attempt_id})
    try:
        yield
    finally:
        _binding.reset(token)


def redact_headers(headers: Mapping[str, str]) -> dict:
    """Headers with credential and signature values replaced."""
    return {name: REDACTED if _SECRET_HEADER.search(name) else value for name, value in headers.items()}


def redact_value(value: object) -> object:
    """A JSON value with every field named like a key, secret or token replaced."""
    if isinstance(value, dict):
        return {k: REDACTED if _SECRET_NAME.search(str(k)) else redact_value(v) for k, v in value.items()}
    if isinstance(value, list):
        return [redact_value(v) for v in value]
    if isinstance(value, str) and "?" in value:
        # A URL sent to the provider (the shopper's way back) carries the order's client secret in its query.
        return redact_url(value)
    return value


def redact_body(body: object) -> str | None:
    """A request or response body as text, redacted if it is JSON, cut to a bounded size."""
    if body is None or body == b"" or body == "":
        return None
    if isinstance(body, (bytes, bytearray)):
        body = bytes(body).decode("utf-8", errors="replace")
    if isinstance(body, str):
        try:
            body = json.loads(body)
        except ValueError:
            # Not JSON: we cannot see field names, so hide anything shaped like name=value secrets.
            return re.sub(
                r"((?:key|secret|token|password)[^=&\s]*=)[^&\s]+", rf"\1{REDACTED}", body, flags=re.IGNORECASE
            )[:MAX_BODY_CHARS]
    return json.dumps(redact_value(body), sort_keys=True, default=str)[:MAX_BODY_CHARS]


def redact_url(url: str) -> str:
    """A URL whose query parameters named like secrets are hidden."""
    return re.sub(r"([?&][^=&]*(?:key|secret|token)[^=&]*=)[^&]*", rf"\1{REDACTED}", url, flags=re.IGNORECASE)


_INSERT = insert(IntegrationLog)  # one statement object: the writer batches rows by it, compiled once


def _write(make_row) -> None:
    """Queue a row for the log writer (app/platform/observability/log_writer.py); ``make_row`` redacts, on the writer's
    thread."""
    try:
        writer_for(current_app._get_current_object()).write(_INSERT, make_row)
    except Exception:  # the log must never break a payment
        log.exception("could not queue the integration log row")


def record_exchange(
    channel: str,
    method: str,
    url: str,
    *,
    request_headers: Mapping[str, str],
    request_body: object,
    status_code: int | None,
    response_body: object,
    duration_ms: int,
    error: str | None = None,
) -> None:
    """Store one outbound call to a provider and its answer (or the error that replaced it)."""
    binding = _binding.get() or {}
    # What the context knows is read now; the redaction runs on the writer's thread. The caller's headers and
    # body are copied first: the row must show them as sent, whatever the caller does with them next.
    merchant_id, attempt_id = binding.get("merchant_id"), binding.get("attempt_id")
    request_id = logs.current("request_id")
    created_at, request_headers, request_body = utcnow(), dict(request_headers), _frozen(request_body)
    _write(
        lambda: {
            "id": new_id("ilog"),
            "created_at": created_at,
            "merchant_id": merchant_id,
            "attempt_id": attempt_id,
            "channel": channel,
            "direction": "outbound",
            "method": method.upper(),
            "url": redact_url(url)[:2048],
            "status_code": status_code,
            "duration_ms": duration_ms,
            "request_headers": redact_headers(request_headers),
            "request_body": redact_body(request_body),
            "response_body": redact_body(response_body),
            "error": error[:500] if error else None,
            "verified": None,
            "request_id": request_id,
        }
    )


def record_callback(
    channel: str,
    *,
    url: str,
    headers: Mapping[str, str],
    body: bytes,
    verified: bool,
    status_code: int,
    merchant_id: str | None = None,
    attempt_id: str | None = None,
    error: str | None = None,
) -> None:
    """Store one inbound callback with the result of its verification."""
    created_at, request_id, headers = utcnow(), logs.current("request_id"), dict(headers)
    _write(
        lambda: {
            "id": new_id("ilog"),
            "created_at": created_at,
            "merchant_id": merchant_id,
            "attempt_id": attempt_id,
            "channel": channel,
            "direction": "inbound",
            "method": "POST",
            "url": redact_url(url)[:2048],
            "status_code": status_code,
            "duration_ms": None,
            "request_headers": redact_headers(headers),
            "request_body": redact_body(body),
            "response_body": None,
            "error": error[:500] if error else None,
            "verified": verified,
            "request_id": request_id,
        }
    )


def _frozen(body: object) -> object:
    """A request body as it was sent, safe to read later on another thread (JSON objects are serialised now)."""
    return json.dumps(body, default=str) if isinstance(body, (dict, list)) else body


def integration_logs_for_attempt(merchant_id: str, attempt_id: str) -> list[IntegrationLog]:
    """Every logged exchange about one of the merchant's payment attempts, oldest first."""
    return list(
        db.session.scalars(
            select(IntegrationLog)
            .where(IntegrationLog.merchant_id == merchant_id, IntegrationLog.attempt_id == attempt_id)
            .order_by(IntegrationLog.created_at, IntegrationLog.id)
        )
    )


def reap_integration_logs(retention_days: int, now: datetime | None = None) -> int:
    """Delete exchanges older than the retention, oldest first, in batches that keep each transaction short;
    returns how many. Ids are time-ordered, so "older than" is a range of the primary key: no other index needed."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    before = first_id_at("ilog", int(cutoff.timestamp() * 1000))
    total = 0
    for _ in range(100_000):  # bounded: each pass deletes a full batch or ends
        batch = (
            select(IntegrationLog.id).where(IntegrationLog.id < before).order_by(IntegrationLog.id).limit(REAP_BATCH)
        )
        removed = db.session.execute(
            delete(IntegrationLog).where(IntegrationLog.id.in_(batch)).execution_options(synchronize_session=False)
        ).rowcount
        db.session.commit()
        total += removed
        if removed < REAP_BATCH:
            break
    return total
