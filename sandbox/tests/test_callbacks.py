"""Signed callbacks as the merchant's endpoint receives them, in every simulated mode."""

from __future__ import annotations

import json
import threading
import time
from dataclasses import replace
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from sandbox import callbacks, load_settings
from sandbox.callbacks import sign, verify
from sandbox.decisions import decide_as_a_shopper
from sandbox.models import CallbackDelivery

CALLBACK_SECRET = "sbx_whsec_for_tests"


def simulate(client: FlaskClient, payment_id: str, outcome: str, mode: str | None = None) -> Any:
    body = {"outcome": outcome} if mode is None else {"outcome": outcome, "callback": mode}
    return client.post(f"/sandbox/api/payments/{payment_id}/simulate", json=body)


def deliveries(db_session: Session, payment_id: str, count: int, timeout: float = 5.0) -> list[CallbackDelivery]:
    """Wait for `count` recorded attempts (they are written by a background thread) and return them."""
    deadline = time.monotonic() + timeout
    while True:
        db_session.expire_all()
        rows = list(
            db_session.scalars(
                select(CallbackDelivery).where(CallbackDelivery.payment_id == payment_id).order_by(CallbackDelivery.id)
            )
        )
        if len(rows) >= count or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


def nothing_being_sent(timeout: float = 5.0) -> None:
    """Wait until every callback this process sent has been answered and recorded."""
    deadline = time.monotonic() + timeout
    while callbacks.callbacks_being_sent():
        assert time.monotonic() < deadline, f"callbacks still being sent after {timeout} s"
        time.sleep(0.005)


def test_succeeded_normal_sends_one_signed_callback(client: FlaskClient, create_payment: Any, receiver: Any) -> None:
    payment = create_payment()

    response = simulate(client, payment["id"], "succeeded")
    received = receiver.wait_for(1)
    time.sleep(0.3)  # a second, unwanted delivery would arrive in this window

    assert response.status_code == 200 and response.json["status"] == "succeeded"
    assert len(receiver.received) == 1
    callback = received[0]
    assert callback.headers["Content-Type"] == "application/json"
    assert verify(CALLBACK_SECRET, callback.headers["Sandbox-Signature"], callback.body)
    assert not verify("another_secret", callback.headers["Sandbox-Signature"], callback.body)
    event = json.loads(callback.body)
    assert event["id"].startswith("evt_")
    assert event["type"] == "payment.succeeded"
    assert abs(event["created"] - time.time()) < 10
    assert event["data"]["id"] == payment["id"]
    assert event["data"]["status"] == "succeeded"
    assert event["data"]["amount"] == 2500


def test_failed_outcome_sends_payment_failed(client: FlaskClient, create_payment: Any, receiver: Any) -> None:
    payment = create_payment()

    simulate(client, payment["id"], "failed", "normal")

    event = json.loads(receiver.wait_for(1)[0].body)
    assert event["type"] == "payment.failed"
    assert event["data"]["status"] == "failed"


def test_duplicate_sends_the_same_event_twice(client: FlaskClient, create_payment: Any, receiver: Any) -> None:
    payment = create_payment()

    simulate(client, payment["id"], "succeeded", "duplicate")
    received = receiver.wait_for(2)

    assert len(received) == 2
    assert received[0].body == received[1].body
    assert all(verify(CALLBACK_SECRET, r.headers["Sandbox-Signature"], r.body) for r in received)


def test_drop_sends_nothing_but_status_api_shows_the_outcome(
    client: FlaskClient, create_payment: Any, receiver: Any, auth: dict[str, str], db_session: Session
) -> None:
    payment = create_payment()

    simulate(client, payment["id"], "succeeded", "drop")
    time.sleep(0.6)

    assert receiver.received == []
    assert deliveries(db_session, payment["id"], 0) == []
    status = client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json["status"]
    assert status == "succeeded"


def test_delay_sends_only_after_the_configured_delay(client: FlaskClient, create_payment: Any, receiver: Any) -> None:
    payment = create_payment()

    started = time.monotonic()
    simulate(client, payment["id"], "succeeded", "delay")
    time.sleep(0.1)
    assert receiver.received == []

    received = receiver.wait_for(1, timeout=3)
    assert len(received) == 1
    assert time.monotonic() - started >= 0.3
    assert json.loads(received[0].body)["type"] == "payment.succeeded"


def test_a_callback_counts_as_being_sent_until_the_merchant_answered_and_it_is_recorded(
    client: FlaskClient, create_payment: Any, receiver: Any, db_session: Session, monkeypatch: Any
) -> None:
    """What a harness waits for before it runs what the merchant queued while taking the callback."""
    record = callbacks._record_attempt

    def slow_record(*args: Any) -> None:
        time.sleep(0.2)  # a busy provider database: the answer is in, its record not yet
        record(*args)

    monkeypatch.setattr(callbacks, "_record_attempt", slow_record)
    delayed, told = create_payment(reference="order_delayed"), create_payment(reference="order_told")
    simulate(client, delayed["id"], "succeeded", "delay")  # waits 0.3 s before it goes: not being sent yet
    assert callbacks.callbacks_being_sent() == 0

    receiver.answering.clear()  # the merchant takes the callback in and is still working on it
    simulate(client, told["id"], "succeeded")
    receiver.wait_for(1)
    assert callbacks.callbacks_being_sent() == 1
    assert deliveries(db_session, told["id"], 1, timeout=0.2) == []

    receiver.answering.set()
    nothing_being_sent()
    assert [row.status_code for row in deliveries(db_session, told["id"], 1, timeout=0)] == [200]  # recorded already
    receiver.wait_for(2, timeout=3)  # the delayed one goes out too


def test_a_callback_counts_as_being_sent_while_it_waits_for_a_free_sender(
    client: FlaskClient, create_payment: Any, receiver: Any
) -> None:
    """A busy provider (every sender thread taken) starts the callback late: a harness that saw the order paid and
    asked in between must still hear that a callback is on its way, or it runs the merchant's queue before the
    callback has put its follow-up work there."""
    busy = threading.Event()
    senders = [callbacks.in_background(busy.wait, 5) for _ in range(callbacks._executor._max_workers)]
    try:
        payment = create_payment()
        simulate(client, payment["id"], "succeeded")
        assert receiver.received == []  # queued behind the busy senders, not sent
        assert callbacks.callbacks_being_sent() == 1
    finally:
        busy.set()
    for sender in senders:
        sender.result(timeout=5)
    nothing_being_sent()
    assert len(receiver.wait_for(1)) == 1


def test_server_errors_are_retried_until_delivered(
    client: FlaskClient, create_payment: Any, receiver: Any, db_session: Session
) -> None:
    receiver.planned_statuses = [500, 500]
    payment = create_payment()

    simulate(client, payment["id"], "succeeded")
    received = receiver.wait_for(3)
    rows = deliveries(db_session, payment["id"], 3)
    time.sleep(0.2)  # a 4th attempt would be a bug: the 3rd one succeeded

    assert len(receiver.received) == 3
    assert len({r.body for r in received}) == 1  # the same event every time
    assert [(row.attempt, row.status_code) for row in rows] == [(1, 500), (2, 500), (3, 200)]
    assert rows[0].error and rows[2].error is None
    assert len({row.event_id for row in rows}) == 1
    assert rows[0].event_id == json.loads(received[0].body)["id"]


def test_unreachable_endpoint_is_tried_four_times_then_given_up(
    client: FlaskClient, auth: dict[str, str], payment_body: Any, db_session: Session, monkeypatch: Any
) -> None:
    monkeypatch.setattr(callbacks, "RETRY_BACKOFF_SECONDS", (0.01, 0.01, 0.01))
    # Port 9 (discard) on loopback is closed, so every attempt is a connection error.
    payment = client.post(
        "/sandbox/api/payments", json=payment_body(callback_url="http://127.0.0.1:9/cb"), headers=auth
    ).json

    simulate(client, payment["id"], "succeeded")
    rows = deliveries(db_session, payment["id"], 4)
    time.sleep(0.1)  # let the job log its give-up inside this test, and show no 5th attempt

    assert len(deliveries(db_session, payment["id"], 5, timeout=0)) == 4
    assert [row.attempt for row in rows] == [1, 2, 3, 4]
    assert all(row.status_code is None and row.error for row in rows)


def test_concurrent_decisions_have_exactly_one_winner(sandbox: Flask, create_payment: Any, receiver: Any) -> None:
    payment = create_payment()
    results: list[int] = []
    barrier = threading.Barrier(6)

    def decide(outcome: str) -> None:
        client = sandbox.test_client()
        barrier.wait()
        results.append(simulate(client, payment["id"], outcome).status_code)

    threads = [threading.Thread(target=decide, args=("succeeded" if i % 2 else "failed",)) for i in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    receiver.wait_for(1)
    time.sleep(0.3)

    assert sorted(results) == [200, 409, 409, 409, 409, 409]
    assert len(receiver.received) == 1


def test_sign_and_verify() -> None:
    body = b'{"id":"evt_1"}'
    header = sign("s3cret", 1_700_000_000, body)

    assert header.startswith("t=1700000000,v1=")
    assert len(header.split("v1=")[1]) == 64
    assert verify("s3cret", header, body, now=1_700_000_100)
    assert not verify("s3cret", header, body + b" ", now=1_700_000_100)
    assert not verify("other", header, body, now=1_700_000_100)
    assert not verify("s3cret", header, body, now=1_700_001_000)  # too old: a replay
    assert verify("s3cret", header, body, tolerance_seconds=None)
    assert not verify("s3cret", header.replace("t=1700000000", "t=1700000001"), body, tolerance_seconds=None)
    assert not verify("s3cret", "garbage", body)
    assert not verify("s3cret", "t=abc,v1=00", body)


@pytest.mark.parametrize("mode", ["normal", "delay", "duplicate", "drop"])
def test_every_mode_still_decides_the_payment(
    client: FlaskClient, create_payment: Any, receiver: Any, auth: dict[str, str], mode: str
) -> None:
    payment = create_payment()

    response = simulate(client, payment["id"], "failed", mode)

    assert response.status_code == 200
    assert client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json["status"] == "failed"
    receiver.wait_for({"normal": 1, "delay": 1, "duplicate": 2, "drop": 0}[mode], timeout=3)


def test_auto_outcome_decides_each_new_payment_itself_and_calls_back_once(
    sandbox: Flask, client: FlaskClient, auth: dict[str, str], receiver: Any, payment_body: Any
) -> None:
    sandbox.extensions["kassa_sandbox"] = replace(sandbox.extensions["kassa_sandbox"], auto_outcome="succeeded")
    created = client.post("/sandbox/api/payments", json=payment_body(callback_url=receiver.url), headers=auth)
    again = client.post("/sandbox/api/payments", json=payment_body(callback_url=receiver.url), headers=auth)

    assert created.status_code == 201 and created.json["status"] == "pending"  # decided after the answer
    event = json.loads(receiver.wait_for(1)[0].body)
    assert event["type"] == "payment.succeeded" and event["data"]["id"] == created.json["id"]
    assert again.status_code == 200  # a retried create is not decided a second time
    time.sleep(0.3)
    assert len(receiver.received) == 1
    assert client.get(f"/sandbox/api/payments/{created.json['id']}", headers=auth).json["status"] == "succeeded"


def test_auto_outcome_is_refused_unless_it_names_an_outcome() -> None:
    with pytest.raises(ValueError, match="SANDBOX_AUTO_OUTCOME"):
        load_settings({"SANDBOX_AUTO_OUTCOME": "maybe", "SANDBOX_DATABASE_URL": "sqlite://"})


def test_an_auto_decision_that_meets_its_database_away_is_taken_again(
    sandbox: Flask, client: FlaskClient, auth: dict[str, str], receiver: Any, payment_body: Any
) -> None:
    created = client.post("/sandbox/api/payments", json=payment_body(callback_url=receiver.url), headers=auth).json
    runtime = sandbox.extensions["kassa_sandbox"]
    outages = [OperationalError("SELECT 1", {}, Exception("the database system is starting up"))] * 2

    def restarting():  # the database refuses the first two sessions, as during a restart
        if outages:
            raise outages.pop()
        return runtime.session_factory()

    decide_as_a_shopper(replace(runtime, session_factory=restarting), created["id"], "succeeded")
    assert outages == []
    assert client.get(f"/sandbox/api/payments/{created['id']}", headers=auth).json["status"] == "succeeded"
    assert json.loads(receiver.wait_for(1)[0].body)["type"] == "payment.succeeded"


def test_a_card_fingerprint_given_with_the_decision_reaches_the_callback_and_later_reads(
    client: FlaskClient, create_payment: Any, receiver: Any, auth: dict[str, str]
) -> None:
    with_card, without = create_payment(reference="order_card"), create_payment(reference="order_plain")
    assert with_card["card_fingerprint"] is None  # nothing is known of the card before the shopper pays

    client.post(
        f"/sandbox/api/payments/{with_card['id']}/simulate",
        json={"outcome": "succeeded", "card_fingerprint": "fp_card_0001"},
    )
    simulate(client, without["id"], "succeeded")
    received = receiver.wait_for(2)

    told = {json.loads(c.body)["data"]["id"]: json.loads(c.body)["data"]["card_fingerprint"] for c in received}
    assert told == {with_card["id"]: "fp_card_0001", without["id"]: None}
    read = client.get(f"/sandbox/api/payments/{with_card['id']}", headers=auth).json
    assert read["card_fingerprint"] == "fp_card_0001" and read["status"] == "succeeded"


def test_a_decision_that_lost_the_race_changes_nothing_and_says_how_it_was_decided(
    client: FlaskClient, create_payment: Any, receiver: Any
) -> None:
    payment = create_payment()
    assert simulate(client, payment["id"], "failed").status_code == 200
    again = simulate(client, payment["id"], "succeeded")
    receiver.wait_for(1)
    time.sleep(0.3)

    assert again.status_code == 409 and "failed" in again.json["error"]["message"]
    assert [json.loads(c.body)["type"] for c in receiver.received] == ["payment.failed"]
