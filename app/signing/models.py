from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.platform.db.types import RowId, UTCDateTime, utcnow


class Subscription(db.Model):
    """A recurring contract: one customer, one SKU, renewed every ``interval_count`` ``interval``s."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        Index("ix_subscriptions_merchant_mode_id", "merchant_id", "livemode", "id"),
        Index("ix_subscriptions_merchant_customer", "merchant_id", "customer_id"),
        # The renewal job reads what is due by time.
        Index("ix_subscriptions_status_renewal", "status", "next_renewal_at"),
        # A provider's mandate callback (a revoke) names the mandate, not the contract.
        Index("ix_subscriptions_mandate", "mandate_reference", "mandate_channel"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    # pending | trialing | active | past_due | paused | canceled | expired (app/signing/state.py)
    status: Mapped[str] = mapped_column(String(12), default="pending")
    version: Mapped[int] = mapped_column(default=1)  # bumped by every change; conditional UPDATEs compare it
    customer_id: Mapped[str] = mapped_column(String(200))
    customer_email: Mapped[str | None] = mapped_column(String(320))
    customer_source: Mapped[str] = mapped_column(String(20))
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id"))
    # A SKU change waits for the next renewal (PATCH /subscriptions/{id}).
    next_sku_id: Mapped[str | None] = mapped_column(ForeignKey("skus.id"))
    price_amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    interval: Mapped[str] = mapped_column(String(8))
    interval_count: Mapped[int] = mapped_column(default=1)
    # The free trial the shopper signed for (days; 0: none), from the SKU when the contract opened: it runs as
    # period 0, before the anchor, and period 1 is the first one charged.
    trial_days: Mapped[int] = mapped_column(default=0, server_default="0")
    # Periods are counted from the anchor (the first payment), so month ends never drift (31st → 28th → 31st).
    anchor_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # The period the anchor starts after: a contract resumed after its period ended is re-anchored at
    # the resume, so its next period starts then (and never bills the paused months).
    anchor_period: Mapped[int] = mapped_column(default=0)
    period: Mapped[int] = mapped_column(default=0)  # the current period's number; 1 is the first paid one
    current_period_start: Mapped[datetime | None] = mapped_column(UTCDateTime())
    current_period_end: Mapped[datetime | None] = mapped_column(UTCDateTime())
    next_renewal_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    cancel_at_period_end: Mapped[bool] = mapped_column(default=False)
    # Why it ends with its period (app/signing/state.py, ENDS_*): the customer or the merchant asked (nothing revives
    # it), or its card's authorisation was withdrawn (a new card the subscriber signs renews it again). None while
    # it renews.
    cancel_reason: Mapped[str | None] = mapped_column(String(20))
    # The renewal period the customer was last told of in advance (subscription.renewal_upcoming).
    announced_period: Mapped[int] = mapped_column(default=0, server_default="0")
    # The list price that notice named: the announced period is charged no more (a raise waits for its own notice).
    announced_amount: Mapped[int | None] = mapped_column(BigInteger)
    canceled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    mandate_channel: Mapped[str | None] = mapped_column(String(40))
    mandate_status: Mapped[str | None] = mapped_column(String(12))  # active | revoked | canceled (ended with it)
    mandate_reference: Mapped[str | None] = mapped_column(String(200))
    first_order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), unique=True)
    latest_order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"))
    test_clock_id: Mapped[str | None] = mapped_column(ForeignKey("test_clocks.id"), index=True)
    # The coupon its first order was priced with, when that coupon also discounts renewals: up to renewal period
    # ``coupon_periods`` (repeating), or every one (None: forever). Kept here so a later edit of the coupon, or
    # its deactivation, never changes what was agreed (app/signing/renewals/coupon_discounts.py).
    coupon_id: Mapped[str | None] = mapped_column(String(40))
    coupon_periods: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    timeline: Mapped[list["SubscriptionTimelineEntry"]] = relationship(order_by="SubscriptionTimelineEntry.id")
    renewals: Mapped[list["SubscriptionRenewal"]] = relationship(order_by="SubscriptionRenewal.period")
    findings: Mapped[list["ContractFinding"]] = relationship(order_by="ContractFinding.id", viewonly=True)


class TrialClaim(db.Model):
    """A customer's free trial of a product, in one merchant and mode: the unique key is what lets one signup, of
    any number at once, take it (app/signing/trials.py). Held by the contract that took it; one that never
    started (its first order closed unpaid) leaves it to the customer's next signup."""

    __tablename__ = "subscription_trial_claims"
    __table_args__ = (
        UniqueConstraint(
            "merchant_id", "livemode", "customer_id", "product_id", name="uq_subscription_trial_claims_customer_product"
        ),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool]
    customer_id: Mapped[str] = mapped_column(String(200))
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    # Not a foreign key: the claim is taken before its contract is written (the first order's price depends on it).
    subscription_id: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SubscriptionTimelineEntry(db.Model):
    __tablename__ = "subscription_timeline"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(500))
    actor: Mapped[str] = mapped_column(String(60))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class SubscriptionRenewal(db.Model):
    """The renewal of one period: its order and its deduction attempts. The unique key on
    (subscription, period) is what makes a period renew once, whatever retries or workers do."""

    __tablename__ = "subscription_renewals"
    __table_args__ = (
        UniqueConstraint("subscription_id", "period", name="uq_subscription_renewals_period"),
        Index("ix_subscription_renewals_status_next", "status", "next_attempt_at"),
    )

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"))
    merchant_id: Mapped[str] = mapped_column(String(40))
    period: Mapped[int]
    period_start: Mapped[datetime] = mapped_column(UTCDateTime())
    period_end: Mapped[datetime] = mapped_column(UTCDateTime())
    # Indexed: every payment and every fulfilment asks whether its order renews a contract.
    order_id: Mapped[str | None] = mapped_column(ForeignKey("orders.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | paid | failed | canceled
    attempts: Mapped[int] = mapped_column(default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the dunning schedule counts from here
    paid_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    # The deduction a try is waiting on (its outcome was pending or unknown): should it fail, that failure is the
    # try's, recorded once by dunning (app/signing/renewals/services.py), never a reason to charge again off schedule.
    awaiting_payment_id: Mapped[str | None] = mapped_column(String(40))
    # The provider mandate this period's payment replaced: the shopper paid it by hand with a new card, which
    # signed the contract's new mandate. The old one is canceled at its provider after the renewal commits
    # (app/signing/unsigning.py); the wallet's and a revoked one are never named here.
    replaced_mandate_channel: Mapped[str | None] = mapped_column(String(40))
    replaced_mandate_reference: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class MandateSetup(db.Model):
    """A new mandate the subscriber signs for a contract with nothing charged (app/signing/mandate_setups.py): a
    payment of nothing at the provider whose approval signs the recurring terms, as a free trial's first order does.
    ``pending`` while the subscriber is at the provider's page; ``signed``: the contract took the mandate (the one it
    replaced is named here, for the outbox to cancel at its provider); ``failed``: declined, or the provider could not
    start it; ``unused``: signed when the contract could no longer take it (it ended, or ends as asked), so it is
    canceled at the provider (``released_at``)."""

    __tablename__ = "mandate_setups"
    __table_args__ = (
        Index("ix_mandate_setups_subscription", "subscription_id", "id"),
        Index("ix_mandate_setups_status_check", "status", "next_check_at"),
        # The outbox finds the setup an update event told of (app/signing/unsigning.py).
        Index("ix_mandate_setups_event", "event_id", unique=True),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    livemode: Mapped[bool]
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"))
    channel: Mapped[str] = mapped_column(String(40))
    currency: Mapped[str] = mapped_column(String(3))
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | signed | failed | unused
    actor: Mapped[str] = mapped_column(String(60))
    provider_reference: Mapped[str | None] = mapped_column(String(200))
    next_action: Mapped[dict | None] = mapped_column(JSON)  # where the subscriber signs (the provider's page)
    mandate_reference: Mapped[str | None] = mapped_column(String(200))
    replaced_mandate_channel: Mapped[str | None] = mapped_column(String(40))
    replaced_mandate_reference: Mapped[str | None] = mapped_column(String(200))
    event_id: Mapped[str | None] = mapped_column(String(40))  # the subscription.updated that told of it
    failure_reason: Mapped[str | None] = mapped_column(String(500))
    # When the sweep next asks the provider about a pending one whose callback has not come (None: it does not).
    next_check_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    released_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # an unused one's mandate canceled
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TestClock(db.Model):
    """A merchant's simulated time (test mode): subscriptions on it renew when it is advanced."""

    __tablename__ = "test_clocks"
    __table_args__ = (Index("ix_test_clocks_merchant_id", "merchant_id", "id"),)

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    frozen_time: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(12), default="ready")  # ready | advancing
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class ContractFinding(db.Model):
    """Something the contract reconciliation found wrong with a subscription (app/signing/reconciliation.py):
    recorded once per contract, kind and period; ``fixed`` when Kassa could prove and repair it."""

    __tablename__ = "contract_findings"
    __table_args__ = (
        UniqueConstraint("subscription_id", "kind", "period", name="uq_contract_findings_what"),
        Index("ix_contract_findings_merchant_status", "merchant_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    subscription_id: Mapped[str] = mapped_column(ForeignKey("subscriptions.id"))
    kind: Mapped[str] = mapped_column(String(40))
    period: Mapped[int] = mapped_column(default=0, server_default="0")
    detail: Mapped[str] = mapped_column(String(500))
    status: Mapped[str] = mapped_column(String(8), default="open", server_default="open")  # open | fixed
    found_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    fixed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
