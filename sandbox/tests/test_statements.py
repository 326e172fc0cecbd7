"""The provider's daily statement, and the test controls that make it disagree with Kassa's books."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timezone
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import inspect, text, update
from sqlalchemy.orm import Session

from sandbox import create_sandbox_app, statements
from sandbox.models import Dispute, Orphan, Payment, Payout, Refund
from sandbox.runtime import EXTENSION_KEY
from sandbox.services import ensure_account

DAY = date(2026, 3, 14)
HEADER = ["type", "id", "reference", "method", "status", "amount", "fee", "currency", "occurred_at"]
OTHER_KEY = "sbx_test_other_account"


def at(clock: str, day: date = DAY) -> datetime:
    """A moment of a day in UTC, e.g. at("09:00:00")."""
    return datetime.fromisoformat(f"{day.isoformat()}T{clock}+00:00")


def move(session: Session, model: Any, row_id: str, when: datetime) -> None:
    """Move a stored row to another moment (its decided_at or created_at), as if it had happened then."""
    column = model.created_at if model in (Refund, Orphan) else model.decided_at
    session.execute(update(model).where(model.id == row_id).values({column.key: when}))
    session.commit()


def statement(client: FlaskClient, auth: dict[str, str], day: date = DAY) -> list[list[str]]:
    """The day's statement as CSV rows, header first."""
    response = client.get(f"/sandbox/api/statements/{day.isoformat()}.csv", headers=auth)
    assert response.status_code == 200, response.data
    assert response.content_type == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.get_data(as_text=True))))


def decided(
    client: FlaskClient, create_payment: Any, reference: str, outcome: str = "succeeded", **fields: Any
) -> dict[str, Any]:
    """A payment the shopper has decided."""
    payment = create_payment(reference=reference, **fields)
    answer = client.post(
        f"/sandbox/api/payments/{payment['id']}/simulate", json={"outcome": outcome, "callback": "drop"}
    )
    assert answer.status_code == 200
    return answer.json


def refund(client: FlaskClient, auth: dict[str, str], payment_id: str, amount: int, reference: str) -> dict[str, Any]:
    answer = client.post(
        f"/sandbox/api/payments/{payment_id}/refunds", json={"amount": amount, "reference": reference}, headers=auth
    )
    assert answer.status_code == 201
    return answer.json


def payout(client: FlaskClient, auth: dict[str, str], reference: str, outcome: str | None) -> dict[str, Any]:
    """A payout, decided by the bank unless ``outcome`` is None."""
    body = {
        "amount": 658,
        "currency": "usd",
        "destination": "acct_1",
        "reference": reference,
        "callback_url": "http://127.0.0.1:9/hooks",
    }
    sent = client.post("/sandbox/api/payouts", json=body, headers=auth).json
    if outcome is not None:
        client.post(f"/sandbox/api/payouts/{sent['id']}/simulate", json={"outcome": outcome, "callback": "drop"})
    return sent


def orphan(client: FlaskClient, auth: dict[str, str], **body: Any) -> Any:
    return client.post("/sandbox/api/orphans", json={"amount": 700, "currency": "usd", **body}, headers=auth)


def test_a_days_statement_lists_its_captures_refunds_payouts_and_orphans(
    client: FlaskClient, auth: dict[str, str], create_payment: Any, payment_body: Any, db_session: Session
) -> None:
    card = decided(client, create_payment, "order_card")
    move(db_session, Payment, card["id"], at("09:00:00"))
    qr = decided(client, create_payment, "order_qr", "failed", method="qr", amount=1200)
    move(db_session, Payment, qr["id"], at("09:30:00"))
    create_payment(reference="order_pending")
    next_day = decided(client, create_payment, "order_next_day")
    move(db_session, Payment, next_day["id"], at("00:00:00", date(2026, 3, 15)))
    late = decided(client, create_payment, "order_late", currency="eur", amount=10)
    move(db_session, Payment, late["id"], at("23:59:59"))
    # The capture is refunded in full in two parts, with a refused refund in between.
    first = refund(client, auth, card["id"], 1000, "re_1")
    move(db_session, Refund, first["id"], at("10:00:00"))
    client.post(f"/sandbox/api/payments/{card['id']}/simulate_refund", json={"outcome": "failed"})
    refused = refund(client, auth, card["id"], 500, "re_refused")
    move(db_session, Refund, refused["id"], at("10:30:00"))
    rest = refund(client, auth, card["id"], 1500, "re_2")
    move(db_session, Refund, rest["id"], at("11:00:00"))
    paid = payout(client, auth, "po_paid", "paid")
    move(db_session, Payout, paid["id"], at("12:00:00"))
    bounced = payout(client, auth, "po_failed", "failed")
    move(db_session, Payout, bounced["id"], at("12:30:00"))
    payout(client, auth, "po_pending", None)
    unasked = orphan(client, auth, reference="unasked_1", method="qr").json
    move(db_session, Orphan, unasked["id"], at("13:00:00"))
    ensure_account(db_session, OTHER_KEY, "sbx_whsec_other")
    other = {"Authorization": f"Bearer {OTHER_KEY}"}
    foreign = client.post("/sandbox/api/payments", json=payment_body(reference="order_foreign"), headers=other).json
    client.post(f"/sandbox/api/payments/{foreign['id']}/simulate", json={"outcome": "succeeded", "callback": "drop"})
    move(db_session, Payment, foreign["id"], at("09:00:00"))

    rows = statement(client, auth)

    assert rows == [
        HEADER,
        ["capture", card["id"], "order_card", "card", "succeeded", "2500", "103", "usd", "2026-03-14T09:00:00Z"],
        ["capture", qr["id"], "order_qr", "qr", "failed", "1200", "0", "usd", "2026-03-14T09:30:00Z"],
        ["refund", first["id"], "re_1", "card", "succeeded", "1000", "-41", "usd", "2026-03-14T10:00:00Z"],
        ["refund", refused["id"], "re_refused", "card", "failed", "500", "0", "usd", "2026-03-14T10:30:00Z"],
        ["refund", rest["id"], "re_2", "card", "succeeded", "1500", "-62", "usd", "2026-03-14T11:00:00Z"],
        ["payout", paid["id"], "po_paid", "", "paid", "658", "0", "usd", "2026-03-14T12:00:00Z"],
        ["payout", bounced["id"], "po_failed", "", "failed", "658", "0", "usd", "2026-03-14T12:30:00Z"],
        ["capture", unasked["id"], "unasked_1", "qr", "succeeded", "700", "50", "usd", "2026-03-14T13:00:00Z"],
        # The fee is never more than the capture.
        ["capture", late["id"], "order_late", "card", "succeeded", "10", "10", "eur", "2026-03-14T23:59:59Z"],
    ]
    # Refunded in full, in parts: the fees given back add up to the whole fee kept.
    assert sum(int(row[6]) for row in rows if row[1] in (card["id"], first["id"], rest["id"])) == 0
    assert statement(client, other) == [
        HEADER,
        ["capture", foreign["id"], "order_foreign", "card", "succeeded", "2500", "103", "usd", "2026-03-14T09:00:00Z"],
    ]


def test_the_statement_is_streamed_chunk_by_chunk_in_order(
    client: FlaskClient, auth: dict[str, str], create_payment: Any, db_session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(statements, "CHUNK_ROWS", 2)
    ids = []
    for number in range(5):
        payment = decided(client, create_payment, f"order_{number}")
        move(db_session, Payment, payment["id"], at(f"0{9 - number}:00:00"))
        ids.append(payment["id"])

    response = client.get(f"/sandbox/api/statements/{DAY.isoformat()}.csv", headers=auth)

    assert response.is_streamed
    assert [row[1] for row in csv.reader(io.StringIO(response.get_data(as_text=True)))][1:] == ids[::-1]


def test_a_tamper_changes_only_what_the_statement_says(
    client: FlaskClient, auth: dict[str, str], create_payment: Any, db_session: Session
) -> None:
    payment = decided(client, create_payment, "order_1")
    move(db_session, Payment, payment["id"], at("09:00:00"))
    tamper = f"/sandbox/api/payments/{payment['id']}/tamper"
    line = ["capture", payment["id"], "order_1", "card"]

    less = client.post(tamper, json={"amount": 2000})
    assert less.status_code == 200
    assert less.json == {
        "payment": payment["id"],
        "amount": 2000,
        "currency": "usd",
        "status": "succeeded",
        "fee": 88,
        "duplicate": False,
        "omit": False,
    }
    assert statement(client, auth)[1:] == [[*line, "succeeded", "2000", "88", "usd", "2026-03-14T09:00:00Z"]]

    failed = client.post(tamper, json={"status": "failed"})
    # A later tamper replaces the earlier one: the amount is the payment's own again.
    assert failed.json == {
        "payment": payment["id"],
        "amount": 2500,
        "currency": "usd",
        "status": "failed",
        "fee": 0,
        "duplicate": False,
        "omit": False,
    }
    assert statement(client, auth)[1:] == [[*line, "failed", "2500", "0", "usd", "2026-03-14T09:00:00Z"]]

    twice = client.post(tamper, json={"duplicate": True})
    assert twice.json == {
        "payment": payment["id"],
        "amount": 2500,
        "currency": "usd",
        "status": "succeeded",
        "fee": 103,
        "duplicate": True,
        "omit": False,
    }
    assert statement(client, auth)[1:] == [[*line, "succeeded", "2500", "103", "usd", "2026-03-14T09:00:00Z"]] * 2

    euros = client.post(tamper, json={"currency": "eur"})
    assert euros.json["currency"] == "eur" and euros.json["amount"] == 2500
    assert statement(client, auth)[1:] == [[*line, "succeeded", "2500", "103", "eur", "2026-03-14T09:00:00Z"]]

    kept_more = client.post(tamper, json={"fee": 150})  # the provider kept more than its published fee
    assert kept_more.json["fee"] == 150
    assert statement(client, auth)[1:] == [[*line, "succeeded", "2500", "150", "usd", "2026-03-14T09:00:00Z"]]

    lost = client.post(tamper, json={"omit": True})
    assert lost.json["omit"] is True and statement(client, auth)[1:] == []

    unchanged = client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json
    assert (unchanged["status"], unchanged["amount"]) == ("succeeded", 2500)


@pytest.mark.parametrize(
    "body, param",
    [
        ({"amount": 0}, "amount"),
        ({"amount": "2000"}, "amount"),
        ({"amount": 20.5}, "amount"),
        ({"amount": True}, "amount"),
        ({"status": "pending"}, "status"),
        ({"status": 1}, "status"),
        ({"duplicate": "yes"}, "duplicate"),
        ({"duplicate": 1}, "duplicate"),
        ({"omit": "no"}, "omit"),
        ({}, None),
        ({"amount": None}, None),
        ({"currency": "EUR"}, "currency"),
        ({"currency": "euro"}, "currency"),
        ({"currency": 978}, "currency"),
        ({"currency": "eu"}, "currency"),
        ({"fee": -1}, "fee"),
        ({"fee": 1.5}, "fee"),
        ({"fee": "59"}, "fee"),
        ({"fee": True}, "fee"),
    ],
)
def test_a_tamper_with_bad_input_is_refused_naming_the_field(
    client: FlaskClient, create_payment: Any, body: dict[str, Any], param: str | None
) -> None:
    payment = create_payment()
    response = client.post(f"/sandbox/api/payments/{payment['id']}/tamper", json=body)
    assert response.status_code == 400
    assert response.json["error"]["param"] == param


def test_tampering_with_an_unknown_payment_is_a_404(client: FlaskClient) -> None:
    response = client.post("/sandbox/api/payments/sbp_missing/tamper", json={"amount": 5})
    assert response.status_code == 404 and response.json["error"]["code"] == "not_found"


def test_an_orphan_is_a_capture_on_todays_statement(client: FlaskClient, auth: dict[str, str]) -> None:
    recorded = orphan(client, auth)

    assert recorded.status_code == 201
    body = recorded.json
    assert body["id"].startswith("sbp_") and len(body["id"]) == 28
    assert (body["object"], body["amount"], body["currency"], body["method"]) == ("orphan", 700, "usd", "card")
    assert body["reference"].startswith("orphan_")
    today = datetime.now(timezone.utc).date()
    assert body["created_at"].startswith(today.isoformat()) and body["created_at"].endswith("Z")
    assert statement(client, auth, today)[1:] == [
        ["capture", body["id"], body["reference"], "card", "succeeded", "700", "50", "usd", body["created_at"]]
    ]


@pytest.mark.parametrize(
    "body, param",
    [
        ({"amount": 0}, "amount"),
        ({"amount": 10**13}, "amount"),
        ({"currency": "USD"}, "currency"),
        ({"reference": ""}, "reference"),
        ({"reference": "r" * 256}, "reference"),
        ({"method": "cash"}, "method"),
    ],
)
def test_an_orphan_with_bad_input_is_refused_naming_the_field(
    client: FlaskClient, auth: dict[str, str], body: dict[str, Any], param: str
) -> None:
    response = orphan(client, auth, **body)
    assert response.status_code == 400 and response.json["error"]["param"] == param


@pytest.mark.parametrize("day", ["2026-02-30", "2026-3-14", "20260314", "today", "2026-03-14T00:00"])
def test_a_statement_of_no_real_day_is_refused(client: FlaskClient, auth: dict[str, str], day: str) -> None:
    response = client.get(f"/sandbox/api/statements/{day}.csv", headers=auth)
    assert response.status_code == 400
    assert response.json == {
        "error": {
            "type": "invalid_request_error",
            "code": "parameter_invalid",
            "message": response.json["error"]["message"],
            "param": "day",
        }
    }


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer sbx_test_wrong"}])
def test_statements_and_orphans_need_the_api_key(client: FlaskClient, headers: dict[str, str]) -> None:
    assert client.get("/sandbox/api/statements/2026-03-14.csv", headers=headers).status_code == 401
    assert orphan(client, headers).status_code == 401


def test_a_sandbox_made_before_an_index_or_column_was_added_gets_them_at_start(sandbox: Flask) -> None:
    engine = sandbox.extensions[EXTENSION_KEY].engine
    with engine.begin() as connection:
        connection.execute(text("DROP INDEX ix_sandbox_payments_account_decided"))
        connection.execute(text("ALTER TABLE sandbox_statement_tampers DROP COLUMN currency"))

    restarted = create_sandbox_app({"SANDBOX_DATABASE_URL": str(engine.url)})
    restarted.extensions[EXTENSION_KEY].engine.dispose()

    names = {index["name"] for index in inspect(engine).get_indexes("sandbox_payments")}
    assert "ix_sandbox_payments_account_decided" in names
    columns = {column["name"] for column in inspect(engine).get_columns("sandbox_statement_tampers")}
    assert "currency" in columns


def test_a_dispute_is_listed_as_its_withdrawal_its_fee_and_a_won_ones_reversal(
    client: FlaskClient, auth: dict[str, str], create_payment: Any, db_session: Session
) -> None:
    """Opened on the 14th, won on the 15th: the withdrawal (the capture fee's part back, as a refund of the amount
    would get) and the provider's dispute fee on the 14th, the reversal (taking that part again) on the 15th. A
    refund made after the dispute counts it as given back, so the capture's fee still comes back whole."""
    payment = decided(client, create_payment, "att_disputed")  # 2500: fee 30 + 73 = 103
    move(db_session, Payment, payment["id"], at("08:00:00"))
    opened = client.post(
        f"/sandbox/api/payments/{payment['id']}/dispute", json={"amount": 200, "fee": 1500, "callback": "drop"}
    )
    assert opened.status_code == 201 and opened.json["fee"] == 1500
    given = refund(client, auth, payment["id"], 300, "re_after")
    db_session.execute(update(Dispute).where(Dispute.id == opened.json["id"]).values(created_at=at("09:00:00")))
    move(db_session, Refund, given["id"], at("10:00:00"))
    client.post(f"/sandbox/api/disputes/{opened.json['id']}/close", json={"outcome": "won", "callback": "drop"})
    db_session.execute(
        update(Dispute).where(Dispute.id == opened.json["id"]).values(closed_at=at("11:00:00", date(2026, 3, 15)))
    )
    db_session.commit()

    rows = statement(client, auth)[1:]
    assert [row[:7] for row in rows] == [
        ["capture", payment["id"], "att_disputed", "card", "succeeded", "2500", "103"],
        ["dispute", opened.json["id"], "att_disputed", "card", "succeeded", "200", "-8"],
        ["dispute_fee", opened.json["id"], "att_disputed", "card", "succeeded", "1500", "0"],
        # round(103 × 500 / 2500) − 8 = 13, as Kassa books it; counting only earlier refunds it was round(12.36) = 12.
        ["refund", given["id"], "re_after", "card", "succeeded", "300", "-13"],
    ]
    assert [row[:7] for row in statement(client, auth, date(2026, 3, 15))[1:]] == [
        ["dispute_reversal", opened.json["id"], "att_disputed", "card", "succeeded", "200", "8"]
    ]


def test_a_dispute_fee_must_be_a_whole_number(client: FlaskClient, create_payment: Any) -> None:
    payment = decided(client, create_payment, "att_fee")
    for fee in (-1, "15", 1.5, 10**7):
        answer = client.post(f"/sandbox/api/payments/{payment['id']}/dispute", json={"fee": fee})
        assert answer.status_code == 400 and answer.json["error"]["param"] == "fee", fee
