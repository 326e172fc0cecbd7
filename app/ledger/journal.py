"""The double-entry journal (DESIGN.md §5): every movement is a balanced entry; balances are sums."""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from sqlalchemy import func, select

from app.errors import KassaError
from app.extensions import db
from app.ids import new_id
from app.ledger.models import JournalEntry, Posting
from app.money import normalise_currency

# (account, signed amount in minor units, currency)
Leg = tuple[str, int, str]


class UnbalancedEntry(KassaError):
    """An entry whose postings do not sum to zero per currency, or with a non-integer amount (a bug)."""

    status = 500
    type = "api_error"
    code = "ledger_entry_invalid"


def _checked(postings: Sequence[Leg]) -> list[Leg]:
    if len(postings) < 2:
        raise UnbalancedEntry("a journal entry needs at least two postings")
    legs, totals = [], defaultdict(int)
    for account, amount, currency in postings:
        # bool is an int too, and a float is never money.
        if type(amount) is not int:
            raise UnbalancedEntry(f"posting amount must be an int of minor units, got {type(amount).__name__}")
        if amount == 0 or not isinstance(account, str) or not account:
            raise UnbalancedEntry("a posting needs an account and a non-zero amount")
        currency = normalise_currency(currency)
        totals[currency] += amount
        legs.append((account, amount, currency))
    unbalanced = {c: t for c, t in totals.items() if t != 0}
    if unbalanced:
        raise UnbalancedEntry(f"postings do not balance: {unbalanced}")
    return legs


def find_entry(kind: str, reference: str) -> JournalEntry | None:
    """The entry already posted for this action, if any."""
    return db.session.scalar(select(JournalEntry).where(JournalEntry.kind == kind,
                                                        JournalEntry.reference == reference))


def post_journal_entry(merchant_id: str, kind: str, reference: str, postings: Sequence[Leg]) -> JournalEntry:
    """Add a balanced entry to the caller's transaction; the same (kind, reference) again returns
    the first entry unchanged. The unique constraint refuses a concurrent duplicate at flush."""
    legs = _checked(postings)
    existing = find_entry(kind, reference)
    if existing is not None:
        return existing
    entry = JournalEntry(id=new_id("je"), merchant_id=merchant_id, kind=kind, reference=reference)
    db.session.add(entry)
    for account, amount, currency in legs:
        db.session.add(Posting(entry_id=entry.id, merchant_id=merchant_id, account=account, amount=amount,
                               currency=currency))
    db.session.flush()
    return entry


def account_balances(merchant_id: str, accounts: Iterable[str]) -> dict[tuple[str, str], int]:
    """{(account, currency): balance} summed from postings, for the accounts that have any."""
    accounts = list(accounts)
    rows = db.session.execute(
        select(Posting.account, Posting.currency, func.sum(Posting.amount))
        .where(Posting.merchant_id == merchant_id, Posting.account.in_(accounts))
        .group_by(Posting.account, Posting.currency))
    return {(account, currency): int(total) for account, currency, total in rows}


def account_balance(merchant_id: str, account: str, currency: str) -> int:
    """One account's balance in one currency (0 when it has no postings)."""
    total = db.session.scalar(select(func.coalesce(func.sum(Posting.amount), 0)).where(
        Posting.merchant_id == merchant_id, Posting.account == account, Posting.currency == currency))
    return int(total)
