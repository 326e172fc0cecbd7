"""Writes on the hot paths that skip the ORM's unit of work.

A flush works out what changed, in what order to write it and what to read back, for whatever the session
holds; for the few rows a payment step writes that bookkeeping costs more CPU than the statements themselves
(1.3-1.6 ms against 0.6 ms for an order's four rows). These run plain Core statements on the session's
connection, in the session's transaction, so they commit or roll back with everything else. On PostgreSQL the new
rows of several tables go as one statement (one round trip): opening an order writes its row, lines, timeline and
event at once.
"""

from __future__ import annotations

from typing import Callable, Sequence

from sqlalchemy import Executable, Table, Update, bindparam, exists, insert, select, union_all
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm.attributes import set_committed_value

from app.extensions import db


class _Columns:
    """What inserting one mapped class needs, worked out once: its columns and their Python-side defaults."""

    def __init__(self, cls: type) -> None:
        self.table: Table = cls.__table__
        self.keys: list[tuple[str, str]] = []  # (attribute, column key)
        self.defaults: list[tuple[str, str, Callable[[], object]]] = []
        for prop in sa_inspect(cls).column_attrs:
            column = prop.columns[0]
            self.keys.append((prop.key, column.key))
            default = column.default
            if default is not None and (default.is_scalar or default.is_callable):
                make = (lambda arg=default.arg: arg(None)) if default.is_callable else (lambda arg=default.arg: arg)
                self.defaults.append((prop.key, column.key, make))
        # One statement object per table, compiled once; inline: no RETURNING of generated keys nobody reads.
        self.insert = insert(self.table).inline()


_COLUMNS: dict[type, _Columns] = {}
# Called with the objects ``insert_at_once`` wrote, as an ``after_flush`` hook is with a flush's new objects.
_INSERTED_LISTENERS: list[Callable[[Sequence[object]], None]] = []


def after_insert_at_once(listener: Callable[[Sequence[object]], None]) -> Callable[[Sequence[object]], None]:
    """Register ``listener(objects)`` to run after ``insert_at_once`` wrote them (a decorator)."""
    _INSERTED_LISTENERS.append(listener)
    return listener


def insert_at_once(objects: Sequence[object]) -> None:
    """INSERT new (transient) ORM objects now: one statement per table, parents first as given, or on PostgreSQL one
    statement for them all. An attribute left unset gets its column's Python-side default, on the object too, as a
    flush would give it; a key the database generates stays unset. The objects stay transient: for rows a caller
    writes once and renders, and never changes through this session (read them with a query if they must change)."""
    groups = _groups(objects)
    connection = db.session.connection()
    if len(groups) > 1 and connection.dialect.name == "postgresql":
        connection.execute(_one_statement(groups), _binds(groups))
    else:
        for columns, rows in groups:
            connection.execute(columns.insert, rows if len(rows) > 1 else rows[0])
    _inserted(objects)


def insert_at_once_if(
    guard: Update, params: dict, objects: Sequence[object], *, first: tuple[Update, dict] | None = None
) -> bool:
    """Run ``guard``, a conditional UPDATE of at most one row (bound with ``params``), and only when it changed that
    row INSERT ``objects`` as ``insert_at_once`` does; True if it did. On PostgreSQL the UPDATE and the INSERTs are
    one statement (one round trip): an order's move with its timeline row and event. ``first``, another conditional
    UPDATE of one row and its parameters (named apart from ``params``), runs before and must change its row too, or
    the guard does not run: a payment's settling with the order's move, in the same statement on PostgreSQL. A
    False answer leaves ``first``'s row written, for the caller to roll back. What the session has pending is
    written first, as the ORM's autoflush would."""
    session = db.session()
    session.flush()  # nothing pending: a cheap check
    connection = session.connection()
    if connection.dialect.name != "postgresql" or not objects:
        if first is not None and connection.execute(*first).rowcount != 1:
            return False
        if connection.execute(guard, params).rowcount != 1:
            return False
        if objects:
            insert_at_once(objects)
        return True
    groups = _groups(objects)
    before, before_params = first if first is not None else (None, {})
    binds = {**before_params, **params, **_binds(groups)}
    if connection.execute(_one_statement(groups, guard, before), binds).rowcount == 0:
        return False  # the guard (or what had to come first) changed nothing, so nothing was inserted
    _inserted(objects)
    return True


def _groups(objects: Sequence[object]) -> list[tuple[_Columns, list[dict]]]:
    """The objects' rows by table and shape (one executemany each), in the order given; unset attributes get their
    column's Python-side default, on the object too."""
    tables: dict[tuple, tuple[_Columns, list[dict]]] = {}
    for obj in objects:
        columns = _COLUMNS.get(type(obj)) or _COLUMNS.setdefault(type(obj), _Columns(type(obj)))
        state = obj.__dict__
        for attr, _, make in columns.defaults:
            if attr not in state:
                set_committed_value(obj, attr, make())
        row = {column: state[attr] for attr, column in columns.keys if attr in state}
        tables.setdefault((columns.table.name, frozenset(row)), (columns, []))[1].append(row)
    return list(tables.values())


def _binds(groups: list[tuple[_Columns, list[dict]]]) -> dict:
    return {
        _bind_name(g, r, key): value
        for g, (_, rows) in enumerate(groups)
        for r, row in enumerate(rows)
        for key, value in row.items()
    }


def _inserted(objects: Sequence[object]) -> None:
    for listener in _INSERTED_LISTENERS:
        listener(objects)


# Statements that write several tables' rows at once, by shape: (table, columns, rows) of each group, in order.
_ONE_STATEMENTS: dict[tuple, Executable] = {}
_MAX_SHAPES = 256


def _bind_name(group: int, row: int, key: str) -> str:
    return f"g{group}r{row}_{key}"


def _one_statement(
    groups: list[tuple[_Columns, list[dict]]], guard: Update | None = None, first: Update | None = None
) -> Executable:
    """One INSERT per group chained as data-modifying CTEs (PostgreSQL): a single statement and round trip instead
    of one per table. Foreign keys between the groups hold, as PostgreSQL checks them when the whole statement ends.
    Built once per shape, so a write binds only its values. A group of several rows inserts a UNION ALL of one-row
    SELECTs, in the order given (keys the database numbers follow it): SQLAlchemy cannot cache the compiled form of
    a multi-row VALUES, and would compile it anew on every write. With a ``guard`` (an UPDATE, itself built once)
    the UPDATE comes first and every row is inserted only if it changed a row; with ``first`` too (another UPDATE
    built once), the guard changes its row only if ``first`` changed one."""
    shape = (guard, first, *((columns.table.name, tuple(rows[0]), len(rows)) for columns, rows in groups))
    found = _ONE_STATEMENTS.get(shape)
    if found is not None:
        return found
    prior = None if first is None else first.returning(*first.table.primary_key).cte("prior")
    if prior is not None and guard is not None:
        guard = guard.where(exists().select_from(prior))
    moved = None if guard is None else guard.returning(*guard.table.primary_key).cte("moved")
    inserts = []
    for g, (columns, rows) in enumerate(groups):
        keys = list(rows[0])
        binds = [
            [bindparam(_bind_name(g, r, key), type_=columns.table.c[key].type) for key in keys]
            for r in range(len(rows))
        ]
        if len(binds) == 1 and moved is None:
            inserts.append(insert(columns.table).values(dict(zip(keys, binds[0]))).inline())
        else:
            selects = [
                select(*row) if moved is None else select(*row).where(exists().select_from(moved)) for row in binds
            ]
            inserts.append(
                insert(columns.table)
                .from_select(keys, selects[0] if len(selects) == 1 else union_all(*selects))
                .inline()
            )
    steps = [step.cte(f"w{g}") for g, step in enumerate(inserts[:-1])]
    statement = inserts[-1].add_cte(*(cte for cte in (prior, moved) if cte is not None), *steps)
    if moved is not None:
        statement = statement.execution_options(preserve_rowcount=True)  # an INSERT's count is kept only if asked
    if len(_ONE_STATEMENTS) >= _MAX_SHAPES:
        _ONE_STATEMENTS.clear()  # shapes are few (lines per order); a bound all the same
    _ONE_STATEMENTS[shape] = statement
    return statement


def execute_at_once(statement: Executable, params: dict) -> CursorResult:
    """Run a Core statement (built on tables, not models) in the session's transaction after writing what the
    session has pending, as the ORM's autoflush would, but without the ORM's execution context: for the few
    conditional UPDATEs every payment makes."""
    session = db.session()
    session.flush()  # nothing pending: a cheap check
    return session.connection().execute(statement, params)
