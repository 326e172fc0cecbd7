"""Coupons through POST /quotes and POST /orders: every kind, every way a code can be refused,
and a use counted once — released when the order closes unpaid, kept once it is paid."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.orders.test_orders_api import order_body
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


@pytest.fixture
def coupons(app, merchant):
    """Create coupons for ``merchant`` through the service, as the portal does."""
    from app.catalog.coupons import create_coupon

    def make(**fields):
        with app.app_context():
            return create_coupon(merchant.id, fields).id

    return make


def quote(api, sku: str, quantity: int = 1, coupon=None):
    return api.post("/quotes", json={"items": [{"sku": sku, "quantity": quantity}], "coupon": coupon})


def error_of(response) -> tuple[int, str, str]:
    error = response.json["error"]
    return response.status_code, error["code"], error.get("param")


def redeemed(app, coupon_id: str) -> int:
    from app.catalog.coupon_models import Coupon
    from app.extensions import db

    with app.app_context():
        return db.session.get(Coupon, coupon_id).test_times_redeemed


def test_amount_off_is_shown_as_a_discount_line_and_codes_are_case_insensitive(api, spec, catalog, coupons):
    coupons(code="Welcome5", kind="amount_off", amount_off=500, currency="usd", description="Welcome gift")
    response = quote(api, catalog["sku"], 2, "  welcome5 ")
    check(spec, "post", "/quotes", response)
    assert (response.json["subtotal"], response.json["discount"], response.json["total"]) == (1998, 500, 1498)
    assert response.json["discounts"] == [{"coupon": "WELCOME5", "description": "Welcome gift", "amount": 500}]


def test_percent_off_rounds_down_and_respects_its_cap(api, catalog, coupons):
    coupons(code="THIRD", kind="percent_off", percent_bps=3333, currency="eur")  # no cap: any currency
    # 33.33% of 999 = 332.97 → 332 (rounded down: never more than the stated percent)
    third = quote(api, catalog["sku"], 1, "third").json
    assert third["discount"] == 332 and third["discounts"][0]["description"] == "33.33% off"
    coupons(code="HALF", kind="percent_off", percent_bps=5000, max_discount=1000, currency="usd")
    assert quote(api, catalog["sku"], 1, "half").json["discount"] == 499
    assert quote(api, catalog["sku"], 5, "half").json["discount"] == 1000  # capped: 50% would be 2497


def test_spend_and_save_needs_the_threshold(api, catalog, coupons):
    coupons(code="SPEND30", kind="spend_and_save", min_subtotal=3000, amount_off=700, currency="usd")
    too_little = quote(api, catalog["sku"], 3, "SPEND30")  # 29.97
    assert error_of(too_little) == (400, "coupon_not_applicable", "coupon")
    assert "spend at least $30.00" in too_little.json["error"]["message"]
    assert quote(api, catalog["sku"], 4, "SPEND30").json["total"] == 3996 - 700


def test_volume_ladder_discounts_by_quantity(api, catalog, coupons):
    coupons(
        code="BULK",
        kind="volume",
        tiers=[{"min_quantity": 10, "percent_bps": 2000}, {"min_quantity": 5, "percent_bps": 1000}],
    )
    assert error_of(quote(api, catalog["sku"], 4, "BULK"))[1] == "coupon_not_applicable"
    assert quote(api, catalog["sku"], 5, "BULK").json["discount"] == 4995 // 10
    assert quote(api, catalog["sku"], 10, "BULK").json["discount"] == 9990 // 5


def test_restricted_coupon_applies_only_to_its_skus(api, catalog, coupons):
    coupons(code="FOUNDERS", kind="percent_off", percent_bps=1000, sku_ids=[catalog["limited_sku"]])
    assert error_of(quote(api, catalog["sku"], 1, "FOUNDERS")) == (400, "coupon_not_applicable", "coupon")
    assert quote(api, catalog["limited_sku"], 1, "FOUNDERS").json["discount"] == 250


def test_codes_that_cannot_be_used_say_why(app, api, merchant, catalog, coupons, other_merchant):
    from app.catalog.coupons import create_coupon, deactivate_coupon
    from app.platform.db.types import utcnow

    now = utcnow()
    coupons(code="OLD", kind="amount_off", amount_off=100, currency="usd", valid_until=now - timedelta(days=1))
    coupons(code="SOON", kind="amount_off", amount_off=100, currency="usd", valid_from=now + timedelta(days=1))
    coupons(code="EURO", kind="amount_off", amount_off=100, currency="eur")
    gone = coupons(code="GONE", kind="amount_off", amount_off=100, currency="usd")
    with app.app_context():
        deactivate_coupon(merchant.id, gone)
        create_coupon(other_merchant.id, {"code": "RIVAL", "kind": "amount_off", "amount_off": 100, "currency": "usd"})
    cases = {
        "OLD": (400, "coupon_expired"),
        "SOON": (400, "coupon_not_yet_valid"),
        "EURO": (400, "coupon_not_applicable"),
        "GONE": (400, "coupon_invalid"),
        "RIVAL": (400, "coupon_invalid"),
        "NOPE": (400, "coupon_invalid"),
        "bad code!": (400, "coupon_invalid"),
    }
    for code, (status, error_code) in cases.items():
        for path in ("/quotes", "/orders"):
            response = api.post(path, json=order_body(catalog["sku"], coupon=code))
            assert error_of(response) == (status, error_code, "coupon"), (code, path, response.json)
    assert "expired on" in quote(api, catalog["sku"], 1, "old").json["error"]["message"]
    assert api.get("/orders").json["data"] == []


def test_an_order_keeps_the_discount_and_counts_one_use_even_when_retried(app, api, spec, catalog, coupons):
    coupon_id = coupons(code="ONCE", kind="amount_off", amount_off=300, currency="usd", max_redemptions=5)
    headers = {"Idempotency-Key": "order-with-coupon"}
    first = api.post("/orders", json=order_body(catalog["sku"], 1, coupon="once"), headers=headers)
    again = api.post("/orders", json=order_body(catalog["sku"], 1, coupon="once"), headers=headers)
    check(spec, "post", "/orders", first)
    assert first.status_code == 201 and again.headers.get("Idempotent-Replayed") == "true"
    assert first.json["amount"] == {"subtotal": 999, "discount": 300, "total": 699, "currency": "usd"}
    assert first.json["discounts"] == [{"coupon": "ONCE", "description": "$3.00 off", "amount": 300}]
    assert redeemed(app, coupon_id) == 1


def test_total_limit_is_exact_and_a_closed_order_gives_its_use_back(app, api, catalog, coupons):
    coupon_id = coupons(code="TWO", kind="amount_off", amount_off=100, currency="usd", max_redemptions=2)
    orders = [
        api.post("/orders", json=order_body(catalog["sku"], coupon="TWO") | {"customer": {"id": f"c{i}"}})
        for i in range(3)
    ]
    assert [o.status_code for o in orders] == [201, 201, 409]
    assert error_of(orders[2]) == (409, "coupon_exhausted", "coupon")
    assert error_of(quote(api, catalog["sku"], 1, "TWO"))[1] == "coupon_exhausted"
    assert redeemed(app, coupon_id) == 2

    assert api.post(f"/orders/{orders[0].json['id']}/cancel").status_code == 200
    assert redeemed(app, coupon_id) == 1
    assert api.post("/orders", json=order_body(catalog["sku"], coupon="TWO")).status_code == 201
    assert redeemed(app, coupon_id) == 2


def test_expiry_releases_the_use(app, api, catalog, coupons):
    from app.orders.services import close_expired_orders
    from app.platform.db.types import utcnow

    coupon_id = coupons(code="TICK", kind="amount_off", amount_off=100, currency="usd")
    api.post("/orders", json=order_body(catalog["sku"], coupon="TICK"))
    with app.app_context():
        assert close_expired_orders(utcnow() + timedelta(hours=1)) == 1
    assert redeemed(app, coupon_id) == 0


def test_per_customer_limit(app, api, catalog, coupons):
    coupons(code="FIRST", kind="amount_off", amount_off=100, currency="usd", max_per_customer=1)
    assert api.post("/orders", json=order_body(catalog["sku"], coupon="FIRST")).status_code == 201
    second = api.post("/orders", json=order_body(catalog["sku"], coupon="FIRST"))
    assert error_of(second) == (409, "coupon_exhausted", "coupon")
    assert "once per customer" in second.json["error"]["message"]
    other = order_body(catalog["sku"], coupon="FIRST") | {"customer": {"id": "someone_else"}}
    assert api.post("/orders", json=other).status_code == 201


def test_bulk_generation_makes_unique_random_codes_with_the_prefix(app, merchant, api, catalog):
    from app.catalog.coupons import generate_coupons

    with app.app_context():
        codes = [
            c.code
            for c in generate_coupons(
                merchant.id, {"kind": "percent_off", "percent_bps": 1500}, count=50, prefix="spring"
            )
        ]
    assert len(set(codes)) == 50 and all(c.startswith("SPRING-") and len(c) == 15 for c in codes)
    assert quote(api, catalog["sku"], 1, codes[7].lower()).json["discount"] == 149


def test_a_duplicate_code_is_refused(app, merchant, coupons):
    from app.catalog.coupons import create_coupon
    from app.errors import Conflict

    coupons(code="DUP", kind="amount_off", amount_off=100, currency="usd")
    with app.app_context(), pytest.raises(Conflict):
        create_coupon(merchant.id, {"code": "dup", "kind": "percent_off", "percent_bps": 100})
