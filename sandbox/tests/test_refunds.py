"""Refunds at the provider, as a merchant's server and a test harness use them."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient


def succeeded_payment(client: FlaskClient, create_payment: Any) -> dict[str, Any]:
    payment = create_payment()
    decided = client.post(
        f"/sandbox/api/payments/{payment['id']}/simulate", json={"outcome": "succeeded", "callback": "drop"}
    )
    assert decided.status_code == 200
    return payment


def refund(client: FlaskClient, auth: dict[str, str], payment_id: str, amount: Any, reference: str = "re_1"):
    return client.post(
        f"/sandbox/api/payments/{payment_id}/refunds", json={"amount": amount, "reference": reference}, headers=auth
    )


def test_a_refund_gives_back_part_of_a_payment_once_per_reference(client, auth, create_payment) -> None:
    payment = succeeded_payment(client, create_payment)

    first = refund(client, auth, payment["id"], 1000)
    again = refund(client, auth, payment["id"], 1000)

    assert first.status_code == 201
    assert first.json["id"].startswith("sbr_")
    assert (first.json["payment"], first.json["amount"], first.json["status"], first.json["reference"]) == (
        payment["id"],
        1000,
        "succeeded",
        "re_1",
    )
    assert again.status_code == 200 and again.json == first.json
    # 1000 of 2500 refunded once: 1500 remain, not 500.
    assert refund(client, auth, payment["id"], 1501, "re_2").status_code == 400
    assert refund(client, auth, payment["id"], 1500, "re_2").status_code == 201
    over = refund(client, auth, payment["id"], 1, "re_3")
    assert over.status_code == 400 and over.json["error"]["code"] == "amount_too_large"


def test_a_payments_refunds_are_listed_as_the_provider_made_them(client, auth, create_payment) -> None:
    payment = succeeded_payment(client, create_payment)
    assert client.get(f"/sandbox/api/payments/{payment['id']}/refunds", headers=auth).json == {
        "object": "list",
        "data": [],
    }
    first = refund(client, auth, payment["id"], 1000).json
    client.post(f"/sandbox/api/payments/{payment['id']}/simulate_refund", json={"outcome": "failed"})
    failed = refund(client, auth, payment["id"], 500, "re_2").json
    refund(client, auth, payment["id"], 1000)  # a retry of the first: no new refund

    listed = client.get(f"/sandbox/api/payments/{payment['id']}/refunds", headers=auth)
    assert listed.status_code == 200 and listed.json["data"] == [first, failed]
    assert [r["status"] for r in listed.json["data"]] == ["succeeded", "failed"]
    assert client.get("/sandbox/api/payments/sbp_missing/refunds", headers=auth).status_code == 404
    assert (
        client.get(
            f"/sandbox/api/payments/{payment['id']}/refunds", headers={"Authorization": "Bearer wrong"}
        ).status_code
        == 401
    )


def test_only_a_succeeded_payment_can_be_refunded(client, auth, create_payment) -> None:
    pending = create_payment()
    response = refund(client, auth, pending["id"], 100)
    assert response.status_code == 409
    assert response.json["error"]["code"] == "payment_not_refundable"


def test_refund_input_and_ownership_are_checked(client, auth, create_payment) -> None:
    payment = succeeded_payment(client, create_payment)
    for amount in (0, -5, 1.5, "100", True, None):
        response = refund(client, auth, payment["id"], amount)
        assert response.status_code == 400 and response.json["error"]["param"] == "amount", amount
    no_reference = client.post(f"/sandbox/api/payments/{payment['id']}/refunds", json={"amount": 5}, headers=auth)
    assert no_reference.status_code == 400 and no_reference.json["error"]["param"] == "reference"
    assert refund(client, auth, "sbp_missing", 100).status_code == 404
    assert refund(client, {"Authorization": "Bearer wrong"}, payment["id"], 100).status_code == 401


def test_the_control_makes_the_next_refund_fail_and_only_that_one(client, auth, create_payment) -> None:
    payment = succeeded_payment(client, create_payment)
    planned = client.post(f"/sandbox/api/payments/{payment['id']}/simulate_refund", json={"outcome": "failed"})
    assert planned.status_code == 200

    rejected = refund(client, auth, payment["id"], 2500, "re_1")
    assert rejected.status_code == 201
    assert rejected.json["status"] == "failed" and rejected.json["failure_reason"]
    # The same reference stays failed; a new one goes through, and the failed one moved no money.
    assert refund(client, auth, payment["id"], 2500, "re_1").json["status"] == "failed"
    accepted = refund(client, auth, payment["id"], 2500, "re_2")
    assert accepted.status_code == 201 and accepted.json["status"] == "succeeded"


def test_the_control_refuses_bad_input(client, create_payment) -> None:
    payment = create_payment()
    bad = client.post(f"/sandbox/api/payments/{payment['id']}/simulate_refund", json={"outcome": "maybe"})
    assert bad.status_code == 400 and bad.json["error"]["param"] == "outcome"
    missing = client.post("/sandbox/api/payments/sbp_missing/simulate_refund", json={"outcome": "failed"})
    assert missing.status_code == 404
