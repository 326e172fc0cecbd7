"""Transactional outbox: an event row written in the same transaction as the change it reports.

The dispatcher that delivers events to handlers and merchant webhooks reads this table.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db_types import UTCDateTime, utcnow
from app.extensions import db
from app.ids import new_id


class Event(db.Model):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_merchant_type", "merchant_id", "type"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40), index=True)
    type: Mapped[str] = mapped_column(String(60))
    data: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    dispatched_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)


def record_event(merchant_id: str, type_: str, obj: dict) -> Event:
    """Add an outbox row to the current session; the caller's commit makes it durable."""
    event = Event(id=new_id("evt"), merchant_id=merchant_id, type=type_, data={"object": obj})
    db.session.add(event)
    return event
