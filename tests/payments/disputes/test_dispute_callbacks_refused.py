"""Dispute callbacks Kassa cannot take are refused with a 400 naming what is wrong, never a 500 the provider would
send again for days, and nothing is booked: fields the database cannot hold (a NUL, an id longer than any Kassa
keeps, an amount past any order's), a due date no calendar holds."""

from __future__ import annotations

import time

import pytest

from tests.payments.disputes.test_disputes import disputes_of, signed_post
from tests.support.lifecycle import paid_order


@pytest.mark.parametrize(
    "field, value, named",
    [
        ("id", "dp_\x00", "id"),
        ("id", "d" * 101, "id"),
        ("payment", "py_\x00", "payment"),
        ("payment_reference", "x" * 500, "payment_reference"),
        ("amount", 10**30, "amount"),
        ("evidence_due_by", 10**20, "evidence_due_by"),
    ],
)
def test_a_signed_dispute_callback_kassa_cannot_store_is_a_400_and_books_nothing(
    app, api, client, catalog, sandbox, field, value, named
):
    order = paid_order(api, sandbox, catalog["sku"])
    payment = order["payments"][0]
    dispute = {
        "id": "dp_odd",
        "object": "dispute",
        "payment": payment["provider_reference"],
        "payment_reference": payment["id"],
        "method": "card",
        "amount": 300,
        "currency": "usd",
        "reason": "fraudulent",
        "status": "needs_response",
        "evidence": None,
        "evidence_due_by": int(time.time()) + 86400,
        "created": int(time.time()),
    }
    event = {"id": "evt_odd", "type": "dispute.created", "created": int(time.time()), "data": {**dispute, field: value}}
    answer = signed_post(client, app, event)
    assert answer.status_code == 400, answer.json
    assert answer.json["error"]["code"] == "callback_rejected" and named in answer.json["error"]["message"]
    assert disputes_of(app, order["id"]) == []
    assert api.get(f"/orders/{order['id']}").json["disputes"] == []
