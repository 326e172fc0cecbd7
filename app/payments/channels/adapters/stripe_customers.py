"""One Stripe Customer per Kassa customer, per merchant and mode: what a card is saved on for off-session charges
(subscription renewals, later saved cards at checkout).

Kassa creates the Customer the first time it needs one and keeps the mapping (merchant, livemode, customer id) →
``cus_…`` in ``stripe_customers``, so every later payment of that customer names the same Customer. The create
carries an idempotency key made of the three, so a retry within Stripe's 24 hours returns the same Customer; two
first payments at once may still make two, and the row written first wins (the other Customer stays empty).
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from sqlalchemy import ForeignKey, String, UniqueConstraint, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.platform.db.types import UTCDateTime, utcnow


class StripeCustomer(db.Model):
    """The Stripe Customer that stands for a Kassa customer of a merchant, in test or live mode."""

    __tablename__ = "stripe_customers"
    __table_args__ = (UniqueConstraint("merchant_id", "livemode", "customer_id"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool] = mapped_column(default=False)
    customer_id: Mapped[str] = mapped_column(String(255))
    stripe_customer_id: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


def known_stripe_customer(merchant_id: str, livemode: bool, customer_id: str) -> str | None:
    """The ``cus_…`` Kassa keeps for this customer, or None when it has made none yet."""
    return db.session.scalar(
        select(StripeCustomer.stripe_customer_id).where(
            StripeCustomer.merchant_id == merchant_id,
            StripeCustomer.livemode == livemode,
            StripeCustomer.customer_id == customer_id,
        )
    )


def customer_idempotency_key(merchant_id: str, livemode: bool, customer_id: str) -> str:
    """Stripe's idempotency key for creating this customer's Customer (at most 255 characters)."""
    return f"kassa-customer-{merchant_id}-{'live' if livemode else 'test'}-{customer_id}"[:255]


def stripe_customer_for(merchant_id: str, livemode: bool, customer_id: str, *, create: Callable[[], str]) -> str:
    """The Stripe Customer id for a Kassa customer: the one kept, else ``create()`` (which makes it at Stripe and
    returns its ``cus_…``) and keep it. Writes its row in a savepoint of its own, so it can be called between the
    caller's transactions; a concurrent first call that kept another Customer wins, and its id is returned."""
    known = known_stripe_customer(merchant_id, livemode, customer_id)
    if known is not None:
        return known
    made = create()
    try:
        with db.session.begin_nested():
            db.session.add(
                StripeCustomer(
                    merchant_id=merchant_id, livemode=livemode, customer_id=customer_id, stripe_customer_id=made
                )
            )
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        return known_stripe_customer(merchant_id, livemode, customer_id) or made
    return made
