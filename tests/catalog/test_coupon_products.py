"""Coupons as a product: a coupon valid only for some payment channels, and automatic promotions that apply
without a code — driven over the API as a merchant's server and a shopper's checkout would."""

from __future__ import annotations

import threading
from datetime import timedelta

from tests.catalog.test_coupons_api import quote
from tests.conftest import wait_for
from tests.orders.test_orders_api import order_body
from tests.payments.attempts.test_payment_flow import status_of


def test_a_channel_limited_coupon_is_paid_with_its_channel_only(api, sandbox, catalog):
    api.post(
        "/coupons",
        json={
            "code": "CARD10",
            "kind": "amount_off",
            "amount_off": 100,
            "currency": "usd",
            "channels": ["sandbox_card"],
        },
    )
    order = api.post("/orders", json=order_body(catalog["sku"], 1, coupon="card10")).json
    assert order["amount"]["total"] == 899
    assert [c["code"] for c in order["available_channels"]] == ["sandbox_card"]

    refused = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"})
    assert refused.status_code == 400 and refused.json["error"]["code"] == "channel_unavailable"
    assert "CARD10" in refused.json["error"]["message"] and "(sandbox_card)" in refused.json["error"]["message"]
    assert status_of(api, order["id"]) == "created"

    paying = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert paying.status_code == 200, paying.json
    sandbox.simulate(paying.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    assert api.get(f"/orders/{order['id']}").json["payments"][0]["amount"] == 899


def test_an_order_without_a_limiting_coupon_is_paid_with_any_channel(api, catalog):
    order = api.post("/orders", json=order_body(catalog["sku"])).json
    assert {"sandbox_card", "sandbox_qr"} <= {c["code"] for c in order["available_channels"]}
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 200


def test_the_best_automatic_promotion_applies_without_a_code(api, catalog):
    api.post(
        "/coupons",
        json={
            "code": "SPRING",
            "kind": "percent_off",
            "percent_bps": 1000,
            "automatic": True,
            "description": "Spring sale",
        },
    )
    api.post(
        "/coupons",
        json={
            "code": "BIGSPEND",
            "kind": "spend_and_save",
            "amount_off": 500,
            "min_subtotal": 3000,
            "currency": "usd",
            "automatic": True,
        },
    )
    api.post(
        "/coupons",
        json={
            "code": "LIMITED",
            "kind": "percent_off",
            "percent_bps": 9000,
            "automatic": True,
            "sku_ids": [catalog["limited_sku"]],
        },
    )
    api.post("/coupons", json={"code": "TYPED", "kind": "amount_off", "amount_off": 200, "currency": "usd"})

    one = quote(api, catalog["sku"], 1).json  # 9.99: only the 10 % applies
    assert (one["discount"], one["discounts"][0]["description"]) == (99, "Spring sale")
    four = quote(api, catalog["sku"], 4).json  # 39.96: $5 off beats 10 % (3.99); one discount per order
    assert (four["discount"], [d["coupon"] for d in four["discounts"]]) == (500, ["BIGSPEND"])
    typed = quote(api, catalog["sku"], 1, "typed").json  # the shopper's $2 code beats the 10 % promotion
    assert (typed["discount"], [d["coupon"] for d in typed["discounts"]]) == (200, ["TYPED"])
    weaker = quote(api, catalog["sku"], 4, "typed").json
    assert [d["coupon"] for d in weaker["discounts"]] == ["BIGSPEND"]

    order = api.post("/orders", json=order_body(catalog["sku"], 4)).json
    assert (order["amount"]["discount"], order["amount"]["total"]) == (500, 3496)


def test_a_promotion_outside_its_window_or_limits_does_not_apply(api, catalog):
    from datetime import datetime, timezone

    soon = int((datetime.now(timezone.utc) + timedelta(days=1)).timestamp())
    api.post(
        "/coupons",
        json={"code": "LATER", "kind": "percent_off", "percent_bps": 5000, "automatic": True, "valid_from": soon},
    )
    once = api.post(
        "/coupons",
        json={"code": "FIRSTBUY", "kind": "percent_off", "percent_bps": 2000, "automatic": True, "max_per_customer": 1},
    ).json
    first = api.post("/orders", json=order_body(catalog["sku"])).json
    assert first["amount"]["discount"] == 199  # 20 %, not the 50 % that starts tomorrow
    second = api.post("/orders", json=order_body(catalog["sku"])).json
    assert second["amount"]["discount"] == 0  # this customer has had it
    api.post(f"/coupons/{once['id']}/deactivate")
    assert (
        api.post("/orders", json=order_body(catalog["sku"], customer={"id": "cus_2"})).json["amount"]["discount"] == 0
    )


def test_a_promotions_limit_holds_under_concurrent_orders(app, client, api, catalog):
    from tests.conftest import Api

    coupon = api.post(
        "/coupons",
        json={"code": "FIRST3", "kind": "percent_off", "percent_bps": 5000, "automatic": True, "max_redemptions": 3},
    ).json
    results: list = []

    def buy(i: int) -> None:
        with app.test_client() as own:
            caller = Api(own, api.key)
            results.append(caller.post("/orders", json=order_body(catalog["sku"], customer={"id": f"cus_{i}"})))

    threads = [threading.Thread(target=buy, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    discounted = [r for r in results if r.status_code == 201 and r.json["amount"]["discount"] > 0]
    assert len(discounted) == 3
    assert all(r.status_code in (201, 409) for r in results)
    assert api.get(f"/coupons/{coupon['id']}").json["times_redeemed"] == 3
