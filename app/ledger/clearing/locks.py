"""The clearing lock: a merchant's clearing and its refunds' holds must not cross (app/payments/clearing.py
says why). PostgreSQL: a transaction-scoped advisory lock, exclusive for clearing, shared for a refund's hold, so
refunds never wait for each other. SQLite: the database's single write lock, taken now rather than at the first
write, so nothing changes between what the transaction reads and what it writes."""

from __future__ import annotations

from sqlalchemy import text

from app.extensions import db


def clearing_lock(merchant_id: str, *, shared: bool = False) -> None:
    """Hold the merchant's clearing lock until the caller's transaction ends."""
    if db.engine.dialect.name == "postgresql":
        function = "pg_advisory_xact_lock_shared" if shared else "pg_advisory_xact_lock"
        db.session.execute(text(f"SELECT {function}(hashtextextended(:key, 0))"), {"key": f"clearing:{merchant_id}"})
    else:
        db.session.execute(text("UPDATE order_clearings SET order_id = order_id WHERE 1 = 0"))
