"""Renewing due wallet contracts a batch at a time (issue 9): for each contract the rows the per-contract path
(app/signing/renewals/services.py) writes when a renewal is paid from the wallet — the period's order paid in full, its
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
the failed try and the dunning as before (a contract declined for a risk block is assessed again there, as the
per-contract path assesses a blocked renewal at each try). No payment poll is scheduled: the wallet payment is
settled in the batch's own transaction.
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, Select, and_, exists, false, func, not_, or_
from sqlalchemy.exc import IntegrityError

from app.catalog.services import price_items
from app.errors import KassaError
from app.extensions import db
from app.ledger.wallet.services import available_balances, wallets_held
from app.merchants.config_cache import versions_read_once
from app.merchants.models import Merchant
from app.orders.entitlements import grants_membership
from app.orders.models import Order, OrderItem
from app.orders.screening import prospect_for
from app.orders.services import order_settings
from app.orders.sub_orders import PricedLine, split_lines
from app.payments.channels.fees import fee_for_capture
from app.payments.channels.routing import require_channel
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.switches import refuse_new_orders
from app.risk.assessment import assess
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.periods import period_bounds
from app.signing.renewals import dunning
from app.signing.renewals.notices import noticed_price
from app.signing.renewals.rows import WALLET, PlannedRenewal, write_renewals

log = logs.get("signing.renewal_batch")


def batchable() -> ColumnElement[bool]:
    """Contracts the batch may take: a wallet mandate, renewing (not ending), their next period not opened yet
    (a period opened before — waiting, failed, given up — is the per-contract path's to reopen or retry)."""
    opened = exists().where(
        SubscriptionRenewal.subscription_id == Subscription.id, SubscriptionRenewal.period == Subscription.period + 1
    )
    # A SKU change taking over at this renewal may bring other terms (an interval the contract moves to): the
    # per-contract path applies them.
    return and_(
        Subscription.mandate_channel == WALLET,
        Subscription.mandate_status == "active",
        Subscription.cancel_at_period_end.is_(False),
        Subscription.next_sku_id.is_(None),
        # A renewal its coupon discounts is priced by the per-contract path (app/signing/coupon_durations.py).
        or_(
            Subscription.coupon_id.is_(None),
            and_(Subscription.coupon_periods.is_not(None), Subscription.period + 1 > Subscription.coupon_periods),
        ),
        ~opened,
    )


def not_batchable() -> ColumnElement[bool]:
    """The contracts ``batchable`` leaves out (a NULL mandate counts as left out)."""
    return not_(func.coalesce(batchable(), false()))


@dataclass
class BatchOutcome:
    """How many contracts the batch renewed, and the ones it took but left to the per-contract path."""

    renewed: int = 0
    declined: list[str] = field(default_factory=list)


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

    def fee(self, merchant_id: str, amount: int, currency: str) -> int:
        key = (merchant_id, amount, currency)
        if key not in self.fees:
            self.fees[key] = fee_for_capture(merchant_id, WALLET, amount, currency)
        return self.fees[key]

    def wallet_refusal(self, probe: Order) -> str | None:
        """Routing's verdict on paying this order from the wallet (the same for every order that looks alike)."""
        key = (
            probe.merchant_id,
            probe.total,
            probe.currency,
            probe.livemode,
            probe.customer_source,
            probe.business_line_id,  # a line may offer the wallet differently (app/payments/channels/line_channels.py)
        )
        if key not in self.channel:
            try:
                require_channel(probe, WALLET)
                self.channel[key] = None
            except KassaError as exc:
                self.channel[key] = exc.message
        return self.channel[key]


def renew_batch(candidates: Select, now: datetime, *, limit: int) -> BatchOutcome:
    """Renew up to ``limit`` of ``candidates`` (a select of due contracts) in one transaction; see the module."""
    query = (
        candidates.where(batchable())
        .order_by(Subscription.next_renewal_at)
        .limit(limit)
        .execution_options(populate_existing=True)
    )
    if db.engine.dialect.name == "postgresql":
        query = query.with_for_update(skip_locked=True, of=Subscription)
    subs = list(db.session.scalars(query))
    if not subs:
        db.session.rollback()
        return BatchOutcome()
    try:
        renewals, declined = _plan(subs)
        # The Redis locks are let go after the commit; the database's row locks hold the wallets until then.
        with ExitStack() as wallet_locks:
            renewals, short = _deduct(renewals, wallet_locks)
            write_renewals(renewals, now)
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


def _plan(subs: list[Subscription]) -> tuple[list[PlannedRenewal], list[str]]:
    """Price, assess and route each contract's renewal as ``create_order`` and ``start_payment`` would."""
    merchants, renewals, declined = _Merchants(), [], []
    wall = utcnow()
    with versions_read_once():  # the merchants' configuration as of the batch's start, read once
        for sub in subs:
            planned = None if merchants.refusal(sub.merchant_id) else _plan_one(sub, wall, merchants)
            if planned is None:
                declined.append(sub.id)
            else:
                renewals.append(planned)
    return renewals, declined


def _plan_one(sub: Subscription, wall: datetime, merchants: _Merchants) -> PlannedRenewal | None:
    sku_id = sub.next_sku_id or sub.sku_id
    try:
        quote = price_items(
            sub.merchant_id,
            [{"sku": sku_id, "quantity": 1}],
            livemode=sub.livemode,
            customer_id=sub.customer_id,
            currency=sub.currency,
            automatic=False,  # a renewal charges the contract's price, as the per-contract path does
        )
    except KassaError:
        return None  # no longer sold: the per-contract path records why the try failed
    line = quote.lines[0]
    if line.sku.stock is not None:
        return None  # stock is reserved by the per-contract path
    noticed = noticed_price(sub)
    if noticed is not None and quote.total.amount > noticed:
        return None  # raised since its notice: the per-contract path charges what the notice said
    prospect = prospect_for(
        sub.merchant_id,
        customer_id=sub.customer_id,
        email=sub.customer_email,
        amount=quote.total.amount,
        currency=quote.currency,
        livemode=sub.livemode,
        business_line=sub.business_line_id,  # the renewal order's line (rows.py): judged by its line's rules
    )
    assessment = assess(prospect)
    if assessment.decision == "block":
        return None
    probe = Order(
        merchant_id=sub.merchant_id,
        kind="purchase",
        total=quote.total.amount,
        currency=quote.currency,
        livemode=sub.livemode,
        customer_id=sub.customer_id,
        customer_source=sub.customer_source,
        business_line_id=sub.business_line_id,
    )
    if merchants.wallet_refusal(probe):
        return None
    period = sub.period + 1
    start, end = period_bounds(sub.anchor_at, sub.interval, sub.interval_count, period, sub.anchor_period)
    item = OrderItem(
        merchant_id=sub.merchant_id,
        sku_id=line.sku.id,
        product_id=line.sku.product_id,
        name=f"{line.sku.product.name} — {line.sku.name}",
        quantity=1,
        unit_amount=line.unit.amount,
        amount=line.amount.amount,
    )
    merchant = merchants.row(sub.merchant_id)
    renewal = PlannedRenewal(
        sub=sub,
        period=period,
        start=start,
        end=end,
        item=item,
        grants_membership=grants_membership(line.sku),
        total=quote.total.amount,
        currency=quote.currency,
        risk=assessment.to_json(),
        fee=merchants.fee(sub.merchant_id, quote.total.amount, quote.currency),
        expires_at=wall + dunning.dunning_window(merchant) + timedelta(days=1),
    )
    settings = order_settings(sub.merchant_id)
    item.order_id = renewal.order_id
    split_lines(
        renewal.order_id,
        sub.merchant_id,
        quote.currency,
        quote.total.amount,
        [
            PricedLine(
                line.sku.id,
                line.sku.product_id,
                line.amount.amount,
                line.sku.clearing,
                line.sku.product.clearing,
                line.sku.product.settlement_delay_days,
                line.sku.product.category,
            )
        ],
        [item],
        merchant_rule=settings.clearing,
        strategy=settings.split_strategy,
    )
    return renewal


def _deduct(renewals: list[PlannedRenewal], locks: ExitStack) -> tuple[list[PlannedRenewal], list[str]]:
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
