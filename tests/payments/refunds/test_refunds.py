"""Refunds through the channel that captured: full, partial, refused then retried, idempotent, isolated.

Orders are paid through the sandbox provider over real HTTP; refunds go to its refunds API.
"""

from __future__ import annotations

import requests

from tests.conftest import Api
from tests.payments.attempts.test_payment_flow import create_order, events_of
from tests.support.lifecycle import paid_order


def refund(api, order_id: str, body: dict | None = None, **kw):
    return api.post(f"/orders/{order_id}/refunds", json=body if body is not None else {}, **kw)


def test_a_full_refund_ends_the_order_refunded(app, api, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])

    response = refund(api, order["id"], {"reason": "customer asked"})

    assert response.status_code == 201, response.json
    created = response.json["refund"]
    assert created["id"].startswith("re_")
    assert (created["amount"], created["currency"], created["status"], created["reason"]) == (
        999,
        "usd",
        "succeeded",
        "customer asked",
    )
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "refunded" and after["refunded_amount"] == 999
    assert [t["status"] for t in after["timeline"]] == ["created", "paying", "paid", "refunding", "refunded"]
    assert "customer asked" in after["timeline"][3]["reason"]
    assert after["timeline"][4]["reason"] == f"refunded $9.99 ({created['id']})"
    assert [r["id"] for r in after["refunds"]] == [created["id"]]
    assert [e.data["object"]["id"] for e in events_of(app, "refund.succeeded")] == [created["id"]]
    again = refund(api, order["id"])
    assert again.status_code == 409 and again.json["error"]["code"] == "order_state_invalid"


def test_partial_refunds_return_the_order_to_its_status_until_all_is_refunded(app, api, catalog, sandbox, worker):
    order = paid_order(api, sandbox, catalog["sku"], quantity=2)  # 19.98
    worker()  # fulfilled by the order.paid handler
    assert api.post(f"/orders/{order['id']}/confirm").json["status"] == "completed"

    assert refund(api, order["id"], {"amount": 500}).json["refund"]["status"] == "succeeded"
    first = api.get(f"/orders/{order['id']}").json
    assert (first["status"], first["refunded_amount"]) == ("completed", 500)
    assert first["timeline"][-1]["reason"].startswith("partially refunded $5.00")

    assert refund(api, order["id"], {"amount": 1000}).status_code == 201
    too_much = refund(api, order["id"], {"amount": 499})  # only 498 remain
    assert too_much.status_code == 422
    assert too_much.json["error"]["code"] == "amount_too_large" and too_much.json["error"]["param"] == "amount"
    unchanged = api.get(f"/orders/{order['id']}").json
    assert (unchanged["status"], unchanged["refunded_amount"], len(unchanged["refunds"])) == ("completed", 1500, 2)

    rest = refund(api, order["id"])  # no amount: all that remains
    assert rest.json["refund"]["amount"] == 498
    final = api.get(f"/orders/{order['id']}").json
    assert (final["status"], final["refunded_amount"]) == ("refunded", 1998)
    assert [r["amount"] for r in final["refunds"]] == [500, 1000, 498]


def test_bad_refund_input_is_a_clear_400_and_unpaid_orders_cannot_be_refunded(api, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    for amount in ("5", 0, -1, 1.5, True):
        response = refund(api, order["id"], {"amount": amount})
        assert response.status_code == 400, amount
        assert response.json["error"]["param"] == "amount"
    assert refund(api, order["id"], {"reason": 5}).json["error"]["param"] == "reason"
    unpaid = create_order(api, catalog["sku"])
    response = refund(api, unpaid["id"])
    assert response.status_code == 409 and response.json["error"]["code"] == "order_state_invalid"
    assert api.get(f"/orders/{order['id']}").json["refunds"] == []


def test_a_refund_the_provider_rejects_stays_visible_and_succeeds_on_retry(app, api, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    provider_payment = order["payments"][0]["provider_reference"]
    planned = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{provider_payment}/simulate_refund", json={"outcome": "failed"}, timeout=5
    )
    assert planned.status_code == 200

    response = refund(api, order["id"])
    assert response.status_code == 201
    failed = response.json["refund"]
    assert failed["status"] == "failed" and "rejected" in failed["failure_reason"]
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 0)
    assert after["refunds"][0]["status"] == "failed"
    assert "failed" in after["timeline"][-1]["reason"]
    assert len(events_of(app, "refund.failed")) == 1

    retried = api.post(f"/refunds/{failed['id']}/retry")
    assert retried.status_code == 200 and retried.json["refund"]["status"] == "succeeded"
    assert retried.json["refund"]["id"] == failed["id"]
    final = api.get(f"/orders/{order['id']}").json
    assert (final["status"], final["refunded_amount"]) == ("refunded", 999)
    again = api.post(f"/refunds/{failed['id']}/retry")
    assert again.status_code == 409 and again.json["error"]["code"] == "refund_state_invalid"


def test_a_refund_without_an_answer_stays_pending_blocks_a_second_and_is_resolved_once(
    app, api, catalog, sandbox, monkeypatch
):
    """Issue 8 item 3: no answer is an unknown outcome, never a failure that invites a second refund."""
    from app.payments.refunds.sweep import resume_pending_refunds
    from tests.conftest import free_port

    order = paid_order(api, sandbox, catalog["sku"])
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
    unknown = refund(api, order["id"], {"amount": 300}).json["refund"]
    assert unknown["status"] == "pending" and "outcome unknown" in unknown["failure_reason"]
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunding"
    second = refund(api, order["id"], {"amount": 300})
    assert second.status_code == 409 and second.json["error"]["code"] == "refund_in_progress"

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    with app.app_context():
        assert resume_pending_refunds(older_than_seconds=0) == 1
        assert resume_pending_refunds(older_than_seconds=0) == 0  # settled: nothing left to send
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 300)
    # Only one refund reached the provider: 699 remain refundable there and here.
    assert refund(api, order["id"]).json["refund"]["amount"] == 699
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"


def test_a_refund_answered_with_garbage_is_an_unknown_outcome_resolved_once_not_a_500(
    app, api, catalog, sandbox, monkeypatch
):
    """The provider refunded, but what came back is not JSON (a proxy's page): the merchant is told the outcome is
    unknown, no second refund can start, and the sweep settles it once the provider answers properly."""
    from app.payments.refunds.sweep import resume_pending_refunds
    from tests.support.faulty_provider import FaultyProvider

    order = paid_order(api, sandbox, catalog["sku"])
    with FaultyProvider(sandbox.url, "garbled") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        answer = refund(api, order["id"], {"amount": 300})
    assert answer.status_code == 201, answer.json
    unknown = answer.json["refund"]
    assert unknown["status"] == "pending" and "outcome unknown" in unknown["failure_reason"]
    assert "not JSON" in unknown["failure_reason"]
    assert refund(api, order["id"], {"amount": 300}).json["error"]["code"] == "refund_in_progress"

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    with app.app_context():
        assert resume_pending_refunds(older_than_seconds=0) == 1
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 300)
    assert [r["status"] for r in after["refunds"]] == ["succeeded"]
    assert refund(api, order["id"]).json["refund"]["amount"] == 699  # the provider refunded 300 once


def test_a_refund_post_with_an_idempotency_key_refunds_once(api, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    headers = {"Idempotency-Key": "refund-once-1"}
    first = refund(api, order["id"], {"amount": 100}, headers=headers)
    replay = refund(api, order["id"], {"amount": 100}, headers=headers)

    assert first.status_code == replay.status_code == 201
    assert replay.headers["Idempotent-Replayed"] == "true"
    assert replay.json == first.json
    after = api.get(f"/orders/{order['id']}").json
    assert (after["refunded_amount"], len(after["refunds"])) == (100, 1)
    reused = refund(api, order["id"], {"amount": 200}, headers=headers)
    assert reused.status_code == 409 and reused.json["error"]["code"] == "idempotency_key_reused"


def test_another_merchant_cannot_refund_retry_confirm_or_read_entitlements(
    client, api, pk_api, other_merchant, catalog, sandbox, monkeypatch, app
):
    order = paid_order(api, sandbox, catalog["sku"])
    provider_payment = order["payments"][0]["provider_reference"]
    requests.post(
        f"{sandbox.url}/sandbox/api/payments/{provider_payment}/simulate_refund", json={"outcome": "failed"}, timeout=5
    )
    failed = refund(api, order["id"], {"amount": 100}).json["refund"]
    rival = Api(client, other_merchant.secret_key)

    assert refund(rival, order["id"]).status_code == 404
    assert rival.post(f"/refunds/{failed['id']}/retry").status_code == 404
    assert rival.post(f"/orders/{order['id']}/confirm").status_code == 404
    assert refund(pk_api, order["id"]).status_code == 403
    assert pk_api.post(f"/refunds/{failed['id']}/retry").status_code == 403
    assert pk_api.get("/customers/cus_flow/entitlements").status_code == 403
    after = api.get(f"/orders/{order['id']}").json
    assert (after["refunded_amount"], [r["status"] for r in after["refunds"]]) == (0, ["failed"])


def test_a_refund_racing_the_workers_fulfilment_reads_the_order_again_instead_of_answering_409(
    app, api, catalog, sandbox, monkeypatch
):
    """The worker fulfils an order just paid (paid → fulfilled) while the merchant refunds it: the refund was
    decided on the order it read before, so it reads the order again rather than make the merchant retry."""
    import threading

    from app.orders.fulfilment import fulfil_order
    from app.payments.refunds import services as refunds

    order = paid_order(api, sandbox, catalog["sku"])
    assessed = refunds._abuse_assessment
    worker_ran: list[str] = []

    def fulfilled_meanwhile(read_order):
        if not worker_ran:  # between the refund's read of the order and its commit, as a worker would

            def work():
                with app.app_context():
                    worker_ran.append(fulfil_order(order["id"]))

            thread = threading.Thread(target=work)
            thread.start()
            thread.join(30)
        return assessed(read_order)

    monkeypatch.setattr(refunds, "_abuse_assessment", fulfilled_meanwhile)

    response = refund(api, order["id"], {"amount": 400})

    assert worker_ran == ["fulfilled"]
    assert response.status_code == 201, response.json
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("fulfilled", 400)
    assert [t["status"] for t in after["timeline"]] == [
        "created",
        "paying",
        "paid",
        "fulfilled",
        "refunding",
        "fulfilled",
    ]
    assert [r["amount"] for r in after["refunds"]] == [400]


def test_a_pending_refund_that_cannot_be_sent_waits_its_back_off_and_the_sweep_settles_the_others(
    app, api, catalog, sandbox, monkeypatch, caplog
):
    """The sweep sends the oldest pending refunds first. One whose sending broke (its channel no longer installed)
    stopped the sweep, and as it kept its place at the head of every later run, the refunds behind it were never
    settled: the shopper never got the money back."""
    import logging
    from datetime import timedelta

    from sqlalchemy import update

    from app import jobs
    from app.extensions import db
    from app.payments.channels import registry
    from app.payments.models import Refund
    from app.platform.db.types import utcnow
    from tests.conftest import free_port, wait_for
    from tests.payments.attempts.test_payment_flow import status_of
    from tests.payments.channels.test_qr_channel import pay_qr

    by_qr = create_order(api, catalog["sku"])
    sandbox.simulate(pay_qr(api, by_qr["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, by_qr["id"]) == "paid")
    by_card = paid_order(api, sandbox, catalog["sku"])
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")  # both outcomes unknown
    stuck, behind = (refund(api, o["id"], {"amount": 300}).json["refund"] for o in (by_qr, by_card))
    assert [stuck["status"], behind["status"]] == ["pending", "pending"]
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    monkeypatch.setitem(app.config, "REFUND_RESUME_AFTER_SECONDS", 0)

    installed = registry.channels()
    with monkeypatch.context() as uninstalled:  # the QR channel's package is removed from the installation
        uninstalled.setattr(registry, "channels", lambda: {c: s for c, s in installed.items() if c != "sandbox_qr"})
        with app.app_context(), caplog.at_level(logging.ERROR, logger="kassa.refunds"):
            assert jobs.resume_pending_refunds() == 2
    broken = [r.fields["refund_id"] for r in caplog.records if r.name == "kassa.refunds" and r.levelno >= logging.ERROR]
    assert broken == [stuck["id"]]  # logged once, by its id
    after = api.get(f"/orders/{by_card['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("paid", 300)
    with app.app_context():
        assert jobs.resume_pending_refunds() == 0  # the broken one waits its back-off
    assert api.get(f"/orders/{by_qr['id']}").json["refunds"][0]["status"] == "pending"

    with app.app_context():  # its back-off is over (the channel is back)
        db.session.execute(
            update(Refund).where(Refund.id == stuck["id"]).values(next_sweep_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()
        assert jobs.resume_pending_refunds() == 1
    settled = api.get(f"/orders/{by_qr['id']}").json
    assert (settled["status"], settled["refunded_amount"]) == ("paid", 300)
