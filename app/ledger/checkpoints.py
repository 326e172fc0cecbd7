"""Balances read from a checkpoint plus what was posted since, instead of summing an account's whole history.

Postings are never updated or deleted, so the sum of every posting up to a cut is fixed once nothing below the cut
can still commit. ``advance_checkpoint`` (a cron job) takes such a cut: on PostgreSQL it briefly takes a SHARE lock
on ``postings``, which waits for every transaction that has inserted postings and lets none start, reads the highest
id and lets go (with a short lock timeout, so a long clearing batch only postpones the cut); on SQLite the one
writer makes the highest committed id a cut already. It then adds, per merchant, account and currency, the postings
up to the cut that were due at its time (``available_at`` empty or past) to ``posting_checkpoints``, in the same
transaction that moves the cut.

A balance (``account_sums``) is then the checkpoint's amount, plus the postings after the cut, plus those before it
that were not due at the cut's time (a partner's lines on hold), the last two split by whether they are due now.
The cut is read first and the checkpoint with a guard on it, so a cut moving between the two statements only makes
the read start again.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    String,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import conflict_insert, db
from app.ledger.models import Posting
from app.platform.db.types import UTCDateTime, utcnow

# How long the cut may wait for transactions that are inserting postings (payments wait behind it meanwhile).
LOCK_TIMEOUT_MS = 100


class PostingCut(db.Model):
    """The one cut (row id 1, made by the first run): postings up to ``through_id`` that were due at ``cut_at`` are
    in the checkpoints. ``version`` counts the moves: a read guards on it."""

    __tablename__ = "posting_cut"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(BigInteger)
    through_id: Mapped[int] = mapped_column(BigInteger)
    cut_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PostingCheckpoint(db.Model):
    """The sum of an account's postings up to the cut that were due at its time."""

    __tablename__ = "posting_checkpoints"

    merchant_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    account: Mapped[str] = mapped_column(String(300), primary_key=True)
    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    amount: Mapped[int] = mapped_column(BigInteger)


_CUT = select(PostingCut.version, PostingCut.through_id, PostingCut.cut_at).where(PostingCut.id == 1)
_NO_CUT = (0, 0, datetime(1970, 1, 1, tzinfo=timezone.utc))  # before the first run: every posting is summed


def _cut() -> tuple[int, int, datetime]:
    return tuple(db.session.execute(_CUT).one_or_none() or _NO_CUT)  # type: ignore[return-value]


def account_sums(
    merchant_id: str, accounts: Callable[[ColumnElement], ColumnElement], *, now: datetime | None = None
) -> list[tuple[str, str, int, int]]:
    """(account, currency, due now, not yet due) for the merchant's accounts that ``accounts(column)`` selects."""
    now = now or utcnow()
    for _ in range(3):
        version, through, cut_at = _cut()
        due = or_(Posting.available_at.is_(None), Posting.available_at <= now)
        postings = select(
            Posting.account,
            Posting.currency,
            case((due, Posting.amount), else_=0).label("due"),
            case((due, 0), else_=Posting.amount).label("later"),
        )
        parts = union_all(
            select(
                PostingCheckpoint.account,
                PostingCheckpoint.currency,
                PostingCheckpoint.amount.label("due"),
                literal(0, BigInteger).label("later"),
            ).where(PostingCheckpoint.merchant_id == merchant_id, accounts(PostingCheckpoint.account)),
            postings.where(Posting.merchant_id == merchant_id, accounts(Posting.account), Posting.id > through),
            postings.where(
                Posting.merchant_id == merchant_id,
                accounts(Posting.account),
                Posting.id <= through,
                Posting.available_at > cut_at,
            ),
        ).subquery()
        still = select(PostingCut.version).where(PostingCut.id == 1).scalar_subquery()
        rows = db.session.execute(
            select(parts.c.account, parts.c.currency, func.sum(parts.c.due), func.sum(parts.c.later), still)
            .group_by(parts.c.account, parts.c.currency)
            .order_by(parts.c.account, parts.c.currency)
        ).all()
        # The checkpoint rows are the cut's read above only if the cut has not moved since (a move and its rows
        # commit together). Without rows there is nothing a move could have counted twice.
        if all((row[4] or 0) == version for row in rows):
            return [
                (account, currency, int(due_now or 0), int(later or 0)) for account, currency, due_now, later, _ in rows
            ]
    raise RuntimeError("the balance checkpoint kept moving while it was read")


def _take_cut() -> int | None:
    """The highest posting id below which nothing can still commit, or None when the lock was not had in time."""
    if db.engine.dialect.name != "postgresql":
        through = db.session.scalar(select(func.coalesce(func.max(Posting.id), 0)))
        db.session.commit()
        return through
    try:
        db.session.execute(text(f"SET LOCAL lock_timeout = '{LOCK_TIMEOUT_MS}ms'"))
        db.session.execute(text("LOCK TABLE postings IN SHARE MODE"))
        through = db.session.scalar(select(func.coalesce(func.max(Posting.id), 0)))
        db.session.commit()
        return through
    except OperationalError:  # a long insert (a clearing batch) holds the table: the next run cuts
        db.session.rollback()
        return None


def advance_checkpoint(*, now: datetime | None = None) -> int:
    """Move the cut to the latest postings and add them to the checkpoints; returns how many accounts' checkpoints
    changed (-1 when the cut could not be taken this time)."""
    through = _take_cut()
    if through is None:
        return -1
    # A write first: it holds the cut's row (PostgreSQL) or the write lock (SQLite) until the commit, so two runs
    # at once take turns instead of both adding the same postings.
    bump = conflict_insert(PostingCut).values(id=1, version=1, through_id=0, cut_at=_NO_CUT[2])
    db.session.execute(bump.on_conflict_do_update(index_elements=["id"], set_={"version": PostingCut.version + 1}))
    _, old_through, old_cut_at = _cut()
    through, now = max(through, old_through), max(now or utcnow(), old_cut_at)  # a cut never goes back
    due = or_(Posting.available_at.is_(None), Posting.available_at <= now)
    moving = or_(
        and_(Posting.id > old_through, Posting.id <= through, due),
        # Lines on hold at the old cut that came due since.
        and_(Posting.id <= old_through, Posting.available_at > old_cut_at, Posting.available_at <= now),
    )
    sums = (
        select(Posting.merchant_id, Posting.account, Posting.currency, func.sum(Posting.amount))
        .where(moving)
        .group_by(Posting.merchant_id, Posting.account, Posting.currency)
    )
    statement = conflict_insert(PostingCheckpoint).from_select(["merchant_id", "account", "currency", "amount"], sums)
    changed = len(
        db.session.execute(
            statement.on_conflict_do_update(
                index_elements=["merchant_id", "account", "currency"],
                set_={"amount": PostingCheckpoint.amount + statement.excluded.amount},
            ).returning(PostingCheckpoint.account)
        ).all()
    )
    db.session.execute(update(PostingCut).where(PostingCut.id == 1).values(through_id=through, cut_at=now))
    db.session.commit()
    return changed
