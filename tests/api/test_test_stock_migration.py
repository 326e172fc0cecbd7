"""Migration 0111: test orders get a stock of their own. Orders open at the upgrade took their units from the one
stock both modes shared; from the upgrade on, each gives them back to its own mode's column."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.migration_steps import run_migration_step
from tests.web.api.test_livemode import live_key, order_body

# The migration runs down and up in place, in the suite's own database: PostgreSQL does that in one transaction.
# SQLite drops a column only by rebuilding the table, which the worker's other tests would then find half done.
pytestmark = pytest.mark.postgres_only

MIGRATION = "0111_test_stock.py"


def _run(app, step: str) -> None:
    run_migration_step(app, MIGRATION, step)


def _stocks(app, sku_id: str) -> tuple[int, int]:
    from app.extensions import db

    with app.app_context():
        return tuple(db.session.execute(text("SELECT stock, test_stock FROM skus WHERE id = :id"),
                                        {"id": sku_id}).one())


def test_orders_open_at_the_upgrade_give_their_units_back_to_the_stock_they_came_from(app, client, merchant, api,
                                                                                     catalog):
    """A test order open at the upgrade held 2 of the 3 Founder editions from the shared stock (1 left). The upgrade
    copied that 1 into test_stock, and the test order's expiry gave its 2 back to test_stock: live shoppers were
    left 1 edition for good (the very loss the split was for) and test orders had 3. Units held by open orders
    of one mode are the other mode's to have back at the upgrade."""
    from app.extensions import db

    live = live_key(app, client, merchant, "secret")
    held_in_test = api.post("/orders", json={**order_body(catalog["limited_sku"]),
                                             "items": [{"sku": catalog["limited_sku"], "quantity": 2}]})
    assert held_in_test.status_code == 201, held_in_test.json
    held_live = live.post("/orders", json=order_body(catalog["limited_sku"]))
    assert held_live.status_code == 201, held_live.json
    # Before the split both orders took from the one stock: 3 - 2 - 1 = 0.
    _run(app, "downgrade")
    try:
        with app.app_context():
            db.session.execute(text("UPDATE skus SET stock = 0 WHERE id = :id"), {"id": catalog["limited_sku"]})
            db.session.commit()
    finally:
        _run(app, "upgrade")
    assert _stocks(app, catalog["limited_sku"]) == (2, 1)  # what each mode has while those orders are open

    assert api.post(f"/orders/{held_in_test.json['id']}/cancel").status_code == 200
    assert live.post(f"/orders/{held_live.json['id']}/cancel").status_code == 200
    assert _stocks(app, catalog["limited_sku"]) == (3, 3)
