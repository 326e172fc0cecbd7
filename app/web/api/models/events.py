"""The merchant's event log (GET /events, GET /orders/{id}/events) and an order's status stream
(GET /orders/{id}/stream): the Event envelope webhooks deliver too, and the stream's server-sent events."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from app.orders.state import STATUSES
from app.web.api.models.fields import Answer, Cursor, Limit, QueryModel, Time, page_of
from app.webhooks.event_types import SUBSCRIBABLE

# The types GET /events?type= accepts: those Kassa sends (app/webhooks/event_types.py).
EventType = Literal[SUBSCRIBABLE]  # type: ignore[valid-type]


def _no_default(schema: dict[str, Any]) -> None:
    # An answer field that is sometimes absent: absent is not a default value the client could rely on.
    schema.pop("default", None)


class EventListQuery(QueryModel):
    limit: Limit()
    # Left out, a filter is off: no default value to show (and a query parameter is never null).
    starting_after: Cursor("evt") = Field(default=None, json_schema_extra=_no_default)
    type: EventType = Field(default=None, description="only events of this type", json_schema_extra=_no_default)


class OrderEventsQuery(QueryModel):
    client_secret: str = Field(
        default=None,
        description="the order's client secret: required with a publishable key",
        json_schema_extra=_no_default,
    )


class EventData(Answer):
    object: dict[str, Any] = Field(
        description="the object the event is about, as it stood then (carries livemode too); its shape per type "
        "is in the webhooks section"
    )


class Event(Answer):
    """Something that happened to one of the merchant's objects, exactly as webhooks deliver it."""

    id: str = Field(examples=["evt_1a2b3c"])
    object: Literal["event"]
    type: str = Field(description="what happened, e.g. order.paid", examples=["order.paid"])
    livemode: bool
    created_at: Time
    data: EventData
    request_id: str | None = Field(description="the request that created the order (or caused the event)")
    test_webhook: Literal[True] = Field(
        default=None,
        description="present only on a sample sent by POST /webhook_endpoints/{id}/test",
        json_schema_extra=_no_default,
    )


EventList = page_of(Event, "EventList")


class OrderStreamPayment(Answer):
    """The order's latest payment attempt."""

    id: str = Field(examples=["pay_1a2b3c"])
    channel: str = Field(examples=["sandbox_card"])
    status: Literal["pending", "succeeded", "failed", "unknown", "canceled"]
    failure_reason: str | None


class OrderStatusEvent(Answer):
    """``event: status``: the order's status and its latest payment, sent first and whenever either changes."""

    order: str = Field(description="the order's id", examples=["ord_1a2b3c"])
    status: Literal[STATUSES]  # type: ignore[valid-type]
    payment: OrderStreamPayment | None = Field(description="null until a payment is attempted")


class OrderStreamEnd(Answer):
    """``event: end``: the stream's last event, and why it ended."""

    reason: Literal["decided", "timeout", "gone", "unavailable", "poll"] = Field(
        description="decided: the order is paid or closed; timeout: ORDER_STREAM_SECONDS passed (reconnect); gone: "
        "the order no longer exists; unavailable: the database went away (poll the order meanwhile); poll: no "
        "stream here (poll the order)"
    )
    reconnect: Literal[True] = Field(
        default=None,
        description="present (true) with reason timeout: open the stream again",
        json_schema_extra=_no_default,
    )
