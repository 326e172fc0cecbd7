from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class Switch(db.Model):
    """One degradation switch that is on; switching it off deletes the row.

    ``scope`` is ``platform`` (every merchant, set by the operator from the CLI) or a merchant id (set by
    that merchant's owner in the portal). ``channel`` names the channel of a ``channel_off`` switch."""

    __tablename__ = "switches"
    __table_args__ = (UniqueConstraint("scope", "kind", "channel", name="uq_switches_scope_kind_channel"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    scope: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # maintenance | read_only_portal | channel_off
    channel: Mapped[str] = mapped_column(String(40), default="")  # "" unless kind == channel_off
    reason: Mapped[str] = mapped_column(String(500))
    set_by: Mapped[str] = mapped_column(String(320))
    set_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
