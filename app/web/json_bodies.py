"""Reading a JSON request body safely: what Python's json module accepts but no route can store or use is
refused here, once, with a 400 that names the place to fix — never a 500 deeper down.

Refused: bytes that are not UTF-8, a key twice in one object (which of the two counts is a guess), NaN/Infinity,
numbers no column can hold (beyond 64-bit, or floats that overflow), text containing NUL (PostgreSQL cannot
store it) or lone UTF-16 surrogates (not Unicode text, cannot be encoded), and nesting deeper than any Kassa
body needs.
"""

from __future__ import annotations

import json
import math

from app.errors import InvalidRequest

MAX_DEPTH = 20
_INT64 = 2**63


def _refuse_constant(name: str) -> None:
    raise InvalidRequest(f"the body is not valid JSON: {name} is not a JSON number", code="invalid_json")


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    """An object whose keys are all different. Of two equal keys Python's json keeps the last, silently, where a
    log, a proxy or a person reading the body may take the first: ``{"amount": 100, "amount": 9900}`` is refused."""
    body = dict(pairs)
    if len(body) != len(pairs):
        seen: set[str] = set()
        twice = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise InvalidRequest(
            f"the body names “{twice}” more than once in one object: send each field once", code="invalid_json"
        )
    return body


def parse_json_object(raw: bytes) -> dict:
    """The body as a dict, or InvalidRequest (code ``invalid_json``, or ``parameter_invalid`` with a param)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InvalidRequest("the body must be JSON encoded as UTF-8", code="invalid_json") from None
    try:
        body = json.loads(text, parse_constant=_refuse_constant, object_pairs_hook=_unique_keys)
    except RecursionError:
        raise InvalidRequest(
            f"the JSON body is nested too deeply (at most {MAX_DEPTH} levels)", code="invalid_json"
        ) from None
    except ValueError as exc:  # JSONDecodeError, or an integer too long to convert
        detail = (
            f"{exc.msg} at line {exc.lineno} column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else "a number is too long"
        )
        raise InvalidRequest(f"the body is not valid JSON: {detail}", code="invalid_json") from None
    if not isinstance(body, dict):
        raise InvalidRequest("the body must be a JSON object", code="invalid_json")
    _check_tree(body)
    return body


def _check_tree(body: dict) -> None:
    """Walk the parsed body without recursion (bounded by its size, which the 1 MB limit bounds)."""
    stack: list[tuple[object, str, int]] = [(body, "", 1)]
    while stack:
        value, path, depth = stack.pop()
        if isinstance(value, dict):
            if depth > MAX_DEPTH:
                raise InvalidRequest(
                    f"the JSON body is nested too deeply (at most {MAX_DEPTH} levels)", code="invalid_json"
                )
            for key, item in value.items():
                child = f"{path}.{key}" if path else key
                _check_text(key, child)
                stack.append((item, child, depth + 1))
        elif isinstance(value, list):
            if depth > MAX_DEPTH:
                raise InvalidRequest(
                    f"the JSON body is nested too deeply (at most {MAX_DEPTH} levels)", code="invalid_json"
                )
            stack.extend((item, f"{path}[{i}]", depth + 1) for i, item in enumerate(value))
        elif isinstance(value, str):
            _check_text(value, path)
        elif isinstance(value, bool):
            continue
        elif isinstance(value, int):
            if not -_INT64 <= value < _INT64:
                raise InvalidRequest("this number is out of range", param=path)
        elif isinstance(value, float) and (
            not math.isfinite(value) or (value.is_integer() and not -_INT64 <= value < _INT64)
        ):
            # 1e20 is an integer to JSON Schema, and so out of range as 100000000000000000000 is
            raise InvalidRequest("this number is out of range", param=path)


def _check_text(text: str, path: str) -> None:
    if "\x00" in text:
        raise InvalidRequest("text must not contain NUL characters (\\u0000)", param=path or None)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidRequest(
            "text must be valid Unicode (a lone surrogate such as \\ud800 is not)", param=path or None
        ) from None
