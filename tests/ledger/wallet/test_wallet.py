"""The wallet channel through the API: top up through the sandbox provider (real HTTP, outbox run
by a real RQ worker), read the balance, pay an order from it with no redirect."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order

CUSTOMER = "cus_flow"  # create_order's customer


def balance(api, customer: str = CUSTOMER) -> dict:
    response = api.get(f"/customers/{customer}/balance")
    assert response.status_code == 200, response.json
    return response.json


def top_up(api, sandbox, worker, amount: int, customer: str = CUSTOMER, currency: str = "usd"):
    """Top up through sandbox_card, approve at the provider, and let the outbox credit the wallet."""
    before = {m["currency"]: m["amount"] for m in balance(api, customer)["available"]}
    response = api.post(
        f"/customers/{customer}/topups", json={"amount": amount, "currency": currency, "channel": "sandbox_card"}
    )
    assert response.status_code == 201, response.json
    sandbox.simulate(response.json["payment"]["provider_reference"], "succeeded")
    order_id = response.json["topup"]["id"]
    wait_for(lambda: api.get(f"/orders/{order_id}").json["status"] != "paying")

    def credited() -> bool:
        worker()
        now = {m["currency"]: m["amount"] for m in balance(api, customer)["available"]}
        return now == {**before, currency: before.get(currency, 0) + amount}

    wait_for(credited)
    return response


def test_a_top_up_through_the_sandbox_credits_the_balance(
    api, pk_api, client, other_merchant, catalog, sandbox, worker
):
    from tests.conftest import Api

    assert balance(api) == {
        "object": "customer_balance",
        "customer": CUSTOMER,
        "livemode": False,
        "available": [],
        "frozen": [],
    }
    # A web page tops up through the checkout session the merchant's server opened for this customer.
    session = api.post("/checkout_sessions", json={"product": catalog["product"], "customer": {"id": CUSTOMER}}).json
    created = pk_api.post(
        f"/customers/{CUSTOMER}/topups",
        json={
            "amount": 5000,
            "currency": "usd",
            "channel": "sandbox_card",
            "checkout_session": session["client_secret"],
        },
    )
    assert created.status_code == 201, created.json
    topup, payment = created.json["topup"], created.json["payment"]
    assert topup["status"] == "pending" and topup["amount"] == {"amount": 5000, "currency": "usd"}
    assert payment["channel"] == "sandbox_card" and payment["next_action"]["type"] == "redirect"

    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{topup['id']}").json["status"] == "paid")
    worker()  # the outbox: order.paid credits the wallet
    wait_for(lambda: worker() is not None and api.get(f"/orders/{topup['id']}").json["status"] == "completed")

    order = api.get(f"/orders/{topup['id']}").json
    assert order["kind"] == "topup" and order["items"] == []
    assert [t["status"] for t in order["timeline"]] == ["created", "paying", "paid", "fulfilled", "completed"]
    assert balance(api)["available"] == [{"amount": 5000, "currency": "usd"}]
    assert balance(api)["frozen"] == [{"amount": 0, "currency": "usd"}]
    worker()  # running the outbox again credits nothing more
    assert balance(api)["available"] == [{"amount": 5000, "currency": "usd"}]
    # The same customer id at another merchant is another wallet.
    assert balance(Api(client, other_merchant.secret_key))["available"] == []


def test_pay_an_order_from_the_wallet(api, catalog, sandbox, worker):
    top_up(api, sandbox, worker, 5000)
    order = create_order(api, catalog["sku"], 2)  # 2 × $9.99
    assert "wallet" in [c["code"] for c in order["available_channels"]]

    response = api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"})
    assert response.status_code == 200, response.json
    payment = response.json["payment"]
    assert payment["status"] == "succeeded" and payment["next_action"] == {"type": "none"}

    paid = api.get(f"/orders/{order['id']}").json
    assert paid["status"] == "paid"
    assert [t["status"] for t in paid["timeline"]] == ["created", "paying", "paid"]
    worker()
    assert balance(api)["available"] == [{"amount": 5000 - 1998, "currency": "usd"}]
    assert balance(api)["frozen"] == [{"amount": 0, "currency": "usd"}]
    # Paying again is refused by the order, and takes nothing more.
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"})
    assert again.status_code == 409
    assert balance(api)["available"] == [{"amount": 3002, "currency": "usd"}]


def test_an_insufficient_balance_fails_cleanly_and_the_order_stays_payable(api, catalog, sandbox, worker):
    top_up(api, sandbox, worker, 1000)
    order = create_order(api, catalog["sku"], 2)  # $19.98 > $10.00
    assert "wallet" not in [c["code"] for c in order["available_channels"]]

    response = api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"})
    assert response.status_code == 422
    assert response.json["error"]["code"] == "insufficient_balance"
    assert "$10.00" in response.json["error"]["message"]
    worker()
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "created"
    assert after["payments"][0]["status"] == "failed"
    assert balance(api)["available"] == [{"amount": 1000, "currency": "usd"}]
    assert balance(api)["frozen"] == [{"amount": 0, "currency": "usd"}]

    # The shopper can still pay the same order another way.
    card = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert card.status_code == 200


def test_top_up_input_is_checked_before_anything_is_written(api, pk_api, catalog):
    for body, param in [
        ({"amount": 10.5, "currency": "usd", "channel": "sandbox_card"}, "amount"),
        ({"amount": 0, "currency": "usd", "channel": "sandbox_card"}, "amount"),
        ({"amount": 100, "currency": "dollars", "channel": "sandbox_card"}, "currency"),
        ({"amount": 100, "currency": "usd", "channel": "wallet"}, "channel"),
        ({"amount": 100, "currency": "usd"}, "channel"),
    ]:
        response = api.post(f"/customers/{CUSTOMER}/topups", json=body)
        assert response.status_code == 400, body
        assert response.json["error"]["param"] == param
    assert api.get("/orders").json["data"] == []
    assert pk_api.get(f"/customers/{CUSTOMER}/balance").status_code == 403


def test_a_wallet_payment_is_refunded_back_to_the_wallet(api, catalog, sandbox, worker):
    top_up(api, sandbox, worker, 3000)
    order = create_order(api, catalog["sku"], 2)  # $19.98
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).status_code == 200
    assert balance(api)["available"] == [{"amount": 1002, "currency": "usd"}]

    partial = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500}, headers={"Idempotency-Key": "r1"})
    assert partial.status_code == 201 and partial.json["refund"]["status"] == "succeeded"
    again = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500}, headers={"Idempotency-Key": "r1"})
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert balance(api)["available"] == [{"amount": 1502, "currency": "usd"}]

    rest = api.post(f"/orders/{order['id']}/refunds")
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == 1498
    final = api.get(f"/orders/{order['id']}").json
    assert final["status"] == "refunded" and final["refunded_amount"] == 1998
    assert balance(api)["available"] == [{"amount": 3000, "currency": "usd"}]
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 1}).status_code == 409
