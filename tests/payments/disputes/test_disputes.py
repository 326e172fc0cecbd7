"""Disputes (chargebacks): the sandbox provider's bank takes a card payment back, Kassa hears it by a signed callback,
books the withdrawal at once, refuses to refund that money again, and books it back if the dispute is won.

Orders are paid and disputed through the sandbox provider over real HTTP, as a merchant's would be.
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
import requests

from sandbox.callbacks import sign
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import events_of
from tests.platform.observability.test_logs import kassa_logs
from tests.support.lifecycle import paid_order

FEE = 30 + 29  # the sandbox keeps 30 cents + 2.9 % of $9.99


def open_dispute(sandbox, order: dict, **body) -> dict:
    reference = order["payments"][0]["provider_reference"]
    response = requests.post(f"{sandbox.url}/sandbox/api/payments/{reference}/dispute", json=body, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def close_dispute(sandbox, provider_id: str, outcome: str, **body) -> dict:
    response = requests.post(
        f"{sandbox.url}/sandbox/api/disputes/{provider_id}/close", json={"outcome": outcome, **body}, timeout=10
    )
    assert response.status_code == 200, response.text
    return response.json()


def disputes_of(app, order_id: str) -> list:
    from app.extensions import db
    from app.payments.models import Dispute

    with app.app_context():
        rows = db.session.query(Dispute).filter_by(order_id=order_id).all()
        return [(d.provider_dispute_id, d.amount, d.status, d.fee_back, d.dispute_fee) for d in rows]


def entries_of(app, kind: str, reference: str) -> int:
    from app.extensions import db
    from app.ledger.models import JournalEntry

    with app.app_context():
        return db.session.query(JournalEntry).filter_by(kind=kind, reference=reference).count()


def dispute_id_of(app, provider_id: str) -> str:
    from app.extensions import db
    from app.payments.models import Dispute

    with app.app_context():
        return db.session.query(Dispute).filter_by(provider_dispute_id=provider_id).one().id


def ledger_is_whole(app) -> list:
    from app.payments.integrity import run_check

    with app.app_context():
        return run_check().findings


def completed_order(api, sandbox, worker, sku: str) -> dict:
    order = paid_order(api, sandbox, sku)
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared: the merchant's share, less the sandbox's fee, is available
    return api.get(f"/orders/{order['id']}").json


def set_dispute_fee(app, merchant_id: str, fee: int) -> None:
    from app.extensions import db
    from app.payments.models import ChannelConfig

    with app.app_context():
        db.session.add(ChannelConfig(merchant_id=merchant_id, code="sandbox_card", dispute_fees={"usd": fee}))
        db.session.commit()


def signed_post(client, app, body: dict, secret: str | None = None):
    raw = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    signature = sign(secret or app.config["SANDBOX_CALLBACK_SECRET"], int(time.time()), raw)
    return client.post(
        "/hooks/channels/sandbox_card",
        data=raw,
        content_type="application/json",
        headers={"Sandbox-Signature": signature},
    )


def test_a_dispute_withdraws_the_money_at_once_and_a_won_one_brings_it_back(
    app, api, merchant, catalog, sandbox, worker
):
    set_dispute_fee(app, merchant.id, 1500)
    order = completed_order(api, sandbox, worker, catalog["sku"])  # $9.99
    assert api.get("/balance").json["available"] == [{"amount": 999 - FEE, "currency": "usd"}]

    opened = open_dispute(sandbox, order, amount=600, reason="fraudulent")
    assert (opened["status"], opened["amount"]) == ("needs_response", 600)
    wait_for(lambda: disputes_of(app, order["id"]))
    # Booked as a refund of $6.00 would be (it gets back 35 of the sandbox's 59 cents), plus the $15.00 fee.
    assert disputes_of(app, order["id"]) == [(opened["id"], 600, "needs_response", 35, 1500)]
    dispute_id = dispute_id_of(app, opened["id"])
    assert entries_of(app, "dispute.withdrawal", dispute_id) == 1
    assert api.get("/balance").json["available"] == [{"amount": 999 - FEE - (600 - 35) - 1500, "currency": "usd"}]
    # The bank took $6.00 back: only $3.99 remains refundable.
    too_much = api.post(f"/orders/{order['id']}/refunds", json={"amount": 400})
    assert too_much.status_code == 422 and too_much.json["error"]["code"] == "amount_too_large"
    assert "disputed" in too_much.json["error"]["message"]
    assert ledger_is_whole(app) == []

    close_dispute(sandbox, opened["id"], "won")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "won")
    assert entries_of(app, "dispute.return", dispute_id) == 1
    # The money is back; the dispute fee is not (the provider keeps it whatever the outcome).
    assert api.get("/balance").json["available"] == [{"amount": 999 - FEE - 1500, "currency": "usd"}]
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 999}).status_code == 201
    assert ledger_is_whole(app) == []


def test_a_lost_dispute_keeps_the_money_withdrawn_and_the_order_clears_what_is_left(app, api, catalog, sandbox, worker):
    order = paid_order(api, sandbox, catalog["sku"])  # paid, not cleared: the money is still receivable
    worker()  # fulfilled
    opened = open_dispute(sandbox, order)  # no amount: all of it
    wait_for(lambda: disputes_of(app, order["id"]))
    assert disputes_of(app, order["id"])[0][:3] == (opened["id"], 999, "needs_response")
    assert api.get("/balance").json["pending"] == []
    refused = api.post(f"/orders/{order['id']}/refunds", json={})
    assert refused.status_code == 422 and refused.json["error"]["code"] == "amount_too_large"

    close_dispute(sandbox, opened["id"], "lost")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "lost")
    assert entries_of(app, "dispute.return", dispute_id_of(app, opened["id"])) == 0
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared: the order kept nothing, so nothing becomes available
    balance = api.get("/balance").json
    assert balance["available"] == [] and balance["pending"] == []
    assert ledger_is_whole(app) == []


def test_duplicated_and_reordered_callbacks_make_one_dispute_moving_only_forward(app, api, client, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    # The provider's first news is lost; its closing comes first, then the opening arrives late, twice.
    opened = open_dispute(sandbox, order, amount=300, callback="drop")
    closed = close_dispute(sandbox, opened["id"], "lost", callback="duplicate")
    wait_for(lambda: disputes_of(app, order["id"]) and disputes_of(app, order["id"])[0][2] == "lost")
    late = {"id": "evt_late", "type": "dispute.created", "created": int(time.time()), "data": opened}
    for _ in range(2):
        assert signed_post(client, app, late).status_code == 200
    assert closed["status"] == "lost"
    assert [row[:3] for row in disputes_of(app, order["id"])] == [(opened["id"], 300, "lost")]
    dispute_id = dispute_id_of(app, opened["id"])
    assert entries_of(app, "dispute.withdrawal", dispute_id) == 1
    assert entries_of(app, "dispute.return", dispute_id) == 0
    assert api.get(f"/orders/{order['id']}").json["refunded_amount"] == 0
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 700}).status_code == 422
    assert ledger_is_whole(app) == []


def test_a_forged_or_unsigned_dispute_callback_is_refused_and_changes_nothing(app, api, client, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    payment = order["payments"][0]
    forged = {
        "id": "evt_forged",
        "type": "dispute.created",
        "created": int(time.time()),
        "data": {
            "id": "dp_forged",
            "object": "dispute",
            "payment": payment["provider_reference"],
            "payment_reference": payment["id"],
            "method": "card",
            "amount": 999,
            "currency": "usd",
            "reason": "fraudulent",
            "status": "needs_response",
            "evidence": None,
            "evidence_due_by": int(time.time()) + 86400,
            "created": int(time.time()),
        },
    }
    wrong_key = signed_post(client, app, forged, secret="not-the-secret")
    unsigned = client.post("/hooks/channels/sandbox_card", json=forged)
    assert (wrong_key.status_code, unsigned.status_code) == (400, 400)
    assert wrong_key.json["error"]["code"] == "callback_rejected"
    assert disputes_of(app, order["id"]) == []
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 999}).status_code == 201


def test_the_merchant_lists_reads_and_answers_a_dispute_with_evidence_forwarded_to_the_provider(
    app, api, client, other_merchant, catalog, sandbox
):
    from tests.conftest import Api

    order = paid_order(api, sandbox, catalog["sku"])
    other = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order, amount=250, reason="product_not_received")
    open_dispute(sandbox, other, amount=100)
    wait_for(lambda: disputes_of(app, order["id"]) and disputes_of(app, other["id"]))
    dispute_id = dispute_id_of(app, opened["id"])

    listed = api.get("/disputes").json
    assert len(listed["data"]) == 2 and listed["has_more"] is False
    assert [d["id"] for d in api.get(f"/disputes?order={order['id']}").json["data"]] == [dispute_id]
    assert api.get("/disputes?status=won").json["data"] == []
    assert api.get("/disputes?status=sideways").status_code == 400
    assert api.get("/disputes?limit=1").json["has_more"] is True
    shown = api.get(f"/disputes/{dispute_id}").json
    assert (shown["order"], shown["amount"], shown["currency"], shown["status"], shown["reason"]) == (
        order["id"],
        250,
        "usd",
        "needs_response",
        "product_not_received",
    )
    assert shown["evidence_due_by"] and shown["evidence"] is None
    assert api.get(f"/orders/{order['id']}").json["disputes"] == [
        {"id": dispute_id, "amount": 250, "status": "needs_response"}
    ]
    assert Api(client, other_merchant.secret_key).get(f"/disputes/{dispute_id}").status_code == 404

    empty = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "  "})
    assert empty.status_code == 400 and empty.json["error"]["param"] == "text"
    sent = api.post(
        f"/disputes/{dispute_id}/evidence",
        json={"text": "Delivered on 3 May, tracking 1Z999."},
        headers={"Idempotency-Key": "evidence-1"},
    )
    assert sent.status_code == 200, sent.json
    replayed = api.post(
        f"/disputes/{dispute_id}/evidence",
        json={"text": "Delivered on 3 May, tracking 1Z999."},
        headers={"Idempotency-Key": "evidence-1"},
    )
    assert replayed.status_code == 200 and replayed.headers.get("Idempotent-Replayed") == "true"
    assert (sent.json["status"], sent.json["evidence"]) == ("under_review", "Delivered on 3 May, tracking 1Z999.")
    at_provider = requests.get(
        f"{sandbox.url}/sandbox/api/disputes/{opened['id']}",
        timeout=10,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()
    assert (at_provider["status"], at_provider["evidence"]) == ("under_review", "Delivered on 3 May, tracking 1Z999.")
    again = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "More."})
    assert again.status_code == 409 and again.json["error"]["code"] == "dispute_state_invalid"
    assert "under review" in again.json["error"]["message"]
    # The provider's own callback about the evidence changes nothing more.
    wait_for(lambda: api.get(f"/disputes/{dispute_id}").json["status"] == "under_review")


def test_evidence_after_the_due_date_is_refused_and_nothing_is_sent(app, api, catalog, sandbox):
    from datetime import datetime, timedelta, timezone

    from app.extensions import db
    from app.payments.models import Dispute

    order = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order)
    wait_for(lambda: disputes_of(app, order["id"]))
    dispute_id = dispute_id_of(app, opened["id"])
    with app.app_context():
        db.session.get(Dispute, dispute_id).evidence_due_by = datetime.now(timezone.utc) - timedelta(minutes=1)
        db.session.commit()
    late = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "Too late?"})
    assert late.status_code == 409 and late.json["error"]["code"] == "evidence_too_late"
    assert api.get(f"/disputes/{dispute_id}").json["status"] == "needs_response"


def test_a_dispute_of_a_wallet_top_up_is_refused_not_booked_as_the_merchants_money(app, api, client, sandbox, worker):
    from tests.ledger.wallet.test_wallet import top_up

    payment = top_up(api, sandbox, worker, 4000).json["payment"]
    notice = {
        "id": "evt_topup",
        "type": "dispute.created",
        "created": int(time.time()),
        "data": {
            "id": "dp_topup",
            "object": "dispute",
            "payment": payment["provider_reference"],
            "payment_reference": payment["id"],
            "method": "card",
            "amount": 4000,
            "currency": "usd",
            "reason": "fraudulent",
            "status": "needs_response",
            "evidence": None,
            "evidence_due_by": int(time.time()) + 86400,
            "created": int(time.time()),
        },
    }
    refused = signed_post(client, app, notice)
    assert refused.status_code == 409 and refused.json["error"]["code"] == "dispute_not_supported"
    assert api.get("/disputes").json["data"] == []
    assert ledger_is_whole(app) == []


def status_and_timeline(api, order_id: str) -> tuple[str, list[str]]:
    order = api.get(f"/orders/{order_id}").json
    return order["status"], [entry["reason"] for entry in order["timeline"]]


def test_a_refund_giving_back_what_a_lost_dispute_left_makes_the_order_refunded(app, api, catalog, sandbox, worker):
    """Before, the order went back to completed with nothing left to refund; a lost dispute's money went back to the
    shopper as a refund's does, so together they give the whole order back."""
    order = completed_order(api, sandbox, worker, catalog["sku"])  # $9.99, cleared: $9.40 available
    opened = open_dispute(sandbox, order, amount=600)
    wait_for(lambda: disputes_of(app, order["id"]))
    close_dispute(sandbox, opened["id"], "lost")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "lost")

    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == 399
    status, timeline = status_and_timeline(api, order["id"])
    assert status == "refunded"
    assert "$6.00 kept by the shopper's bank (lost dispute)" in timeline[-1]
    assert any(e.data["object"]["id"] == order["id"] for e in events_of(app, "order.refunded"))
    again = api.post(f"/orders/{order['id']}/refunds", json={"amount": 1})
    assert again.status_code == 409 and again.json["error"]["code"] == "order_state_invalid"
    assert api.get("/balance").json["available"] == []  # money unchanged: all of it went back
    assert ledger_is_whole(app) == []


def test_a_dispute_lost_after_the_rest_was_refunded_makes_the_order_refunded(app, api, catalog, sandbox, worker):
    order = completed_order(api, sandbox, worker, catalog["sku"])
    opened = open_dispute(sandbox, order, amount=600)
    wait_for(lambda: disputes_of(app, order["id"]))
    assert api.post(f"/orders/{order['id']}/refunds", json={}).json["refund"]["amount"] == 399
    # The dispute may still be won and its $6.00 come back to the merchant: the order is not given back yet.
    assert status_and_timeline(api, order["id"])[0] == "completed"

    close_dispute(sandbox, opened["id"], "lost")
    wait_for(lambda: status_and_timeline(api, order["id"])[0] == "refunded")
    dispute_id = dispute_id_of(app, opened["id"])
    last = status_and_timeline(api, order["id"])[1][-1]
    assert f"$3.99 refunded and $6.00 kept by the shopper's bank (dispute {dispute_id} lost)" in last
    assert api.get("/balance").json["available"] == []
    assert ledger_is_whole(app) == []


def test_a_dispute_won_after_the_rest_was_refunded_leaves_its_money_refundable(app, api, catalog, sandbox, worker):
    """The reverse: the order was never called given back while the dispute was open, so when it is won the merchant
    can still refund the money that came back, and only then is the order refunded."""
    order = completed_order(api, sandbox, worker, catalog["sku"])
    opened = open_dispute(sandbox, order, amount=600)
    wait_for(lambda: disputes_of(app, order["id"]))
    assert api.post(f"/orders/{order['id']}/refunds", json={}).json["refund"]["amount"] == 399

    close_dispute(sandbox, opened["id"], "won")
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == "won")
    assert status_and_timeline(api, order["id"])[0] == "completed"
    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.status_code == 201 and rest.json["refund"]["amount"] == 600
    assert status_and_timeline(api, order["id"])[0] == "refunded"
    assert api.get("/balance").json["available"] == []
    assert ledger_is_whole(app) == []


def _dispatcher(app, worker):
    """Runs the outbox as time passing would: each call makes every retry due (two hours later) and runs the jobs."""
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import dispatch_pending

    later = utcnow()

    def dispatch() -> None:
        nonlocal later
        with app.app_context():
            later += timedelta(hours=2)
            dispatch_pending(now=later)
        worker()

    return dispatch


def _closed_then_compensated(app, api, sandbox, dispatch, order: dict, provider_id: str, outcome: str) -> dict:
    """The bank closes the dispute and the outbox runs again: the order then, whose compensation is finished."""
    close_dispute(sandbox, provider_id, outcome)
    wait_for(lambda: disputes_of(app, order["id"])[0][2] == outcome)
    dispatch()
    [failed] = events_of(app, "order.fulfilment_failed")
    assert failed.dispatched_at is not None  # finished: no retry for ever
    return api.get(f"/orders/{order['id']}").json


@pytest.fixture
def failing_fulfilment(app, catalog, monkeypatch):
    """The SKU's fulfilment webhook answers 500, and the second attempt gives up (order.fulfilment_failed)."""
    from tests.support.lifecycle import ReceiverServer, set_fulfilment

    server = ReceiverServer(status=500)
    monkeypatch.setitem(app.config, "FULFILMENT_MAX_ATTEMPTS", 2)
    set_fulfilment(app, catalog["sku"], {"webhook_url": server.receiver.url})
    yield
    server.stop()


def test_compensation_waits_for_an_open_dispute_and_stops_once_a_lost_one_took_everything(
    app, api, catalog, sandbox, worker, failing_fulfilment
):
    """Before, the compensation of an order the bank took back in full asked for a refund of nothing, failed, and the
    outbox retried it for ever."""
    order = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order)  # all of it
    wait_for(lambda: disputes_of(app, order["id"]))
    worker()  # the fulfilment webhook fails
    dispatch = _dispatcher(app, worker)
    with kassa_logs() as stream:
        for _ in range(3):  # the second attempt fails for good: order.fulfilment_failed → compensation
            dispatch()
    [failed] = events_of(app, "order.fulfilment_failed")
    # Nothing refundable while the dispute is open, but it may be won: compensation waits for its outcome.
    assert failed.dispatched_at is None and failed.dispatch_attempts >= 1
    # A wait of weeks is one plain line per try, not an error with a traceback every hour.
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    waits = [line for line in lines if line["msg"].startswith("event handler waits")]
    assert waits and all(line["level"] == "info" and "exc" not in line for line in waits)
    assert "held by open dispute" in waits[0]["msg"]
    assert not [
        line
        for line in lines
        if line["msg"] == "event handler failed" and line.get("handler", "").endswith("refund_unfulfilled_order")
    ]

    after = _closed_then_compensated(app, api, sandbox, dispatch, order, opened["id"], "lost")
    assert after["refunds"] == [] and after["refunded_amount"] == 0
    assert any(
        "nothing left to refund" in t["reason"] and "compensation stopped" in t["reason"] for t in after["timeline"]
    )


def test_compensation_refused_then_partly_disputed_refunds_what_the_lost_dispute_left(
    app, api, catalog, sandbox, worker, failing_fulfilment
):
    """Before, the refused $9.99 compensation refund was retried whole after the bank took $6.00 back: refused as too
    large for ever. Now a refund of the $3.99 left is made, and with the lost dispute the order is refunded."""
    order = paid_order(api, sandbox, catalog["sku"])
    reference = order["payments"][0]["provider_reference"]
    assert (
        requests.post(
            f"{sandbox.url}/sandbox/api/payments/{reference}/simulate_refund", json={"outcome": "failed"}, timeout=5
        ).status_code
        == 200
    )
    worker()  # the fulfilment webhook fails
    dispatch = _dispatcher(app, worker)
    for _ in range(3):  # until fulfilment is given up and its compensation refund refused (the outbox retries it)
        if api.get(f"/orders/{order['id']}").json["refunds"]:
            break
        dispatch()
    assert [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["failed"]

    opened = open_dispute(sandbox, order, amount=600)
    wait_for(lambda: disputes_of(app, order["id"]))
    after = _closed_then_compensated(app, api, sandbox, dispatch, order, opened["id"], "lost")
    assert [(r["amount"], r["status"]) for r in after["refunds"]] == [(999, "failed"), (399, "succeeded")]
    assert (after["status"], after["refunded_amount"]) == ("refunded", 399)
    assert ledger_is_whole(app) == []


def test_compensation_during_an_open_dispute_that_is_won_refunds_the_money_won_back_too(
    app, api, catalog, sandbox, worker, failing_fulfilment
):
    """The order could not be fulfilled while the bank held $6.00 of it in an open dispute: compensation refunded the
    $3.99 left and stopped. When the merchant won the dispute the $6.00 came back to the merchant, and the shopper,
    never served, never got it. Now compensation waits for the dispute: won, the $6.00 is refunded too."""
    order = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order, amount=600)
    wait_for(lambda: disputes_of(app, order["id"]))
    worker()  # the fulfilment webhook fails
    dispatch = _dispatcher(app, worker)
    for _ in range(3):  # the second attempt fails for good: order.fulfilment_failed → compensation of what is left
        dispatch()
    refunds = api.get(f"/orders/{order['id']}").json["refunds"]
    assert [(r["amount"], r["status"]) for r in refunds] == [(399, "succeeded")]
    [failed] = events_of(app, "order.fulfilment_failed")
    assert failed.dispatched_at is None  # the dispute may still be won: compensation waits for its outcome

    after = _closed_then_compensated(app, api, sandbox, dispatch, order, opened["id"], "won")
    assert [(r["amount"], r["status"]) for r in after["refunds"]] == [(399, "succeeded"), (600, "succeeded")]
    assert (after["status"], after["refunded_amount"]) == ("refunded", 999)
    dispatch()  # delivered again, it refunds nothing more
    assert len(api.get(f"/orders/{order['id']}").json["refunds"]) == 2
    assert api.get("/balance").json["available"] == []
    assert ledger_is_whole(app) == []


def test_evidence_reaches_the_merchants_events_when_the_providers_own_notice_lands_first(
    app, api, catalog, sandbox, monkeypatch
):
    """The provider takes the evidence and answers slowly; its own notice that the dispute is under review reaches
    Kassa first. That notice's event could not carry the evidence (Kassa had not stored it yet), and the dispute,
    already under review, recorded no event when the evidence was stored: the merchant's events never held it. Now
    the evidence is an update of its own."""
    from tests.support.faulty_provider import FaultyProvider

    order = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order)
    wait_for(lambda: disputes_of(app, order["id"]))
    dispute_id = dispute_id_of(app, opened["id"])
    # The sandbox calls back 1 s after it takes the evidence; its answer comes 3 s after it.
    with FaultyProvider(sandbox.url, "slow", delay=3.0) as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        sent = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "Delivered on 3 May."})
    assert sent.status_code == 200, sent.json
    assert (sent.json["status"], sent.json["evidence"]) == ("under_review", "Delivered on 3 May.")
    updates = [e.data["object"]["evidence"] for e in sorted(events_of(app, "dispute.updated"), key=lambda e: e.id)]
    assert updates == [None, "Delivered on 3 May."]  # the notice first, then the evidence


def test_evidence_whose_answer_cannot_be_read_is_a_channel_error_not_a_500(app, api, catalog, sandbox, monkeypatch):
    """The provider took the evidence, but what came back was not a dispute (a proxy's answer, a changed API): Kassa
    read its status unguarded and the merchant got a 500. Now it is a 502 saying the outcome is not known, nothing
    is written, and the provider's next notice of the dispute tells."""
    from tests.support.faulty_provider import FaultyProvider

    order = paid_order(api, sandbox, catalog["sku"])
    opened = open_dispute(sandbox, order)
    wait_for(lambda: disputes_of(app, order["id"]))
    dispute_id = dispute_id_of(app, opened["id"])
    with FaultyProvider(sandbox.url, "not_an_object") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        sent = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "Delivered on 3 May."})
    assert sent.status_code == 502, sent.json
    assert (sent.json["error"]["type"], sent.json["error"]["code"]) == ("channel_error", "evidence_outcome_unknown")
    assert "could not be read" in sent.json["error"]["message"]
    assert api.get(f"/disputes/{dispute_id}").json["evidence"] is None  # nothing written on a guess
    wait_for(lambda: api.get(f"/disputes/{dispute_id}").json["status"] == "under_review")  # the provider's notice


def test_a_lost_dispute_racing_the_workers_fulfilment_is_applied_not_refused(
    app, api, client, catalog, sandbox, monkeypatch
):
    """The worker fulfils an order just paid (paid → fulfilled, without the order's lock) while the bank's "lost"
    notice for all that was not refunded is applied: the notice read the order before the worker's move and its own
    move to
    refunded then found the order changed, so Kassa answered 409 and the provider had to send it again. Now the
    notice holds the order's row before reading it: it decides on the order as it is, and is applied at once."""
    import threading

    from app.orders.fulfilment import fulfil_order
    from app.orders.services import StaleOrder
    from app.payments.disputes import services as disputes

    order = paid_order(api, sandbox, catalog["sku"])  # paid; its fulfilment has not run yet
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 399}).json["refund"]["status"] == "succeeded"
    assert status_and_timeline(api, order["id"])[0] == "paid"
    opened = open_dispute(sandbox, order, amount=600)  # all the rest
    wait_for(lambda: disputes_of(app, order["id"]))
    worker_ran: list[str] = []
    money = disputes.Money

    def fulfilled_meanwhile(*args):
        if not worker_ran:  # while the notice decides, as a worker would

            def work():
                with app.app_context():
                    try:
                        worker_ran.append(fulfil_order(order["id"]))
                    except StaleOrder:  # it waited for the notice's move, and reads the order again later
                        worker_ran.append("stale")

            thread = threading.Thread(target=work)
            thread.start()
            thread.join(2)  # a worker that must wait for the order's row waits; the notice goes on
        return money(*args)

    monkeypatch.setattr(disputes, "Money", fulfilled_meanwhile)
    closed = close_dispute(sandbox, opened["id"], "lost", callback="drop")
    notice = signed_post(
        client, app, {"id": "evt_lost_race", "type": "dispute.closed", "created": int(time.time()), "data": closed}
    )
    assert notice.status_code == 200, notice.json
    wait_for(lambda: bool(worker_ran))
    status, timeline = status_and_timeline(api, order["id"])
    assert status == "refunded" and disputes_of(app, order["id"])[0][2] == "lost"
    assert any("kept by the shopper's bank" in reason for reason in timeline)
    assert ledger_is_whole(app) == []


def test_a_dispute_arriving_before_the_capture_is_booked_is_sent_again_not_lost(
    app, api, client, catalog, sandbox, worker
):
    """The bank's dispute can reach Kassa before the capture it disputes (that callback lost or late): before, the
    notice was acknowledged as 'not our payment' and the withdrawal never reached the books; now it is a 503, which
    the provider sends again, and booked once the capture is."""
    from tests.payments.attempts.test_payment_flow import create_order, pay

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")  # captured; Kassa not told
    opened = open_dispute(sandbox, {"payments": [payment]}, amount=300, callback="drop")
    notice = {"id": "evt_early", "type": "dispute.created", "created": int(time.time()), "data": opened}
    assert signed_post(client, app, notice).status_code == 503
    assert disputes_of(app, order["id"]) == []

    from app.platform.queueing import PAYMENTS, enqueue

    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)  # the status poll learns the capture
    worker()
    assert api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled")
    assert signed_post(client, app, notice).status_code == 200
    assert [row[:2] for row in disputes_of(app, order["id"])] == [(opened["id"], 300)]
    assert entries_of(app, "dispute.withdrawal", dispute_id_of(app, opened["id"])) == 1
    assert ledger_is_whole(app) == []
