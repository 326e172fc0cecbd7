"""Structured logs: one JSON object per line, carrying merchant and order ids when known."""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from datetime import datetime, timezone

_context: ContextVar[dict | None] = ContextVar("kassa_log_context", default=None)


def bind(**fields: str | None) -> None:
    """Attach fields (e.g. ``merchant_id``, ``order_id``) to every later log line in this context."""
    _context.set({**(_context.get() or {}), **{k: v for k, v in fields.items() if v is not None}})


def current(name: str) -> str | None:
    """A field bound to this context (e.g. the ``request_id`` that carries one checkout across processes)."""
    return (_context.get() or {}).get(name)


def follow(origin: str | None) -> None:
    """Act on behalf of an earlier request (the one that created the order): later log lines, events and jobs
    carry its id, so one id finds the whole checkout; this request's own id stays as ``via_request_id``."""
    here = current("request_id")
    if origin and origin != here:
        bind(request_id=origin, via_request_id=here)


def clear() -> None:
    _context.set(None)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            **(_context.get() or {}),
        }
        extra = getattr(record, "fields", None)
        if extra:
            line.update(extra)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def configure(level: str = "INFO") -> None:
    """Send the ``kassa`` loggers to stderr as JSON lines (idempotent)."""
    logger = logging.getLogger("kassa")
    logger.setLevel(level)
    if not any(isinstance(h.formatter, JsonFormatter) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(JsonFormatter())
        logger.addHandler(handler)
    logger.propagate = False


def get(name: str) -> logging.Logger:
    """A logger under ``kassa.``; pass extra fields as ``extra={"fields": {...}}``."""
    return logging.getLogger(f"kassa.{name}")
