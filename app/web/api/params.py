"""Parsing request bodies and query strings into clear 400 errors."""
from __future__ import annotations

from datetime import datetime, timezone

from flask import request

from app.errors import InvalidRequest


def json_body() -> dict:
    """The request's JSON object, or a 400 saying what is wrong with it."""
    if not request.get_data():
        return {}
    if not request.is_json:
        raise InvalidRequest("send a JSON body with Content-Type: application/json", code="invalid_json")
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise InvalidRequest("the body must be a JSON object", code="invalid_json")
    return body


def limit_param(default: int = 20, maximum: int = 100) -> int:
    raw = request.args.get("limit")
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise InvalidRequest(f"limit must be an integer between 1 and {maximum}", param="limit")
    return int(raw)


def time_param(name: str) -> datetime | None:
    """A unix timestamp or ISO 8601 datetime from the query string."""
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        if raw.isdigit():
            return datetime.fromtimestamp(int(raw), timezone.utc)
        value = datetime.fromisoformat(raw)
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError):
        raise InvalidRequest(f"{name} must be a unix timestamp or an ISO 8601 datetime", param=name) from None

