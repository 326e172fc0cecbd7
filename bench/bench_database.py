"""A fresh, empty database for a benchmark run (PostgreSQL: drop and create)."""
from __future__ import annotations

from sqlalchemy import create_engine, text


def fresh_database(url: str) -> None:
    if not url.startswith("postgresql"):
        return
    admin = create_engine(url.rsplit("/", 1)[0] + "/postgres", isolation_level="AUTOCOMMIT")
    name = url.rsplit("/", 1)[1]
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
