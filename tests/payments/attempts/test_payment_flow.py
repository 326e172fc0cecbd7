"""Order → pay → sandbox provider (real HTTP, its own app and database) → callback or poll → paid.

Kassa runs as a live server so the sandbox's signed callbacks reach it over HTTP; jobs run on a
real RQ worker in burst mode against real Redis.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import requests

from tests.conftest import wait_for


def create_order(api, sku: str, quantity: int = 1) -> dict:
    response = api.post(
        "/orders",
        json={
            "items": [{"sku": sku, "quantity": quantity}],
            "customer": {"id": "cus_flow"},
            "agreement_accepted": True,
        },
    )
    assert response.status_code == 201, response.json
    return response.json


def pay(api, order_id: str) -> dict:
    response = api.post(f"/orders/{order_id}/pay", json={"channel": "sandbox_card"})
    assert response.status_code == 200, response.json
    return response.json["payment"]


def status_of(api, order_id: str) -> str:
    return api.get(f"/orders/{order_id}").json["status"]


def events_of(app, type_: str) -> list:
    from app.extensions import db
    from app.platform.outbox.events import Event

    with app.app_context():
        return list(db.session.query(Event).filter_by(type=type_))


def test_order_paid_through_the_sandbox_callback(app, api, catalog, sandbox):
    order = create_order(api, catalog["sku"], 2)
    payment = pay(api, order["id"])
    assert payment["status"] == "pending"
    assert payment["next_action"]["type"] == "redirect"
    assert payment["next_action"]["url"] == f"{sandbox.url}/sandbox/pay/{payment['provider_reference']}"
    assert status_of(api, order["id"]) == "paying"

    # The provider's hosted page shows the amount the shopper is about to pay.
    page = requests.get(payment["next_action"]["url"], timeout=5)
    assert page.status_code == 200 and "19.98" in page.text

    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    paid = api.get(f"/orders/{order['id']}").json
    assert [t["status"] for t in paid["timeline"]] == ["created", "paying", "paid"]
    assert paid["payments"][0]["status"] == "succeeded"
    assert paid["payments"][0]["amount"] == 1998
    assert len(events_of(app, "order.paid")) == 1


def test_a_payment_whose_callback_never_comes_is_asked_about_once_it_is_due(
    app, api, catalog, sandbox, worker, monkeypatch
):
    """POLL_AFTER_SECONDS after a payment started without news, the poller's sweep asks the provider about it,
    not before; asked and still pending, it is due again as long after. No job waits in Redis per payment."""
    from datetime import timedelta

    from rq import Queue
    from rq.job import Job

    from app.extensions import redis_client
    from app.payments.attempts.polling import poll_stale_attempts
    from app.platform.db.types import utcnow

    monkeypatch.setitem(app.config, "POLL_AFTER_SECONDS", 20)
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    started = utcnow()
    with app.app_context():
        queue = Queue(app.config["RQ_QUEUE"], connection=redis_client())
        waiting = [
            Job.fetch(job_id, connection=redis_client()).func_name
            for job_id in queue.scheduled_job_registry.get_job_ids() + queue.get_job_ids()
        ]
        assert "app.jobs.refresh_payment_attempt" not in waiting
        assert poll_stale_attempts() == 0  # too early: the callback may still come
        assert poll_stale_attempts(now=started + timedelta(seconds=21)) == 1  # asked: still pending at the provider
        asked = utcnow()
        assert poll_stale_attempts(now=asked + timedelta(seconds=19)) == 0  # due again 20 s after it was asked
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    with app.app_context():
        assert poll_stale_attempts(now=utcnow() + timedelta(seconds=21)) == 1
    assert status_of(api, order["id"]) == "paid"


def test_a_dropped_callback_is_found_by_the_polling_job(app, api, catalog, sandbox, worker):
    from app.platform.queueing import PAYMENTS, enqueue

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    time.sleep(0.5)
    assert status_of(api, order["id"]) == "paying"  # the callback never came

    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)
    worker()
    # The same worker run then fulfils the paid order (an outbox handler of order.paid).
    timeline = api.get(f"/orders/{order['id']}").json["timeline"]
    assert [t["status"] for t in timeline] == ["created", "paying", "paid", "fulfilled"]
    assert timeline[2]["reason"].startswith("captured by sandbox_card")


def test_duplicate_callbacks_capture_once(app, api, catalog, sandbox, worker):
    from app.platform.queueing import PAYMENTS, enqueue

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="duplicate")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    time.sleep(0.5)  # let the second delivery land too
    with app.app_context():  # and a poll on top of both callbacks
        enqueue("app.jobs.refresh_payment_attempt", payment["id"], lane=PAYMENTS)
    worker()
    final = api.get(f"/orders/{order['id']}").json
    assert [t["status"] for t in final["timeline"]].count("paid") == 1
    assert len(events_of(app, "payment.succeeded")) == 1
    assert len(events_of(app, "order.paid")) == 1
    assert [p["status"] for p in final["payments"]] == ["succeeded"]


def _sign(secret: str, body: bytes, t: int | None = None) -> str:
    import hashlib
    import hmac

    t = int(time.time()) if t is None else t
    return f"t={t},v1=" + hmac.new(secret.encode(), f"{t}.".encode() + body, hashlib.sha256).hexdigest()


def test_forged_callbacks_are_refused_and_change_nothing(app, api, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    body = json.dumps(
        {
            "id": "evt_forged",
            "type": "payment.succeeded",
            "created": int(time.time()),
            "data": {
                "id": payment["provider_reference"],
                "status": "succeeded",
                "amount": 999,
                "currency": "usd",
                "reference": payment["id"],
            },
        }
    ).encode()
    url = f"{live_server}/hooks/channels/sandbox_card"
    forgeries = [
        {},  # unsigned
        {"Sandbox-Signature": _sign("not-the-secret", body)},  # wrong key
        {"Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body, t=int(time.time()) - 3600)},  # replay
        {"Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body + b" ")},  # tampered
        {"Sandbox-Signature": "t=\u00b2,v1=" + "0" * 64},  # a time of '²' (a digit to str.isdigit): was a 500
    ]
    for headers in forgeries:
        response = requests.post(url, data=body, headers={"Content-Type": "application/json", **headers}, timeout=5)
        assert response.status_code == 400, headers
        assert response.json()["error"]["code"] == "callback_rejected"
    assert status_of(api, order["id"]) == "paying"
    assert api.get(f"/orders/{order['id']}").json["payments"][0]["status"] == "pending"

    # The same body correctly signed is accepted: the refusals above were about the signature.
    good = requests.post(
        url,
        data=body,
        timeout=5,
        headers={
            "Content-Type": "application/json",
            "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body),
        },
    )
    assert good.status_code == 200
    assert status_of(api, order["id"]) == "paid"


def test_a_declined_payment_reopens_the_order_for_another_try(api, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    first = pay(api, order["id"])
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert again.status_code == 409 and again.json["error"]["code"] == "payment_in_progress"

    sandbox.simulate(first["provider_reference"], "failed")
    wait_for(lambda: status_of(api, order["id"]) == "created")
    reopened = api.get(f"/orders/{order['id']}").json
    assert reopened["payments"][0]["status"] == "failed"
    assert "declined" in reopened["timeline"][-1]["reason"]

    second = pay(api, order["id"])
    assert second["id"] != first["id"]
    sandbox.simulate(second["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")


def test_an_unreachable_provider_is_a_502_and_the_order_stays_payable(app, api, catalog, monkeypatch):
    from tests.conftest import free_port

    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
    order = create_order(api, catalog["sku"])
    response = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert response.status_code == 502
    assert response.json["error"]["type"] == "channel_error"
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "created"
    assert after["payments"][0]["status"] == "failed"


def test_expired_orders_are_closed_by_the_job_and_release_stock(app, api, catalog, worker):
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order
    from app.platform.db.types import utcnow
    from app.platform.queueing import PAYMENTS, enqueue

    stale = create_order(api, catalog["limited_sku"], 2)
    fresh = create_order(api, catalog["sku"])
    with app.app_context():
        db.session.execute(
            update(Order).where(Order.id == stale["id"]).values(expires_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        enqueue("app.jobs.close_expired_orders", lane=PAYMENTS)
    worker()
    closed = api.get(f"/orders/{stale['id']}").json
    assert closed["status"] == "closed" and closed["timeline"][-1]["reason"] == "expired"
    assert status_of(api, fresh["id"]) == "created"
    stock = {s["id"]: s["stock"] for s in api.get(f"/products/{catalog['product']}").json["skus"]}
    assert stock["sku_test_limited"] == 3
    # An expired order can no longer be paid.
    assert api.post(f"/orders/{stale['id']}/pay", json={"channel": "sandbox_card"}).status_code == 409


def test_cancelling_a_paying_order_abandons_its_payment_and_a_late_capture_is_caught(app, api, catalog, sandbox):
    order = create_order(api, catalog["limited_sku"], 1)
    payment = pay(api, order["id"])
    cancelled = api.post(f"/orders/{order['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json["status"] == "closed"
    assert cancelled.json["payments"][0]["status"] == "canceled"
    assert cancelled.json["timeline"][-1]["reason"] == "payment canceled: the order was canceled"
    stock = {s["id"]: s["stock"] for s in api.get(f"/products/{catalog['product']}").json["skus"]}
    assert stock["sku_test_limited"] == 3

    # The shopper approves on the provider's page anyway: the capture is recorded, the order stays closed.
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: events_of(app, "payment.captured_on_inactive_order"))
    assert status_of(api, order["id"]) == "closed"


def test_a_paid_order_cannot_be_cancelled(api, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    response = api.post(f"/orders/{order['id']}/cancel")
    assert response.status_code == 409 and response.json["error"]["code"] == "order_state_invalid"
