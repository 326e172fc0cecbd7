"""An endpoint's signing secret after it was made: shown again on request, and rolled with an overlap.

Rolling makes a new secret that signs every delivery from now on; the old one keeps signing beside it (a second
``v1`` in ``Kassa-Signature``) for the overlap, so a merchant can deploy the new secret to every server before the
old one stops verifying. Only the secret just replaced overlaps: rolling again ends an older overlap at once.
"""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.platform.db.types import utcnow
from app.webhooks.endpoints import get_endpoint
from app.webhooks.models import WebhookEndpoint
from app.webhooks.signing import new_endpoint_secret

DEFAULT_OVERLAP_HOURS = 24
MAX_OVERLAP_HOURS = 24


def parse_overlap_hours(value: object) -> int:
    """Whole hours from 0 (the old secret stops now) to 24; None means the default, 24."""
    if value is None:
        return DEFAULT_OVERLAP_HOURS
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_OVERLAP_HOURS:
        raise InvalidRequest(
            f"overlap_hours must be a whole number of hours from 0 to {MAX_OVERLAP_HOURS}", param="overlap_hours"
        )
    return value


def roll_endpoint_secret(
    merchant_id: str, endpoint_id: str, *, livemode: bool, overlap_hours: object = None
) -> WebhookEndpoint:
    """Give the endpoint a new secret; the old one also signs for ``overlap_hours`` (0: not at all)."""
    hours = parse_overlap_hours(overlap_hours)
    endpoint = get_endpoint(merchant_id, endpoint_id, livemode=livemode)  # another merchant's or mode's is a 404
    now, old = utcnow(), endpoint.secret
    overlap = (
        {"previous_secret": old, "previous_expires_at": now + timedelta(hours=hours)}
        if hours
        else {"previous_secret": None, "previous_expires_at": now}
    )
    # Conditional on the secret read: of two rolls at once, one wins and the other is told, so nobody is shown a
    # secret that was overwritten a moment later.
    rolled = db.session.execute(
        update(WebhookEndpoint)
        .where(WebhookEndpoint.id == endpoint.id, WebhookEndpoint.secret == old, WebhookEndpoint.deleted_at.is_(None))
        .values(secret=new_endpoint_secret(), rolled_at=now, updated_at=now, **overlap)
        .execution_options(synchronize_session=False)
    ).rowcount
    if rolled != 1:
        db.session.rollback()
        raise Conflict(
            "the secret was rolled by someone else at the same moment; reveal it to see the current one",
            code="webhook_secret_rolled",
        )
    db.session.commit()
    return db.session.get(WebhookEndpoint, endpoint.id, populate_existing=True)


def reveal_endpoint_secret(merchant_id: str, endpoint_id: str, *, livemode: bool) -> WebhookEndpoint:
    """The endpoint with its secret, for showing once more; the moment is recorded (and audited by the caller)."""
    endpoint = get_endpoint(merchant_id, endpoint_id, livemode=livemode)
    endpoint.revealed_at = utcnow()
    db.session.commit()
    return endpoint


def previous_secret_in_overlap(endpoint: WebhookEndpoint) -> str | None:
    """The rolled secret while it still signs, else None."""
    secrets = endpoint.signing_secrets(utcnow())
    return secrets[1] if len(secrets) > 1 else None
