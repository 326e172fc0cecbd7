"""``kassa events listen``: follow a merchant's test-mode events as they are written and forward each one to a
developer's local receiver, signed exactly as a real delivery is (same body, headers and ``Kassa-Signature``).

The follower reads the events table by id cursor. An event's id is taken before its transaction commits, so a
slow commit can surface with an id below ones already seen: the cursor looks back a few seconds and remembers
what it has forwarded, so such an event is forwarded late rather than never, and none twice.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from dataclasses import dataclass
from datetime import datetime

import requests
from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.platform.outbox.events import Event
from app.platform.values.ids import first_id_at
from app.webhooks.delivery import Outcome, delivery_headers, event_body
from app.webhooks.models import RESPONSE_EXCERPT_CHARS
from app.webhooks.signing import SECRET_PREFIX

LOOKBACK_MS = 10_000


def listener_secret(merchant_id: str) -> str:
    """The secret the CLI listener signs with for ``merchant_id``. Derived from the app's SECRET_KEY, so it is the
    same every run and a developer configures their receiver once; it signs nothing but forwards to that receiver."""
    key = current_app.config["SECRET_KEY"].encode()
    digest = hmac.new(key, f"kassa-cli-listener:{merchant_id}".encode(), hashlib.sha256).digest()
    return SECRET_PREFIX + base64.urlsafe_b64encode(digest[:24]).decode()


@dataclass(frozen=True)
class FollowedEvent:
    """An event as read, detached from the session: what the listener prints and the exact body it sends."""

    id: str
    type: str
    created_at: datetime
    request_id: str | None
    body: bytes


class EventFollower:
    """A cursor over one merchant's events of one mode, from the moment it was made."""

    def __init__(self, merchant_id: str, *, types: frozenset[str] = frozenset(), livemode: bool = False) -> None:
        self.merchant_id, self.types, self.livemode = merchant_id, types, livemode
        self._since_ms = time.time_ns() // 1_000_000
        self._forwarded: set[str] = set()

    def poll(self) -> list[FollowedEvent]:
        """The events written since the last poll (or since the follower was made), oldest first."""
        floor = first_id_at("evt", max(self._since_ms, time.time_ns() // 1_000_000 - LOOKBACK_MS))
        # A test event (app/webhooks/samples.py) is for the one endpoint it was sent to, not for the listener too.
        query = (
            select(Event)
            .where(
                Event.merchant_id == self.merchant_id,
                Event.livemode == self.livemode,
                Event.test_webhook.is_(False),
                Event.id >= floor,
            )
            .order_by(Event.id)
        )
        if self.types:
            query = query.where(Event.type.in_(self.types))
        fresh = [
            FollowedEvent(e.id, e.type, e.created_at, e.request_id, event_body(e))
            for e in db.session.scalars(query)
            if e.id not in self._forwarded
        ]
        db.session.commit()  # end the read, so the next poll sees what others commit meanwhile
        self._forwarded = {i for i in self._forwarded if i >= floor} | {e.id for e in fresh}
        return fresh


def forward_event(url: str, secret: str, event: FollowedEvent, *, timeout: float) -> Outcome:
    """POST ``event`` to ``url`` as a webhook delivery would, signed with ``secret``; never raises for the receiver.
    Unlike a merchant's endpoint this goes straight to the URL (no outbound address check): the developer
    runs the CLI on their own machine and names their own receiver, typically on localhost."""
    headers = delivery_headers(secret, event.body, request_id=event.request_id)
    started = time.perf_counter()
    try:
        response = requests.post(url, data=event.body, headers=headers, timeout=timeout, allow_redirects=False)
        code, text, error = response.status_code, response.text[:RESPONSE_EXCERPT_CHARS] or None, None
    except requests.RequestException as exc:
        code, text, error = None, None, f"{exc.__class__.__name__}: {exc}"[:500]
    return Outcome(code, error, int((time.perf_counter() - started) * 1000), text)
