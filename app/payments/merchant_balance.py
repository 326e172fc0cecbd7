"""The merchant's balance (API.md ``GET /balance``), computed set-based from orders and refunds.

Until settlement exists, the buckets mean: ``available`` — net captured (captured − refunded) on
completed orders; ``pending`` — net captured on orders paid but not yet completed; ``frozen`` —
refunds on their way back to customers. Top-ups are not the merchant's money: they are reported
apart as ``wallets``, what customers hold in their Kassa balances. Every figure is of one mode: test
money never shows in a live balance, nor the reverse.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.ledger.models import Posting
from app.ledger.wallet import wallet_accounts_like
from app.orders.models import Order
from app.payments.refund_models import Refund

_NOT_COMPLETED = ("paid", "fulfilled", "refunding")


@dataclass(frozen=True)
class MerchantBalance:
    available: dict[str, int]
    pending: dict[str, int]
    frozen: dict[str, int]
    wallets: dict[str, int]


def _net_captured(merchant_id: str, livemode: bool, statuses: tuple[str, ...]) -> dict[str, int]:
    rows = db.session.execute(
        select(Order.currency, func.sum(Order.total - Order.refunded_amount))
        .where(Order.merchant_id == merchant_id, Order.livemode == livemode, Order.kind == "purchase",
               Order.status.in_(statuses))
        .group_by(Order.currency))
    return {currency: int(amount) for currency, amount in rows if amount}


def merchant_balance(merchant_id: str, *, livemode: bool) -> MerchantBalance:
    """The merchant's money in one mode by bucket and currency (minor units; empty buckets omitted)."""
    frozen = {c: int(a) for c, a in db.session.execute(
        select(Refund.currency, func.sum(Refund.amount))
        .join(Order, Order.id == Refund.order_id)
        .where(Refund.merchant_id == merchant_id, Refund.status == "pending", Order.kind == "purchase",
               Order.livemode == livemode)
        .group_by(Refund.currency)) if a}
    pending = _net_captured(merchant_id, livemode, _NOT_COMPLETED)
    # A refund in flight is still inside its order's net amount: count it once, as frozen.
    pending = {c: a - frozen.get(c, 0) for c, a in pending.items() if a - frozen.get(c, 0)}
    wallets = {c: int(a) for c, a in db.session.execute(
        select(Posting.currency, func.sum(Posting.amount))
        .where(Posting.merchant_id == merchant_id, Posting.account.like(wallet_accounts_like(livemode=livemode)))
        .group_by(Posting.currency)) if a}
    return MerchantBalance(available=_net_captured(merchant_id, livemode, ("completed",)), pending=pending,
                           frozen=frozen, wallets=wallets)
