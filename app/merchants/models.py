from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db_types import UTCDateTime, utcnow
from app.extensions import db


class Merchant(db.Model):
    __tablename__ = "merchants"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    order_timeout_minutes: Mapped[int] = mapped_column(default=15)
    terms_url: Mapped[str | None] = mapped_column(String(1000))
    # A fulfilled order completes by itself after this long unless the merchant confirms it earlier.
    auto_confirm_minutes: Mapped[int] = mapped_column(default=10080, server_default="10080")
    # Signs calls to the merchant's fulfilment webhooks (Kassa-Signature); created on first use.
    fulfilment_secret: Mapped[str | None] = mapped_column(String(100))
    # Origins (scheme://host[:port]) whose pages may use live publishable keys and embed the panel.
    allowed_origins: Mapped[list | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MerchantUser(UserMixin, db.Model):
    __tablename__ = "merchant_users"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="owner")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ApiKey(db.Model):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # secret | publishable
    mode: Mapped[str] = mapped_column(String(4))  # test | live
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
