"""POST /orders with ``pay``: the order made and its payment started in one call, as POST /orders/{id}/pay would
start it; a payment that cannot start leaves the order made and says why."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.channels.test_channel_routing import configure


def order_with_payment(sku: str, **pay) -> dict:
    return {
        "items": [{"sku": sku, "quantity": 2}],
        "customer": {"id": "cus_one_call"},
        "agreement_accepted": True,
        "pay": pay,
    }


def order_count(api) -> int:
    return len(api.get("/orders?limit=100").json["data"])


def test_one_call_makes_the_order_and_starts_its_payment(api, catalog, sandbox):
    made = api.post("/orders", json=order_with_payment(catalog["sku"], channel="sandbox_card"))
    assert made.status_code == 201, made.json
    order = made.json
    assert order["status"] == "paying"
    assert order["payment_error"] is None
    payment = order["payment"]
    assert payment["status"] == "pending" and payment["amount"] == 1998
    assert payment["next_action"] == {
        "type": "redirect",
        "url": f"{sandbox.url}/sandbox/pay/{payment['provider_reference']}",
    }
    assert [p["id"] for p in order["payments"]] == [payment["id"]]

    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] == "paid")
    read = api.get(f"/orders/{order['id']}").json
    assert [t["status"] for t in read["timeline"]] == ["created", "paying", "paid"]
    assert "payment" not in read  # only the create answer carries the payment it started


def test_a_payment_that_cannot_start_leaves_the_order_to_pay_later(app, api, merchant, catalog, sandbox):
    configure(app, merchant.id, "sandbox_card", max_amount=1000)  # the $19.98 order is over the card's limit
    made = api.post("/orders", json=order_with_payment(catalog["sku"], channel="sandbox_card"))
    assert made.status_code == 201, made.json
    order = made.json
    assert order["status"] == "created" and order["payment"] is None and order["payments"] == []
    error = order["payment_error"]
    assert error["code"] == "channel_unavailable" and error["param"] == "channel"
    assert "sandbox_qr" in error["message"]  # it names what the order can be paid with
    assert error["request_id"] == made.headers["X-Request-Id"]

    paid = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"})
    assert paid.status_code == 200 and paid.json["payment"]["status"] == "pending"


def test_an_unknown_channel_makes_no_order(api, catalog):
    before = order_count(api)
    unknown = api.post("/orders", json=order_with_payment(catalog["sku"], channel="carrier_pigeon"))
    assert unknown.status_code == 400
    assert unknown.json["error"]["param"] == "pay.channel" and "sandbox_card" in unknown.json["error"]["message"]
    blank = api.post("/orders", json=order_with_payment(catalog["sku"], channel=""))
    assert blank.status_code == 400 and blank.json["error"]["param"] == "pay.channel"
    assert order_count(api) == before


def test_a_retry_with_its_idempotency_key_gets_the_same_order_and_payment(api, catalog, sandbox):
    body = order_with_payment(catalog["sku"], channel="sandbox_card")
    first = api.post("/orders", json=body, headers={"Idempotency-Key": "one-call-1"})
    again = api.post("/orders", json=body, headers={"Idempotency-Key": "one-call-1"})
    assert first.status_code == again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json["id"] == first.json["id"]
    assert again.json["payment"]["id"] == first.json["payment"]["id"]
    assert len(api.get(f"/orders/{first.json['id']}").json["payments"]) == 1
