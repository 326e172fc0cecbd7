"""No oversell: many buyers race for a few units through the real HTTP API on PostgreSQL.

Stock is taken by one conditional UPDATE per line (``stock >= quantity``), so however the
requests interleave exactly the stock is sold; closing or expiring an unpaid order gives its
units back, and a paid order never does.
"""
from __future__ import annotations

import json
import os
import time
from datetime import timedelta

import pytest
import requests

from tests.conftest import wait_for
from tests.integration.test_concurrency import in_parallel
from tests.integration.test_payment_flow import pay, status_of

pytestmark = pytest.mark.postgres_only

BUYERS, UNITS = 40, 7


def _stock(app, sku_id: str) -> int | None:
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        return db.session.get(Sku, sku_id).stock


def _limited_sku(app, merchant, units: int) -> str:
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        db.session.add(Product(id="prod_drop", merchant_id=merchant.id, name="Limited drop"))
        db.session.add(Sku(id="sku_drop", merchant_id=merchant.id, product_id="prod_drop", name="Numbered print",
                           price_amount=1500, currency="usd", specs={}, stock=units))
        db.session.commit()
    return "sku_drop"


def test_40_buyers_for_7_units_sell_exactly_7(app, api, merchant, live_server, sandbox):
    sku = _limited_sku(app, merchant, UNITS)
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}

    def buy(i: int) -> requests.Response:
        return requests.post(f"{live_server}/api/v1/orders", headers=headers, timeout=60,
                             json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": f"buyer_{i}"},
                                   "agreement_accepted": True})

    started = time.monotonic()
    responses = in_parallel(BUYERS, buy)
    elapsed = time.monotonic() - started

    sold = [r.json() for r in responses if r.status_code == 201]
    refused = [r for r in responses if r.status_code != 201]
    figures = {"buyers": BUYERS, "units": UNITS, "successes": len(sold), "refused": len(refused),
               "seconds": round(elapsed, 3)}
    print(f"\ninventory race: {json.dumps(figures)}")
    if os.environ.get("KASSA_FIGURES_FILE"):
        with open(os.environ["KASSA_FIGURES_FILE"], "a") as out:
            out.write(json.dumps({"test": "inventory_race", **figures}) + "\n")

    assert len(sold) == UNITS
    assert all(r.status_code == 409 and r.json()["error"]["code"] == "out_of_stock" for r in refused)
    assert _stock(app, sku) == 0
    with app.app_context():
        from app.orders.models import OrderItem
        from app.extensions import db

        assert db.session.query(OrderItem).filter_by(sku_id=sku).count() == UNITS

    # One order is paid: its unit is sold for good.
    paid = sold[0]
    payment = pay(api, paid["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, paid["id"]) in ("paid", "fulfilled"))

    # Two are cancelled: their units come back, once each, even when cancel is pressed twice.
    for order in sold[1:3]:
        assert api.post(f"/orders/{order['id']}/cancel").status_code == 200
        assert api.post(f"/orders/{order['id']}/cancel").status_code == 409
    assert _stock(app, sku) == 2

    # The rest expire: the sweep gives their units back, and never the paid order's.
    from app.orders.services import close_expired_orders
    from app.db_types import utcnow

    with app.app_context():
        closed = close_expired_orders(utcnow() + timedelta(hours=1))
    assert closed == UNITS - 3
    assert _stock(app, sku) == UNITS - 1
    assert api.post(f"/orders/{paid['id']}/cancel").status_code == 409
    assert _stock(app, sku) == UNITS - 1
