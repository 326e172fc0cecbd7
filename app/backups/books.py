"""What a database holds, in figures a backup's owner can compare: its schema revision, how many merchants,
orders and journal entries, whether the ledger sums to zero, and how many encrypted channel settings.

Read with plain SQL on a connection of its own (not the app's session): the same function reads the live
database inside a backup's snapshot, the backup's SQLite copy and a freshly restored database."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

from app.backups.manifest import BackupProblem

_COUNTS = {
    "merchants": "merchants",
    "orders": "orders",
    "journal_entries": "journal_entries",
    "channel_settings": "channel_credentials",
}
# Per merchant, currency and mode, as the integrity check sums it (app/ledger/integrity.py).
_UNBALANCED = text(
    "SELECT count(*) FROM (SELECT merchant_id, currency, account LIKE 'live:%' AS live FROM postings "
    "GROUP BY merchant_id, currency, account LIKE 'live:%' HAVING sum(amount) <> 0) AS off"
)


def book_figures(connection: Connection) -> dict:
    try:
        figures = {"revision": connection.scalar(text("SELECT version_num FROM alembic_version"))}
        for name, table in _COUNTS.items():
            figures[name] = connection.scalar(text(f"SELECT count(*) FROM {table}"))  # names from the map above
        figures["ledger_balanced"] = connection.scalar(_UNBALANCED) == 0
    except DBAPIError as exc:
        raise BackupProblem(
            f"{connection.engine.url.render_as_string()} is not a Kassa database, or not migrated "
            f"({exc.orig.__class__.__name__}: {str(exc.orig).strip().splitlines()[0]})"
        ) from exc
    return figures


def describe(figures: dict) -> str:
    """One line for the operator: '3 merchants, 120 orders, 310 journal entries; the books balance'."""
    books = "the books balance" if figures["ledger_balanced"] else "the books do NOT balance"
    counted = ", ".join(
        _count(figures[key], noun)
        for key, noun in (("merchants", "merchant"), ("orders", "order"), ("journal_entries", "journal entry"))
    )
    return f"{counted}; {books}"


def _count(number: int, noun: str) -> str:
    if number == 1:
        return f"1 {noun}"
    return f"{number} " + (noun[:-1] + "ies" if noun.endswith("y") else noun + "s")
