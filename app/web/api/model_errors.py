"""A pydantic ValidationError as the API's 400: the first problem, the field named as the client sent it
(``items[0].quantity``, a query parameter by its name) and a message that says what to send instead."""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from app.errors import InvalidRequest

# What a client must send, by pydantic error type; {param} is the field as the client named it.
_MESSAGES = {
    "missing": "{param} is required",
    "string_type": "{param} must be a string",
    "int_type": "{param} must be an integer",
    "int_parsing": "{param} must be an integer",
    "int_from_float": "{param} must be a whole number",
    "bool_type": "{param} must be true or false",
    "bool_parsing": "{param} must be true or false",
    "dict_type": "{param} must be an object",
    "model_type": "{param} must be an object",
    "model_attributes_type": "{param} must be an object",
    "list_type": "{param} must be an array",
    "float_type": "{param} must be a number",
    "float_parsing": "{param} must be a number",
    "url_parsing": "{param} must be an absolute http(s) URL",
    "url_scheme": "{param} must be an absolute http(s) URL",
}


def param_name(loc: tuple[int | str, ...]) -> str:
    """``("items", 0, "quantity")`` as ``items[0].quantity``."""
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        else:
            name += f".{part}" if name else str(part)
    return name


def _message(error: ErrorDetails, param: str) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind].format(param=param)
    if kind in ("literal_error", "enum"):
        return f"{param} must be one of {ctx.get('expected', '').replace(' or ', ', ')}".replace("'", "")
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = {"greater_than_equal": "at least", "greater_than": "more than", "less_than_equal": "at most"}
        limit = next(iter(ctx.values()))
        return f"{param} must be {bound.get(kind, 'less than')} {limit}"
    if kind == "string_too_long":
        return f"{param} must be at most {ctx['max_length']} characters"
    if kind == "string_too_short":
        return (
            f"{param} must not be empty"
            if ctx["min_length"] == 1
            else (f"{param} must be at least {ctx['min_length']} characters")
        )
    if kind == "too_short":
        return f"{param} must have at least {ctx['min_length']} item{'s' if ctx['min_length'] != 1 else ''}"
    if kind == "too_long":
        return f"{param} must have at most {ctx['max_length']} items"
    if kind == "string_pattern_mismatch":
        return f"{param} must match {ctx['pattern']}"
    # A validator of ours (app/web/api/models/fields.py) says it in its own words.
    message = error["msg"].removeprefix("Value error, ")
    return message.replace("{param}", param) if "{param}" in message else f"{param}: {message}"


def invalid_request(error: ValidationError, prefix: tuple[str, ...] = ()) -> InvalidRequest:
    """The first problem pydantic found (its order is the model's field order: what the client reads first)."""
    first = error.errors(include_url=False)[0]
    param = param_name((*prefix, *first["loc"]))
    return InvalidRequest(_message(first, param), param=param or None)
