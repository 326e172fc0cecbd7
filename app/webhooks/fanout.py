"""From the outbox to deliveries: one pending delivery per (matching endpoint, event), and the
sweep that re-queues deliveries whose scheduled job was lost."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import Conflict, NotFound
from app.extensions import conflict_insert, db
from app.merchants.config_cache import cached
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Batched, Event, subscribe
from app.platform.values.ids import new_id
from app.webhooks.delivery import resend_delivery, schedule_delivery
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint

# A delivery due longer than this without being sent has lost its job (a queued one runs sooner).
SWEEP_GRACE = timedelta(seconds=60)


def create_deliveries(event: Event) -> list[str]:
    """Make sure each active endpoint of the event's merchant and mode that wants its type has a delivery
    for it (once, however often this runs); returns the ids of those still pending."""
    pending = _make_deliveries([event])
    if pending:
        db.session.commit()
    return [delivery_id for delivery_id, _ in pending]


def _make_deliveries(events: list[Event]) -> list[tuple[str, str]]:
    """``create_deliveries`` for many events, in the caller's transaction: one read of their merchants' endpoints,
    one INSERT that leaves a delivery made before (or by a concurrent fan-out) as it is, one read of what is
    pending. Returns (delivery id, event id) pairs, in the events' order."""
    merchants = {event.merchant_id for event in events}
    # Keyed by merchant and mode: a test event never reaches a live endpoint, nor a live one a test endpoint.
    endpoints: dict[tuple[str, bool], list[WebhookEndpoint]] = {}
    for endpoint in db.session.scalars(
        select(WebhookEndpoint)
        .where(
            WebhookEndpoint.merchant_id.in_(merchants),
            WebhookEndpoint.enabled.is_(True),
            WebhookEndpoint.deleted_at.is_(None),
        )
        .order_by(WebhookEndpoint.created_at, WebhookEndpoint.id)
    ):
        endpoints.setdefault((endpoint.merchant_id, endpoint.livemode), []).append(endpoint)
    now = utcnow()
    rows = [
        {
            "id": new_id("whd"),
            "merchant_id": event.merchant_id,
            "endpoint_id": endpoint.id,
            "event_id": event.id,
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": now,
            "created_at": now,
            "updated_at": now,
        }
        for event in events
        for endpoint in endpoints.get((event.merchant_id, bool(event.livemode)), ())
        if endpoint.wants(event.type)
    ]
    if not rows:
        return []
    db.session.execute(
        conflict_insert(WebhookDelivery).on_conflict_do_nothing(index_elements=["endpoint_id", "event_id"]), rows
    )
    order = {event.id: position for position, event in enumerate(events)}
    pending = db.session.execute(
        select(WebhookDelivery.id, WebhookDelivery.event_id).where(
            WebhookDelivery.event_id.in_({row["event_id"] for row in rows}), WebhookDelivery.status == "pending"
        )
    ).all()
    return sorted(((delivery_id, event_id) for delivery_id, event_id in pending), key=lambda pair: order[pair[1]])


def fan_out_batch(events: list[Event]) -> Batched:
    """The fan-out for a dispatch run's batch of events, in its transaction; the sends are queued once it commits,
    each carrying the request id of the event it delivers. Events came here because another handler wanted them;
    those whose merchant has no endpoint for them are done with by the configuration the run has read already
    (``merchant_takes``), without a read of the endpoints."""
    events = [event for event in events if merchant_takes(event.merchant_id, event.type)]
    pending = _make_deliveries(events) if events else []
    if not pending:
        return Batched()
    request_ids = {event.id: event.request_id for event in events}

    def queue_sends() -> None:
        for delivery_id, event_id in pending:
            logs.bind(request_id=request_ids[event_id])
            schedule_delivery(delivery_id)

    return Batched(then=queue_sends)


def _endpoint_event_types(session: Session, merchant_id: str) -> frozenset[str]:
    """The event types the merchant's active endpoints of either mode take ("*" for all): a cheap first sieve, the
    fan-out itself matches each event's mode."""
    return frozenset(
        event_type
        for types in session.scalars(
            select(WebhookEndpoint.events).where(
                WebhookEndpoint.merchant_id == merchant_id,
                WebhookEndpoint.enabled.is_(True),
                WebhookEndpoint.deleted_at.is_(None),
            )
        )
        for event_type in types
    )


def merchant_takes(merchant_id: str, event_type: str) -> bool:
    """Whether an active endpoint of the merchant takes ``event_type``, by its configuration (cached per version)."""
    types = cached(merchant_id, "webhook_event_types", _endpoint_event_types)
    return "*" in types or event_type in types


@subscribe("*", batch=fan_out_batch, wanted=merchant_takes)
def fan_out_to_webhooks(event: Event) -> None:
    """Outbox handler: create the event's deliveries and queue a send for each."""
    for delivery_id in create_deliveries(event):
        schedule_delivery(delivery_id)


def enqueue_due_deliveries(*, now: datetime | None = None, batch: int = 500) -> int:
    """Safety net: queue pending deliveries overdue by more than SWEEP_GRACE; returns how many."""
    cutoff = (now or utcnow()) - SWEEP_GRACE
    ids = list(
        db.session.scalars(
            select(WebhookDelivery.id)
            .where(WebhookDelivery.status == "pending", WebhookDelivery.next_attempt_at <= cutoff)
            .order_by(WebhookDelivery.next_attempt_at)
            .limit(batch)
        )
    )
    db.session.commit()
    for delivery_id in ids:
        schedule_delivery(delivery_id)
    return len(ids)


def replay_event(merchant_id: str, event_id: str) -> list[tuple[str, WebhookDeliveryAttempt | None]]:
    """Send one of the merchant's events again, now, to every active endpoint of its mode that wants it (an endpoint
    added since gets its delivery made first); returns each endpoint's URL with the attempt made, or None
    when that delivery was being sent at that moment. A NotFound for another merchant's event."""
    event = db.session.scalar(select(Event).where(Event.id == event_id, Event.merchant_id == merchant_id))
    if event is None:
        raise NotFound(f"no event {event_id!r}", param="event")
    create_deliveries(event)
    rows = db.session.execute(
        select(WebhookDelivery.id, WebhookEndpoint)
        .join(WebhookEndpoint, WebhookEndpoint.id == WebhookDelivery.endpoint_id)
        .where(
            WebhookDelivery.event_id == event.id,
            WebhookEndpoint.livemode.is_(event.livemode),
            WebhookEndpoint.enabled.is_(True),
            WebhookEndpoint.deleted_at.is_(None),
        )
        .order_by(WebhookEndpoint.created_at)
    ).all()
    targets = [(delivery_id, endpoint.url) for delivery_id, endpoint in rows if endpoint.wants(event.type)]
    sent = []
    for delivery_id, url in targets:
        try:
            sent.append((url, resend_delivery(merchant_id, delivery_id)))
        except Conflict:
            sent.append((url, None))  # a worker is sending it this very moment
    return sent
