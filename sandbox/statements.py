"""The provider's daily statement: one CSV line per capture, refund and payout of a UTC day, with the fees, and
per dispute a ``dispute`` line (the withdrawal) on the day it opened, a ``dispute_fee`` line when the provider
charged one, and a ``dispute_reversal`` line on the day a won dispute brought the money back.

Reconciliation tests need a statement that disagrees with Kassa's books, so two test controls bend it: a tamper
changes what a payment's capture line says (the payment itself is untouched) and an orphan is a capture Kassa never
asked for. Both live in tables of their own (sandbox/models.py).
"""

from __future__ import annotations

import csv
import io
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Row,
    Select,
    String,
    and_,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from sandbox.fees import capture_fee, fee_back
from sandbox.models import Dispute, Orphan, Payment, Payout, Refund, Tamper, utcnow
from sandbox.services import get_payment, new_payment_id

COLUMNS = ("type", "id", "reference", "method", "status", "amount", "fee", "currency", "occurred_at")
# Rows fetched and written per chunk: a day can hold a million lines, so it is never read whole.
CHUNK_ROWS = 1000


@dataclass(frozen=True)
class TamperRequest:
    """Validated input of the tamper control; None leaves that part of the line as the payment has it."""

    amount: int | None
    status: str | None
    duplicate: bool
    omit: bool = False
    currency: str | None = None
    fee: int | None = None


def tamper(session: Session, payment_id: str, request: TamperRequest) -> dict[str, Any]:
    """Make the payment's capture line say something else, replacing any earlier tamper; answer what it now says."""
    payment = get_payment(session, payment_id)
    session.merge(
        Tamper(
            payment_id=payment.id,
            amount=request.amount,
            status=request.status,
            currency=request.currency,
            fee=request.fee,
            duplicate=request.duplicate,
            omit=request.omit,
            created_at=utcnow(),
        )
    )
    session.commit()
    amount, status = request.amount or payment.amount, request.status or payment.status
    currency = request.currency or payment.currency
    fee = 0 if status != "succeeded" else request.fee if request.fee is not None else capture_fee(amount, currency)
    return {
        "payment": payment.id,
        "amount": amount,
        "currency": currency,
        "status": status,
        "fee": fee,
        "duplicate": request.duplicate,
        "omit": request.omit,
    }


def record_orphan(
    session: Session, account_id: int, *, amount: int, currency: str, reference: str | None, method: str
) -> Orphan:
    """Record a capture the merchant never asked for; it appears on today's statement."""
    # A payment-like id, so it reads on the statement like any other capture.
    orphan = Orphan(
        id=new_payment_id(),
        account_id=account_id,
        amount=amount,
        currency=currency,
        reference=reference or f"orphan_{secrets.token_hex(8)}",
        method=method,
        created_at=utcnow(),
    )
    session.add(orphan)
    session.commit()
    return orphan


def orphan_object(orphan: Orphan) -> dict[str, Any]:
    """The public JSON shape of an orphan capture."""
    return {
        "id": orphan.id,
        "object": "orphan",
        "amount": orphan.amount,
        "currency": orphan.currency,
        "reference": orphan.reference,
        "method": orphan.method,
        "created_at": iso_utc(orphan.created_at),
    }


def iso_utc(moment: datetime) -> str:
    """``2026-11-23T10:15:02Z``; SQLite hands back naive datetimes, which the sandbox stores in UTC."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def statement_csv(session: Session, account_id: int, day: date) -> Iterator[str]:
    """The day's statement as CSV text, a header and then chunks of lines, read from the database chunk by chunk."""
    yield _csv_text([COLUMNS])
    result = session.execute(_statement_query(account_id, day).execution_options(yield_per=CHUNK_ROWS))
    for rows in result.partitions():
        yield _csv_text(line for row in rows for line in _lines(row))


def _csv_text(lines: Any) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(lines)
    return buffer.getvalue()


def _lines(row: Row[Any]) -> list[Sequence[Any]]:
    """The statement line(s) of one row: a tampered capture may be listed twice."""
    line = (
        row.type,
        row.id,
        row.reference,
        row.method,
        row.status,
        row.amount,
        _fee(row),
        row.currency,
        iso_utc(row.occurred_at),
    )
    return [line, line] if row.duplicate else [line]


def _fee(row: Row[Any]) -> int:
    """What the provider kept (capture) or gave back, as a negative number (refund, dispute withdrawal); nothing if
    it failed. A won dispute's reversal takes back what its withdrawal gave back."""
    if row.status != "succeeded":
        return 0
    if row.tampered_fee is not None:
        return row.tampered_fee
    if row.type == "capture":
        return capture_fee(row.amount, row.currency)
    if row.type in ("refund", "dispute"):
        return -fee_back(row.captured, row.refunded_before, row.amount, row.currency)
    if row.type == "dispute_reversal":
        return fee_back(row.captured, row.refunded_before, row.amount, row.currency)
    return 0


def _day_range(day: date) -> tuple[datetime, datetime]:
    """[day 00:00Z, next day 00:00Z): a plain range on the time column, so its index serves the query."""
    start = datetime.combine(day, time.min, tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def _statement_query(account_id: int, day: date) -> Select[Any]:
    """Every line source of the day, as one query ordered by time then id, that the database streams."""
    start, end = _day_range(day)
    parts = union_all(
        _captures(account_id, start, end),
        _orphans(account_id, start, end),
        _refunds(account_id, start, end),
        _payouts(account_id, start, end),
        *_disputes(account_id, start, end),
    ).subquery()
    return select(parts).order_by(parts.c.occurred_at, parts.c.id)


def _captures(account_id: int, start: datetime, end: datetime) -> Select[Any]:
    """Decided payments, as the tamper (if any) says they were."""
    return (
        select(
            _text("capture").label("type"),
            Payment.id,
            Payment.reference,
            Payment.method,
            func.coalesce(Tamper.status, Payment.status).label("status"),
            func.coalesce(Tamper.amount, Payment.amount).label("amount"),
            func.coalesce(Tamper.currency, Payment.currency).label("currency"),
            Payment.decided_at.label("occurred_at"),
            _no_number().label("captured"),
            _no_number().label("refunded_before"),
            func.coalesce(Tamper.duplicate, _no()).label("duplicate"),
            Tamper.fee.label("tampered_fee"),
        )
        .outerjoin(Tamper, Tamper.payment_id == Payment.id)
        .where(
            Payment.account_id == account_id,
            Payment.status.in_(("succeeded", "failed")),
            Payment.decided_at >= start,
            Payment.decided_at < end,
            func.coalesce(Tamper.omit, _no()) == _no(),
        )
    )


def _orphans(account_id: int, start: datetime, end: datetime) -> Select[Any]:
    return select(
        _text("capture"),
        Orphan.id,
        Orphan.reference,
        Orphan.method,
        _text("succeeded"),
        Orphan.amount,
        Orphan.currency,
        Orphan.created_at,
        _no_number(),
        _no_number(),
        _no(),
        _no_number(),
    ).where(Orphan.account_id == account_id, Orphan.created_at >= start, Orphan.created_at < end)


def _given_back_before(payment_id: Any, moment: Any, own_id: Any, own: type) -> Any:
    """What the payment had given back before ``moment``: its succeeded refunds, and its disputes opened by then that
    were not won by then (their money was with the bank). The fee a refund or a dispute gets back is counted on top
    of it, so a capture given back in full, by refunds and disputes in any order, gets its whole fee back; ``own``
    (Refund or Dispute) breaks a tie of equal times by id."""
    refund, dispute = aliased(Refund), aliased(Dispute)
    refund_first = refund.created_at < moment
    dispute_first = dispute.created_at < moment
    if own is Refund:
        refund_first = or_(refund_first, and_(refund.created_at == moment, refund.id < own_id))
    else:
        dispute_first = or_(dispute_first, and_(dispute.created_at == moment, dispute.id < own_id))
    refunded = (
        select(func.coalesce(func.sum(refund.amount), 0))
        .where(refund.payment_id == payment_id, refund.status == "succeeded", refund_first)
        .scalar_subquery()
    )
    won_by_then = and_(dispute.status == "won", dispute.closed_at <= moment)
    disputed = (
        select(func.coalesce(func.sum(dispute.amount), 0))
        .where(dispute.payment_id == payment_id, dispute_first, ~won_by_then)
        .scalar_subquery()
    )
    return refunded + disputed


def _refunds(account_id: int, start: datetime, end: datetime) -> Select[Any]:
    """Refunds made in the range, with what their payment captured and what it gave back before them: the fee back
    is counted cumulatively over all the payment's refunds and disputes, whatever day they were made."""
    refunded_before = _given_back_before(Refund.payment_id, Refund.created_at, Refund.id, Refund)
    return (
        select(
            _text("refund"),
            Refund.id,
            Refund.reference,
            Payment.method,
            Refund.status,
            Refund.amount,
            Payment.currency,
            Refund.created_at,
            Payment.amount,
            refunded_before,
            _no(),
            _no_number(),
        )
        .join(Payment, Payment.id == Refund.payment_id)
        .where(Payment.account_id == account_id, Refund.created_at >= start, Refund.created_at < end)
    )


def _disputes(account_id: int, start: datetime, end: datetime) -> list[Select[Any]]:
    """A dispute's lines, under its payment's reference: the withdrawal (with the capture fee's part it gets back,
    like a refund of the amount) and the provider's dispute fee on the day it opened, and for a won one the
    reversal on the day it closed (the withdrawal's fee part charged again)."""
    before = _given_back_before(Dispute.payment_id, Dispute.created_at, Dispute.id, Dispute)

    def lines(kind: str, amount: Any, moment: Any) -> Select[Any]:
        return (
            select(
                _text(kind),
                Dispute.id,
                Payment.reference,
                Payment.method,
                _text("succeeded"),
                amount,
                Dispute.currency,
                moment,
                Payment.amount,
                before,
                _no(),
                _no_number(),
            )
            .join(Payment, Payment.id == Dispute.payment_id)
            .where(Dispute.account_id == account_id, moment >= start, moment < end)
        )

    return [
        lines("dispute", Dispute.amount, Dispute.created_at),
        lines("dispute_fee", cast(Dispute.fee, BigInteger), Dispute.created_at).where(Dispute.fee > 0),
        lines("dispute_reversal", Dispute.amount, Dispute.closed_at).where(Dispute.status == "won"),
    ]


def _payouts(account_id: int, start: datetime, end: datetime) -> Select[Any]:
    return select(
        _text("payout"),
        Payout.id,
        Payout.reference,
        _text(""),
        Payout.status,
        Payout.amount,
        Payout.currency,
        Payout.decided_at,
        _no_number(),
        _no_number(),
        _no(),
        _no_number(),
    ).where(
        Payout.account_id == account_id,
        Payout.status.in_(("paid", "failed")),
        Payout.decided_at >= start,
        Payout.decided_at < end,
    )


# Typed constants: PostgreSQL must know each column's type to match the branches of the UNION.
def _text(value: str) -> Any:
    return cast(literal(value), String)


def _no_number() -> Any:
    return cast(null(), BigInteger)


def _no() -> Any:
    return cast(literal(False), Boolean)
