"""Webhook endpoint services: register, list, read, change (url, events, enabled) and delete a merchant's
endpoints. Their secrets are rolled and revealed in app/webhooks/secrets.py.

An endpoint is test or live, like the key that made it, and each service takes the caller's mode: another mode's
endpoint is not found, as another mode's order is."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.config_cache import bump
from app.platform.db.types import utcnow
from app.platform.http.outbound import check_destination
from app.platform.http.urls import check_http_url
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first
from app.webhooks.event_types import ALL_EVENTS, EVENT_TYPES
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.signing import new_endpoint_secret

MAX_URL_LENGTH = 2000


def _parse_url(url: object) -> str:
    url = check_http_url(
        url.strip() if isinstance(url, str) else url,
        "url",
        max_length=MAX_URL_LENGTH,
        example="https://example.com/hooks",
    )
    check_destination(url, "url")  # not this machine or its networks (SSRF); checked again at each send
    return url


def _parse_events(events: object) -> list[str]:
    if not isinstance(events, list) or not events or not all(isinstance(e, str) for e in events):
        raise InvalidRequest('events must be a non-empty list of event types, or ["*"] for every event', param="events")
    unknown = sorted({e for e in events if e != ALL_EVENTS and e not in EVENT_TYPES})
    if unknown:
        raise InvalidRequest(
            f"unknown event type(s): {', '.join(unknown)}; known: {', '.join(sorted(EVENT_TYPES))}", param="events"
        )
    if ALL_EVENTS in events and len(set(events)) > 1:
        raise InvalidRequest('"*" already means every event; send ["*"] alone', param="events")
    return list(dict.fromkeys(events))  # drop repeats, keep the merchant's order


def create_endpoint(merchant_id: str, *, url: object, events: object, livemode: bool) -> WebhookEndpoint:
    """Register an endpoint of the caller's mode with a new signing secret; it receives that mode's events from now
    on."""
    endpoint = WebhookEndpoint(
        id=new_id("we"),
        merchant_id=merchant_id,
        livemode=livemode,
        url=_parse_url(url),
        events=_parse_events(events),
        secret=new_endpoint_secret(),
        enabled=True,
        created_at=utcnow(),
    )
    db.session.add(endpoint)
    db.session.commit()
    return endpoint


def list_endpoints(
    merchant_id: str, *, livemode: bool, limit: int = 20, starting_after: str | None = None
) -> tuple[list[WebhookEndpoint], bool]:
    """The merchant's endpoints of one mode that are not deleted, newest first, cursor-paginated by id."""
    query = select(WebhookEndpoint).where(
        WebhookEndpoint.merchant_id == merchant_id,
        WebhookEndpoint.livemode.is_(livemode),
        WebhookEndpoint.deleted_at.is_(None),
    )
    return newest_first(query, WebhookEndpoint.id, limit=limit, starting_after=starting_after)


def get_endpoint(merchant_id: str, endpoint_id: str, *, livemode: bool) -> WebhookEndpoint:
    """One of the merchant's endpoints of that mode that is not deleted; anything else is not found."""
    endpoint = db.session.scalar(
        select(WebhookEndpoint).where(
            WebhookEndpoint.id == endpoint_id,
            WebhookEndpoint.merchant_id == merchant_id,
            WebhookEndpoint.livemode.is_(livemode),
            WebhookEndpoint.deleted_at.is_(None),
        )
    )
    if endpoint is None:
        raise NotFound(f"no webhook endpoint {endpoint_id!r}", param="id")
    return endpoint


# What POST /webhook_endpoints/{id} may change; ``disabled`` is Stripe's name for the opposite of ``enabled``.
UPDATABLE = ("url", "events", "enabled", "disabled")


def _parse_enabled(changes: dict) -> bool | None:
    """The wanted ``enabled`` state from ``enabled`` and/or ``disabled``, or None when neither is given."""
    wanted = None
    for name, means_enabled in (("enabled", True), ("disabled", False)):
        if name not in changes:
            continue
        if not isinstance(changes[name], bool):
            raise InvalidRequest(f"{name} must be true or false", param=name)
        value = changes[name] if means_enabled else not changes[name]
        if wanted is not None and value != wanted:
            raise InvalidRequest("enabled and disabled contradict each other; send one of them", param="disabled")
        wanted = value
    return wanted


def _stop_pending_deliveries(endpoint_id: str, now: datetime) -> None:
    # A stopped delivery stays visible and can be resent by hand once the endpoint takes events again.
    db.session.execute(
        update(WebhookDelivery)
        .where(WebhookDelivery.endpoint_id == endpoint_id, WebhookDelivery.status == "pending")
        .values(status="failed", next_attempt_at=None, updated_at=now)
    )


def update_endpoint(merchant_id: str, endpoint_id: str, changes: dict, *, livemode: bool) -> WebhookEndpoint:
    """Change an endpoint's url, events and/or enabled state (``changes`` holds only what changes). Disabling it
    stops its pending deliveries, and no event is queued for it until it is enabled again."""
    endpoint = get_endpoint(merchant_id, endpoint_id, livemode=livemode)  # another merchant's or mode's is a 404
    if not any(name in changes for name in UPDATABLE):
        raise InvalidRequest("nothing to change: send url, events or enabled")
    url = _parse_url(changes["url"]) if "url" in changes else None
    events = _parse_events(changes["events"]) if "events" in changes else None
    enabled = _parse_enabled(changes)
    now = utcnow()
    if url is not None:
        endpoint.url = url
    if events is not None:
        endpoint.events = events
    if enabled is not None:
        if endpoint.enabled and not enabled:
            _stop_pending_deliveries(endpoint.id, now)
        endpoint.enabled = enabled
    endpoint.updated_at = now
    db.session.commit()
    return endpoint


def delete_endpoint(merchant_id: str, endpoint_id: str, *, livemode: bool) -> str:
    """Delete an endpoint of that mode and stop its pending deliveries, in one transaction; returns its id."""
    now = utcnow()
    deleted = db.session.execute(
        update(WebhookEndpoint)
        .where(
            WebhookEndpoint.id == endpoint_id,
            WebhookEndpoint.merchant_id == merchant_id,
            WebhookEndpoint.livemode.is_(livemode),
            WebhookEndpoint.deleted_at.is_(None),
        )
        .values(deleted_at=now, enabled=False)
    ).rowcount
    if deleted != 1:
        db.session.rollback()
        raise NotFound(f"no webhook endpoint {endpoint_id!r}", param="id")
    bump(merchant_id)  # its event types no longer count (app/webhooks/fanout.py); ORM changes bump by themselves
    _stop_pending_deliveries(endpoint_id, now)
    db.session.commit()
    return endpoint_id
