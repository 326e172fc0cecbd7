"""Renewal notices: ``subscription.renewal_upcoming`` tells the merchant's webhooks of a renewal the merchant's
notice days before it charges, once per period — the period is claimed on the contract (``announced_period``) by
a conditional UPDATE, so parallel sweeps never announce it twice. The renewal sweep sends them first. The price a
notice names is kept with it (``announced_amount``): the period it announced is charged no more than that.

A free trial's end (its first charge) is announced at least TRIAL_NOTICE_DAYS before, whatever the merchant's
notice days (0 included): card networks expect the shopper to be reminded before a trial turns into a charge, and
Kassa's reminder email (app/receipts/subscription_sending.py) follows this event."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from app.catalog.models import Sku
from app.extensions import db
from app.merchants.models import Merchant
from app.platform.outbox.events import record_event
from app.platform.values.times import iso_time
from app.signing.clocks import on_clock
from app.signing.contracts import subscription_object
from app.signing.models import Subscription
from app.signing.renewals import dunning
from app.signing.state import CHARGEABLE

TRIAL_NOTICE_DAYS = 7


def notice_days_for(status: str, merchant_days: int) -> int:
    """How many days before its renewal a contract in ``status`` is announced (0: never)."""
    return max(merchant_days, TRIAL_NOTICE_DAYS) if status == "trialing" else merchant_days


def announce_upcoming(now: datetime, *, clock_id: str | None = None, batch: int = 500) -> int:
    """Send ``subscription.renewal_upcoming`` once per period, the merchant's notice days before it renews."""
    horizon = now + timedelta(days=dunning.NOTICE_DAYS[1])
    rows = db.session.execute(
        on_clock(
            select(Subscription, Merchant.renewal_notice_days)
            .join(Merchant, Merchant.id == Subscription.merchant_id)
            .where(
                Subscription.status.in_(CHARGEABLE),
                Subscription.cancel_at_period_end.is_(False),
                Subscription.next_renewal_at > now,
                Subscription.next_renewal_at <= horizon,
                Subscription.announced_period <= Subscription.period,
            ),
            clock_id,
        )
        .order_by(Subscription.next_renewal_at)
        .limit(batch)
    ).all()
    sent = 0
    for sub, merchant_days in rows:
        notice_days = notice_days_for(sub.status, merchant_days)
        if notice_days <= 0 or sub.next_renewal_at - timedelta(days=notice_days) > now:
            continue
        period, amount = sub.period + 1, _next_price(sub)
        if (
            db.session.execute(
                update(Subscription)
                .where(Subscription.id == sub.id, Subscription.announced_period == sub.announced_period)
                .values(announced_period=period, announced_amount=amount)
                .execution_options(synchronize_session=False)
            ).rowcount
            != 1
        ):
            continue
        record_event(
            sub.merchant_id,
            "subscription.renewal_upcoming",
            {
                **subscription_object(sub),
                "renewal": {
                    "period": period,
                    "at": iso_time(sub.next_renewal_at),
                    "amount": {"amount": amount, "currency": sub.currency},
                },
            },
            livemode=sub.livemode,
        )
        sent += 1
    db.session.commit()
    return sent


def noticed_price(sub: Subscription) -> int | None:
    """The most the contract's next period may charge at list price: what its renewal notice named (a raise since
    then applies from the period after, which its own notice names); None when it was not announced."""
    return sub.announced_amount if sub.announced_period == sub.period + 1 else None


def _next_price(sub: Subscription) -> int:
    """What the next renewal charges at list price: the SKU's price in the contract's currency now (a raise since
    the last period, or the SKU a change switches to), not what the last period cost. Hooks may still amend it."""
    sku = db.session.get(Sku, sub.next_sku_id or sub.sku_id)
    price = sku.price_in(sub.currency) if sku is not None else None
    return price.amount if price is not None else sub.price_amount
