"""Parsing request bodies and query strings into clear 400 errors."""

from __future__ import annotations

from datetime import datetime

from flask import request

from app.errors import InvalidRequest
from app.platform.values.times import request_time
from app.platform.values.whole_numbers import parse_whole_number
from app.web.json_bodies import parse_json_object


def json_body() -> dict:
    """The request's JSON object, or a 400 saying what is wrong with it (app/web/json_bodies.py: NUL
    characters, lone surrogates, nesting, out-of-range numbers). Every API route reads its body here."""
    raw = request.get_data()
    if not raw:
        return {}
    if not request.is_json:
        raise InvalidRequest("send a JSON body with Content-Type: application/json", code="invalid_json")
    return parse_json_object(raw)


def limit_param(default: int = 20, maximum: int = 100) -> int:
    raw = request.args.get("limit")
    if raw is None:
        return default
    number = parse_whole_number(raw)
    if number is None or not 1 <= number <= maximum:
        raise InvalidRequest(f"limit must be an integer between 1 and {maximum}", param="limit")
    return int(raw)


def cursor_param(prefix: str) -> str | None:
    """``starting_after``: the id of the last item of the page before. An id of another kind (or a word) would
    page from nowhere and answer an empty page, as if the list had ended: a 400 that says what to send."""
    raw = request.args.get("starting_after")
    if not raw:
        return None
    if not raw.startswith(f"{prefix}_"):
        raise InvalidRequest(
            f"starting_after must be the id of the last item you have ({prefix}_…)", param="starting_after"
        )
    return raw


def time_param(name: str) -> datetime | None:
    """A unix timestamp or ISO 8601 datetime from the query string, in UTC (a time whose offset takes it past
    year 9999 or before year 1, such as 9999-12-31T23:59:59-14:00, is no time the database is asked about)."""
    raw = request.args.get(name)
    return request_time(raw, name) if raw else None
