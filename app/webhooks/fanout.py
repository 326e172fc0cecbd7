"""From the outbox to deliveries: one pending delivery per (matching endpoint, event), and the
sweep that re-queues deliveries whose scheduled job was lost."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.db_types import utcnow
from app.errors import Conflict, NotFound
from app.events import Event, subscribe
from app.extensions import db
from app.ids import new_id
from app.webhooks.delivery import resend_delivery, schedule_delivery
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint

# A delivery due longer than this without being sent has lost its job (a queued one runs sooner).
SWEEP_GRACE = timedelta(seconds=60)


def create_deliveries(event: Event) -> list[str]:
    """Make sure each active endpoint of the event's merchant that wants its type has a delivery
    for it (once, however often this runs); returns the ids of those still pending."""
    endpoints = [e for e in db.session.scalars(
        select(WebhookEndpoint).where(WebhookEndpoint.merchant_id == event.merchant_id,
                                      WebhookEndpoint.enabled.is_(True), WebhookEndpoint.deleted_at.is_(None)))
                 if e.wants(event.type)]
    if not endpoints:
        return []
    existing = set(db.session.scalars(select(WebhookDelivery.endpoint_id)
                                      .where(WebhookDelivery.event_id == event.id)))
    now = utcnow()
    for endpoint in endpoints:
        if endpoint.id not in existing:
            db.session.add(WebhookDelivery(id=new_id("whd"), merchant_id=event.merchant_id, endpoint_id=endpoint.id,
                                           event_id=event.id, status="pending", attempts=0, next_attempt_at=now,
                                           created_at=now, updated_at=now))
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent fan-out of the same event made them first
        db.session.rollback()
    return list(db.session.scalars(select(WebhookDelivery.id).where(WebhookDelivery.event_id == event.id,
                                                                    WebhookDelivery.status == "pending")))


@subscribe("*")
def fan_out_to_webhooks(event: Event) -> None:
    """Outbox handler: create the event's deliveries and queue a send for each."""
    for delivery_id in create_deliveries(event):
        schedule_delivery(delivery_id)


def enqueue_due_deliveries(*, now: datetime | None = None, batch: int = 500) -> int:
    """Safety net: queue pending deliveries overdue by more than SWEEP_GRACE; returns how many."""
    cutoff = (now or utcnow()) - SWEEP_GRACE
    ids = list(db.session.scalars(
        select(WebhookDelivery.id).where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= cutoff)
        .order_by(WebhookDelivery.next_attempt_at).limit(batch)))
    db.session.commit()
    for delivery_id in ids:
        schedule_delivery(delivery_id)
    return len(ids)


def replay_event(merchant_id: str, event_id: str) -> list[tuple[str, WebhookDeliveryAttempt | None]]:
    """Send one of the merchant's events again, now, to every active endpoint that wants it (an endpoint
    added since gets its delivery made first); returns each endpoint's URL with the attempt made, or None
    when that delivery was being sent at that moment. A NotFound for another merchant's event."""
    event = db.session.scalar(select(Event).where(Event.id == event_id, Event.merchant_id == merchant_id))
    if event is None:
        raise NotFound(f"no event {event_id!r}", param="event")
    create_deliveries(event)
    rows = db.session.execute(
        select(WebhookDelivery.id, WebhookEndpoint)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(WebhookDelivery.event_id == event.id, WebhookEndpoint.enabled.is_(True),
               WebhookEndpoint.deleted_at.is_(None)).order_by(WebhookEndpoint.created_at)).all()
    targets = [(delivery_id, endpoint.url) for delivery_id, endpoint in rows if endpoint.wants(event.type)]
    sent = []
    for delivery_id, url in targets:
        try:
            sent.append((url, resend_delivery(merchant_id, delivery_id)))
        except Conflict:
            sent.append((url, None))  # a worker is sending it this very moment
    return sent
