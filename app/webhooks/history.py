"""What the portal shows: a merchant's deliveries and every attempt at each, in the mode the portal shows (a
delivery is of its endpoint's mode)."""

from __future__ import annotations

from sqlalchemy import select

from app.errors import NotFound
from app.extensions import db
from app.platform.outbox.events import Event
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint


def _of_mode(livemode: bool):
    """Deliveries to the endpoints of one mode."""
    return (
        select(WebhookDelivery)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookEndpoint.livemode.is_(livemode))
    )


def list_deliveries(
    merchant_id: str,
    *,
    livemode: bool,
    endpoint_id: str | None = None,
    event_id: str | None = None,
    status: str | None = None,
    limit: int = 50,
    starting_after: str | None = None,
) -> list[WebhookDelivery]:
    """The merchant's deliveries of one mode, newest first, optionally for one endpoint, event or status;
    ``starting_after`` (a delivery id) gives the next, older page."""
    query = _of_mode(livemode).where(WebhookDelivery.merchant_id == merchant_id)
    if endpoint_id:
        query = query.where(WebhookDelivery.endpoint_id == endpoint_id)
    if event_id:
        query = query.where(WebhookDelivery.event_id == event_id)
    if status:
        query = query.where(WebhookDelivery.status == status)
    if starting_after:
        query = query.where(WebhookDelivery.id < starting_after)
    return list(db.session.scalars(query.order_by(WebhookDelivery.id.desc()).limit(limit)))


def get_delivery(merchant_id: str, delivery_id: str, *, livemode: bool) -> WebhookDelivery:
    """One of the merchant's deliveries of that mode; another merchant's or mode's is not found."""
    delivery = db.session.scalar(
        _of_mode(livemode).where(WebhookDelivery.id == delivery_id, WebhookDelivery.merchant_id == merchant_id)
    )
    if delivery is None:
        raise NotFound(f"no webhook delivery {delivery_id!r}", param="id")
    return delivery


def delivery_attempts(merchant_id: str, delivery_id: str, *, livemode: bool) -> list[WebhookDeliveryAttempt]:
    """Every attempt at one of the merchant's deliveries, in the order they were made."""
    get_delivery(merchant_id, delivery_id, livemode=livemode)
    return list(
        db.session.scalars(
            select(WebhookDeliveryAttempt)
            .where(WebhookDeliveryAttempt.delivery_id == delivery_id)
            .order_by(WebhookDeliveryAttempt.number)
        )
    )


def deliveries_for_order(merchant_id: str, order_id: str) -> list[tuple[WebhookDelivery, Event, WebhookEndpoint]]:
    """Deliveries of one order's events, with the event and endpoint of each, oldest first."""
    return [
        tuple(row)
        for row in db.session.execute(
            select(WebhookDelivery, Event, WebhookEndpoint)
            .join(Event, Event.id == WebhookDelivery.event_id)
            .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
            .where(
                WebhookDelivery.merchant_id == merchant_id, Event.merchant_id == merchant_id, Event.order_id == order_id
            )
            .order_by(WebhookDelivery.id)
        )
    ]
