"""Matching a statement against Kassa's records, set-based: the day's lines are staged in a temporary table
(COPY on PostgreSQL) and joined with the attempts, refunds, payouts, disputes and journal entries by reference, so
a statement of a million lines costs a few joins, not a million lookups.

A line is the merchant's when its reference is one of the merchant's attempts, refunds or payouts on this
channel (``re_….2`` is the second try of refund ``re_…``), or names one of its orders (a capture for an order
that Kassa never asked for). A dispute's lines (withdrawal, fee, reversal) carry the disputed payment's reference
and the provider's dispute id, by which they meet Kassa's dispute; a refund Kassa never asked for (made in the
provider's dashboard) carries the refunded payment's reference and the provider's refund id.

Nothing on a statement is dropped: a line that names no record of any merchant (a charge made outside Kassa, a line
type Kassa does not book) is missing_in_kassa with no Kassa object, on the merchant whose account the statement is.
An account the whole installation shares (the sandbox provider, ``statement_shared``) lists every merchant's lines:
one naming another merchant's record is that merchant's, and one whose reference Kassa could have made but has no
record of is another installation's on the same account; the rest are nobody's, and every merchant reconciling that
account is told of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable, Iterator

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, bindparam, text

from app.extensions import db
from app.payments.channels.interface import StatementLine
from app.platform.db.bulk_copy import copy_rows
from app.platform.db.types import UTCDateTime
from app.platform.values.whole_numbers import parse_whole_number

BATCH = 50_000

_STAGE = MetaData()
LINES = Table(
    "statement_lines",
    _STAGE,
    Column("n", Integer),
    Column("type", String(20)),
    Column("provider_id", String(100)),
    Column("reference", String(255)),
    Column("base_ref", String(255)),
    Column("try_n", Integer),
    Column("status", String(12)),
    Column("amount", BigInteger),
    Column("currency", String(3)),
    Column("fee", BigInteger),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
_COLUMNS = ("n", "type", "provider_id", "reference", "base_ref", "try_n", "status", "amount", "currency", "fee")


@dataclass(frozen=True)
class Found:
    """A discrepancy as the matching sees it, before it is recorded."""

    kind: str
    line_type: str
    reference: str
    kassa_object: str | None
    provider_id: str | None
    currency: str  # the line's; Kassa's when no line lists it
    kassa_currency: str | None  # None when Kassa has no record
    kassa_amount: int | None
    provider_amount: int | None
    kassa_status: str | None
    provider_status: str | None
    # The channel's fee as the statement writes it (kept on a capture, given back as a negative number on a
    # refund): Kassa's is what it booked in the ledger, so a provider charging another fee is an amount_mismatch.
    kassa_fee: int | None = None
    provider_fee: int | None = None


def day_range(day: date) -> tuple[datetime, datetime]:
    """[midnight, next midnight) in UTC: statements are by UTC day."""
    start = datetime.combine(day, time(), tzinfo=timezone.utc)
    return start, start + timedelta(days=1)


def split_reference(reference: str) -> tuple[str, int]:
    """``re_x.3`` → (``re_x``, 3): later tries of a refund or payout carry their number."""
    base, dot, number = reference.rpartition(".")
    try_number = parse_whole_number(number) if dot else None
    if try_number is not None:
        return base, try_number
    return reference, 1


def stage(lines: Iterable[StatementLine]) -> int:
    """Put the statement's lines into the staging table (in the caller's transaction); returns how many."""
    connection = db.session.connection()
    LINES.create(connection, checkfirst=True)
    connection.execute(LINES.delete())
    count, batch = 0, []
    for line in lines:
        base, try_n = split_reference(line.reference)
        # Kassa writes currencies in lowercase; a provider writing USD means the same currency as usd.
        batch.append(
            (
                count,
                line.type,
                line.provider_id,
                line.reference,
                base,
                try_n,
                line.status,
                line.amount,
                line.currency.lower(),
                line.fee,
            )
        )
        count += 1
        if len(batch) >= BATCH:
            copy_rows(LINES, _COLUMNS, batch)
            batch = []
    copy_rows(LINES, _COLUMNS, batch)
    connection.execute(text("CREATE INDEX IF NOT EXISTS ix_statement_lines_ref ON statement_lines (type, base_ref)"))
    connection.execute(text("ANALYZE statement_lines"))
    return count


@dataclass(frozen=True)
class _Record:
    """How a line type meets Kassa's record: the line's column naming it (``base_ref``: our reference, less a try's
    number; ``provider_id``: the provider's id, for disputes Kassa never named), the record's column it names, the
    record's current try (None: records without tries), the status its settled state means on a line, and the
    amount and fee (as the statement writes it) Kassa booked."""

    table: str
    line_key: str
    record_key: str
    current_try: str | None
    settled: str
    amount: str
    fee: str


# A try before the current one must have failed at the provider (Kassa moved on to the next try because it did).
# A dispute's withdrawal (and the provider's dispute fee) happened when Kassa recorded it; a reversal, when it was won.
_RECORDS = {
    "capture": _Record(
        "payment_attempts",
        "base_ref",
        "id",
        "1",
        "CASE k.status WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' WHEN 'canceled' THEN 'failed' END",
        "k.amount",
        "k.fee_amount",
    ),
    "refund": _Record(
        "refunds",
        "base_ref",
        "id",
        "k.provider_attempt",
        "CASE k.status WHEN 'succeeded' THEN 'succeeded' WHEN 'failed' THEN 'failed' END",
        "k.amount",
        "-k.fee_amount",
    ),
    "payout": _Record(
        "payouts",
        "base_ref",
        "id",
        "k.try_number",
        "CASE k.status WHEN 'paid' THEN 'paid' WHEN 'failed' THEN 'failed' END",
        "k.amount",
        "0",
    ),
    "dispute": _Record(
        "disputes", "provider_id", "provider_dispute_id", None, "'succeeded'", "k.amount", "-k.fee_back"
    ),
    "dispute_fee": _Record("disputes", "provider_id", "provider_dispute_id", None, "'succeeded'", "k.dispute_fee", "0"),
    "dispute_reversal": _Record(
        "disputes",
        "provider_id",
        "provider_dispute_id",
        None,
        "CASE k.status WHEN 'won' THEN 'succeeded' END",
        "k.amount",
        "k.fee_back",
    ),
}
DISPUTE_LINES = ("dispute", "dispute_fee", "dispute_reversal")


def _theirs(line_type: str) -> tuple[str, str]:
    record = _RECORDS[line_type]
    # The status Kassa expects this line to have: the record's own for its current try, failed for earlier ones.
    expected = (
        record.settled
        if record.current_try is None
        else (
            f"CASE WHEN l.try_n < {record.current_try} THEN 'failed' "
            f"WHEN l.try_n = {record.current_try} THEN {record.settled} END"
        )
    )
    # A line listed twice is the same line: the same reference, or for a dispute's the same provider id (one payment
    # may be disputed more than once).
    name = _name_column(line_type)
    return (
        f"""
        FROM statement_lines l
        JOIN {record.table} k ON k.{record.record_key} = l.{record.line_key} AND k.merchant_id = :merchant
                                 AND k.channel = :channel
        LEFT JOIN (SELECT type, {name}, count(*) AS copies FROM statement_lines
                   GROUP BY type, {name} HAVING count(*) > 1) d ON d.type = l.type AND d.{name} = l.{name}
        WHERE l.type = '{line_type}'""",
        expected,
    )


def _name_column(line_type: str) -> str:
    """The line's column a discrepancy is named by: the reference Kassa sent, or for a dispute's lines (whose reference
    is the disputed payment's) the provider's dispute id."""
    return "provider_id" if line_type in DISPUTE_LINES else "reference"


def compare(merchant_id: str, channel: str, *, shared: bool = False) -> tuple[int, int, list[Found]]:
    """(the merchant's lines, how many of them agree, the disagreements) for the staged statement; ``shared``: the
    statement is of an account the whole installation shares (see the module's docstring)."""
    params = {"merchant": merchant_id, "channel": channel}
    lines = matched = 0
    found: list[Found] = []
    for line_type, record in _RECORDS.items():
        source, expected = _theirs(line_type)
        # 1 or 0, never NULL: a record Kassa still waits on expects no status, and NOT NULL would hide it. An amount in
        # another currency is another amount, however equal the numbers.
        # The fee is compared once both sides call it succeeded: before that Kassa has booked none.
        agrees = (
            f"(CASE WHEN d.copies IS NULL AND l.amount = {record.amount} AND l.currency = k.currency "
            f"AND l.status = {expected} AND (l.status <> 'succeeded' OR l.fee = {record.fee}) "
            "THEN 1 ELSE 0 END)"
        )
        row = db.session.execute(text(f"SELECT count(*), coalesce(sum({agrees}), 0) {source}"), params).one()
        lines, matched = lines + row[0], matched + row[1]
        if row[0] == row[1]:
            continue
        rows = db.session.execute(
            text(f"""
            SELECT l.{_name_column(line_type)}, l.provider_id, l.currency, l.amount, l.status, k.id, k.currency,
                   {record.amount}, k.status, d.copies IS NOT NULL, {expected}, l.fee, {record.fee}
            {source} AND {agrees} = 0 ORDER BY l.n"""),
            params,
        )
        seen: set[tuple[str, str]] = set()
        for (
            reference,
            provider_id,
            currency,
            amount,
            status,
            kassa_id,
            kassa_currency,
            kassa_amount,
            kassa_status,
            copied,
            wanted,
            fee,
            booked_fee,
        ) in rows:

            def add(kind: str) -> None:
                if (kind, reference) not in seen:  # a duplicated line is one discrepancy, not one per copy
                    seen.add((kind, reference))
                    found.append(
                        Found(
                            kind,
                            line_type,
                            reference,
                            kassa_id,
                            provider_id,
                            currency,
                            kassa_currency,
                            kassa_amount,
                            amount,
                            kassa_status,
                            status,
                            booked_fee,
                            fee,
                        )
                    )

            if copied:
                add("duplicate")
            fee_differs = status == wanted == "succeeded" and fee != booked_fee
            if (amount, currency) != (kassa_amount, kassa_currency) or fee_differs:
                add("amount_mismatch")
            if status != wanted:
                add("status_mismatch")
    unknown = _unknown_to_kassa(params) + _unattributable(params, shared=shared)
    return lines + len(unknown), matched, found + unknown


def _unknown_to_kassa(params: dict) -> list[Found]:
    """Lines of the merchant's that Kassa has no record of: a capture naming one of its orders (never asked for),
    a dispute of one of its payments that Kassa never heard of (its callback lost), and a refund of one of its
    payments that Kassa never asked for (named, like a dispute, by the provider's id)."""
    orphans = db.session.execute(
        text("""
        SELECT l.type, l.reference, l.provider_id, l.currency, l.amount, l.status, o.id
        FROM statement_lines l JOIN orders o ON o.id = l.base_ref AND o.merchant_id = :merchant
        WHERE l.type = 'capture' ORDER BY l.n"""),
        params,
    ).all()
    disputes = db.session.execute(
        text("""
        SELECT l.type, l.provider_id, l.provider_id, l.currency, l.amount, l.status, a.id
        FROM statement_lines l
        JOIN payment_attempts a ON a.id = l.base_ref AND a.merchant_id = :merchant AND a.channel = :channel
        WHERE l.type IN ('dispute', 'dispute_fee', 'dispute_reversal')
          AND NOT EXISTS (SELECT 1 FROM disputes k WHERE k.channel = :channel AND k.provider_dispute_id = l.provider_id)
        ORDER BY l.n"""),
        params,
    ).all()
    refunds = db.session.execute(
        text("""
        SELECT l.type, l.provider_id, l.provider_id, l.currency, l.amount, l.status, a.id
        FROM statement_lines l
        JOIN payment_attempts a ON a.id = l.base_ref AND a.merchant_id = :merchant AND a.channel = :channel
        WHERE l.type = 'refund' ORDER BY l.n"""),
        params,
    ).all()
    return [
        Found(
            "missing_in_kassa",
            line_type,
            reference,
            kassa_object,
            provider_id,
            currency,
            None,
            None,
            amount,
            None,
            status,
        )
        for line_type, reference, provider_id, currency, amount, status, kassa_object in orphans + disputes + refunds
    ]


# A reference Kassa makes (an order, attempt, refund, payout or mandate setup id, a later try's number after it): on
# a shared account one Kassa has no record of is another installation's, whatever the line (a dispute's lines carry
# the disputed payment's).
_KASSA_REFERENCE = re.compile(r"(ord|pay|re|po|mset)_[0-9a-hjkmnp-tv-z]{26}(\.[0-9]+)?")


def _unattributable(params: dict, *, shared: bool) -> list[Found]:
    """Lines that name no record of any merchant on this channel (no order, attempt, refund, payout or dispute):
    missing_in_kassa with no Kassa object, named by the line's reference (a dispute's, by the provider's id)."""
    known = ", ".join(f"'{line_type}'" for line_type in _RECORDS)
    rows = db.session.execute(
        text(f"""
        SELECT l.type, l.reference, l.provider_id, l.currency, l.amount, l.status, l.fee
        FROM statement_lines l
        WHERE l.type NOT IN ({known})
           OR (NOT EXISTS (SELECT 1 FROM payment_attempts a WHERE a.id = l.base_ref)
               AND NOT EXISTS (SELECT 1 FROM refunds r WHERE r.id = l.base_ref)
               AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.id = l.base_ref)
               AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = l.base_ref)
               AND NOT EXISTS (SELECT 1 FROM disputes d
                               WHERE d.channel = :channel AND d.provider_dispute_id = l.provider_id
                                 AND l.type IN ('dispute', 'dispute_fee', 'dispute_reversal')))
        ORDER BY l.n"""),
        params,
    ).all()
    found, seen = [], set()
    for line_type, reference, provider_id, currency, amount, status, fee in rows:
        if shared and reference and _KASSA_REFERENCE.fullmatch(reference):
            continue
        name = (provider_id if line_type in DISPUTE_LINES else reference) or provider_id or reference
        if (line_type, name) in seen:  # listed twice: one discrepancy (a row per kind, type and name)
            continue
        seen.add((line_type, name))
        found.append(
            Found(
                "missing_in_kassa",
                line_type,
                name,
                None,
                provider_id,
                currency,
                None,
                None,
                amount,
                None,
                status,
                None,
                fee,
            )
        )
    return found


# Kassa's books of the day: what it booked as captured, refunded or paid out on this channel, and the disputes'
# withdrawals, fees and reversals (their discrepancy is named by the provider's dispute id, as their lines are).
_BOOKED = {
    "capture": "payment.capture",
    "refund": "payment.refund",
    "payout": "payout.paid",
    "dispute": "dispute.withdrawal",
    "dispute_fee": "dispute.fee",
    "dispute_reversal": "dispute.return",
}


def booked_but_unlisted(merchant_id: str, channel: str, day: date) -> list[Found]:
    """Records Kassa booked on ``day`` that no line of the staged statement names (candidates for
    missing_at_provider; the caller checks the neighbouring days, since a booking near midnight may be listed on
    the provider's side of it)."""
    start, end = day_range(day)
    found = []
    for line_type, kind in _BOOKED.items():
        record = _RECORDS[line_type]
        rows = db.session.execute(
            text(f"""
            SELECT k.id, k.{record.record_key}, k.currency, {record.amount}, k.status
            FROM journal_entries je JOIN {record.table} k ON k.id = je.reference AND k.channel = :channel
            WHERE je.merchant_id = :merchant AND je.kind = :kind AND je.created_at >= :start AND je.created_at < :end
              AND NOT EXISTS (SELECT 1 FROM statement_lines l
                              WHERE l.type = :type AND l.{record.line_key} = k.{record.record_key})
            ORDER BY je.created_at""").bindparams(
                bindparam("start", type_=UTCDateTime()), bindparam("end", type_=UTCDateTime())
            ),
            {"merchant": merchant_id, "channel": channel, "kind": kind, "type": line_type, "start": start, "end": end},
        )
        for kassa_id, name, currency, amount, status in rows:
            found.append(
                Found(
                    "missing_at_provider",
                    line_type,
                    name,
                    kassa_id,
                    None,
                    currency,
                    currency,
                    amount,
                    None,
                    status,
                    None,
                )
            )
    return found


def listed_among(lines: Iterator[StatementLine], wanted: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """Which of ``wanted`` (line type, what Kassa calls the record: its id, or a dispute's provider id) some line of
    ``lines`` names."""
    listed = set()
    for line in lines:
        name = line.provider_id if line.type in DISPUTE_LINES else split_reference(line.reference)[0]
        if (line.type, name) in wanted:
            listed.add((line.type, name))
    return listed
