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
from datetime import date, datetime

from sqlalchemy import func, select

from app.extensions import db
from app.ledger.accounts import partner_account, receivable_account, refunds_in_flight_account, wallet_accounts_prefix
from app.ledger.books_models import SELF
from app.ledger.checkpoints import account_sums
from app.ledger.models import Posting
from app.platform.db.types import begins_with, utcnow


@dataclass(frozen=True)
class MerchantBalance:
    available: dict[str, int]
    pending: dict[str, int]
    frozen: dict[str, int]
    wallets: dict[str, int]


def _sums(merchant_id: str, accounts, now: datetime) -> dict[str, int]:
    totals: dict[str, int] = {}
    for _, currency, due, later in account_sums(merchant_id, accounts, now=now):
        totals[currency] = totals.get(currency, 0) + due + later
    return {currency: total for currency, total in totals.items() if total}


def merchant_balance(merchant_id: str, *, livemode: bool, now: datetime | None = None) -> MerchantBalance:
    """The merchant's money in one mode by bucket and currency (minor units; empty buckets omitted)."""
    now = now or utcnow()
    own = partner_account(SELF, livemode=livemode)
    available, held = {}, {}
    for _, currency, now_amount, later_amount in account_sums(merchant_id, lambda account: account == own, now=now):
        if now_amount:
            available[currency] = now_amount
        if later_amount:
            held[currency] = later_amount
    receivable = receivable_account(merchant_id, livemode=livemode)
    captured = _sums(merchant_id, lambda account: account == receivable, now)
    pending = {c: captured.get(c, 0) + held.get(c, 0) for c in {*captured, *held}}
    in_flight = refunds_in_flight_account(merchant_id, livemode=livemode)
    wallets = wallet_accounts_prefix(livemode=livemode)
    return MerchantBalance(
        available=available,
        pending={c: a for c, a in pending.items() if a},
        frozen=_sums(merchant_id, lambda account: account == in_flight, now),
        wallets=_sums(merchant_id, lambda account: begins_with(account, wallets), now),
    )


@dataclass(frozen=True)
class Release:
    """Cleared money on hold that becomes available on a day (UTC)."""

    on: date
    currency: str
    amount: int


def held_releases(merchant_id: str, *, livemode: bool, now: datetime | None = None, days: int = 5) -> list[Release]:
    """The merchant's own cleared share still on hold, by the day it becomes available, soonest first (at most
    ``days`` days): each clearing batch holds its lines until one moment, so the groups are few."""
    now = now or utcnow()
    rows = db.session.execute(
        select(Posting.available_at, Posting.currency, func.sum(Posting.amount))
        .where(
            Posting.merchant_id == merchant_id,
            Posting.account == partner_account(SELF, livemode=livemode),
            Posting.available_at > now,
        )
        .group_by(Posting.available_at, Posting.currency)
        .order_by(Posting.available_at)
        .limit(500)
    ).all()
    by_day: dict[tuple[date, str], int] = {}
    for available_at, currency, amount in rows:
        key = (available_at.date(), currency)
        by_day[key] = by_day.get(key, 0) + int(amount)
    releases = [Release(on, currency, amount) for (on, currency), amount in by_day.items() if amount]
    first_days = sorted({release.on for release in releases})[:days]
    return [release for release in releases if release.on in first_days]


def account_balances(merchant_id: str, *, livemode: bool) -> list[tuple[str, str, int]]:
    """Every account the merchant's postings touch in one mode: (account, currency, balance), for the ledger view."""

    def live(account):
        return account.like("live:%")

    rows = account_sums(merchant_id, live if livemode else (lambda account: ~live(account)))
    return [(account, currency, due + later) for account, currency, due, later in rows]
