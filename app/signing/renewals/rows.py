"""The rows of a renewal batch (app/signing/renewals/batch.py), written with one multi-row statement per table:
for each planned renewal what the per-contract path writes when a renewal is paid from the wallet."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, update

from app.extensions import db
from app.ledger.accounts import available_account, frozen_account, receivable_account
from app.ledger.journal import check_balanced
from app.ledger.models import JournalEntry, Posting, WalletBarrier
from app.orders.entitlements import PeriodGrant, grant_memberships_until
from app.orders.models import Order, OrderItem, OrderTimelineEntry
from app.orders.representation import order_object
from app.payments.models import PaymentAttempt
from app.payments.representation import payment_object
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time
from app.signing.contracts import subscription_object
from app.signing.models import Subscription, SubscriptionRenewal, SubscriptionTimelineEntry

WALLET = "wallet"
_ITEM_FIELDS = (
    "order_id",
    "merchant_id",
    "sku_id",
    "product_id",
    "name",
    "quantity",
    "unit_amount",
    "amount",
    "net_amount",
    "clearing",
    "sub_order_id",
)
ACTOR = "system:renewal"


@dataclass
class PlannedRenewal:
    """One contract's renewal as the batch planned it: the period, the priced item, and the ids to write."""

    sub: Subscription
    period: int
    start: datetime
    end: datetime
    item: OrderItem
    grants_membership: bool
    total: int
    currency: str
    risk: dict
    fee: int
    expires_at: datetime
    order_id: str = field(default_factory=lambda: new_id("ord"))
    attempt_id: str = field(default_factory=lambda: new_id("pay"))


@dataclass
class _Rows:
    """The batch's rows, table by table."""

    orders: list = field(default_factory=list)
    timeline: list = field(default_factory=list)
    attempts: list = field(default_factory=list)
    barriers: list = field(default_factory=list)
    entries: list = field(default_factory=list)
    postings: list = field(default_factory=list)
    events: list = field(default_factory=list)


def write_renewals(renewals: list[PlannedRenewal], now: datetime) -> None:
    """Everything the batch's renewals write, in the caller's transaction; the renewal rows' unique key decides."""
    if not renewals:
        return
    wall, request_id, rows = utcnow(), logs.current("request_id"), _Rows()
    for r in renewals:
        _order_rows(r, wall, request_id, rows)
        _wallet_rows(r, wall, rows)
    db.session.execute(Order.__table__.insert(), rows.orders)
    items = OrderItem.__table__
    item_ids = (
        db.session.execute(
            items.insert().returning(items.c.id, sort_by_parameter_order=True),
            [{c: getattr(r.item, c) for c in _ITEM_FIELDS} for r in renewals],
        )
        .scalars()
        .all()
    )
    db.session.execute(OrderTimelineEntry.__table__.insert(), rows.timeline)
    db.session.execute(PaymentAttempt.__table__.insert(), rows.attempts)
    db.session.execute(WalletBarrier.__table__.insert(), rows.barriers)
    db.session.execute(JournalEntry.__table__.insert(), rows.entries)
    db.session.execute(Posting.__table__.insert(), rows.postings)
    # The unique key on (contract, period): a period someone opened meanwhile fails the whole batch here.
    db.session.execute(
        SubscriptionRenewal.__table__.insert(),
        [
            {
                "subscription_id": r.sub.id,
                "merchant_id": r.sub.merchant_id,
                "period": r.period,
                "period_start": r.start,
                "period_end": r.end,
                "order_id": r.order_id,
                "status": "paid",
                "attempts": 1,
                "next_attempt_at": None,
                "due_at": r.sub.next_renewal_at,
                "paid_at": now,
                "last_error": None,
                "created_at": wall,
            }
            for r in renewals
        ],
    )
    _move_contracts(renewals, now, rows.events, wall, request_id)
    grant_memberships_until(
        [
            PeriodGrant(r.sub.merchant_id, r.sub.customer_id, r.sub.livemode, r.order_id, item_id, r.end)
            for r, item_id in zip(renewals, item_ids)
            if r.grants_membership
        ],
        now,
    )
    db.session.execute(Event.__table__.insert(), rows.events)
    db.session.info["kassa_new_events"] = True  # ask for a dispatch run once committed (app/platform/outbox/events.py)


def _order_rows(r: PlannedRenewal, wall: datetime, request_id: str | None, rows: _Rows) -> None:
    """The period's order as ``create_order`` opens it, then paying and paid as the hub moves it, with its
    payment, timeline and events."""
    sub = r.sub
    rows.orders.append(
        {
            "id": r.order_id,
            "merchant_id": sub.merchant_id,
            "status": "paid",
            "kind": "purchase",
            "version": 3,
            "livemode": sub.livemode,
            "customer_id": sub.customer_id,
            "customer_email": sub.customer_email,
            "customer_source": sub.customer_source,
            "business_line_id": sub.business_line_id,
            "checkout_session_id": None,
            "currency": r.currency,
            "subtotal": r.total,
            "discount": 0,
            "total": r.total,
            "refunded_amount": 0,
            "auto_confirm_at": None,
            "client_secret": f"{r.order_id}_secret_{secrets.token_urlsafe(18)}",
            "metadata": {},
            "risk": r.risk,
            "expires_at": r.expires_at,
            "request_id": request_id,
            "created_at": wall,
            "updated_at": wall,
        }
    )
    attempt = {
        "id": r.attempt_id,
        "merchant_id": sub.merchant_id,
        "order_id": r.order_id,
        "business_line_id": sub.business_line_id,
        "channel": WALLET,
        "status": "succeeded",
        "amount": r.total,
        "currency": r.currency,
        "provider_reference": r.attempt_id,
        "next_action": {"type": "none"},
        "failure_reason": None,
        "fee_amount": r.fee,
        "created_at": wall,
        "updated_at": wall,
    }
    rows.attempts.append(attempt)
    # The order as its events carry it (the whole object, as on the per-contract path), never added to the session.
    order = Order(**{k: v for k, v in rows.orders[-1].items() if k != "metadata"}, metadata_={})
    order.items = [OrderItem(**{c: getattr(r.item, c) for c in _ITEM_FIELDS})]
    for before, after, reason, actor in (
        (None, "created", "order created", ACTOR),
        ("created", "paying", f"payment started with {WALLET}", ACTOR),
        ("paying", "paid", f"captured by {WALLET} ({r.attempt_id})", f"channel:{WALLET}"),
    ):
        rows.timeline.append(
            {
                "order_id": r.order_id,
                "merchant_id": sub.merchant_id,
                "from_status": before,
                "status": after,
                "reason": reason,
                "actor": actor,
                "at": wall,
            }
        )
        order.status = after
        rows.events.append(_event(sub, f"order.{after}", order_object(order), r.order_id, wall, request_id))
        if after == "created" and r.risk["decision"] == "review":
            rows.events.append(
                _event(
                    sub,
                    "risk.review_opened",
                    {"id": r.order_id, "object": "order", **r.risk},
                    r.order_id,
                    wall,
                    request_id,
                )
            )
    rows.events.append(
        _event(sub, "payment.succeeded", payment_object(PaymentAttempt(**attempt)), r.order_id, wall, request_id)
    )


def _wallet_rows(r: PlannedRenewal, wall: datetime, rows: _Rows) -> None:
    """The wallet's try (available → frozen) and confirm (frozen → the merchant's receivable) of one payment."""
    sub = r.sub
    available = available_account(sub.customer_id, livemode=sub.livemode)
    frozen = frozen_account(sub.customer_id, livemode=sub.livemode)
    receivable = receivable_account(sub.merchant_id, livemode=sub.livemode)
    for phase, source, target in (("try", available, frozen), ("confirm", frozen, receivable)):
        legs = [(source, -r.total, r.currency), (target, r.total, r.currency)]
        check_balanced(legs)
        entry_id = new_id("je")
        rows.barriers.append(
            {
                "attempt_id": r.attempt_id,
                "phase": phase,
                "merchant_id": sub.merchant_id,
                "customer_id": sub.customer_id,
                "amount": r.total,
                "currency": r.currency,
                "created_at": wall,
            }
        )
        rows.entries.append(
            {
                "id": entry_id,
                "merchant_id": sub.merchant_id,
                "kind": f"wallet.{phase}",
                "reference": r.attempt_id,
                "business_line_id": sub.business_line_id,
                "created_at": wall,
            }
        )
        rows.postings.extend(
            {
                "entry_id": entry_id,
                "merchant_id": sub.merchant_id,
                "account": account,
                "amount": amount,
                "currency": currency,
                "order_id": r.order_id,
            }
            for account, amount, currency in legs
        )


def _move_contracts(
    renewals: list[PlannedRenewal], now: datetime, events: list, wall: datetime, request_id: str | None
) -> None:
    """Each contract into its paid period: the two changes the per-contract path makes (opened, paid) as one
    conditional UPDATE on the version read under the row lock, two timeline rows and ``subscription.renewed``."""
    table = Subscription.__table__
    values = {
        name: bindparam(f"b_{name}")
        for name in (
            "period",
            "current_period_start",
            "current_period_end",
            "next_renewal_at",
            "latest_order_id",
            "price_amount",
            "sku_id",
            "mandate_reference",
        )
    }
    rows, timeline = [], []
    for r in renewals:
        sub = r.sub
        rows.append(
            {
                "b_id": sub.id,
                "b_version": sub.version,
                "b_period": r.period,
                "b_current_period_start": r.start,
                "b_current_period_end": r.end,
                "b_next_renewal_at": r.end,
                "b_latest_order_id": r.order_id,
                "b_price_amount": r.item.amount,
                "b_sku_id": r.item.sku_id,
                "b_mandate_reference": sub.customer_id,
            }
        )
        timeline += [
            {
                "subscription_id": sub.id,
                "merchant_id": sub.merchant_id,
                "from_status": sub.status,
                "status": sub.status,
                "reason": f"period {r.period} opened: order {r.order_id}",
                "actor": ACTOR,
                "at": now,
            },
            {
                "subscription_id": sub.id,
                "merchant_id": sub.merchant_id,
                "from_status": sub.status,
                "status": "active",
                "reason": f"period {r.period} paid by order {r.order_id}",
                "actor": ACTOR,
                "at": now,
            },
        ]
        renewed = {
            **subscription_object(sub),
            "status": "active",
            "period": r.period,
            "sku": r.item.sku_id,
            "next_sku": None,
            "price": {"amount": r.item.amount, "currency": sub.currency},
            "current_period_start": iso_time(r.start),
            "current_period_end": iso_time(r.end),
            "next_renewal_at": iso_time(r.end),
            "latest_order": r.order_id,
            "mandate": {"channel": WALLET, "status": "active", "reference": sub.customer_id},
        }
        events.append(_event(sub, "subscription.renewed", renewed, None, wall, request_id))
    moved = db.session.execute(
        update(table)
        .where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(
            status="active",
            version=table.c.version + 2,
            next_sku_id=None,
            mandate_channel=WALLET,
            mandate_status="active",
            updated_at=now,
            **values,
        ),
        rows,
    ).rowcount
    if moved != len(rows):
        raise RuntimeError(f"{len(rows) - moved} contracts changed under their row locks")  # never: rolls back
    db.session.execute(SubscriptionTimelineEntry.__table__.insert(), timeline)


def _event(
    sub: Subscription, type_: str, obj: dict, order_id: str | None, wall: datetime, request_id: str | None
) -> dict:
    return {
        "id": new_id("evt"),
        "merchant_id": sub.merchant_id,
        "type": type_,
        "order_id": order_id,
        "data": {"object": obj},
        "livemode": sub.livemode,
        "created_at": wall,
        "dispatched_at": None,
        "dispatch_attempts": 0,
        "next_dispatch_at": None,
        "request_id": request_id,
        "test_webhook": False,
    }
