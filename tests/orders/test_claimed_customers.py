"""A browser (publishable key) can only claim a customer id: the claim is kept apart from the merchant's real
customer of that name, so naming someone else uses up none of their coupon uses or velocity, and plants nothing on
their list, export or erasure."""

from __future__ import annotations

from tests.catalog.test_coupons_api import coupons  # noqa: F401  (a fixture)
from tests.orders.test_orders_api import order_body

VICTIM = "cus_victim"


def claim(pk_api, sku: str, **extra):
    """An order made in a browser that names the victim (it needs no secret to do so)."""
    return pk_api.post("/orders", json=order_body(sku, customer={"id": VICTIM, "email": "mallory@evil.test"}, **extra))


def test_a_claimed_id_uses_up_none_of_the_customers_per_customer_coupon_uses(api, pk_api, catalog, coupons):
    coupons(code="WELCOME", kind="amount_off", amount_off=100, currency="usd", max_per_customer=1)
    claimed = claim(pk_api, catalog["sku"], coupon="WELCOME")
    assert claimed.status_code == 201, claimed.json
    assert claimed.json["customer"]["id"] == f"pk:{VICTIM}" and claimed.json["customer"]["verified"] is False

    real = api.post("/orders", json=order_body(catalog["sku"], customer={"id": VICTIM}, coupon="WELCOME"))
    assert real.status_code == 201, real.json
    assert real.json["amount"]["discount"] == 100


def test_a_claimed_id_uses_up_none_of_the_customers_velocity(api, pk_api, catalog):
    rule = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "customer", "window_seconds": 3600, "max_count": 2},
        },
    )
    assert rule.status_code == 201, rule.json
    for _ in range(2):
        assert claim(pk_api, catalog["sku"]).status_code == 201
    assert claim(pk_api, catalog["sku"]).status_code == 402  # the claims have a window of their own

    real = api.post("/orders", json=order_body(catalog["sku"], customer={"id": VICTIM}))
    assert real.status_code == 201, real.json
    assert real.json["risk"]["decision"] == "allow"


def test_a_claimed_id_matches_none_of_the_customers_allow_entries(api, pk_api, catalog):
    api.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 500}, "action": "block"})
    assert (
        api.post("/risk/list_entries", json={"kind": "customer", "value": VICTIM, "action": "allow"}).status_code == 201
    )
    assert api.post("/orders", json=order_body(catalog["sku"], customer={"id": VICTIM})).status_code == 201
    assert claim(pk_api, catalog["sku"]).status_code == 402  # a browser cannot borrow the customer's trust


def test_claimed_orders_stay_off_the_customers_list_export_and_erasure(api, pk_api, catalog):
    real = api.post("/orders", json=order_body(catalog["sku"], customer={"id": VICTIM, "email": "victim@shop.test"}))
    claimed = claim(pk_api, catalog["sku"]).json

    listed = [order["id"] for order in api.get(f"/orders?customer={VICTIM}").json["data"]]
    assert listed == [real.json["id"]]
    export = api.get(f"/customers/{VICTIM}/export")
    assert export.status_code == 200
    assert claimed["id"] not in str(export.json) and "mallory@evil.test" not in str(export.json)

    assert api.post(f"/customers/{VICTIM}/erase", json={}).status_code == 200
    kept = api.get(f"/orders/{claimed['id']}").json
    assert kept["customer"] == {**claimed["customer"], "email": "mallory@evil.test"}  # not the victim's to erase
