"""Reading a request's JSON body into a clear 400 (queries are read by their models: app/web/api/models)."""

from __future__ import annotations

from flask import request

from app.errors import InvalidRequest
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
