"""What the provider refuses before a view reads a request: an address that is no UTF-8 text, a query parameter
given twice, and JSON whose object names a key twice or holds text no database stores (a NUL, a lone surrogate).

Merchants demo with the sandbox and scripts call it: each of these was a 500 with a traceback (Werkzeug raising on
a raw 0xFF in the query, SQLite on a lone surrogate) or an answer from a mangled or first value (``?reference=%FF``
looked up as U+FFFD; ``?reference=a&reference=b`` as ``a``; ``{"amount": 1, "amount": 2}`` charged 2). Kassa's
own checks (app/web/url_text.py, app/web/json_bodies.py) are not imported: the sandbox speaks to Kassa over HTTP
only."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import unquote_to_bytes

from flask import abort, request
from werkzeug.datastructures import ImmutableMultiDict

from sandbox.services import SandboxError

_API = "/sandbox/api/"


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _not_utf8_param(query: bytes) -> str | None:
    """The name of the first query parameter whose name or value, as sent or percent-decoded, is no UTF-8 (``""``
    when the name itself is unreadable); None when the query is text."""
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        decoded = [unquote_to_bytes(part.replace(b"+", b" ")) for part in (name, value)]
        if not all(_is_utf8(part) for part in (name, value, *decoded)):
            return decoded[0].decode("utf-8") if _is_utf8(decoded[0]) else ""
    return None


def _refuse(message: str, param: str | None) -> None:
    """A 400: the API's JSON error under the API, a page elsewhere (the shopper's payment page)."""
    if request.path.startswith(_API):
        raise SandboxError(400, "parameter_invalid", message, param)
    abort(400, description=message)


def refuse_unreadable_address() -> None:
    """before_request: a path or query that is no UTF-8, or a query parameter given twice, is a 400."""
    try:
        path = request.environ.get("PATH_INFO", "").encode("latin-1")  # WSGI's form: the bytes as received
    except UnicodeEncodeError:
        path = b""
    name = _not_utf8_param(request.query_string)
    if name is not None or not _is_utf8(unquote_to_bytes(path)):
        request.args = ImmutableMultiDict()  # the error handlers may read it: nothing left to raise on
        where = "the URL path" if name is None else f"the query parameter {name}" if name else "a query parameter"
        _refuse(
            f"The address must be UTF-8 text, and {where} is not: percent-encode the UTF-8 bytes of the text "
            "(é is %C3%A9).",
            name or None,
        )
    for key in request.args:
        count = len(request.args.getlist(key))
        if count > 1:
            _refuse(f"{key} is in the query string {count} times; send it once.", key)


def _object_once(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose keys are each named once (json.loads keeps the last of a repeat without a word)."""
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            count = sum(1 for k, _ in pairs if k == key)
            raise SandboxError(400, "parameter_invalid", f"{key} is in the body {count} times; send it once.", key)
        seen[key] = value
    return seen


def _unstorable_text(value: Any, path: str = "") -> tuple[str, str] | None:
    """(param, why) of the first string (or key) in ``value`` that holds a NUL or a lone surrogate."""
    if isinstance(value, str):
        if "\x00" in value:
            return path, "holds a NUL character (\\u0000)"
        if any("\ud800" <= c <= "\udfff" for c in value):
            return path, "holds a lone surrogate (such as \\ud800), which is no text"
        return None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        where = f"{path}.{key}" if path and isinstance(key, str) else f"{path}[{key}]" if path else str(key)
        found = _unstorable_text(key, where) if isinstance(key, str) else None
        found = found or _unstorable_text(item, where)
        if found:
            return found
    return None


def parse_json_object(raw: bytes) -> dict[str, Any]:
    """The body's JSON object, or a 400 that says what is wrong with it."""
    try:
        body = json.loads(raw.decode("utf-8"), object_pairs_hook=_object_once)
    except (UnicodeDecodeError, ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise SandboxError(400, "parameter_invalid", "The body must be a JSON object, in UTF-8.")
    unstorable = _unstorable_text(body)
    if unstorable:
        param, why = unstorable
        raise SandboxError(400, "parameter_invalid", f"{param} {why}: send text only.", param)
    return body
