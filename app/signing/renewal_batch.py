"""Renewing due wallet contracts a batch at a time (issue 9): for each contract the rows the per-contract path
(app/signing/renewals.py) writes when a renewal is paid from the wallet — the period's order paid in full, its
payment, the wallet's try and confirm, the contract moved into the period, the membership extended, timeline and
events — written for the whole batch with a few multi-row statements in one transaction.

The guarantees stay those of the per-contract path:
- the contracts are row-locked for the transaction (SKIP LOCKED on PostgreSQL, so parallel workers take
  disjoint batches; SQLite has a single writer) and each UPDATE still compares the contract's version;
- the renewal row's unique key on (contract, period) still decides: a period opened elsewhere meanwhile makes
  the insert fail, the whole batch rolls back and its contracts go the per-contract way;
- the wallets are locked as every wallet payment locks them (Redis, then row locks in customer order), each
  balance is checked under those locks, and the try and confirm are posted as balanced entries with their
  barrier rows, exactly as the wallet's Try–Confirm–Cancel does;
- everything commits together or not at all.

Only renewals that need no call out are taken: no subscription hook installed, a wallet mandate, a SKU without
stock, an order the risk rules allow (or hold for review). A contract the batch declines (a balance that does
not cover it, a risk block, a SKU no longer sold, maintenance) is renewed by the per-contract path, which makes
the failed try and the dunning as before.
"""
from __future__ import annotations

import secrets
from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Select, and_, bindparam, exists, false, func, not_, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.catalog.services import price_items
from app.db_types import utcnow
from app.errors import KassaError
from app.events import Event
from app.extensions import db
from app.ids import new_id
from app.ledger.journal import check_balanced
from app.ledger.models import JournalEntry, Posting, WalletBarrier
from app.ledger.wallet import (available_account, available_balances, frozen_account, receivable_account,
                               wallets_held)
from app.merchants.config_cache import versions_read_once
from app.merchants.models import Merchant
from app.operations.switches import refuse_new_orders
from app.orders.entitlements import PeriodGrant, grant_memberships_until, grants_membership
from app.orders.models import Order, OrderItem, OrderTimelineEntry
from app.orders.services import order_event_data, order_settings
from app.orders.sub_orders import PricedLine, split_lines
from app.payments.fees import fee_for_capture
from app.payments.hub import attempt_json
from app.payments.models import PaymentAttempt
from app.payments.routing import require_channel
from app.risk.assessment import assess, prospect_for
from app.signing import dunning
from app.signing.contracts import event_object
from app.signing.models import Subscription, SubscriptionRenewal, SubscriptionTimelineEntry
from app.signing.periods import period_bounds

log = logs.get("signing.renewal_batch")

WALLET = "wallet"
ACTOR = "system:renewal"


def batchable():
    """Contracts the batch may take: a wallet mandate, renewing (not ending), their next period not opened yet
    (a period opened before — waiting, failed, given up — is the per-contract path's to reopen or retry)."""
    opened = exists().where(SubscriptionRenewal.subscription_id == Subscription.id,
                            SubscriptionRenewal.period == Subscription.period + 1)
    return and_(Subscription.mandate_channel == WALLET, Subscription.mandate_status == "active",
                Subscription.cancel_at_period_end.is_(False), ~opened)


def not_batchable():
    """The contracts ``batchable`` leaves out (a NULL mandate counts as left out)."""
    return not_(func.coalesce(batchable(), false()))


@dataclass
class BatchOutcome:
    """How many contracts the batch renewed, and the ones it took but left to the per-contract path."""

    renewed: int = 0
    declined: list[str] = field(default_factory=list)


@dataclass
class _Renewal:
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


class _Merchants:
    """What the batch reads once per merchant: the row, whether it takes orders, fees and channel verdicts."""

    def __init__(self) -> None:
        self.rows: dict[str, Merchant] = {}
        self.refusals: dict[str, str | None] = {}
        self.fees: dict[tuple, int] = {}
        self.channel: dict[tuple, str | None] = {}

    def refusal(self, merchant_id: str) -> str | None:
        if merchant_id not in self.refusals:
            try:
                refuse_new_orders(merchant_id)
                self.refusals[merchant_id] = None
            except KassaError as exc:
                self.refusals[merchant_id] = exc.message
        return self.refusals[merchant_id]

    def row(self, merchant_id: str) -> Merchant:
        if merchant_id not in self.rows:
            self.rows[merchant_id] = db.session.get(Merchant, merchant_id)
        return self.rows[merchant_id]

    def fee(self, merchant_id: str, amount: int) -> int:
        key = (merchant_id, amount)
        if key not in self.fees:
            self.fees[key] = fee_for_capture(merchant_id, WALLET, amount)
        return self.fees[key]

    def wallet_refusal(self, probe: Order) -> str | None:
        """Routing's verdict on paying this order from the wallet (the same for every order that looks alike)."""
        key = (probe.merchant_id, probe.total, probe.currency, probe.livemode, probe.customer_source)
        if key not in self.channel:
            try:
                require_channel(probe, WALLET)
                self.channel[key] = None
            except KassaError as exc:
                self.channel[key] = exc.message
        return self.channel[key]


def renew_batch(candidates: Select, now: datetime, *, limit: int) -> BatchOutcome:
    """Renew up to ``limit`` of ``candidates`` (a select of due contracts) in one transaction; see the module."""
    query = (candidates.where(batchable()).order_by(Subscription.next_renewal_at).limit(limit)
             .execution_options(populate_existing=True))
    if db.engine.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Subscription)
    subs = list(db.session.scalars(query))
    if not subs:
        db.session.rollback()
        return BatchOutcome()
    try:
        renewals, declined = _plan(subs, now)
        # The Redis locks are let go after the commit; the database's row locks hold the wallets until then.
        with ExitStack() as wallet_locks:
            renewals, short = _deduct(renewals, wallet_locks)
            _write(renewals, now)
            db.session.commit()
    except (IntegrityError, KassaError) as exc:  # a period opened elsewhere meanwhile, a busy wallet, no Redis
        db.session.rollback()
        log.info("renewal batch left to the per-contract path: %s", exc)
        return BatchOutcome(declined=[sub.id for sub in subs])
    except Exception:  # a bug must not stop renewals: each contract goes its own way
        db.session.rollback()
        log.exception("renewal batch failed; its contracts are renewed one by one")
        return BatchOutcome(declined=[sub.id for sub in subs])
    log.info("renewal batch", extra={"fields": {"renewed": len(renewals), "declined": len(declined) + len(short)}})
    return BatchOutcome(renewed=len(renewals), declined=declined + short)


def _plan(subs: list[Subscription], now: datetime) -> tuple[list[_Renewal], list[str]]:
    """Price, assess and route each contract's renewal as ``create_order`` and ``start_payment`` would."""
    merchants, renewals, declined = _Merchants(), [], []
    wall = utcnow()
    with versions_read_once():  # the merchants' configuration as of the batch's start, read once
        for sub in subs:
            planned = None if merchants.refusal(sub.merchant_id) else _plan_one(sub, now, wall, merchants)
            if planned is None:
                declined.append(sub.id)
            else:
                renewals.append(planned)
    return renewals, declined


def _plan_one(sub: Subscription, now: datetime, wall: datetime, merchants: _Merchants) -> _Renewal | None:
    sku_id = sub.next_sku_id or sub.sku_id
    try:
        quote = price_items(sub.merchant_id, [{"sku": sku_id, "quantity": 1}], customer_id=sub.customer_id)
    except KassaError:
        return None  # no longer sold: the per-contract path records why the try failed
    line = quote.lines[0]
    if line.sku.stock is not None:
        return None  # stock is reserved by the per-contract path
    prospect = prospect_for(sub.merchant_id, customer_id=sub.customer_id, email=sub.customer_email,
                            amount=quote.total.amount, currency=quote.currency, livemode=sub.livemode)
    assessment = assess(prospect)
    if assessment.decision == "block":
        return None
    probe = Order(merchant_id=sub.merchant_id, kind="purchase", total=quote.total.amount, currency=quote.currency,
                  livemode=sub.livemode, customer_id=sub.customer_id, customer_source=sub.customer_source)
    if merchants.wallet_refusal(probe):
        return None
    period = sub.period + 1
    start, end = period_bounds(sub.anchor_at, sub.interval, sub.interval_count, period, sub.anchor_period)
    item = OrderItem(merchant_id=sub.merchant_id, sku_id=line.sku.id, product_id=line.sku.product_id,
                     name=f"{line.sku.product.name} — {line.sku.name}", quantity=1,
                     unit_amount=line.sku.price_amount, amount=line.amount.amount)
    merchant = merchants.row(sub.merchant_id)
    renewal = _Renewal(sub=sub, period=period, start=start, end=end, item=item,
                       grants_membership=grants_membership(line.sku), total=quote.total.amount,
                       currency=quote.currency, risk=assessment.to_json(),
                       fee=merchants.fee(sub.merchant_id, quote.total.amount),
                       expires_at=wall + dunning.dunning_window(merchant) + timedelta(days=1))
    settings = order_settings(sub.merchant_id)
    item.order_id = renewal.order_id
    split_lines(renewal.order_id, sub.merchant_id, quote.currency, quote.total.amount,
                [PricedLine(line.sku.id, line.sku.product_id, line.amount.amount, line.sku.clearing,
                            line.sku.product.clearing)], [item], merchant_rule=settings.clearing,
                strategy=settings.split_strategy)
    return renewal


def _deduct(renewals: list[_Renewal], locks: ExitStack) -> tuple[list[_Renewal], list[str]]:
    """Lock every wallet the batch takes from (held by ``locks``) and keep the renewals their balances cover, in
    batch order (a customer's second contract sees what the first one took)."""
    wallets = defaultdict(set)
    for r in renewals:
        wallets[(r.sub.merchant_id, r.currency)].add(r.sub.customer_id)
    for (merchant_id, currency), customers in sorted(wallets.items()):
        locks.enter_context(wallets_held(merchant_id, customers, currency))
    balances = {}
    for live in {r.sub.livemode for r in renewals}:
        for (merchant_id, currency), customers in wallets.items():
            for customer, amount in available_balances(merchant_id, customers, currency, livemode=live).items():
                balances[(merchant_id, currency, live, customer)] = amount
    covered, short = [], []
    for r in renewals:
        key = (r.sub.merchant_id, r.currency, r.sub.livemode, r.sub.customer_id)
        if balances[key] >= r.total:
            balances[key] -= r.total
            covered.append(r)
        else:
            short.append(r.sub.id)  # the per-contract path fails the try and starts the dunning
    return covered, short


def _write(renewals: list[_Renewal], now: datetime) -> None:
    if not renewals:
        return
    wall = utcnow()
    request_id = logs.current("request_id")
    orders, timeline, attempts, barriers, entries, postings, events = [], [], [], [], [], [], []
    for r in renewals:
        sub = r.sub
        orders.append({
            "id": r.order_id, "merchant_id": sub.merchant_id, "status": "paid", "kind": "purchase", "version": 3,
            "livemode": sub.livemode, "customer_id": sub.customer_id, "customer_email": sub.customer_email,
            "customer_source": sub.customer_source, "checkout_session_id": None, "currency": r.currency,
            "subtotal": r.total, "discount": 0, "total": r.total, "refunded_amount": 0, "auto_confirm_at": None,
            "client_secret": f"{r.order_id}_secret_{secrets.token_urlsafe(18)}", "metadata": {}, "risk": r.risk,
            "expires_at": r.expires_at, "request_id": request_id, "created_at": wall, "updated_at": wall})
        for before, after, reason, actor in ((None, "created", "order created", ACTOR),
                                             ("created", "paying", f"payment started with {WALLET}", ACTOR),
                                             ("paying", "paid", f"captured by {WALLET} ({r.attempt_id})",
                                              f"channel:{WALLET}")):
            timeline.append({"order_id": r.order_id, "merchant_id": sub.merchant_id, "from_status": before,
                             "status": after, "reason": reason, "actor": actor, "at": wall})
        attempt = {"id": r.attempt_id, "merchant_id": sub.merchant_id, "order_id": r.order_id, "channel": WALLET,
                   "status": "succeeded", "amount": r.total, "currency": r.currency,
                   "provider_reference": r.attempt_id, "next_action": {"type": "none"}, "failure_reason": None,
                   "fee_amount": r.fee, "created_at": wall, "updated_at": wall}
        attempts.append(attempt)
        _wallet_rows(r, wall, barriers, entries, postings)
        order_json = {"id": r.order_id, "total": r.total, "currency": r.currency, "customer": sub.customer_id,
                      "livemode": sub.livemode}
        for status in ("created", "paying", "paid"):
            order_json["status"] = status
            events.append(_event(sub, f"order.{status}", order_event_data(_as_order(order_json)), r.order_id, wall,
                                 request_id))
            if status == "created" and r.risk["decision"] == "review":
                events.append(_event(sub, "risk.review_opened", {"id": r.order_id, "object": "order", **r.risk},
                                     r.order_id, wall, request_id))
        events.append(_event(sub, "payment.succeeded", attempt_json(PaymentAttempt(**attempt)), r.order_id, wall,
                             request_id))
    db.session.execute(Order.__table__.insert(), orders)
    items = OrderItem.__table__
    item_ids = db.session.execute(items.insert().returning(items.c.id, sort_by_parameter_order=True), [
        {c: getattr(r.item, c) for c in ("order_id", "merchant_id", "sku_id", "product_id", "name", "quantity",
                                         "unit_amount", "amount", "net_amount", "clearing", "sub_order_id")}
        for r in renewals]).scalars().all()
    db.session.execute(OrderTimelineEntry.__table__.insert(), timeline)
    db.session.execute(PaymentAttempt.__table__.insert(), attempts)
    db.session.execute(WalletBarrier.__table__.insert(), barriers)
    db.session.execute(JournalEntry.__table__.insert(), entries)
    db.session.execute(Posting.__table__.insert(), postings)
    # The unique key on (contract, period): a period someone opened meanwhile fails the whole batch here.
    db.session.execute(SubscriptionRenewal.__table__.insert(), [
        {"subscription_id": r.sub.id, "merchant_id": r.sub.merchant_id, "period": r.period, "period_start": r.start,
         "period_end": r.end, "order_id": r.order_id, "status": "paid", "attempts": 1, "next_attempt_at": None,
         "due_at": r.sub.next_renewal_at, "paid_at": now, "last_error": None, "created_at": wall}
        for r in renewals])
    _move_contracts(renewals, now, events, wall, request_id)
    grant_memberships_until([PeriodGrant(r.sub.merchant_id, r.sub.customer_id, r.sub.livemode, r.order_id, item_id,
                                         r.end) for r, item_id in zip(renewals, item_ids) if r.grants_membership], now)
    db.session.execute(Event.__table__.insert(), events)
    db.session.info["kassa_new_events"] = True  # ask for a dispatch run once committed (app/events.py)


def _as_order(data: dict) -> Order:
    return Order(id=data["id"], status=data["status"], total=data["total"], currency=data["currency"],
                 customer_id=data["customer"], livemode=data["livemode"])


def _wallet_rows(r: _Renewal, wall: datetime, barriers: list, entries: list, postings: list) -> None:
    """The wallet's try (available → frozen) and confirm (frozen → the merchant's receivable) of one payment."""
    sub = r.sub
    available = available_account(sub.customer_id, livemode=sub.livemode)
    frozen = frozen_account(sub.customer_id, livemode=sub.livemode)
    receivable = receivable_account(sub.merchant_id, livemode=sub.livemode)
    for phase, source, target in (("try", available, frozen), ("confirm", frozen, receivable)):
        legs = [(source, -r.total, r.currency), (target, r.total, r.currency)]
        check_balanced(legs)
        entry_id = new_id("je")
        barriers.append({"attempt_id": r.attempt_id, "phase": phase, "merchant_id": sub.merchant_id,
                         "customer_id": sub.customer_id, "amount": r.total, "currency": r.currency,
                         "created_at": wall})
        entries.append({"id": entry_id, "merchant_id": sub.merchant_id, "kind": f"wallet.{phase}",
                        "reference": r.attempt_id, "created_at": wall})
        postings.extend({"entry_id": entry_id, "merchant_id": sub.merchant_id, "account": account, "amount": amount,
                         "currency": currency, "order_id": r.order_id} for account, amount, currency in legs)


def _move_contracts(renewals: list[_Renewal], now: datetime, events: list, wall: datetime,
                    request_id: str | None) -> None:
    """Each contract into its paid period: the two changes the per-contract path makes (opened, paid) as one
    conditional UPDATE on the version read under the row lock, two timeline rows and ``subscription.renewed``."""
    table = Subscription.__table__
    values = {name: bindparam(f"b_{name}") for name in (
        "period", "current_period_start", "current_period_end", "next_renewal_at", "latest_order_id", "price_amount",
        "sku_id", "mandate_reference")}
    rows, timeline = [], []
    for r in renewals:
        sub = r.sub
        rows.append({"b_id": sub.id, "b_version": sub.version, "b_period": r.period, "b_current_period_start": r.start,
                     "b_current_period_end": r.end, "b_next_renewal_at": r.end, "b_latest_order_id": r.order_id,
                     "b_price_amount": r.item.amount, "b_sku_id": r.item.sku_id,
                     "b_mandate_reference": sub.customer_id})
        timeline += [
            {"subscription_id": sub.id, "merchant_id": sub.merchant_id, "from_status": sub.status,
             "status": sub.status, "reason": f"period {r.period} opened: order {r.order_id}", "actor": ACTOR,
             "at": now},
            {"subscription_id": sub.id, "merchant_id": sub.merchant_id, "from_status": sub.status, "status": "active",
             "reason": f"period {r.period} paid by order {r.order_id}", "actor": ACTOR, "at": now}]
        renewed = {**event_object(sub), "status": "active", "period": r.period, "sku": r.item.sku_id,
                   "price": {"amount": r.item.amount, "currency": sub.currency},
                   "current_period_end": int(r.end.timestamp())}
        events.append(_event(sub, "subscription.renewed", renewed, None, wall, request_id))
    moved = db.session.execute(
        update(table).where(table.c.id == bindparam("b_id"), table.c.version == bindparam("b_version"))
        .values(status="active", version=table.c.version + 2, next_sku_id=None, mandate_channel=WALLET,
                mandate_status="active", updated_at=now, **values), rows).rowcount
    if moved != len(rows):
        raise RuntimeError(f"{len(rows) - moved} contracts changed under their row locks")  # never: rolls back
    db.session.execute(SubscriptionTimelineEntry.__table__.insert(), timeline)


def _event(sub: Subscription, type_: str, obj: dict, order_id: str | None, wall: datetime,
           request_id: str | None) -> dict:
    return {"id": new_id("evt"), "merchant_id": sub.merchant_id, "type": type_, "order_id": order_id,
            "data": {"object": obj}, "livemode": sub.livemode, "created_at": wall, "dispatched_at": None,
            "dispatch_attempts": 0, "next_dispatch_at": None, "request_id": request_id, "test_webhook": False}
