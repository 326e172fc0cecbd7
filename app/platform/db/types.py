"""Column types shared by every domain's models, and the SQL expressions they share."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import BigInteger, ColumnElement, DateTime, Engine, Integer, and_, text
from sqlalchemy.types import TypeDecorator

from app.extensions import db

# The row id of a table that grows with every order or customer (postings, timelines, order lines, idempotency
# records, entitlements, wallets): 64-bit,
# as a 32-bit id runs out after 2,147,483,647 rows and every insert then fails. SQLite keeps INTEGER, its 64-bit
# rowid: a BIGINT key there would not number itself (INT64 in migrations/versions/0138_baseline.py).
RowId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator):
    """Timezone-aware UTC datetimes on both PostgreSQL and SQLite (which drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use timezone-aware UTC")
        value = value.astimezone(timezone.utc)
        # SQLite stores text without an offset; keep it in UTC so text order is time order.
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(timezone.utc)


def after_day(day: date) -> datetime:
    """The exclusive end of UTC day ``day``, for ``created_at < after_day(last)`` filters of whole days. The last
    day a date can be (9999-12-31, typed as "no end") has no next day: its end is the last instant a datetime
    holds."""
    if day >= date.max:
        return datetime.max.replace(tzinfo=timezone.utc)
    return datetime.combine(day + timedelta(days=1), time.min, timezone.utc)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def begins_with(column: ColumnElement, prefix: str) -> ColumnElement:
    """SQL: ``column`` begins with ``prefix`` (taken literally), as a range of an index on the column as well as a
    LIKE. PostgreSQL serves LIKE from an index only under the C collation; without the range, finding the values
    with a beginning read every row the rest of the query allowed. The range is used only where the database sorts
    text byte by byte: under en_US (the official PostgreSQL image's default), which ignores punctuation,
    ``live:wallet:cus_1`` sorts after ``live:wallet;`` and a merchant's wallets summed to nothing."""
    begins = column.startswith(prefix, autoescape=True)
    if not prefix or ord(prefix[-1]) == 0x10FFFF:  # no next character to bound the range with
        return begins
    if not sorts_by_bytes(db.engine):
        return begins  # the range would miss values (below): the LIKE alone, reading the rows the rest allows
    following = ord(prefix[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:
        # After U+D7FF come the surrogates, which no UTF-8 text holds (the driver cannot send one: a 500); the next
        # character a value can hold is U+E000.
        following = 0xE000
    return and_(column >= prefix, column < prefix[:-1] + chr(following), begins)


# Pairs whose byte order a linguistic collation reverses: case before letters, punctuation ignored or sorted first.
_BYTE_ORDER_PROBE = text("SELECT 'B' < 'a' AND 'a:b' < 'a;' AND 'a_b' < 'a`' AND 'Z1' < '[' AND '9x' < ':'")


def sorts_by_bytes(engine: Engine) -> bool:
    """Whether the database compares text byte by byte (SQLite; PostgreSQL under the C collation), asked once per
    engine: a database's collation is set when it is created."""
    known = engine.dialect.__dict__.get("kassa_sorts_by_bytes")
    if known is None:
        if engine.dialect.name == "sqlite":
            known = True
        else:
            with engine.connect() as connection:
                known = bool(connection.scalar(_BYTE_ORDER_PROBE))
        engine.dialect.kassa_sorts_by_bytes = known
    return known
