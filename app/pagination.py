"""Cursor pages over time-ordered ids (app/ids.py), the way every list in the API and the portal pages them."""
from __future__ import annotations

from sqlalchemy import ColumnElement, Select

from app.extensions import db


def newest_first(query: Select, id_column: ColumnElement, *, limit: int,
                 starting_after: str | None = None) -> tuple[list, bool]:
    """One page of ``query``'s objects, newest first, after the one with id ``starting_after``; and whether more
    follow (one row more is read to know)."""
    if starting_after:
        query = query.where(id_column < starting_after)
    rows = list(db.session.scalars(query.order_by(id_column.desc()).limit(limit + 1)))
    return rows[:limit], len(rows) > limit
