"""Writing many rows at once: PostgreSQL's COPY (several times faster than INSERT for thousands of rows), one
multi-row INSERT elsewhere. In the caller's transaction; for batches the caller has made sure are new."""

from __future__ import annotations

from typing import Iterable, Sequence

from sqlalchemy import Table, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.types import TypeEngine

from app.extensions import db

# Below this many rows an INSERT is quicker to set up than a COPY.
COPY_FROM = 1000


def copy_rows(table: Table, columns: Sequence[str], rows: Sequence[tuple]) -> None:
    """Write ``rows`` (tuples in the order of ``columns``) into ``table``."""
    if not rows:
        return
    if db.engine.dialect.name == "postgresql" and len(rows) >= COPY_FROM:
        cursor = db.session.connection().connection.dbapi_connection.cursor()
        with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    db.session.execute(table.insert(), [dict(zip(columns, row)) for row in rows])


def one_of(column, values: Iterable, element_type: TypeEngine):
    """``column IN values`` for thousands of values: one array parameter on PostgreSQL (a list of thousands of
    parameters costs more to send and plan than the query itself), a plain IN elsewhere."""
    values = list(values)
    if db.engine.dialect.name == "postgresql":
        return column == any_(bindparam(None, values, type_=ARRAY(element_type)))
    return column.in_(values)
