"""Contract reconciliation: checks subscriptions against their orders, the customer's entitlements and the
provider's mandates. Each finding is recorded once (contract, kind, period) and shown to the merchant; the
ones Kassa can prove are repaired at once and recorded as ``fixed``.

Kinds:
- ``renewal_not_applied`` (fixed): a renewal order is paid but the contract never moved into that period.
- ``mandate_revoked_at_provider`` (fixed): the provider says the mandate is revoked; Kassa still had it active.
- ``revoked_mandate_still_renewing`` (fixed): a revoked mandate, yet the contract was set to renew.
- ``membership_short`` (fixed): a paid period's membership ends before the period does.
- ``period_paid_twice``: one period's order captured more than once and not returned.
- ``renewal_overdue``: a renewal a day past due that no sweep opened (is the worker running?).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.exc import IntegrityError

from app.catalog.models import Sku
from app.extensions import db
from app.orders.entitlements import extend_membership_to
from app.orders.fulfilment_models import Entitlement
from app.orders.models import Order
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import PaymentAttempt, Refund
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.signing.clocks import now_for
from app.signing.contracts import change
from app.signing.mandates import mandate_revoked
from app.signing.models import ContractFinding, Subscription, SubscriptionRenewal
from app.signing.renewals.services import PAID_ORDER, renewal_paid
from app.signing.state import CHARGEABLE, ENDS_MANDATE_REVOKED, LIVE

log = logs.get("signing.reconciliation")

OVERDUE_AFTER = timedelta(days=1)


@dataclass
class Report:
    """What one run found, by kind, and how many of those it fixed."""

    found: dict[str, int] = field(default_factory=dict)
    fixed: int = 0

    def add(self, kind: str, fixed: bool) -> None:
        self.found[kind] = self.found.get(kind, 0) + 1
        self.fixed += fixed


def _record(report: Report, sub: Subscription, kind: str, detail: str, *, period: int = 0, fixed: bool = False) -> None:
    """Record a finding once; a repeat of an open one is no news, a fixed one is closed."""
    now = utcnow()
    existing = db.session.scalar(
        select(ContractFinding).where(
            ContractFinding.subscription_id == sub.id, ContractFinding.kind == kind, ContractFinding.period == period
        )
    )
    if existing is not None:
        if fixed and existing.status == "open":
            existing.status, existing.fixed_at = "fixed", now
        db.session.commit()
        return
    try:
        with db.session.begin_nested():
            db.session.add(
                ContractFinding(
                    merchant_id=sub.merchant_id,
                    subscription_id=sub.id,
                    kind=kind,
                    period=period,
                    detail=detail[:500],
                    status="fixed" if fixed else "open",
                    found_at=now,
                    fixed_at=now if fixed else None,
                )
            )
    except IntegrityError:
        pass  # another run recorded it first
    db.session.commit()
    report.add(kind, fixed)
    log.warning(
        "contract finding %s: %s",
        kind,
        detail,
        extra={"fields": {"merchant_id": sub.merchant_id, "subscription_id": sub.id, "fixed": fixed}},
    )


def reconcile_contracts(*, merchant_id: str | None = None, now: datetime | None = None, batch: int = 500) -> Report:
    """One reconciliation run (the daily job, or a merchant's on demand); each check is one query, bounded."""
    report = Report()

    def scoped(query):
        return query.where(Subscription.merchant_id == merchant_id) if merchant_id else query

    # A paid renewal order whose contract never moved (the order.paid handler never ran): prove it and apply it.
    for renewal, sub in db.session.execute(
        scoped(
            select(SubscriptionRenewal, Subscription)
            .join(Subscription, Subscription.id == SubscriptionRenewal.subscription_id)
            .join(Order, Order.id == SubscriptionRenewal.order_id)
            .where(SubscriptionRenewal.status == "pending", Order.status.in_(PAID_ORDER))
        ).limit(batch)
    ).all():
        renewal_paid(renewal.id, now_for(sub))
        _record(
            report,
            sub,
            "renewal_not_applied",
            f"order {renewal.order_id} paid period {renewal.period}; the contract is now in that period",
            period=renewal.period,
            fixed=True,
        )

    # A revoked mandate on a contract still set to renew: it must end with its paid period.
    for sub in list(
        db.session.scalars(
            scoped(
                select(Subscription).where(
                    Subscription.status.in_(LIVE),
                    Subscription.mandate_status == "revoked",
                    Subscription.cancel_at_period_end.is_(False),
                )
            ).limit(batch)
        )
    ):
        change(
            sub,
            reason="reconciliation: the mandate is revoked, so the contract ends with its paid period",
            actor="system:reconciliation",
            event="subscription.updated",
            cancel_at_period_end=True,
            cancel_reason=ENDS_MANDATE_REVOKED,
        )
        db.session.commit()
        _record(
            report,
            sub,
            "revoked_mandate_still_renewing",
            f"mandate {sub.mandate_reference} is revoked; set to end on {sub.current_period_end:%Y-%m-%d}",
            period=sub.period,
            fixed=True,
        )

    _check_mandates_at_provider(report, scoped, batch)

    # A paid period's membership must last to the period's end (for SKUs that grant membership).
    granting = [
        sku_id
        for sku_id, spec in db.session.execute(
            select(Sku.id, Sku.fulfilment).where(Sku.subscription_interval.is_not(None))
        )
        if (spec or {}).get("membership_days")
    ]
    rows = db.session.execute(
        scoped(
            select(Subscription, Entitlement.membership_until)
            .outerjoin(
                Entitlement,
                and_(
                    Entitlement.merchant_id == Subscription.merchant_id,
                    Entitlement.customer_id == Subscription.customer_id,
                    Entitlement.livemode == Subscription.livemode,
                    Entitlement.kind == "membership",
                ),
            )
            .where(
                Subscription.status.in_(LIVE),
                Subscription.current_period_end.is_not(None),
                Subscription.sku_id.in_(granting),
                or_(
                    Entitlement.membership_until.is_(None),
                    Entitlement.membership_until < Subscription.current_period_end,
                ),
            )
        ).limit(batch)
    ).all()
    for sub, until in rows:
        extend_membership_to(sub.merchant_id, sub.customer_id, sub.livemode, sub.current_period_end)
        db.session.commit()
        _record(
            report,
            sub,
            "membership_short",
            f"membership ended {until:%Y-%m-%d %H:%M} but period {sub.period} is paid until "
            f"{sub.current_period_end:%Y-%m-%d %H:%M}; extended"
            if until
            else f"no membership for paid period {sub.period}; granted until {sub.current_period_end:%Y-%m-%d %H:%M}",
            period=sub.period,
            fixed=True,
        )

    # One period's order captured more than once, the extra capture not returned: money to give back by hand.
    captures = (
        select(PaymentAttempt.order_id, func.count().label("n"))
        .where(PaymentAttempt.status == "succeeded")
        .where(
            ~select(Refund.id).where(Refund.payment_id == PaymentAttempt.id, Refund.kind == "capture_return").exists()
        )
        .group_by(PaymentAttempt.order_id)
        .having(func.count() > 1)
        .subquery()
    )
    for renewal, sub, count in db.session.execute(
        scoped(
            select(SubscriptionRenewal, Subscription, captures.c.n)
            .join(Subscription, Subscription.id == SubscriptionRenewal.subscription_id)
            .join(captures, captures.c.order_id == SubscriptionRenewal.order_id)
        ).limit(batch)
    ).all():
        _record(
            report,
            sub,
            "period_paid_twice",
            f"period {renewal.period} (order {renewal.order_id}) was captured {count} times; refund the extra",
            period=renewal.period,
        )

    # A renewal a day overdue that no sweep opened.
    for sub in list(
        db.session.scalars(
            scoped(
                select(Subscription).where(
                    Subscription.status.in_(CHARGEABLE),
                    Subscription.test_clock_id.is_(None),
                    Subscription.next_renewal_at < (now or utcnow()) - OVERDUE_AFTER,
                )
            ).limit(batch)
        )
    ):
        _record(
            report,
            sub,
            "renewal_overdue",
            f"period {sub.period + 1} was due {sub.next_renewal_at:%Y-%m-%d %H:%M} UTC and is not opened: "
            "is the worker's renew_subscriptions job running?",
            period=sub.period + 1,
        )
    return report


def _check_mandates_at_provider(report: Report, scoped, batch: int) -> None:
    """Ask the provider about the active mandates Kassa holds; a revoke it never told us of is applied."""
    subs = list(
        db.session.scalars(
            scoped(
                select(Subscription).where(
                    Subscription.status.in_(LIVE),
                    Subscription.mandate_status == "active",
                    Subscription.mandate_channel.is_not(None),
                    Subscription.mandate_channel != "wallet",
                )
            )
            .order_by(Subscription.updated_at)
            .limit(batch)
        )
    )
    for sub in subs:
        adapter = adapter_for(sub.mandate_channel, sub.merchant_id)
        if not hasattr(adapter, "mandate_status"):
            continue
        try:
            status = adapter.mandate_status(sub.mandate_reference)
        except ProviderUnavailable as exc:
            log.warning("mandate check skipped: %s", exc, extra={"fields": {"subscription_id": sub.id}})
            continue
        if status in (None, "active"):
            continue
        mandate_revoked(sub.mandate_channel, sub.mandate_reference)
        _record(
            report,
            sub,
            "mandate_revoked_at_provider",
            f"the provider reports mandate {sub.mandate_reference} as {status}; the contract ends with its paid period",
            period=sub.period,
            fixed=True,
        )
