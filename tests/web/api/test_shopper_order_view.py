"""What a shopper's browser reads of the merchant's side of their order: where it stands, never the merchant's words.

A publishable key reads the order it holds the client secret of, and its events, to show the shopper where their
payment stands. The merchant's people write on the same order: a refund's reason, evidence for the bank in a
dispute, a review decision under their own name; and Kassa notes for the merchant why a card-block refund was made
(the card is on the merchant's block list). The merchant's server (secret key) reads all of it; the browser reads the
same fields with a neutral sentence per kind of timeline entry, and no refund reason, evidence or reviewer.
"""

from __future__ import annotations

import json

import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.payments.disputes.test_disputes import dispute_id_of, disputes_of, open_dispute
from tests.risk.test_risk_api import order_body
from tests.support.lifecycle import paid_order

REFUND_WHY = "Customer is a known chargeback abuser (ticket 991), refund and ban"
EVIDENCE = "Our logs show the shopper downloaded the files 14 times from 203.0.113.9"


def shopper_reads(pk_api, order: dict) -> tuple[dict, str]:
    """The order as the shopper's browser reads it, and all it reads of it (the order and its events) as text."""
    secret = {"client_secret": order["client_secret"]}
    read = pk_api.get(f"/orders/{order['id']}", query_string=secret)
    events = pk_api.get(f"/orders/{order['id']}/events", query_string=secret)
    assert read.status_code == events.status_code == 200
    return read.json, json.dumps(read.json) + json.dumps(events.json)


def reasons(order: dict) -> list[str]:
    return [entry["reason"] for entry in order["timeline"]]


def test_the_merchants_refund_reason_stays_with_the_merchant(api, pk_api, catalog, sandbox):
    order = paid_order(api, sandbox, catalog["sku"])
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 300, "reason": REFUND_WHY}).status_code == 201
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["refunded_amount"] == 300)

    shown, everything = shopper_reads(pk_api, order)
    assert "chargeback abuser" not in everything
    assert reasons(shown) == [
        "Order created",
        "Payment started",
        "Payment received",
        "Refund requested",
        "Part of the payment was refunded",
    ]
    assert (shown["refunds"][0]["amount"], shown["refunds"][0]["status"]) == (300, "succeeded")
    assert (shown["refunds"][0]["reason"], shown["refunds"][0]["risk"]) == (None, None)

    merchant = api.get(f"/orders/{order['id']}").json
    assert merchant["refunds"][0]["reason"] == REFUND_WHY
    assert any(REFUND_WHY in reason for reason in reasons(merchant))
    refunded = [e for e in api.get(f"/orders/{order['id']}/events").json["data"] if e["type"] == "refund.succeeded"]
    assert refunded[0]["data"]["object"]["reason"] == REFUND_WHY


def test_a_card_block_refund_does_not_tell_the_shopper_their_card_is_on_the_merchants_block_list(
    api, pk_api, catalog, sandbox, worker
):
    assert (
        api.post(
            "/risk/list_entries",
            json={"kind": "card_fingerprint", "value": "fp_card_4242", "action": "block", "note": "reseller ring"},
        ).status_code
        == 201
    )
    order = api.post("/orders", json=order_body(catalog["sku"], customer="cus_card")).json
    payment = pay(api, order["id"])
    requests.post(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/simulate",
        json={"outcome": "succeeded", "card_fingerprint": "fp_card_4242"},
        timeout=5,
    )
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    worker()

    shown, everything = shopper_reads(pk_api, order)
    for leak in ("block list", "risk control", "reseller"):
        assert leak not in everything, everything[max(0, everything.find(leak) - 300) : everything.find(leak) + 100]
    assert reasons(shown)[-2:] == ["Refund requested", "Refunded in full"]
    assert shown["refunded_amount"] == 999 and shown["risk"]["decision"] == "block"
    merchant_reasons = reasons(api.get(f"/orders/{order['id']}").json)
    assert any(
        "refunded by risk control: card_fingerprint fp_card_4242 is on the block list" in reason
        for reason in merchant_reasons
    )


def test_the_evidence_the_merchant_sends_the_bank_and_who_reviewed_the_order_stay_with_the_merchant(
    app, api, pk_api, catalog, sandbox, merchant
):
    from tests.support.portal import Portal

    api.post("/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"})
    order = paid_order(api, sandbox, catalog["sku"])
    owner = Portal(app.test_client())
    owner.sign_in(merchant.email, merchant.password)
    assert owner.post(f"/portal/orders/{order['id']}/review", {"decision": "approve"}).status_code == 302
    opened = open_dispute(sandbox, order, amount=250, reason="product_not_received")
    wait_for(lambda: disputes_of(app, order["id"]))
    dispute_id = dispute_id_of(app, opened["id"])
    assert api.post(f"/disputes/{dispute_id}/evidence", json={"text": EVIDENCE}).status_code == 200

    shown, everything = shopper_reads(pk_api, order)
    assert "203.0.113.9" not in everything and merchant.email not in everything
    assert shown["risk"]["review"]["decision"] == "approve" and shown["risk"]["review"]["by"] == "merchant"
    assert "The payment was disputed at the bank" in reasons(shown)
    assert shown["disputes"] == [{"id": dispute_id, "amount": 250, "status": "under_review"}]

    events = api.get(f"/orders/{order['id']}/events").json["data"]
    # The provider's own notice of the review may come first, without the evidence: the last update carries it.
    assert [e["data"]["object"]["evidence"] for e in events if e["type"] == "dispute.updated"][-1] == EVIDENCE
    assert api.get(f"/orders/{order['id']}").json["risk"]["review"]["by"] == merchant.email
