"""An order that costs nothing (a 100 % coupon, a coupon worth more than the basket) is completed without a
payment: ``POST /orders/{id}/pay`` needs no channel and answers ``payment: null``, the order goes ``created`` →
``paid`` once, is fulfilled like any paid order, books nothing and cannot be refunded."""

from __future__ import annotations

import threading

import pytest

from tests.catalog.test_coupons_api import coupons, redeemed  # noqa: F401  (coupons is a fixture)
from tests.orders.test_orders_api import order_body
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def journal(app) -> tuple[int, int]:
    """How many journal entries and postings the books hold."""
    from sqlalchemy import func, select

    from app.extensions import db
    from app.ledger.models import JournalEntry, Posting

    with app.app_context():
        return (
            db.session.scalar(select(func.count()).select_from(JournalEntry)),
            db.session.scalar(select(func.count()).select_from(Posting)),
        )


@pytest.fixture
def free_order(api, catalog, coupons):  # noqa: F811
    """An order of two units made free by a 100 % coupon, created over the API."""
    coupon = coupons(code="ONUS", kind="percent_off", percent_bps=10000, description="On us")
    created = api.post("/orders", json=order_body(catalog["sku"], 2, coupon="onus"))
    assert created.status_code == 201, created.json
    assert created.json["amount"] == {"subtotal": 1998, "discount": 1998, "total": 0, "currency": "usd"}
    return {**created.json, "coupon_id": coupon}


def test_an_order_of_nothing_is_paid_without_a_channel_once_and_fulfilled(app, api, spec, free_order, worker):
    assert free_order["available_channels"] == []  # nothing to choose: no channel takes a payment of nothing
    booked = journal(app)
    paid = api.post(f"/orders/{free_order['id']}/pay", json={})
    check(spec, "post", "/orders/{id}/pay", paid)
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"] is None and paid.json["next_action"] == {"type": "none"}
    assert paid.json["order"]["status"] == "paid" and paid.json["order"]["payments"] == []
    moves = [(t["status"], t["reason"]) for t in paid.json["order"]["timeline"]]
    assert [status for status, _ in moves] == ["created", "paid"]  # one move, no "paying" for a payment never made
    assert "total is 0" in moves[1][1]

    again = api.post(f"/orders/{free_order['id']}/pay", json={"channel": "sandbox_card"})  # a second click
    assert again.status_code == 200 and again.json["payment"] is None
    assert [t["status"] for t in again.json["order"]["timeline"]] == ["created", "paid"]

    worker()
    order = api.get(f"/orders/{free_order['id']}").json
    assert order["status"] == "fulfilled" and order["payments"] == []
    kinds = [e["type"] for e in api.get("/events?limit=100").json["data"]]
    assert kinds.count("order.paid") == 1 and kinds.count("order.fulfilled") == 1
    assert not [k for k in kinds if k.startswith("payment.")]
    assert redeemed(app, free_order["coupon_id"]) == 1

    confirmed = api.post(f"/orders/{free_order['id']}/confirm")
    assert confirmed.status_code == 200 and confirmed.json["status"] == "completed", confirmed.json
    worker()  # clearing of the completed order: of nothing, so nothing is booked
    assert journal(app) == booked
    with app.app_context():
        from app.payments.integrity import run_check

        assert run_check().ok

    refund = api.post(f"/orders/{free_order['id']}/refunds", json={})
    assert refund.status_code == 422 and refund.json["error"]["code"] == "nothing_to_refund", refund.json
    assert "nothing to refund" in refund.json["error"]["message"]
    partial = api.post(f"/orders/{free_order['id']}/refunds", json={"amount": 1})
    assert partial.status_code == 422 and partial.json["error"]["code"] == "nothing_to_refund"
    asked = api.post(f"/orders/{free_order['id']}/refund_requests", json={"reason": "changed my mind"})
    assert asked.status_code == 422 and asked.json["error"]["code"] == "nothing_to_refund", asked.json


def test_a_coupon_worth_more_than_the_basket_makes_an_order_the_shopper_pays_with_a_publishable_key(
    api, pk_api, catalog, coupons
):  # noqa: F811
    coupons(code="BIGGIFT", kind="amount_off", amount_off=5000, currency="usd")
    created = pk_api.post("/orders", json=order_body(catalog["sku"], 1, coupon="BIGGIFT"))
    assert created.status_code == 201 and created.json["amount"]["total"] == 0, created.json
    # An SDK that always names a channel still completes it: the channel is not used.
    paid = pk_api.post(
        f"/orders/{created.json['id']}/pay",
        json={"channel": "sandbox_card", "client_secret": created.json["client_secret"]},
    )
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"] is None and paid.json["order"]["status"] == "paid"
    assert api.get(f"/orders/{created.json['id']}").json["payments"] == []


def test_a_free_order_is_still_assessed_and_a_block_leaves_it_unpaid(api, free_order):
    listed = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_1", "action": "block"})
    assert listed.status_code == 201, listed.json
    refused = api.post(f"/orders/{free_order['id']}/pay", json={})
    assert refused.status_code == 402 and refused.json["error"]["code"] == "risk_blocked", refused.json
    assert api.get(f"/orders/{free_order['id']}").json["status"] == "created"


def test_a_retried_pay_with_its_idempotency_key_gets_the_same_answer(api, free_order):
    first = api.post(f"/orders/{free_order['id']}/pay", json={}, headers={"Idempotency-Key": "free-1"})
    replayed = api.post(f"/orders/{free_order['id']}/pay", json={}, headers={"Idempotency-Key": "free-1"})
    assert first.status_code == replayed.status_code == 200
    assert replayed.headers["Idempotent-Replayed"] == "true" and replayed.json == first.json


def test_concurrent_clicks_pay_an_order_of_nothing_once(app, client, merchant, free_order, worker):
    answers: list[int] = []
    start = threading.Barrier(4)

    def click() -> None:
        start.wait()
        answers.append(
            client.post(
                f"/api/v1/orders/{free_order['id']}/pay",
                json={},
                headers={"Authorization": f"Bearer {merchant.secret_key}"},
            ).status_code
        )

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert set(answers) <= {200, 409, 503} and 200 in answers, answers  # a busy lock answers "retry"
    worker()
    from sqlalchemy import select

    from app.extensions import db
    from app.orders.models import OrderTimelineEntry

    with app.app_context():
        moves = list(
            db.session.scalars(select(OrderTimelineEntry.status).where(OrderTimelineEntry.order_id == free_order["id"]))
        )
    assert moves.count("paid") == 1


def test_a_checkout_sessions_order_of_nothing_completes_the_session_without_touching_the_wallet(
    api, pk_api, sandbox, worker, catalog, coupons
):  # noqa: F811
    from tests.checkout_sessions.test_checkout_sessions import available, session_for
    from tests.ledger.wallet.test_wallet import top_up

    top_up(api, sandbox, worker, 2000, customer="cus_rich")
    coupons(code="ONUS", kind="percent_off", percent_bps=10000)
    session = session_for(api, catalog)
    first, second = (
        pk_api.post(
            "/orders", json={"checkout_session": session["client_secret"], "coupon": "ONUS", "agreement_accepted": True}
        ).json
        for _ in range(2)
    )
    assert first["amount"]["total"] == 0 and first["available_channels"] == []  # not even the wallet
    # The wallet named for it is not used: nothing is frozen or taken from the customer's balance.
    paid = pk_api.post(
        f"/orders/{first['id']}/pay", json={"channel": "wallet", "client_secret": first["client_secret"]}
    )
    assert paid.status_code == 200 and paid.json["payment"] is None, paid.json
    assert available(api) == [{"amount": 2000, "currency": "usd"}]
    # The session is one purchase: a second free order of it is refused, and closed.
    other = pk_api.post(f"/orders/{second['id']}/pay", json={"client_secret": second["client_secret"]})
    assert other.status_code == 409 and other.json["error"]["code"] == "checkout_session_complete", other.json
    assert api.get(f"/orders/{second['id']}").json["status"] == "closed"
    worker()  # order.paid completes the session
    done = api.get(f"/checkout_sessions/{session['id']}").json
    assert done["status"] == "complete" and done["order"] == first["id"]
