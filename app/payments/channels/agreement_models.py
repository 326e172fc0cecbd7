"""Agreement ("protocol") templates of a channel, versioned per language, and the text each order accepted."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow


class AgreementTemplate(db.Model):
    """One saved version of a channel's agreement in one language: never changed, a new save is a new version."""

    __tablename__ = "agreement_templates"
    __table_args__ = (UniqueConstraint("merchant_id", "channel_code", "language", "version"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    channel_code: Mapped[str] = mapped_column(String(40))
    language: Mapped[str] = mapped_column(String(8))
    version: Mapped[int]
    body: Mapped[str] = mapped_column(Text)  # empty: no agreement in this language (the default one's is shown)
    created_by: Mapped[str | None] = mapped_column(String(320))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class OrderAgreement(db.Model):
    """What the shopper agreed to when paying the order: the template version and the exact text shown (the last
    payment started wins: a shopper who switched channels agreed to the second one's terms)."""

    __tablename__ = "order_agreements"

    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    channel_code: Mapped[str] = mapped_column(String(40))
    template_id: Mapped[str | None] = mapped_column(String(40))
    version: Mapped[int]
    language: Mapped[str] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    accepted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# A merchant's templates in force are kept with its configuration (app/payments/channels/agreements.py).
watch(AgreementTemplate)
