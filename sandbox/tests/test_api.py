"""The provider's JSON API as a merchant's server uses it."""

from __future__ import annotations

from typing import Any

import pytest
from flask.testing import FlaskClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sandbox.models import Payment
from sandbox.services import ensure_account

PAYMENTS = "/sandbox/api/payments"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer sbx_test_wrong"},
        {"Authorization": "sbx_test_key_for_tests"},
        {"Authorization": "Basic sbx_test_key_for_tests"},
        {"Authorization": "Bearer "},
    ],
    ids=["missing", "wrong-key", "no-scheme", "basic-scheme", "empty"],
)
@pytest.mark.parametrize(
    "method, path", [("post", PAYMENTS), ("get", PAYMENTS + "/sbp_x"), ("get", PAYMENTS + "?reference=att_1")]
)
def test_api_refuses_missing_or_bad_key(
    client: FlaskClient, payment_body: Any, headers: dict[str, str], method: str, path: str
) -> None:
    response = getattr(client, method)(path, json=payment_body(), headers=headers)
    assert response.status_code == 401
    assert response.json["error"]["code"] == "api_key_invalid"


def test_create_returns_pending_payment_with_hosted_url(
    client: FlaskClient, auth: dict[str, str], payment_body: Any
) -> None:
    response = client.post(PAYMENTS, json=payment_body(method="qr"), headers=auth)

    assert response.status_code == 201
    payment = response.json
    assert payment["id"].startswith("sbp_") and len(payment["id"]) == 28
    assert payment["status"] == "pending"
    assert (payment["amount"], payment["currency"], payment["reference"]) == (2500, "usd", "order_1")
    assert payment["description"] == "Gold membership, 1 month"
    assert payment["method"] == "qr"
    assert payment["url"] == f"http://sandbox.test:5001/sandbox/pay/{payment['id']}"


def test_retry_with_same_reference_returns_the_existing_payment(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, db_session: Session
) -> None:
    first = client.post(PAYMENTS, json=payment_body(), headers=auth)
    retry = client.post(PAYMENTS, json=payment_body(), headers=auth)
    other = client.post(PAYMENTS, json=payment_body(reference="order_2"), headers=auth)

    assert first.status_code == 201
    assert retry.status_code == 200
    assert retry.json["id"] == first.json["id"]
    assert other.status_code == 201 and other.json["id"] != first.json["id"]
    assert db_session.scalar(select(func.count()).select_from(Payment)) == 2


@pytest.mark.parametrize(
    "param, value",
    [
        ("amount", 0),
        ("amount", -100),
        ("amount", 25.0),
        ("amount", 25.5),
        ("amount", True),
        ("amount", "2500"),
        ("amount", None),
        ("amount", 10**13),
        ("currency", "USD"),
        ("currency", "us"),
        ("currency", "usdd"),
        ("currency", 840),
        ("currency", None),
        ("reference", ""),
        ("reference", "r" * 256),
        ("reference", 7),
        ("reference", None),
        ("description", 12),
        ("return_url", "shop.test/return"),
        ("return_url", "javascript:alert(1)"),
        ("return_url", "ftp://shop.test/return"),
        ("return_url", "http://"),
        ("return_url", "http://shop.test/a\r\nSet-Cookie: x=1"),
        ("return_url", None),
        ("callback_url", "not a url"),
        ("callback_url", None),
        ("method", "cash"),
    ],
)
def test_bad_input_is_refused_naming_the_param(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, db_session: Session, param: str, value: Any
) -> None:
    body = payment_body()
    if value is None:
        del body[param]
    else:
        body[param] = value

    response = client.post(PAYMENTS, json=body, headers=auth)

    assert response.status_code == 400
    error = response.json["error"]
    assert error["code"] == "parameter_invalid"
    assert error["param"] == param
    assert param in error["message"]
    assert db_session.scalar(select(func.count()).select_from(Payment)) == 0


@pytest.mark.parametrize("data", ["[1, 2]", "not json", ""])
def test_body_that_is_not_a_json_object_is_refused(client: FlaskClient, auth: dict[str, str], data: str) -> None:
    response = client.post(PAYMENTS, data=data, headers={**auth, "Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json["error"]["code"] == "parameter_invalid"


def test_accepted_edge_values(client: FlaskClient, auth: dict[str, str], payment_body: Any) -> None:
    body = payment_body(amount=1, currency="jpy", reference="r" * 255, return_url="https://shop.test")
    del body["description"]

    response = client.post(PAYMENTS, json=body, headers=auth)

    assert response.status_code == 201
    assert (response.json["amount"], response.json["method"], response.json["description"]) == (1, "card", "")


def test_get_returns_current_status(client: FlaskClient, auth: dict[str, str], payment_body: Any) -> None:
    created = client.post(PAYMENTS, json=payment_body(), headers=auth).json

    pending = client.get(f"{PAYMENTS}/{created['id']}", headers=auth)
    client.post(f"{PAYMENTS}/{created['id']}/simulate", json={"outcome": "failed", "callback": "drop"})
    decided = client.get(f"{PAYMENTS}/{created['id']}", headers=auth)

    assert pending.status_code == 200 and pending.json == created
    assert decided.json["status"] == "failed"


def test_get_unknown_payment_is_404(client: FlaskClient, auth: dict[str, str]) -> None:
    response = client.get(f"{PAYMENTS}/sbp_doesnotexist000000000000", headers=auth)
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


def test_another_accounts_payment_is_404(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, db_session: Session
) -> None:
    created = client.post(PAYMENTS, json=payment_body(), headers=auth).json
    # Hand the payment to a second account, as if another merchant had created it.
    other = ensure_account(db_session, "sbx_test_other_merchant", "other_secret")
    db_session.get(Payment, created["id"]).account_id = other.id
    db_session.commit()

    assert client.get(f"{PAYMENTS}/{created['id']}", headers=auth).status_code == 404
    mine = client.get(f"{PAYMENTS}/{created['id']}", headers={"Authorization": "Bearer sbx_test_other_merchant"})
    assert mine.status_code == 200


def test_lookup_by_reference_finds_a_payment_whose_create_answer_was_lost(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, db_session: Session
) -> None:
    created = client.post(PAYMENTS, json=payment_body(reference="att_lost"), headers=auth).json

    found = client.get(f"{PAYMENTS}?reference=att_lost", headers=auth)
    missing = client.get(f"{PAYMENTS}?reference=att_never_created", headers=auth)
    no_reference = client.get(PAYMENTS, headers=auth)

    assert found.status_code == 200 and found.json == {"object": "list", "data": [created]}
    assert missing.status_code == 200 and missing.json["data"] == []
    assert no_reference.status_code == 400 and no_reference.json["error"]["param"] == "reference"
    # Another account's payment with that reference is not shown.
    ensure_account(db_session, "sbx_test_other_merchant", "other_secret")
    db_session.commit()
    theirs = client.get(f"{PAYMENTS}?reference=att_lost", headers={"Authorization": "Bearer sbx_test_other_merchant"})
    assert theirs.json["data"] == []


def test_simulate_unknown_payment_is_404(client: FlaskClient) -> None:
    response = client.post(f"{PAYMENTS}/sbp_doesnotexist000000000000/simulate", json={"outcome": "succeeded"})
    assert response.status_code == 404
    assert response.json["error"]["code"] == "not_found"


@pytest.mark.parametrize(
    "body, param",
    [
        ({}, "outcome"),
        ({"outcome": "pending"}, "outcome"),
        ({"outcome": "succeeded", "callback": "lost"}, "callback"),
        ({"outcome": "succeeded", "callback": 1}, "callback"),
    ],
)
def test_simulate_with_bad_body_is_400_and_leaves_payment_pending(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, body: dict[str, Any], param: str
) -> None:
    created = client.post(PAYMENTS, json=payment_body(), headers=auth).json

    response = client.post(f"{PAYMENTS}/{created['id']}/simulate", json=body)

    assert response.status_code == 400
    assert response.json["error"]["param"] == param
    assert client.get(f"{PAYMENTS}/{created['id']}", headers=auth).json["status"] == "pending"


def test_simulate_twice_is_409(client: FlaskClient, auth: dict[str, str], payment_body: Any) -> None:
    created = client.post(PAYMENTS, json=payment_body(), headers=auth).json
    url = f"{PAYMENTS}/{created['id']}/simulate"

    first = client.post(url, json={"outcome": "succeeded", "callback": "drop"})
    second = client.post(url, json={"outcome": "failed", "callback": "drop"})

    assert first.status_code == 200 and first.json["status"] == "succeeded"
    assert second.status_code == 409
    assert second.json["error"]["code"] == "payment_already_decided"
    assert client.get(f"{PAYMENTS}/{created['id']}", headers=auth).json["status"] == "succeeded"


@pytest.mark.parametrize("param, value", [("amount", 0), ("currency", "USD"), ("reference", "")])
def test_a_payout_with_bad_input_is_a_400_naming_the_field(
    client: FlaskClient, auth: dict[str, str], param: str, value: Any
) -> None:
    body = {
        "amount": 658,
        "currency": "usd",
        "destination": "acct_1",
        "reference": "po_1",
        "callback_url": "http://shop.test/hooks",
        param: value,
    }
    response = client.post("/sandbox/api/payouts", json=body, headers=auth)
    assert response.status_code == 400
    assert response.json["error"]["param"] == param
