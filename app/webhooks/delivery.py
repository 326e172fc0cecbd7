"""Sending one delivery: claim the attempt, POST the signed event, record what happened, and
schedule the next try with exponential backoff until 3 days after the first.

An attempt is claimed by a conditional UPDATE (still pending, still ``attempts = n``, due), so
two workers holding the same job never send the same attempt twice. No transaction stays open
while the receiver is called.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Sequence

import requests
from flask import current_app
from sqlalchemy import func, literal, select, update

from app.errors import Conflict, NotFound
from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow
from app.platform.http import outbound
from app.platform.observability import logs
from app.platform.outbox.events import Event
from app.platform.queueing import BATCH, enqueue, enqueue_in
from app.webhooks.models import RESPONSE_EXCERPT_CHARS, WebhookDelivery, WebhookDeliveryAttempt, WebhookEndpoint
from app.webhooks.signing import signature_header

log = logs.get("webhooks")

MAX_RETRY_DELAY = timedelta(hours=6)
GIVE_UP_AFTER = timedelta(days=3)
# How long a claimed attempt may take before the sweep may try again (the worker may have died).
_LEASE_MARGIN = timedelta(seconds=60)


@dataclass(frozen=True)
class Outcome:
    status_code: int | None
    error: str | None
    duration_ms: int
    response_excerpt: str | None

    @property
    def succeeded(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


def retry_delay(attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failure: base, 2×base, 4×base, … capped at 6 h."""
    base = current_app.config["WEBHOOK_RETRY_BASE_SECONDS"]
    return min(timedelta(seconds=base * 2 ** min(attempts - 1, 30)), MAX_RETRY_DELAY)


def event_body(event: Event) -> bytes:
    """The raw body every endpoint receives for ``event`` (what the signature covers)."""
    return json.dumps(event.to_json(), separators=(",", ":"), sort_keys=True).encode()


def delivery_headers(secrets: str | Sequence[str], body: bytes, *, request_id: str | None = None) -> dict[str, str]:
    """The headers of a webhook POST of ``body``, signed now with ``secrets`` (the endpoint's secret, and while a
    rolled one overlaps, that one too). ``Kassa-Request-Id`` names the request that caused the event, so the
    merchant and Kassa's operator speak of the same checkout."""
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "Kassa-Webhooks/1",
        "Kassa-Signature": signature_header(secrets, body, int(time.time())),
    }
    if request_id:
        headers["Kassa-Request-Id"] = request_id
    return headers


def _post(url: str, secrets: list[str], body: bytes, *, request_id: str | None = None) -> Outcome:
    """POST ``body`` signed with each of ``secrets``; never raises for the receiver's faults."""
    headers = delivery_headers(secrets, body, request_id=request_id)
    timeout = current_app.config["WEBHOOK_TIMEOUT_SECONDS"]
    started = time.perf_counter()
    try:
        # Redirects are not followed: the merchant registered this exact URL. The address is checked
        # again now and connected to as checked (app/platform/http/outbound.py: no SSRF through DNS changes). The whole
        # answer, excerpt included, must come within the timeout, however slowly its bytes arrive.
        with outbound.post(url, data=body, headers=headers, timeout=timeout, stream=True) as response:
            excerpt = next(response.iter_content(RESPONSE_EXCERPT_CHARS * 4), b"")
            code = response.status_code
        error = None
    except outbound.DestinationRefused as exc:
        code, excerpt, error = None, b"", exc.message[:500]  # nothing was sent
    except requests.RequestException as exc:
        if not isinstance(exc, requests.Timeout) and time.perf_counter() - started >= timeout:
            exc = requests.Timeout(f"no complete answer within {timeout:g} s")  # cut off while reading the excerpt
        code, excerpt, error = None, b"", f"{exc.__class__.__name__}: {exc}"[:500]
    elapsed = int((time.perf_counter() - started) * 1000)
    text = excerpt.decode("utf-8", "replace")[:RESPONSE_EXCERPT_CHARS] or None
    return Outcome(code, error, elapsed, text)


def _claim(delivery: WebhookDelivery, now: datetime, *, manual: bool) -> int | None:
    """Take attempt number n+1 with one conditional UPDATE; None when another worker took it
    (or, for a scheduled attempt, when the delivery is no longer pending or not yet due)."""
    number = delivery.attempts + 1
    conditions = [WebhookDelivery.id == delivery.id, WebhookDelivery.attempts == delivery.attempts]
    values = {
        "attempts": number,
        "updated_at": now,
        "first_attempt_at": func.coalesce(WebhookDelivery.first_attempt_at, literal(now, UTCDateTime())),
    }
    if delivery.status == "pending":
        lease = timedelta(seconds=current_app.config["WEBHOOK_TIMEOUT_SECONDS"]) + _LEASE_MARGIN
        values["next_attempt_at"] = now + lease
    if not manual:
        conditions += [
            WebhookDelivery.status == "pending",
            WebhookDelivery.next_attempt_at.is_(None) | (WebhookDelivery.next_attempt_at <= now),
        ]
    claimed = db.session.execute(update(WebhookDelivery).where(*conditions).values(**values)).rowcount
    db.session.commit()
    return number if claimed == 1 else None


@dataclass(frozen=True)
class _Claimed:
    """What an attempt needs after its claim, read before the claim's commit expires the row."""

    delivery_id: str
    merchant_id: str
    number: int
    was_pending: bool
    first_attempt_at: datetime


def _record(claimed: _Claimed, outcome: Outcome, *, now: datetime, manual: bool) -> timedelta | None:
    """Store the attempt and move the delivery on; returns the delay before the next try, if any."""
    db.session.add(
        WebhookDeliveryAttempt(
            delivery_id=claimed.delivery_id,
            number=claimed.number,
            merchant_id=claimed.merchant_id,
            status_code=outcome.status_code,
            error=outcome.error,
            duration_ms=outcome.duration_ms,
            response_excerpt=outcome.response_excerpt,
            manual=manual,
            at=now,
        )
    )
    row = update(WebhookDelivery).where(WebhookDelivery.id == claimed.delivery_id)
    values = {"last_status_code": outcome.status_code, "updated_at": now}
    retry_in = None
    if outcome.succeeded:
        db.session.execute(row.values(status="succeeded", next_attempt_at=None, **values))
    elif claimed.was_pending:
        delay = retry_delay(claimed.number)
        if now + delay >= claimed.first_attempt_at + GIVE_UP_AFTER:
            schedule = {"status": "failed", "next_attempt_at": None}
        else:
            schedule, retry_in = {"next_attempt_at": now + delay}, delay
        # Still pending? An endpoint deleted meanwhile has stopped this delivery for good.
        if (
            db.session.execute(row.where(WebhookDelivery.status == "pending").values(**schedule, **values)).rowcount
            != 1
        ):
            retry_in = None
            db.session.execute(row.values(**values))
    else:
        db.session.execute(row.values(**values))  # a resend of a finished delivery leaves its status
    db.session.commit()
    return retry_in


def _send(
    delivery: WebhookDelivery, endpoint: WebhookEndpoint, *, now: datetime, manual: bool
) -> WebhookDeliveryAttempt | None:
    """Claim, POST and record one attempt; None when the claim was lost."""
    url, secrets = endpoint.url, endpoint.signing_secrets(now)
    event = db.session.get(Event, delivery.event_id)
    body = event_body(event)
    facts = dict(
        delivery_id=delivery.id,
        merchant_id=delivery.merchant_id,
        was_pending=delivery.status == "pending",
        first_attempt_at=delivery.first_attempt_at or now,
    )
    log_fields = {
        "merchant_id": delivery.merchant_id,
        "delivery_id": delivery.id,
        "endpoint_id": delivery.endpoint_id,
        "event_id": delivery.event_id,
        "manual": manual,
    }
    number = _claim(delivery, now, manual=manual)
    if number is None:
        return None
    claimed = _Claimed(number=number, **facts)
    outcome = _post(url, secrets, body, request_id=event.request_id)
    retry_in = _record(claimed, outcome, now=now, manual=manual)
    log.info(
        "webhook attempt %s: %s",
        number,
        outcome.status_code or outcome.error,
        extra={"fields": {**log_fields, "duration_ms": outcome.duration_ms}},
    )
    if retry_in is not None:
        schedule_delivery(claimed.delivery_id, retry_in)
    return db.session.get(WebhookDeliveryAttempt, (claimed.delivery_id, number))


def schedule_delivery(delivery_id: str, delay: timedelta = timedelta(0)) -> None:
    """Queue the delivery job now or after ``delay``; a lost job is found again by the sweep."""
    try:
        if delay > timedelta(0):
            enqueue_in(delay, "app.jobs.deliver_webhook", delivery_id, lane=BATCH)
        else:
            enqueue("app.jobs.deliver_webhook", delivery_id, lane=BATCH)
    except Exception:  # Redis down: the sweep re-queues due deliveries
        log.warning("could not queue a webhook delivery", exc_info=True, extra={"fields": {"delivery_id": delivery_id}})


def attempt_delivery(delivery_id: str, *, now: datetime | None = None) -> WebhookDelivery | None:
    """Make the next scheduled attempt of a pending, due delivery (the job's service)."""
    now = now or utcnow()
    delivery = db.session.get(WebhookDelivery, delivery_id)
    if delivery is None or delivery.status != "pending":
        return delivery
    endpoint = db.session.get(WebhookEndpoint, delivery.endpoint_id)
    if not endpoint.active:
        db.session.execute(
            update(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id, WebhookDelivery.status == "pending")
            .values(status="failed", next_attempt_at=None, updated_at=now)
        )
        db.session.commit()
    elif delivery.next_attempt_at is None or delivery.next_attempt_at <= now:
        _send(delivery, endpoint, now=now, manual=False)
    return db.session.get(WebhookDelivery, delivery_id, populate_existing=True)


def resend_delivery(merchant_id: str, delivery_id: str) -> WebhookDeliveryAttempt:
    """Send a delivery again now, by hand, whatever its status; returns the recorded attempt."""
    delivery = db.session.scalar(
        select(WebhookDelivery).where(WebhookDelivery.id == delivery_id, WebhookDelivery.merchant_id == merchant_id)
    )
    if delivery is None:
        raise NotFound(f"no webhook delivery {delivery_id!r}", param="id")
    endpoint = db.session.get(WebhookEndpoint, delivery.endpoint_id)
    if endpoint.deleted_at is not None:
        raise Conflict("the endpoint of this delivery was deleted", code="webhook_endpoint_deleted")
    if not endpoint.enabled:
        raise Conflict("the endpoint of this delivery is disabled; enable it first", code="webhook_endpoint_disabled")
    attempt = _send(delivery, endpoint, now=utcnow(), manual=True)
    if attempt is None:
        raise Conflict(
            "this delivery is being sent right now; look again in a moment", code="webhook_delivery_in_progress"
        )
    return attempt
