"""Fulfilment reported back (issue #56): a merchant's fulfilment webhook answering 202 Accepted takes the order to
deliver later; its system reports the outcome with POST /orders/{id}/fulfilment (succeeded fulfils, failed refunds),
and a report that does not come in its window is chased: the webhook is sent again, then Kassa gives up and refunds.
Real worker, real sandbox payments, a real local webhook receiver."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.payments.attempts.test_payment_flow import status_of
from tests.support.lifecycle import ReceiverServer, paid_order, set_fulfilment


@pytest.fixture
def receiver():
    server = ReceiverServer(status=202)
    yield server.receiver
    server.stop()


def _report(api, order_id: str, status: str, **extra):
    return api.post(f"/orders/{order_id}/fulfilment", json={"status": status, **extra})


def _taken_for_later(app, api, sandbox, worker, catalog, receiver) -> dict:
    set_fulfilment(app, catalog["sku"], {"webhook_url": receiver.url, "credits": 40})
    order = paid_order(api, sandbox, catalog["sku"])
    worker()  # order.paid → the webhook, which answers 202
    assert len(receiver.received) == 1
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "paid"  # not fulfilled until the merchant says so
    assert any("to be reported by" in entry["reason"] for entry in after["timeline"])
    return after


def _chase(app, *, after: timedelta) -> int:
    from app.orders.fulfilment_reports import chase_unreported_fulfilments
    from app.platform.db.types import utcnow

    with app.app_context():
        return chase_unreported_fulfilments(now=utcnow() + after)


def test_a_fulfilment_taken_for_later_is_fulfilled_when_the_merchant_reports_it_delivered(
    app, api, catalog, sandbox, worker, receiver
):
    order = _taken_for_later(app, api, sandbox, worker, catalog, receiver)
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 0

    reported = _report(api, order["id"], "succeeded")
    assert reported.status_code == 200, reported.json
    assert reported.json["status"] == "fulfilled"
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 40  # granted once, on the report

    again = _report(api, order["id"], "succeeded")  # the merchant's retry
    assert (again.status_code, again.json["status"]) == (200, "fulfilled")
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 40
    contradicted = _report(api, order["id"], "failed", reason="changed our mind")
    assert contradicted.status_code == 409
    assert contradicted.json["error"]["code"] == "fulfilment_already_reported"
    assert _chase(app, after=timedelta(days=30)) == 0  # nothing waits any more
    assert len(receiver.received) == 1


def test_a_fulfilment_reported_failed_is_refunded_with_the_merchants_reason(
    app, api, catalog, sandbox, worker, receiver
):
    order = _taken_for_later(app, api, sandbox, worker, catalog, receiver)
    reported = _report(api, order["id"], "failed", reason="out of license keys")
    assert reported.status_code == 200, reported.json
    worker()  # order.fulfilment_failed → the compensation refund

    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", order["amount"]["total"])
    [refund] = after["refunds"]
    assert "out of license keys" in refund["reason"]
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 0
    late = _report(api, order["id"], "succeeded")
    assert late.status_code == 409 and late.json["error"]["code"] == "fulfilment_already_reported"


def test_a_report_that_does_not_come_is_chased_by_sending_the_webhook_again(
    app, api, catalog, sandbox, worker, receiver
):
    order = _taken_for_later(app, api, sandbox, worker, catalog, receiver)
    assert _chase(app, after=timedelta(hours=1)) == 0  # within the window (a day by default)

    receiver.status = 200  # this time the merchant's system delivers at once
    assert _chase(app, after=timedelta(days=1, minutes=1)) == 1
    assert len(receiver.received) == 2
    assert status_of(api, order["id"]) == "fulfilled"
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 40


def test_a_merchant_that_never_reports_is_given_up_on_and_the_shopper_refunded(
    app, api, catalog, sandbox, worker, receiver, monkeypatch
):
    monkeypatch.setitem(app.config, "FULFILMENT_MAX_ATTEMPTS", 2)
    order = _taken_for_later(app, api, sandbox, worker, catalog, receiver)
    assert _chase(app, after=timedelta(days=1, minutes=1)) == 1  # sent again; 202 again: a new window
    assert len(receiver.received) == 2 and status_of(api, order["id"]) == "paid"
    assert _chase(app, after=timedelta(days=2, minutes=2)) == 1  # the second window passes: Kassa gives up
    assert len(receiver.received) == 2
    worker()

    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", order["amount"]["total"])
    assert "did not report the fulfilment" in after["refunds"][0]["reason"]


def test_reports_that_cannot_apply_say_what_to_fix(app, api, catalog, sandbox, worker, receiver):
    from tests.payments.attempts.test_payment_flow import create_order

    unpaid = create_order(api, catalog["sku"], 1)
    refused = _report(api, unpaid["id"], "succeeded")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "order_state_invalid"
    assert "created" in refused.json["error"]["message"]

    wrong = _report(api, unpaid["id"], "delivered")
    assert wrong.status_code == 400 and wrong.json["error"]["param"] == "status"
    assert api.post(f"/orders/{unpaid['id']}/fulfilment", json={}).status_code == 400
    assert _report(api, "ord_doesnotexist", "succeeded").status_code == 404
