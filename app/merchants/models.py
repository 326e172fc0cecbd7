from __future__ import annotations

from datetime import datetime

from flask_login import UserMixin
from sqlalchemy import JSON, BigInteger, ForeignKey, LargeBinary, String, Text, false, text, true
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


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
    # Checkout branding: a #rrggbb colour, a logo (an https URL, or the path of an uploaded one)
    # and the merchant's own terms of purchase shown on the terms page.
    brand_color: Mapped[str | None] = mapped_column(String(7))
    logo_url: Mapped[str | None] = mapped_column(String(1000))
    terms_text: Mapped[str | None] = mapped_column(Text)
    # The mode of orders made on the hosted product page, which carries no API key: test until the
    # merchant switches live checkout on in the portal settings.
    live_checkout: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The language of the shopper-facing checkout (app/platform/values/languages.py); None: each shopper's
    # Accept-Language.
    checkout_language: Mapped[str | None] = mapped_column(String(8))
    # The channel settlements and wallet withdrawals are paid out through (app/payments/payouts/rail.py); None: the
    # installation's PAYOUT_CHANNEL.
    payout_channel: Mapped[str | None] = mapped_column(String(40))
    # Dunning (app/signing/renewals/dunning.py): days after a failed renewal's due time at which it is tried again
    # (None = the default schedule), what the last failure does (cancel | pause), and how many days before
    # a renewal the customer is told of it (subscription.renewal_upcoming).
    dunning_retry_days: Mapped[list | None] = mapped_column(JSON)
    dunning_final_action: Mapped[str] = mapped_column(String(8), default="cancel", server_default="cancel")
    renewal_notice_days: Mapped[int] = mapped_column(default=3, server_default="3")
    # A customer has a product's free trial once (app/signing/trials.py) unless the merchant gives it again.
    repeat_trials: Mapped[bool] = mapped_column(default=False, server_default=false())
    # Kassa emails subscribers when a renewal payment fails, a free trial is about to end and a subscription is
    # canceled (app/receipts/subscription_sending.py); off for a merchant who sends its own.
    subscription_emails: Mapped[bool] = mapped_column(default=True, server_default=true())
    # An order held for risk review is decided by itself after this many hours (None: it waits for a person),
    # approving or rejecting it (app/payments/refunds/reviews.py, expire_reviews).
    review_expiry_hours: Mapped[int | None]
    review_expiry_decision: Mapped[str] = mapped_column(String(8), default="reject", server_default="reject")
    # The merchant's own per-minute budgets (None: the platform's default), within the platform's ceiling
    # (app/web/rate_limits.py): its secret-key API calls, and orders its publishable key creates per address.
    rate_limit_api_per_minute: Mapped[int | None]
    rate_limit_order_create_per_minute: Mapped[int | None]
    # Bumped in the transaction of every change to the merchant's configuration (app/merchants/config_cache.py),
    # so processes that keep it in memory know when to read it again.
    config_version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    # Clearing (app/ledger): the default rule for products without one, the platform's fee (set by the
    # operator, not the merchant), how orders are split into sub-orders, and where the merchant's own
    # settlements are paid.
    clearing: Mapped[dict | None] = mapped_column(JSON)
    platform_fee_bps: Mapped[int] = mapped_column(default=0, server_default="0")
    platform_fee_fixed: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # The currency of the fixed part: 30 minor units are $0.30 but ¥30 and 0.030 KWD, so the fixed fee is taken
    # only off orders in this currency (NULL when there is no fixed part); orders in others pay the basis points.
    platform_fee_fixed_currency: Mapped[str | None] = mapped_column(String(3))
    split_strategy: Mapped[str] = mapped_column(String(8), default="partner", server_default="partner")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MerchantLogo(db.Model):
    """An uploaded checkout logo, kept in the database so every web process can serve it."""

    __tablename__ = "merchant_logos"

    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), primary_key=True)
    content_type: Mapped[str] = mapped_column(String(40))
    digest: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MerchantUser(UserMixin, db.Model):
    __tablename__ = "merchant_users"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    role: Mapped[str] = mapped_column(String(20), default="owner")  # see app/merchants/permissions.py
    # Part of the session id: bumping it (password change) signs out every other session.
    session_version: Mapped[int] = mapped_column(default=1, server_default=text("1"))
    # Set for a temporary password given by an owner: the user must choose their own first.
    password_temporary: Mapped[bool] = mapped_column(default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def get_id(self) -> str:
        """The session id Flask-Login stores: user id and session version."""
        return f"{self.id}:{self.session_version}"


class ApiKey(db.Model):
    __tablename__ = "api_keys"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # secret | publishable
    mode: Mapped[str] = mapped_column(String(4))  # test | live
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    last4: Mapped[str] = mapped_column(String(4))
    # Publishable keys only (they are public by nature: pages embed them): the full key, so the
    # portal can build embed snippets. Secret keys are never stored, only their hash.
    public_value: Mapped[str | None] = mapped_column(String(64))
    # A rolled key points at the key that replaced it.
    replaced_by: Mapped[str | None] = mapped_column(String(40))
    # The merchant's own label ("production server"), given when the key is made or rolled.
    name: Mapped[str | None] = mapped_column(String(100))
    # Recorded at most once a minute per key (app/merchants/key_usage.py), never on the request's own transaction.
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A key scoped to a business line sees and makes only that line's orders, subscriptions and refunds;
    # None: the whole merchant.
    business_line_id: Mapped[str | None] = mapped_column(String(40))


class TeamInvitation(db.Model):
    """An invitation to join a merchant's team with a role (app/merchants/invitations.py). Only a hash of its
    link's token is kept. ``status``: pending, accepted, revoked, or replaced (resent: a newer invitation took
    over and this link is dead)."""

    __tablename__ = "team_invitations"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    email: Mapped[str] = mapped_column(String(320))
    role: Mapped[str] = mapped_column(String(20))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(10), default="pending")
    invited_by: Mapped[str] = mapped_column(String(320))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
