"""Cursor pages over time-ordered ids (app/platform/values/ids.py), the way every list in the API and the portal pages
them."""

from __future__ import annotations

from sqlalchemy import ColumnElement, Select, exists, select

from app.extensions import db
from app.platform.values.whole_numbers import parse_whole_number


def newest_first(
    query: Select, id_column: ColumnElement, *, limit: int, starting_after: str | None = None
) -> tuple[list, bool]:
    """One page of ``query``'s objects, newest first, after the one with id ``starting_after``; and whether more
    follow (one row more is read to know)."""
    if starting_after:
        query = query.where(id_column < starting_after)
    rows = list(db.session.scalars(query.order_by(id_column.desc()).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def newest_first_both_ways(
    query: Select,
    id_column: ColumnElement,
    *,
    limit: int,
    starting_after: str | None = None,
    ending_before: str | None = None,
) -> tuple[list, bool, bool]:
    """A page newest first that also goes back: ``ending_before`` reads the page just newer than that id.
    (rows, has_older, has_newer): both are read, not assumed, because a cursor from an edited or old link may
    name no row at all. Newer than every row is the newest page."""
    if ending_before:
        rows = list(db.session.scalars(query.where(id_column > ending_before).order_by(id_column).limit(limit + 1)))
        if rows:
            rows, has_newer = list(reversed(rows[:limit])), len(rows) > limit
            return rows, _exists(query.where(id_column < rows[-1].id)), has_newer
        starting_after = None
    rows, has_older = newest_first(query, id_column, limit=limit, starting_after=starting_after)
    has_newer = bool(starting_after and rows) and _exists(query.where(id_column > rows[0].id))
    return rows, has_older, has_newer


# Ledger postings (and so settlement lines) are numbered by a 64-bit column (migrations/versions/0138_baseline.py).
MAX_ROW_ID = 2**63 - 1


def row_cursor(raw: str | None) -> int | None:
    """A cursor over integer row ids (ledger postings, settlement lines) from a URL: None unless it is a whole
    number such an id can be, so an edited link pages from the start instead of overflowing the database."""
    number = parse_whole_number(raw)
    return number if number is not None and number <= MAX_ROW_ID else None


def _exists(query: Select) -> bool:
    return bool(db.session.scalar(select(exists(query.subquery()))))
