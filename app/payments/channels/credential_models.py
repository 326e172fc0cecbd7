from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow


class ChannelCredentials(db.Model):
    """A merchant's settings for one payment tool (API keys, webhook secrets, options), as one Fernet token:
    nothing in this table is readable without the key in CHANNEL_CREDENTIALS_KEYS."""

    __tablename__ = "channel_credentials"
    __table_args__ = (UniqueConstraint("merchant_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    code: Mapped[str] = mapped_column(String(40))
    ciphertext: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# Whether a payment tool is set up is kept in memory per merchant (app/payments/channels/routing.py).
watch(ChannelCredentials)
