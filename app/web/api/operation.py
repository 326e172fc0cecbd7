"""An API operation declared once: what a route takes (a body model, a query model), what it answers (a model per
status) and which errors it may give (per status, the codes and when). The route receives the parsed models; the
OpenAPI document (app/web/api/openapi.py) is generated from the same declarations, so the two cannot drift.

    @bp.get("/orders")
    @requires_key(secret=True)
    @operation("List orders", query=OrderListQuery, answers={200: OrderList})
    def orders_index(query: OrderListQuery): ...

``operation`` goes below ``requires_key`` and ``idempotent``: a request is authenticated (401/403) and matched to
its stored answer before its body is read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from flask import request
from pydantic import BaseModel, ValidationError

from app.web.api.model_errors import invalid_request
from app.web.api.params import json_body


@dataclass(frozen=True)
class Operation:
    summary: str
    description: str = ""
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    # status → the answer's model (None: no JSON body, e.g. 204).
    answers: dict[int, type[BaseModel] | None] = field(default_factory=dict)
    # status → when it is given, naming its error codes ("order_state_invalid: the order is not paid").
    errors: dict[int, str] = field(default_factory=dict)
    # path parameter → what it is ("the order's id (ord_…)"); every path parameter is a string.
    path: dict[str, str] = field(default_factory=dict)
    # Extra things the document says about this operation (e.g. a text/event-stream answer).
    extra: dict[str, Any] = field(default_factory=dict)
    # Answers the route gives that are not JSON: status → (media type, schema, description).
    raw_answers: dict[int, tuple[str, dict, str]] = field(default_factory=dict)


def operation(
    summary: str,
    *,
    description: str = "",
    body: type[BaseModel] | None = None,
    query: type[BaseModel] | None = None,
    answers: dict[int, type[BaseModel] | None] | None = None,
    errors: dict[int, str] | None = None,
    path: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
    raw_answers: dict[int, tuple[str, dict, str]] | None = None,
) -> Callable:
    """Declare the route's contract; the view is called with ``body=`` and ``query=`` parsed into their models
    (a 400 naming the first field to fix otherwise)."""
    declared = Operation(
        summary=summary,
        description=description,
        body=body,
        query=query,
        answers=answers or {},
        errors=errors or {},
        path=path or {},
        extra=extra or {},
        raw_answers=raw_answers or {},
    )

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if body is not None:
                kwargs["body"] = parse(body, json_body())
            if query is not None:
                kwargs["query"] = parse(query, request.args.to_dict())
            return view(*args, **kwargs)

        # functools.wraps copies __dict__, so the decorators above keep it and the document finds it.
        wrapper.api_operation = declared
        return wrapper

    return decorate


_INT64 = 2**63


def _whole_numbers_as_integers(value: Any) -> Any:
    """284.0 is the integer 284 to JSON Schema (and so to the document and every client generated from it)."""
    if isinstance(value, float) and value.is_integer() and -_INT64 <= value < _INT64:
        return int(value)
    if isinstance(value, list):
        return [_whole_numbers_as_integers(item) for item in value]
    if isinstance(value, dict):
        return {key: _whole_numbers_as_integers(item) for key, item in value.items()}
    return value


def parse(model: type[BaseModel], data: dict) -> Any:
    try:
        return model.model_validate(_whole_numbers_as_integers(data))
    except ValidationError as error:
        raise invalid_request(error) from None


def operation_of(view: Callable) -> Operation | None:
    return getattr(view, "api_operation", None)
