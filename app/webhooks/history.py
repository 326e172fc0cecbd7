"""What the portal shows: a merchant's deliveries and every attempt at each."""
from __future__ import annotations

from sqlalchemy import select

from app.errors import NotFound
from app.extensions import db
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt


def list_deliveries(merchant_id: str, *, endpoint_id: str | None = None, event_id: str | None = None,
                    limit: int = 50) -> list[WebhookDelivery]:
    """The merchant's deliveries, newest first, optionally for one endpoint or one event."""
    query = select(WebhookDelivery).where(WebhookDelivery.merchant_id == merchant_id)
    if endpoint_id:
        query = query.where(WebhookDelivery.endpoint_id == endpoint_id)
    if event_id:
        query = query.where(WebhookDelivery.event_id == event_id)
    return list(db.session.scalars(query.order_by(WebhookDelivery.id.desc()).limit(limit)))


def delivery_attempts(merchant_id: str, delivery_id: str) -> list[WebhookDeliveryAttempt]:
    """Every attempt at one of the merchant's deliveries, in the order they were made."""
    owned = db.session.scalar(select(WebhookDelivery.id).where(WebhookDelivery.id == delivery_id,
                                                               WebhookDelivery.merchant_id == merchant_id))
    if owned is None:
        raise NotFound(f"no webhook delivery {delivery_id!r}", param="id")
    return list(db.session.scalars(select(WebhookDeliveryAttempt)
                                   .where(WebhookDeliveryAttempt.delivery_id == delivery_id)
                                   .order_by(WebhookDeliveryAttempt.number)))
