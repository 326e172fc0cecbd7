"""Webhook endpoints: register, list, read, change, roll the secret, send a test event, delete."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StrictBool, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.web.api.models.events import Event
from app.web.api.models.fields import (
    Answer,
    Cursor,
    Deleted,
    Limit,
    NullableTime,
    QueryModel,
    RequestModel,
    Time,
    page_of,
)
from app.webhooks.endpoints import MAX_URL_LENGTH
from app.webhooks.event_types import ALL_EVENTS, EVENT_TYPES
from app.webhooks.samples import DEFAULT_TEST_TYPE
from app.webhooks.secrets import DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS


def _kassa(message: str) -> PydanticCustomError:
    # "{param}" is filled by app/web/api/model_errors.py with the field as the client named it.
    return PydanticCustomError("kassa", message)


def _no_default(schema: dict[str, Any]) -> None:
    # An optional field left out changes nothing: there is no default value to show.
    schema.pop("default", None)


def _event_types(events: list[str]) -> list[str]:
    unknown = sorted({e for e in events if e != ALL_EVENTS and e not in EVENT_TYPES})
    if unknown:
        raise _kassa(
            f"{{param}} names unknown event type(s): {', '.join(unknown)}; known: {', '.join(sorted(EVENT_TYPES))}"
        )
    if ALL_EVENTS in events and len(set(events)) > 1:
        raise _kassa('{param}: "*" already means every event; send ["*"] alone')
    return events


# Event types, or ["*"] alone for every event; a type named twice counts once.
EventTypes = Annotated[
    list[str],
    Field(min_length=1),
    AfterValidator(_event_types),
    WithJsonSchema(
        {
            "description": 'event types, or ["*"] for every event',
            "oneOf": [
                {"type": "array", "items": {"enum": sorted(EVENT_TYPES)}, "minItems": 1},
                {"type": "array", "items": {"const": ALL_EVENTS}, "minItems": 1},
            ],
        }
    ),
]

# Checked whole by the service (app/webhooks/endpoints.py): http(s), a host, and a public address (SSRF).
EndpointUrl = Annotated[
    str,
    Field(max_length=MAX_URL_LENGTH),
    WithJsonSchema(
        {
            "type": "string",
            "format": "uri",
            "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]+",
            "maxLength": MAX_URL_LENGTH,
            "description": "an absolute http(s) URL on a public address",
            "examples": ["https://merchant.example/hooks"],
        }
    ),
]


class WebhookEndpointInput(RequestModel):
    url: EndpointUrl
    events: EventTypes


class WebhookEndpointUpdate(RequestModel):
    """Only what changes: at least one of url, events, enabled or disabled."""

    url: EndpointUrl = Field(default=None, json_schema_extra=_no_default)
    events: EventTypes = Field(default=None, json_schema_extra=_no_default)
    enabled: StrictBool = Field(
        default=None,
        description="false: no event is queued for it, and its pending deliveries stop",
        json_schema_extra=_no_default,
    )
    disabled: StrictBool = Field(
        default=None, description="Stripe's spelling: the opposite of enabled", json_schema_extra=_no_default
    )

    model_config = {
        "json_schema_extra": {"anyOf": [{"required": [name]} for name in ("url", "events", "enabled", "disabled")]}
    }


def _overlap_hours(value: object) -> object:
    if value is None:
        return DEFAULT_OVERLAP_HOURS
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_OVERLAP_HOURS:
        raise _kassa(f"{{param}} must be a whole number of hours from 0 to {MAX_OVERLAP_HOURS}")
    return value


class WebhookSecretRoll(RequestModel):
    overlap_hours: Annotated[
        int,
        BeforeValidator(_overlap_hours),
        WithJsonSchema(
            {
                "type": ["integer", "null"],
                "minimum": 0,
                "maximum": MAX_OVERLAP_HOURS,
                "default": DEFAULT_OVERLAP_HOURS,
                "description": "how long the old secret keeps signing beside the new one; 0 retires it at once "
                "(null: the default)",
            }
        ),
    ] = DEFAULT_OVERLAP_HOURS


def _test_type(value: object) -> object:
    if value is not None and (not isinstance(value, str) or value not in EVENT_TYPES):
        raise _kassa(f"{{param}} must be a known event type, e.g. {DEFAULT_TEST_TYPE}")
    return value


class WebhookTestInput(RequestModel):
    type: Annotated[
        str | None,
        BeforeValidator(_test_type),
        WithJsonSchema(
            {
                "enum": [*sorted(EVENT_TYPES), None],
                "description": "an event type the endpoint listens to (default: order.paid if it does, else the "
                "first it listens to)",
            }
        ),
    ] = Field(default=None, json_schema_extra=_no_default)


class WebhookEndpointListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("we") = Field(default=None, json_schema_extra=_no_default)


class WebhookEndpoint(Answer):
    """An endpoint Kassa POSTs events to (never its secret, but on create and roll)."""

    id: str = Field(examples=["we_1a2b3c"])
    object: Literal["webhook_endpoint"]
    livemode: bool = Field(
        description="the mode of the key (or portal view) that made it: it receives only that mode's events, and "
        "only keys of that mode see or change it"
    )
    url: str = Field(json_schema_extra={"format": "uri"})
    events: list[str] = Field(min_length=1, description='event types, or ["*"] for every event')
    enabled: bool
    status: Literal["enabled", "disabled"] = Field(
        description="Stripe's name for enabled; a disabled endpoint receives nothing"
    )
    previous_secret_expires_at: NullableTime = Field(
        description="after a roll, until when the old secret also signs (a second v1 in Kassa-Signature); null "
        "when only one secret signs"
    )
    created_at: Time


class WebhookEndpointCreated(WebhookEndpoint):
    """The endpoint with its signing secret, shown in this answer only."""

    secret: str = Field(pattern="^whsec_", description="the signing secret (whsec_ prefix included in the HMAC key)")


WebhookEndpointList = page_of(WebhookEndpoint, "WebhookEndpointList")


class WebhookEndpointDeleted(Deleted):
    """The endpoint is deleted; its pending deliveries stopped."""

    object: Literal["webhook_endpoint"]


class WebhookDelivery(Answer):
    """A delivery of one event to one endpoint, as of its latest attempt."""

    id: str = Field(examples=["whd_1a2b3c"])
    object: Literal["webhook_delivery"]
    endpoint: str = Field(description="the endpoint's id")
    event: str = Field(description="the event's id")
    status: Literal["pending", "succeeded", "failed"]
    attempts: int
    last_status_code: int | None = Field(description="what the endpoint answered last; null: no answer")
    next_attempt_at: NullableTime


class WebhookTestEvent(Event):
    """The sample event, marked as one."""

    test_webhook: Literal[True]


class WebhookTest(Answer):
    """Sent (the delivery says how the endpoint answered)."""

    object: Literal["webhook_test"]
    event: WebhookTestEvent
    delivery: WebhookDelivery
