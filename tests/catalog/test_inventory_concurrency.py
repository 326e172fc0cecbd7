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
from tests.payments.attempts.test_concurrency import in_parallel
from tests.payments.attempts.test_payment_flow import pay, status_of

pytestmark = pytest.mark.postgres_only

BUYERS, UNITS = 40, 7


def _stock(app, sku_id: str) -> int | None:
    """What test orders may still take (the keys here are test keys: their orders have a stock of their own)."""
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        return db.session.get(Sku, sku_id).test_stock


def _limited_sku(app, merchant, units: int) -> str:
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        db.session.add(Product(id="prod_drop", merchant_id=merchant.id, name="Limited drop"))
        db.session.add(
            Sku(
                id="sku_drop",
                merchant_id=merchant.id,
                product_id="prod_drop",
                name="Numbered print",
                price_amount=1500,
                currency="usd",
                specs={},
                stock=units,
            )
        )
        db.session.commit()
    return "sku_drop"


def test_40_buyers_for_7_units_sell_exactly_7(app, api, merchant, live_server, sandbox):
    sku = _limited_sku(app, merchant, UNITS)
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}

    def buy(i: int) -> requests.Response:
        return requests.post(
            f"{live_server}/api/v1/orders",
            headers=headers,
            timeout=60,
            json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": f"buyer_{i}"}, "agreement_accepted": True},
        )

    started = time.monotonic()
    responses = in_parallel(BUYERS, buy)
    elapsed = time.monotonic() - started

    sold = [r.json() for r in responses if r.status_code == 201]
    refused = [r for r in responses if r.status_code != 201]
    figures = {
        "buyers": BUYERS,
        "units": UNITS,
        "successes": len(sold),
        "refused": len(refused),
        "seconds": round(elapsed, 3),
    }
    print(f"\ninventory race: {json.dumps(figures)}")
    if os.environ.get("KASSA_FIGURES_FILE"):
        with open(os.environ["KASSA_FIGURES_FILE"], "a") as out:
            out.write(json.dumps({"test": "inventory_race", **figures}) + "\n")

    assert len(sold) == UNITS
    assert all(r.status_code == 409 and r.json()["error"]["code"] == "out_of_stock" for r in refused)
    assert _stock(app, sku) == 0
    with app.app_context():
        from app.extensions import db
        from app.orders.models import OrderItem

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
    from app.platform.db.types import utcnow

    with app.app_context():
        closed = close_expired_orders(utcnow() + timedelta(hours=1))
    assert closed == UNITS - 3
    assert _stock(app, sku) == UNITS - 1
    assert api.post(f"/orders/{paid['id']}/cancel").status_code == 409
    assert _stock(app, sku) == UNITS - 1


def test_a_coupon_limited_to_5_uses_is_used_exactly_5_times_by_30_buyers(app, api, merchant, catalog, live_server):
    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        coupon_id = create_coupon(
            merchant.id,
            {"code": "FIVE", "kind": "amount_off", "amount_off": 100, "currency": "usd", "max_redemptions": 5},
        ).id
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}
    responses = in_parallel(
        30,
        lambda i: requests.post(
            f"{live_server}/api/v1/orders",
            headers=headers,
            timeout=60,
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "coupon": "five",
                "customer": {"id": f"c{i}"},
                "agreement_accepted": True,
            },
        ),
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [201] * 5 + [409] * 25
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 409} == {"coupon_exhausted"}
    with app.app_context():
        assert db.session.get(Coupon, coupon_id).test_times_redeemed == 5


def test_one_customer_pressing_buy_10_times_at_once_stays_within_the_purchase_limit(
    app, api, merchant, catalog, live_server
):
    from app.catalog.products import update_sku

    with app.app_context():
        update_sku(merchant.id, catalog["sku"], {"purchase_limit": 3})
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}
    responses = in_parallel(
        10,
        lambda i: requests.post(
            f"{live_server}/api/v1/orders",
            headers=headers,
            timeout=60,
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "eager"},
                "agreement_accepted": True,
            },
        ),
    )
    assert sorted(r.status_code for r in responses) == [201] * 3 + [422] * 7
    assert {r.json()["error"]["code"] for r in responses if r.status_code == 422} == {"purchase_limit_exceeded"}


def test_a_once_per_customer_coupon_pressed_10_times_at_once_is_used_once(app, merchant, catalog, live_server):
    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        coupon_id = create_coupon(
            merchant.id, {"code": "HELLO", "kind": "percent_off", "percent_bps": 1000, "max_per_customer": 1}
        ).id
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}
    responses = in_parallel(
        10,
        lambda i: requests.post(
            f"{live_server}/api/v1/orders",
            headers=headers,
            timeout=60,
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "coupon": "HELLO",
                "customer": {"id": "eager"},
                "agreement_accepted": True,
            },
        ),
    )
    assert sorted(r.status_code for r in responses) == [201] + [409] * 9
    with app.app_context():
        assert db.session.get(Coupon, coupon_id).test_times_redeemed == 1
