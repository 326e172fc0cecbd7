"""The double-entry journal (DESIGN.md §5): every movement is a balanced entry; balances are sums."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Iterable, NamedTuple, Sequence

from sqlalchemy import bindparam, func, select

from app.errors import KassaError
from app.extensions import db
from app.ledger.models import JournalEntry, Posting
from app.platform.db.bulk_copy import copy_rows
from app.platform.db.core_writes import insert_at_once
from app.platform.values.ids import new_id
from app.platform.values.money import normalise_currency


class Leg(NamedTuple):
    """One posting to be: a signed amount in minor units on an account, and what it belongs to.
    A plain ``(account, amount, currency)`` tuple is a Leg with nothing else named."""

    account: str
    amount: int
    currency: str
    order_id: str | None = None
    partner_id: str | None = None
    sku_id: str | None = None
    sub_order_id: str | None = None
    line_kind: str | None = None
    available_at: datetime | None = None
    settlement_id: str | None = None


class UnbalancedEntry(KassaError):
    """An entry whose postings do not sum to zero per currency, or with a non-integer amount (a bug)."""

    status = 500
    type = "api_error"
    code = "ledger_entry_invalid"


def _checked(postings: Sequence[Leg | tuple]) -> list[Leg]:
    if len(postings) < 2:
        raise UnbalancedEntry("a journal entry needs at least two postings")
    legs, totals, currencies = [], defaultdict(int), {}
    for leg in postings:
        leg = leg if isinstance(leg, Leg) else Leg(*leg)
        # bool is an int too, and a float is never money.
        if type(leg.amount) is not int:
            raise UnbalancedEntry(f"posting amount must be an int of minor units, got {type(leg.amount).__name__}")
        if leg.amount == 0 or not isinstance(leg.account, str) or not leg.account:
            raise UnbalancedEntry("a posting needs an account and a non-zero amount")
        if leg.currency not in currencies:  # a batch has thousands of legs in one or two currencies
            currencies[leg.currency] = normalise_currency(leg.currency)
        currency = currencies[leg.currency]
        totals[currency] += leg.amount
        legs.append(leg if currency == leg.currency else leg._replace(currency=currency))
    unbalanced = {c: t for c, t in totals.items() if t != 0}
    if unbalanced:
        raise UnbalancedEntry(f"postings do not balance: {unbalanced}")
    return legs


# Asked before every posting: built once, a posting binds only its kind and reference.
_ENTRY = select(JournalEntry).where(
    JournalEntry.kind == bindparam("b_kind"), JournalEntry.reference == bindparam("b_reference")
)


def find_entry(kind: str, reference: str) -> JournalEntry | None:
    """The entry already posted for this action, if any."""
    return db.session.scalar(_ENTRY, {"b_kind": kind, "b_reference": reference})


def post_journal_entry(
    merchant_id: str,
    kind: str,
    reference: str,
    postings: Sequence[Leg | tuple],
    *,
    claimed: bool = False,
    business_line_id: str | None = None,
) -> JournalEntry:
    """Add a balanced entry to the caller's transaction; the same (kind, reference) again returns
    the first entry unchanged. The unique constraint refuses a concurrent duplicate at its INSERT.
    ``business_line_id``: the line of the order the money moved for (None: the merchant's default).
    ``claimed``: the caller's transaction has just made the one change that posts this entry (a conditional
    UPDATE only one transaction can make), so there is nothing to look up first; a duplicate still fails at the
    constraint, and the whole transaction with it."""
    legs = _checked(postings)
    if not claimed:
        existing = find_entry(kind, reference)
        if existing is not None:
            return existing
    entry = JournalEntry(
        id=new_id("je"), merchant_id=merchant_id, kind=kind, reference=reference, business_line_id=business_line_id
    )
    db.session.flush()  # what the caller has pending first (a settlement its postings name)
    # Then the entry and its postings, without the unit of work's bookkeeping: an entry of a few legs (a capture, a
    # refund) in one statement on PostgreSQL, a large one's postings in bulk.
    if len(legs) <= _LEGS_WITH_ENTRY:
        insert_at_once(_rows(entry, legs))
    else:
        insert_at_once([entry])
        _insert_postings(entry.id, merchant_id, legs)
    return entry


def claimed_entry_rows(
    merchant_id: str,
    kind: str,
    reference: str,
    postings: Sequence[Leg | tuple],
    *,
    business_line_id: str | None = None,
) -> list:
    """A new balanced entry of a few legs and its postings as rows, for a caller whose transaction has claimed the
    action (``post_journal_entry``'s ``claimed``) and writes them itself with its other rows (a capture's with the
    order's move, app/platform/db/core_writes.py). The unique (kind, reference) still refuses a duplicate at the
    INSERT."""
    legs = _checked(postings)
    entry = JournalEntry(
        id=new_id("je"), merchant_id=merchant_id, kind=kind, reference=reference, business_line_id=business_line_id
    )
    return _rows(entry, legs)


def _rows(entry: JournalEntry, legs: Sequence[Leg]) -> list:
    return [entry, *(Posting(**dict(zip(_COLUMNS, (entry.id, entry.merchant_id, *leg)))) for leg in legs)]


_LEGS_WITH_ENTRY = 20  # more legs (a clearing batch's) go as an executemany or a COPY
_COLUMNS = (
    "entry_id",
    "merchant_id",
    "account",
    "amount",
    "currency",
    "order_id",
    "partner_id",
    "sku_id",
    "sub_order_id",
    "line_kind",
    "available_at",
    "settlement_id",
)


def _insert_postings(entry_id: str, merchant_id: str, legs: Sequence[Leg]) -> None:
    """Write the legs of an entry (a COPY for a clearing batch of thousands, app/platform/db/bulk_copy.py)."""
    copy_rows(Posting.__table__, _COLUMNS, [(entry_id, merchant_id, *leg) for leg in legs])


def check_balanced(legs: Sequence[Leg | tuple]) -> None:
    """Refuse (UnbalancedEntry) legs that do not make a valid entry: the check ``post_journal_entry`` makes, for
    templates a batch writes with SQL of its own (app/ledger/clearing/services.py)."""
    _checked(legs)


def open_entry(merchant_id: str, kind: str, reference: str) -> str:
    """A new journal entry whose postings the caller writes in bulk (each shape of them already checked)."""
    entry = JournalEntry(id=new_id("je"), merchant_id=merchant_id, kind=kind, reference=reference)
    db.session.add(entry)
    db.session.flush()
    return entry.id


def add_legs(entry_id: str, merchant_id: str, legs: Sequence[Leg]) -> None:
    """Write balanced legs into an entry opened with ``open_entry`` (a clearing batch's fee totals)."""
    _insert_postings(entry_id, merchant_id, _checked(legs))


def account_balances(merchant_id: str, accounts: Iterable[str]) -> dict[tuple[str, str], int]:
    """{(account, currency): balance} summed from postings, for the accounts that have any."""
    accounts = list(accounts)
    rows = db.session.execute(
        select(Posting.account, Posting.currency, func.sum(Posting.amount))
        .where(Posting.merchant_id == merchant_id, Posting.account.in_(accounts))
        .group_by(Posting.account, Posting.currency)
    )
    return {(account, currency): int(total) for account, currency, total in rows}


def account_balance(merchant_id: str, account: str, currency: str) -> int:
    """One account's balance in one currency (0 when it has no postings)."""
    total = db.session.scalar(
        select(func.coalesce(func.sum(Posting.amount), 0)).where(
            Posting.merchant_id == merchant_id, Posting.account == account, Posting.currency == currency
        )
    )
    return int(total)
