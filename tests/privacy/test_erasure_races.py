"""An erasure while a payment is in flight, on PostgreSQL with a real second transaction: the erasure rewrites the
risk notes on the customer's orders, and it must never write back a copy older than what the payment decided
(a card found on the block list after payment holds the goods and refunds the money)."""

from __future__ import annotations

import json
import threading

import pytest
import requests
from sqlalchemy import create_engine, text

from tests.conftest import DATABASE_URL, wait_for
from tests.privacy.test_customer_erasure import GONE, order_for

pytestmark = pytest.mark.postgres_only


def test_an_erasure_racing_a_payments_risk_decision_keeps_the_decision(api, pk_api, merchant, catalog, live_server):
    assert (
        api.post("/risk/list_entries", json={"kind": "ip", "value": "127.0.0.1", "action": "review"}).status_code == 201
    )
    order = order_for(pk_api, catalog["sku"], GONE, None).json  # no email: the erasure has nothing else to lock
    order = api.get(f"/orders/{order['id']}").json  # the risk notes as the merchant reads them
    assert order["risk"]["reasons"] == ["ip 127.0.0.1 is on the review list"]
    blocked = {
        **order["risk"],
        "decision": "block",
        "score": 100,
        "reasons": [*order["risk"]["reasons"], "after payment: card_fingerprint fp_stolen is on the block list"],
    }
    answers: list = []

    def erase() -> None:
        answers.append(
            requests.post(
                f"{live_server}/api/v1/customers/pk:{GONE}/erase",
                timeout=30,
                headers={"Authorization": f"Bearer {merchant.secret_key}"},
            )
        )

    engine = create_engine(DATABASE_URL)
    try:
        with engine.connect() as payment:  # the card screening of a payment: written, not committed yet
            payment.execute(
                text("UPDATE orders SET risk = CAST(:risk AS json) WHERE id = :id"),
                {"risk": json.dumps(blocked), "id": order["id"]},
            )
            eraser = threading.Thread(target=erase)
            eraser.start()
            # The erasure reaches the order while the payment's transaction holds it: it waits for the row's lock.
            wait_for(lambda: _waiting_for_a_lock(engine))
            payment.commit()
        eraser.join(30)
    finally:
        engine.dispose()

    assert answers and answers[0].status_code == 200, answers
    risk = api.get(f"/orders/{order['id']}").json["risk"]
    assert risk["decision"] == "block" and risk["score"] == 100  # the payment's decision stands
    assert risk["reasons"] == [
        "ip [erased] is on the review list",
        "after payment: card_fingerprint fp_stolen is on the block list",
    ]


def _waiting_for_a_lock(engine) -> bool:
    with engine.connect() as watcher:
        return (
            watcher.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )
            )
            > 0
        )
