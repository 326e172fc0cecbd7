"""Entitlements of virtual goods: memberships that run until a date, and credit balances.

A grant is recorded once per order item (unique key), so fulfilling an order twice grants nothing
more. Balances change by conditional UPDATEs: credits add up in SQL, and a membership end moves
only if it is still the value the grant was computed from.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import Boolean, ColumnElement, Interval, String, and_, bindparam, case, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.attributes import set_committed_value

from app.catalog.models import Sku
from app.extensions import built_per_dialect, conflict_insert, db
from app.orders.fulfilment_models import Entitlement, EntitlementGrant
from app.orders.models import Order, OrderItem
from app.platform.db.bulk_copy import one_of
from app.platform.db.types import utcnow

# Where running totals stop: a membership ends by this date at the latest, a credit balance holds at most
# what the 32-bit column can (SKUs grant bounded amounts per unit: app/catalog/products.py).
MEMBERSHIP_CEILING = datetime(9000, 1, 1, tzinfo=timezone.utc)
MAX_CREDIT_BALANCE = 2**31 - 1


class EntitlementBusy(Exception):
    """A membership kept changing under a grant; the caller retries later."""


@dataclass(frozen=True)
class CustomerEntitlements:
    customer_id: str
    livemode: bool
    membership_until: datetime | None
    credits: int
    grants: list[EntitlementGrant]

    def membership_active(self, now: datetime | None = None) -> bool:
        return self.membership_until is not None and self.membership_until > (now or utcnow())


def _positive(spec: dict, key: str) -> int | None:
    value = spec.get(key)
    return value if type(value) is int and value > 0 else None


# Built once: a fulfilment binds only values (app/extensions.py, built_per_dialect).
_ENTITLEMENT = select(Entitlement).where(
    Entitlement.merchant_id == bindparam("b_merchant"),
    Entitlement.customer_id == bindparam("b_customer"),
    Entitlement.kind == bindparam("b_kind"),
    Entitlement.livemode == bindparam("b_livemode"),
)
_entitlements = Entitlement.__table__
_MOVE_MEMBERSHIP_END = (  # only from the end the new one was computed from (None: not set yet)
    update(_entitlements)
    .where(
        _entitlements.c.id == bindparam("b_id"),
        or_(
            _entitlements.c.membership_until == bindparam("b_from", type_=_entitlements.c.membership_until.type),
            and_(bindparam("b_from_unset", type_=Boolean()), _entitlements.c.membership_until.is_(None)),
        ),
    )
    .values(membership_until=bindparam("b_until"), updated_at=bindparam("b_at"))
)
_GRANT_UNTIL = (
    update(EntitlementGrant.__table__)
    .where(EntitlementGrant.__table__.c.id == bindparam("b_id"))
    .values(membership_until=bindparam("b_until"))
)


@built_per_dialect
def _start_membership():
    return conflict_insert(_entitlements).on_conflict_do_nothing().returning(_entitlements.c.id)


@built_per_dialect
def _extend_membership_of_grant():
    """PostgreSQL: ``_extend_membership`` and ``_set_grant_until`` in one statement. The membership is made, or its
    end moved in the row it conflicts with (under that row's lock, so no retry), as ``_extend_membership`` computes
    it; the grant the caller's transaction has just claimed records the new end, which comes back."""
    ends = _entitlements.c.membership_until
    now = bindparam("b_now", type_=ends.type)
    membership = (
        conflict_insert(_entitlements)
        .values(
            merchant_id=bindparam("b_merchant"),
            customer_id=bindparam("b_customer"),
            kind="membership",
            livemode=bindparam("b_livemode"),
            credits=0,
            membership_until=bindparam("b_first", type_=ends.type),
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=["merchant_id", "customer_id", "kind", "livemode"],
            # From the later of its end and now (GREATEST passes over a NULL end), stopped at the ceiling.
            set_={
                "membership_until": func.least(func.greatest(ends, now), bindparam("b_latest_start", type_=ends.type))
                + bindparam("b_days", type_=Interval()),
                "updated_at": now,
            },
        )
        .returning(ends)
        .cte("membership")
    )
    grants = EntitlementGrant.__table__
    return (
        update(grants)
        .where(grants.c.id == bindparam("b_grant"))
        .values(membership_until=select(membership.c.membership_until).scalar_subquery())
        .returning(grants.c.membership_until)
        .add_cte(membership)
    )


def _extend_membership_for(grant: EntitlementGrant, days: int, now: datetime) -> None:
    """Extend the grant's customer's membership by ``days`` and record the new end on the grant: one statement on
    PostgreSQL, three or four elsewhere."""
    if db.session.get_bind().dialect.name != "postgresql":
        _set_grant_until(grant, _extend_membership(grant.merchant_id, grant.customer_id, grant.livemode, days, now))
        return
    grant.membership_until = db.session.execute(
        _extend_membership_of_grant(),
        {
            "b_merchant": grant.merchant_id,
            "b_customer": grant.customer_id,
            "b_livemode": grant.livemode,
            "b_first": now + timedelta(days=days),
            "b_now": now,
            "b_days": timedelta(days=days),
            "b_latest_start": MEMBERSHIP_CEILING - timedelta(days=days),
            "b_grant": grant.id,
        },
    ).scalar_one()


@built_per_dialect
def _claim_grant_row():
    table = EntitlementGrant.__table__
    return conflict_insert(table).on_conflict_do_nothing().returning(table.c.id)


def _entitlement(merchant_id: str, customer_id: str, kind: str, livemode: bool) -> Entitlement:
    """The customer's row of ``kind`` in one mode, created if missing (a concurrent creator may win)."""
    params = {"b_merchant": merchant_id, "b_customer": customer_id, "b_kind": kind, "b_livemode": livemode}
    row = db.session.scalar(_ENTITLEMENT, params)
    if row is not None:
        return row
    try:
        with db.session.begin_nested():
            db.session.add(
                Entitlement(merchant_id=merchant_id, customer_id=customer_id, kind=kind, credits=0, livemode=livemode)
            )
    except IntegrityError:
        pass  # another fulfilment created it first
    return db.session.scalar(_ENTITLEMENT, params)


def _extend_membership(merchant_id: str, customer_id: str, livemode: bool, days: int, now: datetime) -> datetime:
    """Extend the customer's membership by ``days``; returns its new end. A first membership is one INSERT."""
    first = now + timedelta(days=days)
    started = db.session.execute(
        _start_membership(),
        {
            "merchant_id": merchant_id,
            "customer_id": customer_id,
            "kind": "membership",
            "livemode": livemode,
            "credits": 0,
            "membership_until": first,
            "updated_at": now,
        },
    ).first()
    if started is not None:
        return first
    row = _entitlement(merchant_id, customer_id, "membership", livemode)
    for _ in range(5):
        current = row.membership_until
        # Buying again before the end extends from that end, not from today.
        start = max(current, now) if current else now
        # Bought again and again, a membership could run past the last date a datetime holds: stop at a ceiling.
        until = min(start, MEMBERSHIP_CEILING - timedelta(days=days)) + timedelta(days=days)
        changed = db.session.execute(
            _MOVE_MEMBERSHIP_END,
            {
                "b_id": row.id,
                "b_from": current,
                "b_from_unset": current is None,
                "b_until": until,
                "b_at": now,
            },
        ).rowcount
        if changed == 1:
            set_committed_value(row, "membership_until", until)  # as written: the flush has nothing to repeat
            return until
        db.session.refresh(row)
    raise EntitlementBusy(f"membership of {customer_id} kept changing; retry")


def _add_credits(merchant_id: str, customer_id: str, livemode: bool, credits: int, now: datetime) -> None:
    """Add ``credits`` to the customer's balance, the row made by the same statement when it is the first."""
    table = Entitlement.__table__
    db.session.execute(
        conflict_insert(table)
        .values(
            merchant_id=merchant_id,
            customer_id=customer_id,
            kind="credits",
            livemode=livemode,
            credits=credits,
            updated_at=now,
        )
        .on_conflict_do_update(
            index_elements=["merchant_id", "customer_id", "kind", "livemode"],
            # Capped at what the column holds: a balance that large is not a purchase to fail over.
            # (compared without adding first, so the sum never overflows; portable to SQLite).
            set_={
                "credits": case(
                    (table.c.credits > MAX_CREDIT_BALANCE - credits, MAX_CREDIT_BALANCE),
                    else_=table.c.credits + credits,
                ),
                "updated_at": now,
            },
        )
    )


def _claim_grant(item: OrderItem, order: Order, kind: str, **amounts: int | None) -> EntitlementGrant | None:
    """Insert the item's grant record (one statement; the unique item decides); None when it was granted before.
    The grant returned is the row as written, outside the session: ``_set_grant_until`` completes a membership's."""
    values = {
        "merchant_id": order.merchant_id,
        "customer_id": order.customer_id,
        "order_id": order.id,
        "order_item_id": item.id,
        "kind": kind,
        "livemode": order.livemode,
        "granted_at": utcnow(),
        **amounts,
    }
    claimed = db.session.execute(_claim_grant_row(), values).first()
    return None if claimed is None else EntitlementGrant(id=claimed.id, **values)


def _set_grant_until(grant: EntitlementGrant, until: datetime) -> None:
    """Record on the grant the membership end it brought about."""
    db.session.execute(_GRANT_UNTIL, {"b_id": grant.id, "b_until": until})
    grant.membership_until = until


PeriodTest = Callable[[str | ColumnElement[str]], ColumnElement[bool]]
# Signing's tests of an order paying a contract's period, by name: orders know nothing of contracts, signing
# tells them (app/signing/period_orders.py, wired by app/subscribers.py).
_period_tests: dict[str, PeriodTest] = {}


def periods_paid_by(test: PeriodTest) -> PeriodTest:
    """Register an SQL test of whether an order pays a subscription's period, whose membership is then not the
    SKU's days but runs to the period's end (granted by signing: ``grant_membership_until``)."""
    _period_tests[f"{test.__module__}.{test.__qualname__}"] = test
    return test


def pays_a_subscription_period(order_id: str | ColumnElement[str]) -> ColumnElement[bool]:
    """SQL: is the order (an id, or a column) a subscription's first or renewal order? Its membership follows the
    paid period instead; fulfilment asks this in its read of the order."""
    if not _period_tests:  # granting such an order its SKU's days too would give a second membership
        raise RuntimeError("no test of the orders that pay a subscription period: import app.signing.period_orders")
    return or_(*(test(order_id) for test in _period_tests.values()))


def grant_membership_until(order: Order, until: datetime, now: datetime | None = None) -> datetime | None:
    """A subscription period was paid by ``order``: the customer's membership runs at least until the period's
    end ``until`` (never shortened), recorded once per item like any grant. None if no item grants membership."""
    now = now or utcnow()
    for item in order.items:
        spec = item.sku.fulfilment or {}
        if not _positive(spec, "membership_days"):
            continue
        grant = _claim_grant(item, order, "membership", membership_days=None)
        if grant is None:
            return None
        _set_grant_until(grant, extend_membership_to(order.merchant_id, order.customer_id, order.livemode, until, now))
        return grant.membership_until
    return None


def grants_membership(sku: Sku) -> bool:
    """Does the SKU grant membership days (and so a subscription period's membership)?"""
    return _positive(sku.fulfilment or {}, "membership_days") is not None


@dataclass(frozen=True)
class PeriodGrant:
    """One paid subscription period's membership, for ``grant_memberships_until``."""

    merchant_id: str
    customer_id: str
    livemode: bool
    order_id: str
    order_item_id: int
    until: datetime


def grant_memberships_until(grants: list[PeriodGrant], now: datetime) -> None:
    """``grant_membership_until`` for many new period orders at once (a renewal batch, in its transaction): each
    membership runs at least to its period's end (never shortened), and each item's grant is recorded. The items
    are new in the caller's transaction, so none has a grant yet; the grants' unique key on the item stays the
    guard."""
    if not grants:
        return
    table = Entitlement.__table__
    insert = conflict_insert(table)
    keys = sorted({(g.merchant_id, g.customer_id, g.livemode) for g in grants})
    db.session.execute(
        insert.on_conflict_do_nothing(),
        [
            {
                "merchant_id": m,
                "customer_id": c,
                "kind": "membership",
                "livemode": live,
                "credits": 0,
                "updated_at": now,
            }
            for m, c, live in keys
        ],
    )
    # One UPDATE per grant, in customer order (two batches never lock one membership each way round); the
    # database compares and moves the end in one statement, so nothing can slip in between.
    until = bindparam("b_until", type_=table.c.membership_until.type)
    db.session.execute(
        update(table)
        .where(
            table.c.merchant_id == bindparam("b_merchant"),
            table.c.customer_id == bindparam("b_customer"),
            table.c.kind == "membership",
            table.c.livemode == bindparam("b_livemode"),
        )
        .values(
            membership_until=case(
                (table.c.membership_until.is_(None), until),
                (table.c.membership_until < until, until),
                else_=table.c.membership_until,
            ),
            updated_at=now,
        ),
        [
            {"b_merchant": g.merchant_id, "b_customer": g.customer_id, "b_livemode": g.livemode, "b_until": g.until}
            for g in sorted(grants, key=lambda g: (g.merchant_id, g.customer_id, g.until))
        ],
    )
    ends = {}
    for merchant_id in {g.merchant_id for g in grants}:
        customers = [g.customer_id for g in grants if g.merchant_id == merchant_id]
        ends.update(
            {
                (merchant_id, c, live): end
                for c, live, end in db.session.execute(
                    select(table.c.customer_id, table.c.livemode, table.c.membership_until).where(
                        table.c.merchant_id == merchant_id,
                        table.c.kind == "membership",
                        one_of(table.c.customer_id, customers, String()),
                    )
                )
            }
        )
    db.session.execute(
        EntitlementGrant.__table__.insert(),
        [
            {
                "merchant_id": g.merchant_id,
                "customer_id": g.customer_id,
                "order_id": g.order_id,
                "order_item_id": g.order_item_id,
                "kind": "membership",
                "livemode": g.livemode,
                "membership_days": None,
                "membership_until": ends[(g.merchant_id, g.customer_id, g.livemode)],
                "granted_at": now,
            }
            for g in grants
        ],
    )


def extend_membership_to(
    merchant_id: str, customer_id: str, livemode: bool, until: datetime, now: datetime | None = None
) -> datetime:
    """The customer's membership runs at least until ``until`` (never shortened); returns its end."""
    row = _entitlement(merchant_id, customer_id, "membership", livemode)
    for _ in range(5):
        current = row.membership_until
        target = max(current, until) if current else until
        same = Entitlement.membership_until.is_(None) if current is None else Entitlement.membership_until == current
        if (
            db.session.execute(
                update(Entitlement)
                .where(Entitlement.id == row.id, same)
                .values(membership_until=target, updated_at=now or utcnow())
                .execution_options(synchronize_session=False)
            ).rowcount
            == 1
        ):
            set_committed_value(row, "membership_until", target)
            return target
        db.session.refresh(row)
    raise EntitlementBusy(f"membership of {customer_id} kept changing; retry")


def grant_entitlements(
    order: Order, now: datetime | None = None, *, pays_a_period: bool, items: Sequence[OrderItem] | None = None
) -> list[EntitlementGrant]:
    """Grant what the order's SKUs promise, once per item, in the caller's transaction. An order that
    ``pays_a_period`` of a subscription (``pays_a_subscription_period``, asked in the caller's read of the order)
    gets no membership days here: signing grants the period's membership when it is paid (grant_membership_until).
    A free trial's signing (its line priced at nothing) grants no credits either: the trial lends access (its
    membership runs to the trial's end), while credits are what a paid period buys, so they come with the first
    charge and a shopper cannot collect them by signing up and canceling. ``items``: only these of its lines (the
    parts of a split order delivered so far)."""
    now = now or utcnow()
    grants = []
    for item in order.items if items is None else items:
        spec = item.sku.fulfilment or {}
        days, credits = _positive(spec, "membership_days"), _positive(spec, "credits")
        if days and pays_a_period:
            continue
        if credits and pays_a_period and item.amount == 0 and item.sku.trial_days:
            continue
        if days:
            grant = _claim_grant(item, order, "membership", membership_days=days * item.quantity)
            if grant:
                _extend_membership_for(grant, days * item.quantity, now)
                grants.append(grant)
        elif credits:
            grant = _claim_grant(item, order, "credits", credits=credits * item.quantity)
            if grant:
                _add_credits(order.merchant_id, order.customer_id, order.livemode, credits * item.quantity, now)
                grants.append(grant)
    return grants


def customer_entitlements(merchant_id: str, customer_id: str, *, livemode: bool) -> CustomerEntitlements:
    """What the merchant's customer holds now in one mode, with the grants that built it (newest first)."""
    rows = {
        r.kind: r
        for r in db.session.scalars(
            select(Entitlement).where(
                Entitlement.merchant_id == merchant_id,
                Entitlement.customer_id == customer_id,
                Entitlement.livemode == livemode,
            )
        )
    }
    grants = list(
        db.session.scalars(
            select(EntitlementGrant)
            .where(
                EntitlementGrant.merchant_id == merchant_id,
                EntitlementGrant.customer_id == customer_id,
                EntitlementGrant.livemode == livemode,
            )
            .order_by(EntitlementGrant.id.desc())
            .limit(100)
        )
    )
    membership, credits = rows.get("membership"), rows.get("credits")
    return CustomerEntitlements(
        customer_id,
        livemode,
        membership.membership_until if membership else None,
        credits.credits if credits else 0,
        grants,
    )


def take_back_refunded(order_id: str, now: datetime | None = None) -> list[EntitlementGrant]:
    """The order was refunded in full: take back what it granted, in the caller's transaction. Credits go as far as
    the customer still holds them (the refund-abuse score weighs those already spent before the refund is made);
    a membership loses the granted days that have not run yet, never ending before ``now``. Each grant is claimed
    by one conditional UPDATE, so a handler run again takes nothing more. A subscription period's membership
    (a grant without days) is the contract's to end. Returns the grants taken back by this call."""
    now = now or utcnow()
    table = EntitlementGrant.__table__
    taken = []
    for grant in db.session.scalars(
        select(EntitlementGrant).where(EntitlementGrant.order_id == order_id, EntitlementGrant.taken_back_at.is_(None))
    ):
        claimed = db.session.execute(
            update(table).where(table.c.id == grant.id, table.c.taken_back_at.is_(None)).values(taken_back_at=now)
        ).rowcount
        if claimed != 1:
            continue  # another run of the handler took it back
        credits = _take_credits(grant, grant.credits, now) if grant.kind == "credits" and grant.credits else 0
        days = (
            _take_membership_days(grant, grant.membership_days, now)
            if grant.kind == "membership" and grant.membership_days
            else 0
        )
        db.session.execute(
            update(table)
            .where(table.c.id == grant.id)
            .values(credits_taken_back=credits, membership_days_taken_back=days)
        )
        set_committed_value(grant, "taken_back_at", now)
        set_committed_value(grant, "credits_taken_back", credits)
        set_committed_value(grant, "membership_days_taken_back", days)
        taken.append(grant)
    return taken


def _take_credits(grant: EntitlementGrant, credits: int, now: datetime) -> int:
    """Remove up to ``credits`` from the customer's balance; returns how many it held of them."""
    row = _entitlement(grant.merchant_id, grant.customer_id, "credits", grant.livemode)
    for _ in range(5):
        held = row.credits
        take = min(held, credits)
        if take == 0:
            return 0
        if (
            db.session.execute(
                update(Entitlement)
                .where(Entitlement.id == row.id, Entitlement.credits == held)
                .values(credits=held - take, updated_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
            == 1
        ):
            set_committed_value(row, "credits", held - take)
            return take
        db.session.refresh(row)
    raise EntitlementBusy(f"credits of {grant.customer_id} kept changing; retry")


def _take_membership_days(grant: EntitlementGrant, days: int, now: datetime) -> int:
    """Move the membership's end back by ``days``, not before ``now``; returns the whole days it lost."""
    row = _entitlement(grant.merchant_id, grant.customer_id, "membership", grant.livemode)
    for _ in range(5):
        current = row.membership_until
        if current is None or current <= now:
            return 0  # nothing left to run
        target = max(current - timedelta(days=days), now)
        if (
            db.session.execute(
                update(Entitlement)
                .where(Entitlement.id == row.id, Entitlement.membership_until == current)
                .values(membership_until=target, updated_at=now)
                .execution_options(synchronize_session=False)
            ).rowcount
            == 1
        ):
            set_committed_value(row, "membership_until", target)
            return (current - target).days
        db.session.refresh(row)
    raise EntitlementBusy(f"membership of {grant.customer_id} kept changing; retry")
