"""A customer's wallet statement: every movement of one mode and currency — top-ups, payment tries, confirms and
cancels, refunds, withdrawals and their outcome, transfers — with what it did to the available and frozen balances
and both running balances after it.

It is read from the journal in SQL: the customer's postings are grouped into one row per entry, and a window SUM in
entry order gives the running balances, so a page (or a date range) starts from the true balance of everything
before it. Pages follow entry order, oldest first (the API) or newest first (the portal); ``starting_after`` names
the last movement seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterator

from sqlalchemy import Select, case, exists, func, select

from app.errors import InvalidRequest
from app.extensions import db
from app.ledger.accounts import available_account, frozen_account
from app.ledger.models import JournalEntry, Posting
from app.platform.values.csv_export import CsvChunks, spreadsheet_safe
from app.platform.values.money import Money
from app.platform.values.times import iso_time

# The ledger's entry kinds as a statement names them; a transfer is "in" or "out" by its sign.
KINDS = {
    "wallet.topup": "topup",
    "wallet.try": "payment_try",
    "wallet.confirm": "payment_confirm",
    "wallet.cancel": "payment_cancel",
    "wallet.refund": "refund",
    "wallet.topup_refund": "topup_refund",
    "wallet.topup_refund_released": "topup_refund_released",
    "wallet.withdrawal": "withdrawal",
    "wallet.withdrawal_paid": "withdrawal_paid",
    "wallet.withdrawal_returned": "withdrawal_returned",
}
_REFERENCE_TYPE = {
    "topup": "order",
    "payment_try": "order",
    "payment_confirm": "order",
    "payment_cancel": "order",
    "refund": "refund",
    "topup_refund": "refund",
    "topup_refund_released": "refund",
    "withdrawal": "withdrawal",
    "withdrawal_paid": "withdrawal",
    "withdrawal_returned": "withdrawal",
    "transfer_in": "transfer",
    "transfer_out": "transfer",
}
CSV_COLUMNS = [
    "movement",
    "created_at",
    "kind",
    "reference_type",
    "reference",
    "order",
    "currency",
    "amount",
    "available_change",
    "frozen_change",
    "available_balance",
    "frozen_balance",
]
MAX_PAGE = 1000


@dataclass(frozen=True)
class Movement:
    """One entry's effect on the wallet, with the balances after it."""

    id: str  # the journal entry
    seq: int
    created_at: datetime
    kind: str
    reference_type: str
    reference: str
    order_id: str | None
    currency: str
    available_change: int
    frozen_change: int
    available_balance: int
    frozen_balance: int

    @property
    def amount(self) -> int:
        """How much moved (positive); the changes say where."""
        return max(abs(self.available_change), abs(self.frozen_change))

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "object": "wallet_movement",
            "kind": self.kind,
            "created_at": iso_time(self.created_at),
            "currency": self.currency,
            "amount": self.amount,
            "available_change": self.available_change,
            "frozen_change": self.frozen_change,
            "available_balance": self.available_balance,
            "frozen_balance": self.frozen_balance,
            "reference": {"type": self.reference_type, "id": self.reference},
            "order": self.order_id,
        }


def _movement(row, currency: str) -> Movement:
    kind = KINDS.get(row.kind) or (
        ("transfer_in" if row.available_change > 0 else "transfer_out")
        if row.kind == "wallet.transfer"
        else row.kind.removeprefix("wallet.")
    )
    reference_type = _REFERENCE_TYPE.get(kind, "entry")
    if reference_type == "order":
        # A payment phase's reference is its attempt; the statement names the order (a top-up's is its order).
        reference = row.order_id or row.reference
    elif reference_type == "refund":
        # Refund references carry the provider try: "<refund>.<n>" (wallet refunds), "<refund>:<n>" (top-ups).
        reference = row.reference.split(":", 1)[0].split(".", 1)[0]
    else:
        reference = row.reference
    return Movement(
        id=row.entry_id,
        seq=row.seq,
        created_at=row.created_at,
        kind=kind,
        reference_type=reference_type,
        reference=reference,
        order_id=row.order_id,
        currency=currency,
        available_change=int(row.available_change),
        frozen_change=int(row.frozen_change),
        available_balance=int(row.available_balance),
        frozen_balance=int(row.frozen_balance),
    )


def _running(merchant_id: str, customer_id: str, currency: str, livemode: bool):
    """Every movement of the wallet with its running balances: one row per entry, a window SUM in entry order."""
    available, frozen = (
        available_account(customer_id, livemode=livemode),
        frozen_account(customer_id, livemode=livemode),
    )
    per_entry = (
        select(
            Posting.entry_id,
            func.min(Posting.id).label("seq"),
            func.max(Posting.order_id).label("order_id"),
            func.sum(case((Posting.account == available, Posting.amount), else_=0)).label("available_change"),
            func.sum(case((Posting.account == frozen, Posting.amount), else_=0)).label("frozen_change"),
        )
        .where(
            Posting.merchant_id == merchant_id, Posting.account.in_([available, frozen]), Posting.currency == currency
        )
        .group_by(Posting.entry_id)
        .subquery()
    )
    order = {"order_by": per_entry.c.seq}
    return select(
        per_entry,
        func.sum(per_entry.c.available_change).over(**order).label("available_balance"),
        func.sum(per_entry.c.frozen_change).over(**order).label("frozen_balance"),
    ).subquery()


def _seq_of(merchant_id: str, customer_id: str, currency: str, livemode: bool, entry_id: str) -> int:
    seq = db.session.scalar(
        select(func.min(Posting.id)).where(
            Posting.entry_id == entry_id,
            Posting.merchant_id == merchant_id,
            Posting.currency == currency,
            Posting.account.in_(
                [available_account(customer_id, livemode=livemode), frozen_account(customer_id, livemode=livemode)]
            ),
        )
    )
    if seq is None:
        raise InvalidRequest(
            "starting_after must be the id of a movement of this statement",
            code="resource_missing",
            param="starting_after",
        )
    return seq


def _movements(
    merchant_id: str,
    customer_id: str,
    currency: str,
    *,
    livemode: bool,
    since: datetime | None,
    until: datetime | None,
    after_seq: int | None = None,
    newest_first: bool = False,
    limit: int | None = None,
) -> Select:
    """The movements in order, with their entries' kind, reference and time. The page is cut from the window's
    output first and only its rows are joined to their entries, so a page of a long history reads a page."""
    running = _running(merchant_id, customer_id, currency, livemode)
    page = select(running)
    if since is not None or until is not None:
        when = [JournalEntry.id == running.c.entry_id]
        when += [JournalEntry.created_at >= since] if since is not None else []
        when += [JournalEntry.created_at < until] if until is not None else []
        page = page.where(exists().where(*when))
    if after_seq is not None:
        page = page.where(running.c.seq < after_seq if newest_first else running.c.seq > after_seq)
    page = page.order_by(running.c.seq.desc() if newest_first else running.c.seq).limit(limit).subquery()
    return (
        select(page, JournalEntry.kind, JournalEntry.reference, JournalEntry.created_at)
        .join(JournalEntry, JournalEntry.id == page.c.entry_id)
        .order_by(page.c.seq.desc() if newest_first else page.c.seq)
    )


def wallet_statement(
    merchant_id: str,
    customer_id: str,
    currency: str,
    *,
    livemode: bool,
    since: datetime | None = None,
    until: datetime | None = None,
    limit: int = 100,
    starting_after: str | None = None,
    newest_first: bool = False,
) -> tuple[list[Movement], bool]:
    """One page of the statement (``since`` ≤ created_at < ``until``), oldest first (or newest first), after the
    movement ``starting_after`` in that order; and whether there is more that way."""
    after = _seq_of(merchant_id, customer_id, currency, livemode, starting_after) if starting_after else None
    limit = min(limit, MAX_PAGE)
    rows = db.session.execute(
        _movements(
            merchant_id,
            customer_id,
            currency,
            livemode=livemode,
            since=since,
            until=until,
            after_seq=after,
            newest_first=newest_first,
            limit=limit + 1,
        )
    ).all()
    return [_movement(row, currency) for row in rows[:limit]], len(rows) > limit


def statement_csv(
    merchant_id: str,
    customer_id: str,
    currency: str,
    *,
    livemode: bool,
    since: datetime | None = None,
    until: datetime | None = None,
) -> Iterator[str]:
    """The whole statement (or a date range) as CSV, oldest first, streamed from one query."""
    out = CsvChunks()
    out.row(["customer", spreadsheet_safe(customer_id)])
    out.row(["mode", "live" if livemode else "test"])
    out.row(["currency", currency])
    out.row([])
    out.row(CSV_COLUMNS + ["amount_formatted", "available_balance_formatted"])
    yield out.take()
    query = _movements(merchant_id, customer_id, currency, livemode=livemode, since=since, until=until)
    stream = db.session.execute(query.execution_options(yield_per=2000))
    for count, row in enumerate(stream, 1):
        m = _movement(row, currency)
        out.row(
            [
                m.id,
                m.created_at.isoformat(),
                m.kind,
                m.reference_type,
                m.reference,
                m.order_id or "",
                m.currency,
                m.amount,
                m.available_change,
                m.frozen_change,
                m.available_balance,
                m.frozen_balance,
                Money(m.amount, m.currency).format(),
                Money(m.available_balance, m.currency).format(),
            ]
        )
        if count % 2000 == 0:
            yield out.take()
    yield out.take()


def wallet_currencies(merchant_id: str, customer_id: str, *, livemode: bool) -> list[str]:
    """The currencies the customer's wallet of one mode has ever moved, sorted."""
    return sorted(
        db.session.scalars(
            select(Posting.currency)
            .distinct()
            .where(
                Posting.merchant_id == merchant_id,
                Posting.account.in_(
                    [available_account(customer_id, livemode=livemode), frozen_account(customer_id, livemode=livemode)]
                ),
            )
        )
    )
