"""Send a test event: a sample event of a type the endpoint listens to, signed and delivered like any other.

The event is real (a row, a delivery, attempts the portal lists) but marked ``test_webhook`` and born
dispatched, so the outbox hands it to no handler and no other endpoint: nothing in Kassa reacts to it, and
``GET /events`` leaves it out. A failed first attempt is retried on the normal schedule.
"""

from __future__ import annotations

from datetime import timedelta

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.orders.models import Order, OrderItem
from app.orders.representation import order_object
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event
from app.platform.values.ids import new_id
from app.webhooks.delivery import attempt_delivery
from app.webhooks.endpoints import get_endpoint
from app.webhooks.event_types import EVENT_TYPES
from app.webhooks.models import WebhookDelivery, WebhookEndpoint

DEFAULT_TEST_TYPE = "order.paid"
# The id prefix of each kind of object, so a sample looks like the real thing.
_PREFIXES = {
    "order": "ord",
    "payment": "pay",
    "refund": "re",
    "subscription": "sub",
    "settlement": "stl",
    "payout": "po",
    "withdrawal": "wd",
    "transfer": "tr",
    "checkout_session": "cs",
    "risk": "ord",
    "reconciliation": "dsc",
}


def sample_event_types(endpoint: WebhookEndpoint) -> list[str]:
    """The types a test event to this endpoint may have: those it listens to, the default first."""
    types = sorted(t for t in EVENT_TYPES if endpoint.wants(t))
    if DEFAULT_TEST_TYPE in types:
        types.remove(DEFAULT_TEST_TYPE)
        types.insert(0, DEFAULT_TEST_TYPE)
    return types


def sample_object(event_type: str, *, livemode: bool) -> dict:
    """A plausible object for ``event_type`` in that mode, with ids that name no real object."""
    kind = event_type.split(".")[0]
    object_id = new_id(f"{_PREFIXES.get(kind, kind)}_test")
    if kind in ("order", "risk"):
        return _sample_order(object_id, event_type.split(".")[1] if kind == "order" else "paid", livemode)
    return {
        "id": object_id,
        "object": kind,
        "livemode": livemode,
        "amount": 2500,
        "currency": "usd",
        "metadata": {"kassa_test_webhook": "true"},
    }


def _sample_order(order_id: str, status: str, livemode: bool) -> dict:
    """An order shaped exactly as real order events carry it (app/orders/representation.py); never stored."""
    now = utcnow()
    order = Order(
        id=order_id,
        kind="purchase",
        status=status,
        livemode=livemode,
        customer_id="cus_test_sample",
        customer_email="shopper@example.com",
        customer_source="secret_key",
        checkout_session_id=None,
        currency="usd",
        subtotal=2500,
        discount=0,
        total=2500,
        refunded_amount=0,
        risk=None,
        metadata_={"kassa_test_webhook": "true"},
        expires_at=now + timedelta(minutes=30),
        created_at=now,
        items=[
            OrderItem(
                sku_id="sku_test_sample",
                product_id="prod_test_sample",
                name="Sample item",
                quantity=1,
                unit_amount=2500,
                amount=2500,
            )
        ],
    )
    return order_object(order)


def _parse_type(endpoint: WebhookEndpoint, event_type: object) -> str:
    allowed = sample_event_types(endpoint)
    if event_type is None:
        return allowed[0]
    if not isinstance(event_type, str) or event_type not in EVENT_TYPES:
        raise InvalidRequest(f"type must be a known event type, e.g. {DEFAULT_TEST_TYPE}", param="type")
    if event_type not in allowed:
        raise InvalidRequest(
            f"this endpoint does not listen to {event_type}; it listens to {', '.join(endpoint.events)}", param="type"
        )
    return event_type


def send_test_event(
    merchant_id: str, endpoint_id: str, *, livemode: bool, event_type: object = None
) -> WebhookDelivery:
    """Make a test event for the endpoint and send it now; returns its delivery after the first attempt. The sample
    is of the endpoint's mode, so a live receiver is shown what live events look like (``test_webhook`` marks it)."""
    endpoint = get_endpoint(merchant_id, endpoint_id, livemode=livemode)  # another merchant's or mode's is a 404
    if not endpoint.enabled:
        raise Conflict(
            "this endpoint is disabled and receives nothing; enable it first", code="webhook_endpoint_disabled"
        )
    type_ = _parse_type(endpoint, event_type)
    now = utcnow()
    event = Event(
        id=new_id("evt"),
        merchant_id=merchant_id,
        type=type_,
        data={"object": sample_object(type_, livemode=livemode)},
        livemode=livemode,
        test_webhook=True,
        created_at=now,
        dispatched_at=now,
        request_id=logs.current("request_id"),
    )
    delivery = WebhookDelivery(
        id=new_id("whd"),
        merchant_id=merchant_id,
        endpoint_id=endpoint.id,
        event_id=event.id,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
        updated_at=now,
    )
    db.session.add_all([event, delivery])
    db.session.commit()
    return attempt_delivery(delivery.id)
