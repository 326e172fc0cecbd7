"""Shopper refund requests scored for abuse (malicious-refund detection): a first honest request is refunded
at once; a serial refunder, a refund after the credits were spent, and one device asking for many customers
are held or denied, each with the reason the merchant reads. The shopper's browser is told what was decided, never
the score or the reasons: they would tell it the merchant's cut-offs and which signal to change."""

from __future__ import annotations

from sqlalchemy import update

from tests.conftest import Api, wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of


def paid(api, sandbox, sku: str, customer: str) -> dict:
    order = api.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": customer}, "agreement_accepted": True},
    ).json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
    return order


def held_for(app, request_id: str) -> tuple[int, list[str]]:
    """The score and reasons Kassa recorded for a request (the merchant's portal shows them while it is held)."""
    from app.extensions import db
    from app.risk.models import RefundRequest

    with app.app_context():
        held = db.session.get(RefundRequest, request_id)
        return held.score, list(held.reasons)


def ask(client, merchant, order: dict, *, device: str = "dev_honest", address: str = "203.0.113.1"):
    return client.post(
        f"/api/v1/orders/{order['id']}/refund_requests",
        json={"reason": "not what I expected", "client_secret": order["client_secret"]},
        headers={"Authorization": f"Bearer {merchant.publishable_key}", "Kassa-Device-Id": device},
        environ_base={"REMOTE_ADDR": address},
    )


def test_a_first_honest_request_is_refunded_at_once_from_the_shoppers_browser(client, merchant, api, catalog, sandbox):
    order = paid(api, sandbox, catalog["sku"], "cus_honest")
    answer = ask(client, merchant, order)
    assert answer.status_code == 201, answer.json
    request = answer.json["refund_request"]
    assert (request["status"], request["score"], request["reasons"]) == ("approved", None, [])
    assert request["refund"]
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    # Without the client secret a browser cannot ask for someone else's order.
    stranger = client.post(
        f"/api/v1/orders/{order['id']}/refund_requests",
        json={"reason": "mine"},
        headers={"Authorization": f"Bearer {merchant.publishable_key}"},
    )
    assert stranger.status_code == 404


def test_a_serial_refunder_is_held_for_review(app, client, merchant, api, catalog, sandbox):
    from tests.support.portal import Portal

    for _ in range(3):
        earlier = paid(api, sandbox, catalog["sku"], "cus_serial")
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    order = paid(api, sandbox, catalog["sku"], "cus_serial")
    request = ask(client, merchant, order).json["refund_request"]
    assert request["status"] == "review" and request["refund"] is None
    assert (request["score"], request["reasons"]) == (None, [])  # the shopper is told it waits, not why
    assert status_of(api, order["id"]) in ("paid", "fulfilled")  # no money moved
    owner = Portal(app.test_client())
    owner.sign_in(merchant.email, merchant.password)
    assert "the customer already had 3 of 4 paid orders refunded" in owner.text("/portal/risk")
    # The merchant's server asking for its customer is answered with the score and why.
    again = api.post(f"/orders/{order['id']}/refund_requests", json={"reason": "asked by phone"}).json
    assert again["refund_request"]["score"] == 40
    assert "the customer already had 3 of 4 paid orders refunded" in again["refund_request"]["reasons"]


def test_credits_already_spent_and_one_device_for_many_customers_are_denied(
    app, client, merchant, api, sandbox, catalog, worker
):
    from app.extensions import db
    from app.orders.fulfilment_models import Entitlement

    api.post(
        "/risk/rules",
        json={"kind": "refund_abuse", "params": {"approve_below": 30, "deny_from": 60}, "action": "review"},
    )
    coins = api.post(
        "/products",
        json={
            "name": "Coins",
            "skus": [
                {"name": "100 coins", "price": {"amount": 499, "currency": "usd"}, "fulfilment": {"credits": 100}}
            ],
        },
    ).json["skus"][0]["id"]
    for i in range(3):  # the same phone asks refunds for three customers
        order = paid(api, sandbox, coins, f"cus_ring_{i}")
        wait_for(lambda: worker() is not None and status_of(api, order["id"]) == "fulfilled")
        last = ask(client, merchant, order, device="dev_ring", address=f"198.51.100.{i + 1}").json["refund_request"]
    assert last["status"] == "review" and last["reasons"] == []
    assert "the same device asked refunds for 2 other customers in 30 days" in held_for(app, last["id"])[1]

    spender = paid(api, sandbox, coins, "cus_spender")
    wait_for(lambda: worker() is not None and status_of(api, spender["id"]) == "fulfilled")
    with app.app_context():  # the customer spends 80 of the 100 credits in the merchant's game
        db.session.execute(
            update(Entitlement)
            .where(Entitlement.customer_id == "cus_spender", Entitlement.kind == "credits")
            .values(credits=20)
        )
        db.session.commit()
    denied = ask(client, merchant, spender, device="dev_ring", address="198.51.100.50").json["refund_request"]
    assert denied["status"] == "denied" and denied["refund"] is None
    assert "80 of the 100 credits bought were already spent" in held_for(app, denied["id"])[1]
    assert status_of(api, spender["id"]) == "fulfilled"
    assert Api(client, merchant.secret_key).get(f"/orders/{spender['id']}").json["refunded_amount"] == 0


def test_a_merchants_own_refund_is_made_and_carries_the_customers_abuse_score(app, merchant, api, catalog, sandbox):
    from tests.support.portal import Portal

    first = paid(api, sandbox, catalog["sku"], "cus_habit")
    made = api.post(f"/orders/{first['id']}/refunds", json={}).json["refund"]
    assert made["risk"] == {"score": 0, "reasons": []}
    for _ in range(2):
        earlier = paid(api, sandbox, catalog["sku"], "cus_habit")
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    order = paid(api, sandbox, catalog["sku"], "cus_habit")
    refund = api.post(f"/orders/{order['id']}/refunds", json={}).json["refund"]
    # Scored like a shopper's request, never refused: the merchant decides, and the order keeps why.
    assert refund["status"] == "succeeded" and refund["risk"]["score"] >= 40
    assert "the customer already had 3 of 4 paid orders refunded" in refund["risk"]["reasons"]
    assert api.get(f"/orders/{order['id']}").json["refunds"][0]["risk"] == refund["risk"]
    owner = Portal(app.test_client())
    owner.sign_in(merchant.email, merchant.password)
    assert "Refund-abuse score" in owner.text(f"/portal/orders/{order['id']}")


def test_a_shopper_refunded_at_once_does_not_keep_the_credits_they_bought(app, client, merchant, api, sandbox, worker):
    """Unspent credits score 0, so the request is refunded at once: the coins must go back with the money, or
    every fresh customer id from a browser got its coins for nothing."""
    coins = api.post(
        "/products",
        json={
            "name": "Coins",
            "skus": [
                {"name": "1000 coins", "price": {"amount": 4999, "currency": "usd"}, "fulfilment": {"credits": 1000}}
            ],
        },
    ).json["skus"][0]["id"]
    order = paid(api, sandbox, coins, "cus_freeloader")
    wait_for(lambda: worker() is not None and status_of(api, order["id"]) == "fulfilled")
    assert api.get("/customers/cus_freeloader/entitlements").json["credits"] == 1000

    request = ask(client, merchant, order).json["refund_request"]
    assert (request["status"], held_for(app, request["id"])[0]) == ("approved", 0)
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    assert api.get(f"/orders/{order['id']}").json["refunded_amount"] == 4999
    worker()  # the outbox handles order.refunded
    held = api.get("/customers/cus_freeloader/entitlements").json
    assert held["credits"] == 0
    assert held["grants"][0]["taken_back"]["credits"] == 1000


def test_refunds_in_test_mode_never_count_against_a_live_shopper(app, client, merchant, api, catalog, sandbox):
    """A developer's test runs refund a real customer id again and again: the live shopper asking a first refund is
    not a serial refunder (the score counts the mode's own orders and requests only)."""
    from tests.web.api.test_livemode import CUSTOMER, credit, live_key, order_body

    for _ in range(3):
        earlier = paid(api, sandbox, catalog["sku"], CUSTOMER)
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    for device in ("dev_a", "dev_b"):
        ask(client, merchant, paid(api, sandbox, catalog["sku"], CUSTOMER), device=device)
    live = live_key(app, client, merchant, "secret")
    credit(app, merchant.id, True, 999)
    order = live.post("/orders", json=order_body(catalog["sku"])).json
    assert live.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).status_code == 200
    wait_for(lambda: live.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled"))

    pk = live_key(app, client, merchant, "publishable")
    answer = client.post(
        f"/api/v1/orders/{order['id']}/refund_requests",
        json={"reason": "not what I expected", "client_secret": order["client_secret"]},
        headers={"Authorization": f"Bearer {pk.key}", "Kassa-Device-Id": "dev_live"},
    )
    assert answer.status_code == 201, answer.json
    assert (answer.json["refund_request"]["status"], answer.json["refund_request"]["reasons"]) == ("approved", [])
