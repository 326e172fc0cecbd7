"""Balances read from the ledger: the merchant's (API ``GET /balance``) and any account's, for the portal.

The merchant's buckets, per currency and mode:

- ``available``: its own share (partner ``self``) of cleared orders that may be paid out now and has not been —
  net of channel and platform fees, of refunds and of any reserve held;
- ``pending``: money captured for orders that have not completed (not cleared yet), plus its cleared share still
  on hold (hold days, a rolling reserve);
- ``frozen``: refunds set aside that the provider has not confirmed;
- ``wallets``: what customers hold in their Kassa balances (theirs, not the merchant's).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, or_, select

from app.db_types import utcnow
from app.extensions import db
from app.ledger.accounts import partner_account, receivable_account, refunds_in_flight_account
from app.ledger.books_models import SELF
from app.ledger.models import Posting
from app.ledger.wallet import wallet_accounts_like


@dataclass(frozen=True)
class MerchantBalance:
    available: dict[str, int]
    pending: dict[str, int]
    frozen: dict[str, int]
    wallets: dict[str, int]


def _sums(merchant_id: str, condition) -> dict[str, int]:
    rows = db.session.execute(select(Posting.currency, func.sum(Posting.amount))
                              .where(Posting.merchant_id == merchant_id, condition).group_by(Posting.currency))
    return {currency: int(total) for currency, total in rows if total}


def merchant_balance(merchant_id: str, *, livemode: bool, now: datetime | None = None) -> MerchantBalance:
    """The merchant's money in one mode by bucket and currency (minor units; empty buckets omitted)."""
    now = now or utcnow()
    own = partner_account(SELF, livemode=livemode)
    due = or_(Posting.available_at.is_(None), Posting.available_at <= now)
    rows = db.session.execute(
        select(Posting.currency,
               func.sum(case((due, Posting.amount), else_=0)),
               func.sum(case((due, 0), else_=Posting.amount)))
        .where(Posting.merchant_id == merchant_id, Posting.account == own).group_by(Posting.currency))
    available, held = {}, {}
    for currency, now_amount, later_amount in rows:
        if now_amount:
            available[currency] = int(now_amount)
        if later_amount:
            held[currency] = int(later_amount)
    captured = _sums(merchant_id, Posting.account == receivable_account(merchant_id, livemode=livemode))
    pending = {c: captured.get(c, 0) + held.get(c, 0) for c in {*captured, *held}}
    return MerchantBalance(
        available=available, pending={c: a for c, a in pending.items() if a},
        frozen=_sums(merchant_id, Posting.account == refunds_in_flight_account(merchant_id, livemode=livemode)),
        wallets=_sums(merchant_id, Posting.account.like(wallet_accounts_like(livemode=livemode))))


def account_balances(merchant_id: str, *, livemode: bool) -> list[tuple[str, str, int]]:
    """Every account the merchant's postings touch in one mode: (account, currency, balance), for the ledger view."""
    live = Posting.account.like("live:%")
    rows = db.session.execute(
        select(Posting.account, Posting.currency, func.sum(Posting.amount))
        .where(Posting.merchant_id == merchant_id, live if livemode else ~live)
        .group_by(Posting.account, Posting.currency).order_by(Posting.account, Posting.currency))
    return [(account, currency, int(total)) for account, currency, total in rows]
