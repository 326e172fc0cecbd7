"""The operations of the OpenAPI document, generated from what the routes declare (app/web/api/operation.py): their
path from the URL map, their parameters, bodies and answers from the pydantic models, the keys they take from
``requires_key``, and the answers every route of a kind may give (400 for a body or a query, 413 for a body, 401,
403, 429)."""

from __future__ import annotations

import itertools
import re
from typing import Any

from flask import Flask
from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from app.web.api.models.errors import Error
from app.web.api.models.fields import RequestModel
from app.web.api.operation import Operation, operation_of

_REF = "#/components/schemas/{model}"
_METHODS = ("get", "post", "put", "patch", "delete")


_IDEMPOTENCY_KEY = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": "a retry with the same key (and the same request) gets the first answer again, replayed",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255, "pattern": "^[^\\x00-\\x1f\\x7f]+$"},
}


def _error(description: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": _REF.format(model="Error")}}},
    }


def declared_operations(app: Flask) -> list[tuple[str, str, Operation, Any]]:
    """(path as the document names it, method, declaration, view) of every API route that declares itself."""
    found = []
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("api."):
            continue
        view = app.view_functions[rule.endpoint]
        declared = operation_of(view)
        if declared is None:
            continue
        path = _document_path(rule.rule.removeprefix("/api/v1"), declared)
        for method in sorted(m.lower() for m in rule.methods if m.lower() in _METHODS):
            found.append((path, method, declared, view))
    return found


def _document_path(rule: str, declared: Operation) -> str:
    """The route as the document names it: its first parameter is ``{id}``, a later one (a customer's saved method)
    takes the name its declaration gives it, in order (``/customers/{id}/payment_methods/{pm}``)."""
    names = ["id", *list(declared.path)[1:]]
    seen = itertools.count()

    def name(_: re.Match) -> str:
        i = next(seen)
        return "{" + (names[i] if i < len(names) else "id") + "}"

    return re.sub(r"<(?:\w+:)?\w+>", name, rule)


def _models(operations: list[tuple[str, str, Operation, Any]]) -> list[tuple[type[BaseModel], str]]:
    wanted: dict[tuple[type[BaseModel], str], None] = {(Error, "serialization"): None}
    for _, _, declared, _ in operations:
        if declared.body is not None:
            wanted[(declared.body, "validation")] = None
        if declared.query is not None:
            wanted[(declared.query, "validation")] = None
        for model in declared.answers.values():
            if model is not None:
                wanted[(model, "serialization")] = None
        # Shapes a raw answer points at (e.g. the events of a text/event-stream) by component name.
        for model in declared.extra.get("_components", ()):
            wanted[(model, "serialization")] = None
    return list(wanted)


def _parameters(declared: Operation, schemas: dict, refs: dict) -> list[dict]:
    parameters = []
    if declared.query is not None:
        schema = schemas[refs[(declared.query, "validation")]["$ref"].rsplit("/", 1)[-1]]
        required = set(schema.get("required", []))
        for name, prop in schema.get("properties", {}).items():
            prop = _query_value(prop)
            _reader_bounds(prop)
            description = prop.pop("description", None)
            prop.pop("title", None)
            parameter = {"name": name, "in": "query", "required": name in required, "schema": prop}
            if name not in required:
                # QueryModel: sent empty (status=) it counts as left out, as it always has.
                parameter["allowEmptyValue"] = True
            if description:
                parameter["description"] = description
            parameters.append(parameter)
    return parameters


def _query_value(prop: dict) -> dict:
    """A query string cannot send null: an optional parameter is left out, so ``X | None = None`` documents X."""
    prop = dict(prop)
    choices = prop.get("anyOf")
    if choices and {"type": "null"} in choices:
        rest = [choice for choice in choices if choice != {"type": "null"}]
        prop.pop("anyOf")
        prop = {**rest[0], **prop} if len(rest) == 1 else {**prop, "anyOf": rest}
    if prop.get("default", ...) is None:
        prop.pop("default")
    return prop


def _is_secret_only(view: Any) -> bool | None:
    """True for sk only, False for sk or pk, None for a route without a key."""
    publishable = getattr(view, "cors_publishable", None)
    return None if publishable is None else not publishable


def generated(app: Flask) -> tuple[dict, dict]:
    """``(paths, component schemas)`` of the declared operations."""
    operations = declared_operations(app)
    models = _models(operations)
    refs, top = models_json_schema(models, ref_template=_REF)
    schemas: dict[str, dict] = top.get("$defs", {})
    for schema in schemas.values():
        _untitled(schema)
    schemas["JsonValue"] = JSON_VALUE
    _sound_json_only(schemas)
    paths: dict[str, dict] = {}
    for path, method, declared, view in operations:
        # No operationId: Redoc would name each section by it, and /docs/api's links (docs, search) name them by path.
        item: dict[str, Any] = {"summary": declared.summary}
        if declared.description:
            item["description"] = declared.description
        parameters = []
        for name in re.findall(r"\{(\w+)\}", path):
            parameters.append(
                {
                    "name": name,
                    "in": "path",
                    "required": True,
                    "schema": {"type": "string"},
                    "description": declared.path.get(name, next(iter(declared.path.values()), "the object's id")),
                }
            )
        parameters += _parameters(declared, schemas, refs)
        if getattr(view, "api_idempotent", False):
            parameters.append(_IDEMPOTENCY_KEY)
        if parameters:
            item["parameters"] = parameters
        if declared.body is not None:
            body_schema = schemas[refs[(declared.body, "validation")]["$ref"].rsplit("/", 1)[-1]]
            item["requestBody"] = {
                # A body whose every field may be left out may be left out itself (json_body reads none as {}).
                "required": bool(body_schema.get("required")),
                "content": {"application/json": {"schema": refs[(declared.body, "validation")]}},
            }
        responses: dict[str, dict] = {}
        for status, model in declared.answers.items():
            answer: dict[str, Any] = {
                "description": (model.__doc__ or "OK").strip().split("\n\n")[0] if model else "OK"
            }
            if model is not None:
                answer["content"] = {"application/json": {"schema": refs[(model, "serialization")]}}
            responses[str(status)] = answer
        for status, (media_type, schema, description) in declared.raw_answers.items():
            responses[str(status)] = {"description": description, "content": {media_type: {"schema": schema}}}
        if declared.body is not None or declared.query is not None or method in ("post", "put", "patch"):
            responses.setdefault(
                "400",
                _error(
                    "parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object"
                ),
            )
        if method in ("post", "put", "patch"):
            responses.setdefault("413", _error("request_too_large: the body is over 1 MB"))
        for status, description in declared.errors.items():
            responses[str(status)] = _error(description)
        if getattr(view, "api_idempotent", False):
            replayed = (
                "idempotency_key_reused: this Idempotency-Key was used with another body; "
                "idempotency_request_in_progress: a request with this key is still running"
            )
            own = responses.get("409", {}).get("description")
            responses["409"] = _error(
                f"{own}; {replayed}" if own and "idempotency_key_reused" not in own else own or replayed
            )
        # An operation that declares its own security (none: the stream's client secret) takes no key.
        secret_only = None if "security" in declared.extra else _is_secret_only(view)
        if secret_only is not None:
            responses.setdefault("401", _error("invalid_api_key: missing, malformed or unknown key"))
            responses.setdefault(
                "403",
                _error(
                    "secret_key_required: a publishable key on a secret-only route"
                    if secret_only
                    else "origin_not_allowed: a live publishable key from an origin the merchant has not allowed"
                ),
            )
            responses.setdefault(
                "429", _error("rate_limited: too many requests for this key; retry after Retry-After seconds")
            )
            item["security"] = [{"secret_key": []}] if secret_only else [{"secret_key": []}, {"publishable_key": []}]
        item["responses"] = dict(sorted(responses.items()))
        item.update({k: v for k, v in declared.extra.items() if not k.startswith("_")})
        paths.setdefault(path, {})[method] = item
    return paths, schemas


# Any JSON value app/web/json_bodies.py reads: no NUL in text or names, integers within 64 bits. Fields a model does
# not name are ignored, but a body holding such a value anywhere is refused, so the document says so.
JSON_VALUE = {
    "anyOf": [
        {"type": "string", "pattern": "^[^\\u0000]*$"},
        {"type": "integer", "minimum": -(2**63), "maximum": 2**63 - 1},
        {"type": "number", "not": {"type": "integer"}},
        {"type": "boolean"},
        {"type": "null"},
        {"type": "array", "items": {"$ref": _REF.format(model="JsonValue")}},
        {
            "type": "object",
            "propertyNames": {"pattern": "^[^\\u0000]*$"},
            "additionalProperties": {"$ref": _REF.format(model="JsonValue")},
        },
    ],
    "description": "any JSON value without NUL characters and with integers within 64 bits",
}


_NO_NUL = "^[^\\u0000]*$"


def _reader_bounds(schema: Any) -> None:
    """Text in a request never holds a NUL and an integer fits in 64 bits (app/web/json_bodies.py,
    app/web/query_args.py): said of every string a body or a query takes that its own pattern or enum does not
    already bound, and of every integer without bounds of its own."""
    if isinstance(schema, list):
        for item in schema:
            _reader_bounds(item)
        return
    if not isinstance(schema, dict):
        return
    kinds = schema.get("type")
    if kinds == "integer" or (isinstance(kinds, list) and "integer" in kinds):
        if "maximum" not in schema and "exclusiveMaximum" not in schema:
            schema["maximum"] = 2**63 - 1
        if "minimum" not in schema and "exclusiveMinimum" not in schema:
            schema["minimum"] = -(2**63)
    if (kinds == "string" or (isinstance(kinds, list) and "string" in kinds)) and not (
        {"enum", "const", "format"} & set(schema)
    ):
        if "pattern" not in schema:
            schema["pattern"] = _NO_NUL
        elif schema["pattern"] != _NO_NUL:
            schema.setdefault("not", {"pattern": "\\u0000"})
    for key, value in schema.items():
        if key not in ("not", "enum", "const", "examples", "default"):
            _reader_bounds(value)


def _request_model_names() -> set[str]:
    names, pending = set(), [RequestModel]
    while pending:
        model = pending.pop()
        names.add(model.__name__)
        pending.extend(model.__subclasses__())
    return names


def _sound_json_only(schemas: dict[str, dict]) -> None:
    """Request bodies: what a model ignores must still be sound JSON, and a free-form object (metadata) holds such
    values only."""
    for name in _request_model_names() & set(schemas):
        schema = schemas[name]
        if schema.get("type") != "object":
            continue
        _reader_bounds(schema)
        schema.setdefault("additionalProperties", {"$ref": _REF.format(model="JsonValue")})
        schema.setdefault("propertyNames", {"pattern": "^[^\\u0000]*$"})
        for prop in schema.get("properties", {}).values():
            for choice in [prop, *prop.get("anyOf", [])]:
                if choice.get("type") == "object" and choice.get("additionalProperties", True) in (True, {}):
                    choice["additionalProperties"] = {"$ref": _REF.format(model="JsonValue")}


def _untitled(schema: Any) -> None:
    """pydantic titles every property after its name: noise in the reference (the name is right there)."""
    if isinstance(schema, dict):
        if isinstance(schema.get("properties"), dict):
            for prop in schema["properties"].values():
                if isinstance(prop, dict):
                    prop.pop("title", None)
        for value in schema.values():
            _untitled(value)
    elif isinstance(schema, list):
        for value in schema:
            _untitled(value)
