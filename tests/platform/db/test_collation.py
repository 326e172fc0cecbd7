"""Searches by an id's beginning and the wallets' total under a database collation that is not byte order.

The suite's PostgreSQL database sorts as en-US with punctuation ignored (tests/conftest.py), as glibc's en_US.UTF-8,
the official PostgreSQL image's default, does. There ``live:wallet:cus_1`` sorts after ``live:wallet;``, so the
range of the index read for "begins with" (app/platform/db/types.py) missed every wallet; it is read only where the
database
sorts by bytes (SQLite, whose pass covers the range; PostgreSQL under the C collation).
"""

from __future__ import annotations

import re

import pytest

from tests.ledger.wallet.test_wallet import top_up
from tests.privacy.test_customer_erasure import order_for

pytestmark = pytest.mark.postgres_only  # SQLite compares bytes whatever the database

MEMBER = "member_9a"  # "member_9" ends in 9, whose next character ':' sorts before the letters under en-US


def _customers(page: str) -> list[str]:
    return re.findall(r'href="/portal/customers/([^"/]+)"><code>', page)


def _orders(page: str) -> list[str]:
    return re.findall(r'href="/portal/orders/(ord_[a-z0-9]+)"', page)


def _wallets(api) -> list[dict]:
    response = api.get("/balance")
    assert response.status_code == 200, response.json
    return response.json["wallets"]


def test_wallets_and_searches_by_beginning_find_what_begins_so(app, api, catalog, sandbox, worker, portal):
    top_up(api, sandbox, worker, 2500, customer=MEMBER)
    bought = order_for(api, catalog["sku"], "buyer_z1", None).json["id"]

    assert _wallets(api) == [{"amount": 2500, "currency": "usd"}]
    assert _customers(portal.text("/portal/customers?q=member_9")) == [MEMBER]
    assert _customers(portal.text("/portal/customers?q=buyer_z")) == ["buyer_z1"]
    assert bought in _orders(portal.text("/portal/orders?q=ord_"))
    holders = portal.text("/portal/wallets")
    assert MEMBER in holders and "$25.00" in holders


def test_only_a_database_that_sorts_by_bytes_is_read_by_range(app):
    """The suite's en-US database is not asked by range; one made with the C collation is."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from app.extensions import db
    from app.platform.db.types import sorts_by_bytes

    with app.app_context():
        assert sorts_by_bytes(db.engine) is False
        byte_ordered = make_url(db.engine.url).set(database=f"{db.engine.url.database}_c")
    admin = create_engine(byte_ordered.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{byte_ordered.database}"'))
        connection.execute(text(f"CREATE DATABASE \"{byte_ordered.database}\" TEMPLATE template0 LOCALE 'C'"))
    engine = create_engine(byte_ordered)
    try:
        assert sorts_by_bytes(engine) is True
    finally:
        engine.dispose()
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE "{byte_ordered.database}"'))
        admin.dispose()
