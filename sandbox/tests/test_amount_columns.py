"""A sandbox started on a PostgreSQL database made by an older version widens its 32-bit amount columns: a payment of
50,000,000 IDR (5,000,000,000 minor units) was an overflow, a 500 to Kassa's pay request. SQLite's INTEGER is 64-bit."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, make_url, text

from sandbox.models import create_tables

# The database server of the run (scripts/test.sh names one per pass): on PostgreSQL this test makes a database of
# its own there.
RUN_DATABASE_URL = os.environ.get("KASSA_TEST_DATABASE_URL", "")

pytestmark = pytest.mark.skipif(
    not RUN_DATABASE_URL.startswith("postgresql"), reason="SQLite's INTEGER holds 64 bits (and no PostgreSQL is named)"
)


@pytest.fixture
def older_sandbox_database():
    server = make_url(RUN_DATABASE_URL)
    url = server.set(database=f"{server.database}_sandbox_widen")
    admin = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{url.database}"'))
        connection.execute(text(f'CREATE DATABASE "{url.database}"'))
    engine = create_engine(url)
    yield engine
    engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{url.database}"'))
    admin.dispose()


def test_a_sandbox_started_on_an_older_database_takes_amounts_past_32_bits(older_sandbox_database):
    engine = older_sandbox_database
    create_tables(engine)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE sandbox_payments ALTER COLUMN amount TYPE integer"))
        connection.execute(text("ALTER TABLE sandbox_refunds ALTER COLUMN amount TYPE integer"))
    create_tables(engine)  # the next start
    with engine.connect() as connection:
        kinds = dict(
            connection.execute(
                text(
                    "SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'amount' "
                    "AND table_name IN ('sandbox_payments', 'sandbox_refunds', 'sandbox_payouts', 'sandbox_disputes')"
                )
            ).all()
        )
    assert kinds == {
        "sandbox_payments": "bigint",
        "sandbox_refunds": "bigint",
        "sandbox_payouts": "bigint",
        "sandbox_disputes": "bigint",
    }
