"""One row per API request made with a merchant's key (written after the response, kept RETENTION days)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow

ID_PREFIX = "areq"


class ApiRequestLog(db.Model):
    """A request to ``/api/v1`` as its developer would want to see it: never a secret, never card data."""

    __tablename__ = "api_request_logs"
    # Newest-first pages per merchant walk (merchant_id, id): ids are time-ordered. The reaper walks created_at.
    __table_args__ = (
        Index("ix_api_request_logs_merchant_id_id", "merchant_id", "id"),
        Index("ix_api_request_logs_created_at", "created_at"),
        Index("ix_api_request_logs_merchant_request_id", "merchant_id", "request_id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    # No foreign key: the row is written on a connection of its own after the response, and a log row
    # must never hold up (or be held up by) a merchant's own rows.
    merchant_id: Mapped[str] = mapped_column(String(40))
    livemode: Mapped[bool]
    key_id: Mapped[str] = mapped_column(String(40))
    key_label: Mapped[str] = mapped_column(String(40))  # sk_test_…abcd: the prefix and last four, never the key
    method: Mapped[str] = mapped_column(String(10))
    path: Mapped[str] = mapped_column(String(2048))
    query: Mapped[str | None] = mapped_column(String(2048))  # redacted (client_secret travels in it)
    status_code: Mapped[int]
    duration_ms: Mapped[int | None] = mapped_column(BigInteger)
    request_id: Mapped[str | None] = mapped_column(String(128))
    ip: Mapped[str | None] = mapped_column(String(64))
    request_headers: Mapped[dict] = mapped_column(JSON, default=dict)  # the few worth seeing, e.g. Idempotency-Key
    response_headers: Mapped[dict] = mapped_column(JSON, default=dict)
    request_body: Mapped[str | None] = mapped_column(Text)
    response_body: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def status_class(self) -> str:
        return f"{self.status_code // 100}xx"
