"""The merchant's events as the API and the portal read them: a mode's events page by page, and one order's.
Writing and dispatching them is the outbox's (app/platform/outbox/events.py)."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.platform.outbox.events import Event
from app.platform.values.pagination import newest_first


def list_events(
    merchant_id: str, *, livemode: bool, type_: str | None = None, limit: int = 20, starting_after: str | None = None
) -> tuple[list[Event], bool]:
    """The merchant's events of one mode, newest first, cursor-paginated by id (ids are time-ordered)."""
    query = select(Event).where(
        Event.merchant_id == merchant_id, Event.livemode == livemode, Event.test_webhook.is_(False)
    )
    if type_:
        query = query.where(Event.type == type_)
    return newest_first(query, Event.id, limit=limit, starting_after=starting_after)


def events_for_order(merchant_id: str, order_id: str) -> list[Event]:
    """One order's events, oldest first (the caller has already checked access to the order)."""
    return list(
        db.session.scalars(
            select(Event).where(Event.order_id == order_id, Event.merchant_id == merchant_id).order_by(Event.id)
        )
    )
