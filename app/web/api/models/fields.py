"""Field types the API's models share: what a currency, an id, a cursor, a time, a page size are on the wire, with
the constraints the server really enforces, so the generated document promises no more and no less."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, WithJsonSchema, model_validator
from pydantic_core import PydanticCustomError

from app.errors import InvalidRequest
from app.platform.values.currencies import ISO_4217
from app.platform.values.times import request_time
from app.platform.values.whole_numbers import parse_whole_number


class RequestModel(BaseModel):
    """A body or a query. Fields the model does not name are ignored, as they always were (API.md: add fields
    freely), and the model is read-only once parsed."""

    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)


class QueryModel(RequestModel):
    """A query string. A parameter sent empty (``status=``) is as if left out, as it always was; one is never
    null (the document shows optional parameters without a null default: app/web/api/openapi_generation.py)."""

    @model_validator(mode="before")
    @classmethod
    def _empty_is_absent(cls, data: object) -> object:
        return {k: v for k, v in data.items() if v != ""} if isinstance(data, dict) else data


def _open_without_saying_so(schema: dict[str, Any]) -> None:
    # extra="allow" makes pydantic write additionalProperties: true. A schema without additionalProperties: false
    # already allows more fields (API.md: answers may add some), and the explicit true makes openapi-typescript
    # give every answer an index signature of unknown, under which the SDK's Omit/Pick lose every named field.
    if schema.get("additionalProperties") is True:
        del schema["additionalProperties"]


class Answer(BaseModel):
    """An answer's shape, for the document: routes build their JSON in app/web/api/representations.py and the
    tests check every live answer against the schema generated from these."""

    model_config = ConfigDict(extra="allow", json_schema_extra=_open_without_saying_so)


# What check_http_url (app/platform/http/urls.py) takes, as a pattern: http or https, an optional user, a host (or an
# [IPv6] one), a port 1-65535, then no space or control character. Schema and server must agree both ways: a
# client generated from the document neither sends what the server refuses nor expects a refusal it never gets.
_NOT_SPACE = r"[^\s\x00-\x1f\x7f-\x9f"
HTTP_URL_PATTERN = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://(?:" + _NOT_SPACE + r"/?#@]*@)?"
    r"(?:" + _NOT_SPACE + r"/?#@:\[\]]+|\[[0-9A-Fa-f:.]+\])"
    r"(?::(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5]))?"
    r"(?:[/?#]" + _NOT_SPACE + r"]*)?$"
)


def http_url_schema(max_length: int) -> dict[str, Any]:
    return {"type": "string", "format": "uri", "pattern": HTTP_URL_PATTERN, "maxLength": max_length}


def _custom(message: str) -> PydanticCustomError:
    # "{param}" (not in the error's context, so left as it is) is filled by app/web/api/model_errors.py with the
    # field's name as the client sent it.
    return PydanticCustomError("kassa", message)


def _currency(value: str) -> str:
    if value not in ISO_4217:
        raise _custom("{param} must be a lowercase three-letter ISO 4217 code such as usd or eur")
    return value


Currency = Annotated[
    str,
    AfterValidator(_currency),
    WithJsonSchema(
        {"type": "string", "enum": sorted(ISO_4217), "description": "lowercase ISO 4217", "examples": ["usd"]}
    ),
]


def IdOf(prefix: str, what: str) -> Any:  # noqa: N802 (a type, named as one)
    """The id of a ``what`` (``ord_…`` for an order): another kind of id, or a word, is a 400 that says which."""

    def check(value: str) -> str:
        if not value.startswith(f"{prefix}_") or len(value) > 255:
            raise _custom(f"{{param}} must be the id of {what} ({prefix}_…)")
        return value

    return Annotated[
        str,
        AfterValidator(check),
        WithJsonSchema(
            {"type": "string", "pattern": f"^{prefix}_", "maxLength": 255, "examples": [f"{prefix}_1a2b3c"]}
        ),
    ]


def Cursor(prefix: str) -> Any:  # noqa: N802
    """``starting_after``: the id of the last item of the page before. An id of another kind would page from nowhere
    and answer an empty page, as if the list had ended."""

    def check(value: str) -> str:
        if not value.startswith(f"{prefix}_") or len(value) > 255:
            raise _custom(f"{{param}} must be the id of the last item you have ({prefix}_…)")
        return value

    return Annotated[
        str,
        AfterValidator(check),
        WithJsonSchema(
            {
                "type": "string",
                "pattern": f"^{prefix}_",
                "maxLength": 255,
                "description": "the id of the last item of the page before",
            }
        ),
    ]


def _time(value: object) -> datetime:
    try:
        return request_time(value, "{param}")
    except InvalidRequest as error:
        raise _custom(error.message) from None


class NotBlank:
    """Says in the document that a text holds more than spaces, where the service strips it and refuses what is
    left empty (a marker, so it composes with a field's own schema hooks)."""

    def __get_pydantic_json_schema__(self, core_schema: Any, handler: Any) -> dict:
        schema = handler(core_schema)
        schema["pattern"] = r"\S"
        return schema


# A time a client sends: ISO 8601 (Z or an offset) or unix seconds, read as UTC.
RequestTime = Annotated[
    datetime,
    BeforeValidator(_time),
    WithJsonSchema(
        {
            # unix seconds from year 1 to 9999, the times a datetime holds
            "anyOf": [
                {"type": "string", "format": "date-time"},
                {"type": "integer", "minimum": -62135596800, "maximum": 253402300799},
            ],
            "examples": ["2026-11-27T15:07:48Z", 1795792068],
        }
    ),
]

# A time in an answer (API.md): ISO 8601 UTC ending in Z, to the second.
Time = Annotated[str, WithJsonSchema({"type": "string", "format": "date-time", "examples": ["2026-11-27T15:07:48Z"]})]
NullableTime = Annotated[
    str | None,
    WithJsonSchema({"type": ["string", "null"], "format": "date-time", "examples": ["2026-11-27T15:07:48Z"]}),
]


def Limit(default: int = 20, maximum: int = 100) -> Any:  # noqa: N802
    """A page size: a whole number (its digits, in a query string) within its bounds, else a 400 that names them."""

    def check(value: object) -> int:
        if isinstance(value, str) and value.endswith(".0") and value[:-2].isascii() and value[:-2].isdigit():
            value = value[:-2]  # 20.0 is the integer 20 to JSON Schema, as the document's clients read it
        number = parse_whole_number(value) if isinstance(value, str) else value
        if type(number) is not int or not 1 <= number <= maximum:
            raise _custom(f"{{param}} must be an integer between 1 and {maximum}")
        return number

    return Annotated[
        int, Field(default=default, ge=1, le=maximum, description="how many items a page holds"), BeforeValidator(check)
    ]


def SchemaRef(name: str, *, nullable: bool = False, many: bool = False, description: str | None = None) -> Any:  # noqa: N802
    """A field whose shape is a schema another area's module declares (by its component name), so areas need not
    import each other's models."""
    # Under allOf: pydantic resolves a bare top-level $ref among its own models, where this name is not.
    schema: dict[str, Any] = {"allOf": [{"$ref": f"#/components/schemas/{name}"}]}
    if many:
        schema = {"type": "array", "items": schema}
    if nullable:
        schema = {"oneOf": [schema, {"type": "null"}]}
    if description:
        schema = {**schema, "description": description}
    return Annotated[Any, WithJsonSchema(schema)]


class Money(Answer):
    """An amount in minor units of its currency."""

    amount: int
    currency: Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]


class MoneyInput(RequestModel):
    amount: int = Field(ge=1)
    currency: Currency


class Deleted(Answer):
    id: str
    object: str = Field(description="the kind of object deleted (risk_rule, webhook_endpoint, …)")
    deleted: Literal[True]


def page_of(item: type[BaseModel], name: str) -> type[BaseModel]:
    """The answer of a list route: ``{object: "list", data: [item], has_more}``."""
    return type(
        name,
        (Answer,),
        {
            "__annotations__": {"object": Literal["list"], "data": list[item], "has_more": bool},  # type: ignore[valid-type]
            "__doc__": f"A page of {item.__name__} objects, oldest cursor first; pass the last id as starting_after.",
            "__module__": item.__module__,
        },
    )
