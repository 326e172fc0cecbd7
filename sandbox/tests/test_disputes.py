"""Disputes at the provider: opened on a succeeded payment within what it still holds, answered once with
evidence by the merchant, closed by the bank, each step told to the merchant by a signed callback."""

from __future__ import annotations

import json
from typing import Any

from sandbox.callbacks import verify
from sandbox.tests.conftest import CALLBACK_SECRET
from sandbox.tests.test_refunds import refund, succeeded_payment


def dispute(client, payment_id: str, **body: Any):
    return client.post(f"/sandbox/api/payments/{payment_id}/dispute", json=body)


def test_a_dispute_is_signed_and_sent_to_the_payments_callback_url_at_each_step(
    client, auth, create_payment, receiver
) -> None:
    payment = succeeded_payment(client, create_payment)  # 2500, its own callback dropped
    opened = dispute(client, payment["id"], amount=1000, reason="fraudulent")
    assert opened.status_code == 201, opened.json
    assert (opened.json["status"], opened.json["amount"], opened.json["payment_reference"]) == (
        "needs_response",
        1000,
        payment["reference"],
    )

    evidence = client.post(
        f"/sandbox/api/disputes/{opened.json['id']}/evidence", json={"text": "delivered"}, headers=auth
    )
    assert evidence.status_code == 200 and evidence.json["status"] == "under_review"
    closed = client.post(f"/sandbox/api/disputes/{opened.json['id']}/close", json={"outcome": "lost"})
    assert closed.status_code == 200 and closed.json["status"] == "lost"

    # Each step's callback goes out on its own (as a real provider's may): they can arrive in any order, which
    # Kassa takes (a dispute only moves forward), so the test does too.
    sent = receiver.wait_for(3)
    events = {json.loads(c.body)["type"]: json.loads(c.body) for c in sent}
    assert sorted(events) == ["dispute.closed", "dispute.created", "dispute.updated"]
    assert all(verify(CALLBACK_SECRET, c.headers["Sandbox-Signature"], c.body) for c in sent)
    assert events["dispute.closed"]["data"]["evidence"] == "delivered"


def test_a_dispute_takes_no_more_than_the_payment_still_holds_and_closes_once(client, auth, create_payment) -> None:
    payment = succeeded_payment(client, create_payment)
    assert refund(client, auth, payment["id"], 1000).status_code == 201
    too_much = dispute(client, payment["id"], amount=1501)
    assert too_much.status_code == 400 and too_much.json["error"]["code"] == "amount_too_large"
    rest = dispute(client, payment["id"])  # no amount: all that remains
    assert rest.status_code == 201 and rest.json["amount"] == 1500
    # The disputed money is not refundable either.
    assert refund(client, auth, payment["id"], 1, "re_2").json["error"]["code"] == "amount_too_large"
    assert client.post(f"/sandbox/api/disputes/{rest.json['id']}/close", json={"outcome": "won"}).status_code == 200
    again = client.post(f"/sandbox/api/disputes/{rest.json['id']}/close", json={"outcome": "lost"})
    assert again.status_code == 409 and again.json["error"]["code"] == "dispute_closed"
    # Won: the money is the merchant's again, and refundable.
    assert refund(client, auth, payment["id"], 1500, "re_3").status_code == 201


def test_bad_dispute_requests_are_refused_with_what_to_fix(client, auth, create_payment) -> None:
    pending = create_payment(reference="att_pending")
    assert dispute(client, pending["id"]).status_code == 409
    payment = succeeded_payment(client, create_payment)
    for body, param in (
        ({"amount": 0}, "amount"),
        ({"amount": "5"}, "amount"),
        ({"reason": ""}, "reason"),
        ({"callback": "sideways"}, "callback"),
    ):
        response = dispute(client, payment["id"], **body)
        assert response.status_code == 400 and response.json["error"]["param"] == param, body
    opened = dispute(client, payment["id"], amount=100).json
    evidence = f"/sandbox/api/disputes/{opened['id']}/evidence"
    assert client.post(evidence, json={"text": "x"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post(evidence, json={"text": " "}, headers=auth).json["error"]["param"] == "text"
    assert client.post(f"/sandbox/api/disputes/{opened['id']}/close", json={"outcome": "maybe"}).status_code == 400
    assert client.post("/sandbox/api/disputes/dp_missing/close", json={"outcome": "won"}).status_code == 404
    assert client.post(evidence, json={"text": "x"}, headers=auth).status_code == 200
    second = client.post(evidence, json={"text": "y"}, headers=auth)
    assert second.status_code == 409 and second.json["error"]["code"] == "dispute_not_open"
