"""A sandbox started on a PostgreSQL database made by an older version widens its 32-bit amount columns: a payment of
50,000,000 IDR (5,000,000,000 minor units) was an overflow, a 500 to Kassa's pay request. SQLite's INTEGER is 64-bit."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, make_url, text

from tests.conftest import DATABASE_URL, IS_POSTGRES

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="SQLite's INTEGER holds 64 bits")


@pytest.fixture
def older_sandbox_database():
    url = make_url(DATABASE_URL).set(database=f"{make_url(DATABASE_URL).database}_sandbox_widen")
    admin = create_engine(make_url(DATABASE_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")
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
    from sandbox.models import create_tables

    engine = older_sandbox_database
    create_tables(engine)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE sandbox_payments ALTER COLUMN amount TYPE integer"))
        connection.execute(text("ALTER TABLE sandbox_refunds ALTER COLUMN amount TYPE integer"))
    create_tables(engine)  # the next start
    with engine.connect() as connection:
        kinds = dict(connection.execute(text(
            "SELECT table_name, data_type FROM information_schema.columns WHERE column_name = 'amount' "
            "AND table_name IN ('sandbox_payments', 'sandbox_refunds', 'sandbox_payouts', 'sandbox_disputes')")).all())
    assert kinds == {"sandbox_payments": "bigint", "sandbox_refunds": "bigint", "sandbox_payouts": "bigint",
                     "sandbox_disputes": "bigint"}
