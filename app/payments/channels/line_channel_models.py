"""A business line's own settings for a channel (issue #56): where a line's shoppers are offered channels differently
from the merchant's other shoppers (app/payments/channels/line_channels.py)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow


class LineChannelSetting(db.Model):
    """One line's override of one channel: ``enabled`` and ``priority`` replace the merchant's (None: the merchant's).
    A row with neither is deleted, so a line without rows follows the merchant in everything."""

    __tablename__ = "line_channel_settings"
    __table_args__ = (UniqueConstraint("business_line_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    business_line_id: Mapped[str] = mapped_column(ForeignKey("business_lines.id"))
    code: Mapped[str] = mapped_column(String(40))
    enabled: Mapped[bool | None]
    priority: Mapped[int | None]
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


# Routing keeps a merchant's overrides in memory (app/merchants/config_cache.py): a change bumps its version.
watch(LineChannelSetting)
