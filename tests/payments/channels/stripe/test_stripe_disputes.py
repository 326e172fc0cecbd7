"""A Stripe chargeback reaches Kassa's books: the order is paid through Stripe (localstripe, real HTTP), the card
issuer disputes it, and Stripe's signed ``charge.dispute.*`` events, posted to the merchant's hook over real HTTP,
book the withdrawal and Stripe's dispute fee, refuse a refund of that money, forward the merchant's evidence to
Stripe, and bring the money back when won or take the goods back when lost in full.

localstripe has no disputes at all (no Dispute object, no /v1/disputes, no dispute events): the Dispute API and its
events come from tests/support/stripe_disputes_server.py, a loopback server of this suite in front of localstripe,
which serves the Dispute as Stripe's API reference shows it and forwards every other call (the PaymentIntents and
charges Kassa reads) to localstripe.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

import pytest
import requests
from sqlalchemy import select

from tests.conftest import free_port
from tests.payments.attempts.test_payment_flow import create_order, events_of
from tests.payments.channels.stripe.test_stripe_channel import _pay, _poll, _status
from tests.payments.disputes.test_disputes import disputes_of, entries_of, ledger_is_whole
from tests.support.lifecycle import set_fulfilment
from tests.support.localstripe import SECRET_KEY, WEBHOOK_SECRET
from tests.support.stripe_disputes_server import StripeDisputes

PRICE, FEE = 999, 59  # $9.99, less Stripe's 2.9 % + $0.30
DISPUTE_FEE = 1500  # Stripe's published dispute fee in the US


@pytest.fixture
def issuer(app, localstripe):
    """Stripe's disputes for this test, with Kassa's STRIPE_API_BASE pointed at them."""
    server = StripeDisputes(localstripe.url)
    saved = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = server.url
    yield server
    app.config["STRIPE_API_BASE"] = saved
    server.close()


@pytest.fixture
def hook(live_server, stripe_merchant) -> str:
    """The merchant's Stripe webhook endpoint, as the portal shows it."""
    return f"{live_server}/hooks/channels/stripe/{stripe_merchant.id}"


def completed_order(app, api, localstripe, worker, sku: str) -> dict:
    """An order paid by card at Stripe, fulfilled, confirmed and cleared: its money is the merchant's balance."""
    order = create_order(api, sku)
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    _poll(app, worker)
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared
    assert _status(api, order["id"]) == "completed"
    return api.get(f"/orders/{order['id']}").json


def available(api) -> int:
    return sum(b["amount"] for b in api.get("/balance").json["available"] if b["currency"] == "usd")


def intent_of(order: dict) -> str:
    return order["payments"][0]["provider_reference"]


def applied(answer: requests.Response) -> str | None:
    """The Kassa dispute a webhook was applied to (None: acknowledged, nothing done)."""
    assert answer.status_code == 200, answer.text
    return answer.json().get("dispute")


def test_a_stripe_chargeback_is_booked_refused_for_refund_answered_with_evidence_and_won_back(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    assert available(api) == PRICE - FEE

    opened = issuer.open(intent_of(order), amount=600, reason="product_not_received")
    dispute_id = applied(issuer.send(hook, "charge.dispute.created", opened))
    assert dispute_id is not None
    [listed] = api.get("/disputes").json["data"]
    assert (
        listed["id"],
        listed["order"],
        listed["channel"],
        listed["amount"],
        listed["currency"],
        listed["status"],
        listed["reason"],
        listed["fee"],
    ) == (dispute_id, order["id"], "stripe", 600, "usd", "needs_response", "product_not_received", DISPUTE_FEE)
    due = datetime.fromtimestamp(opened["evidence_details"]["due_by"], timezone.utc)
    assert listed["evidence_due_by"] == due.strftime("%Y-%m-%dT%H:%M:%SZ")
    # Stripe took $6.00 and its $15.00 dispute fee; it keeps its processing fee, so none of that comes back.
    assert available(api) == PRICE - FEE - 600 - DISPUTE_FEE
    refused = api.post(f"/orders/{order['id']}/refunds", json={"amount": 400})
    assert refused.status_code == 422 and refused.json["error"]["code"] == "amount_too_large"
    assert "disputed" in refused.json["error"]["message"]
    assert ledger_is_whole(app) == []

    text = "The shopper downloaded the game on 2 May from 203.0.113.9; the receipt was emailed the same minute."
    sent = api.post(f"/disputes/{dispute_id}/evidence", json={"text": text})
    assert sent.status_code == 200, sent.json
    assert (sent.json["status"], sent.json["evidence"]) == ("under_review", text)
    at_stripe = issuer.disputes[opened["id"]]
    assert (at_stripe["status"], at_stripe["evidence"]["uncategorized_text"]) == ("under_review", text)
    assert issuer.updates[-1]["submit"] == "true"
    assert applied(issuer.send(hook, "charge.dispute.updated", at_stripe)) == dispute_id  # its news of that

    won = issuer.move(opened["id"], "won")
    for event in ("charge.dispute.funds_reinstated", "charge.dispute.closed"):
        assert applied(issuer.send(hook, event, won)) == dispute_id
    assert api.get(f"/disputes/{dispute_id}").json["status"] == "won"
    assert available(api) == PRICE - FEE - DISPUTE_FEE  # the $6.00 is back; the dispute fee is not
    assert entries_of(app, "dispute.return", dispute_id) == 1
    assert [len(events_of(app, f"dispute.{kind}")) for kind in ("created", "updated", "closed")] == [1, 1, 1]
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": PRICE}).status_code == 201
    assert ledger_is_whole(app) == []


def test_a_stripe_chargeback_lost_in_full_takes_back_what_the_order_granted(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    set_fulfilment(app, catalog["sku"], {"credits": 1000})
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    assert api.get("/customers/cus_flow/entitlements").json["credits"] == 1000

    # A Dispute may name only the charge: Kassa finds the PaymentIntent, and its attempt, through it.
    opened = issuer.open(intent_of(order), name_the_payment_intent=False)
    assert opened["payment_intent"] is None and opened["charge"].startswith("ch_")
    assert applied(issuer.send(hook, "charge.dispute.funds_withdrawn", opened)) is not None
    assert applied(issuer.send(hook, "charge.dispute.closed", issuer.move(opened["id"], "lost"))) is not None
    worker()

    held = api.get("/customers/cus_flow/entitlements").json
    assert held["credits"] == 0 and held["grants"][0]["taken_back"]["credits"] == 1000
    shown = api.get(f"/orders/{order['id']}").json
    assert (shown["status"], shown["disputes"][0]["status"], shown["disputes"][0]["amount"]) == (
        "completed",
        "lost",
        PRICE,
    )
    assert available(api) == -DISPUTE_FEE - FEE  # the bank has the money; Stripe kept both its fees
    assert ledger_is_whole(app) == []


def test_stripes_events_twice_and_out_of_order_are_applied_once(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    opened = issuer.open(intent_of(order))
    under_review = dict(opened, status="under_review")
    lost = issuer.move(opened["id"], "lost")

    # The decision arrives first, then the dispute's earlier news, some of it twice.
    first = applied(issuer.send(hook, "charge.dispute.closed", lost))
    for event, state in (
        ("charge.dispute.created", opened),
        ("charge.dispute.funds_withdrawn", opened),
        ("charge.dispute.funds_withdrawn", opened),
        ("charge.dispute.updated", under_review),
        ("charge.dispute.closed", lost),
    ):
        assert applied(issuer.send(hook, event, state)) == first

    assert disputes_of(app, order["id"]) == [(opened["id"], PRICE, "lost", 0, DISPUTE_FEE)]
    assert entries_of(app, "dispute.withdrawal", first) == 1 and entries_of(app, "dispute.fee", first) == 1
    assert [len(events_of(app, f"dispute.{kind}")) for kind in ("created", "updated", "closed")] == [1, 0, 1]
    assert available(api) == -DISPUTE_FEE - FEE
    assert ledger_is_whole(app) == []


def test_an_inquiry_moves_no_money_until_the_issuer_escalates_it(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    asked = issuer.open(intent_of(order), status="warning_needs_response", reason="general")
    assert applied(issuer.send(hook, "charge.dispute.created", asked)) is None
    assert applied(issuer.send(hook, "charge.dispute.updated", dict(asked, status="warning_under_review"))) is None
    assert api.get("/disputes").json["data"] == [] and available(api) == PRICE - FEE

    escalated = issuer.move(asked["id"], "needs_response")
    assert applied(issuer.send(hook, "charge.dispute.funds_withdrawn", escalated)) is not None
    assert [d["status"] for d in api.get("/disputes").json["data"]] == ["needs_response"]
    assert available(api) == PRICE - FEE - PRICE - DISPUTE_FEE

    other = completed_order(app, api, localstripe, worker, catalog["sku"])
    closed = issuer.open(intent_of(other), status="warning_closed")
    assert applied(issuer.send(hook, "charge.dispute.closed", closed)) is None
    assert disputes_of(app, other["id"]) == []

    # Asked by id (reconciliation's way to a dispute whose events were lost), Stripe's answer reads the same.
    from app.payments.channels.interface import ProviderRefused
    from app.payments.channels.registry import adapter_for

    with app.app_context():
        adapter = adapter_for("stripe", stripe_merchant.id)
        found = adapter.find_dispute(asked["id"])
        assert (found.status, found.amount, found.provider_reference, found.attempt_id) == (
            "needs_response",
            PRICE,
            intent_of(order),
            order["payments"][0]["id"],
        )
        with pytest.raises(ProviderRefused):
            adapter.find_dispute(closed["id"])  # an inquiry: no chargeback to book


def test_a_forged_or_unreadable_dispute_event_is_refused_and_changes_nothing(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    opened = issuer.open(intent_of(order))

    forged = issuer.send(hook, "charge.dispute.created", opened, secret="whsec_someone_elses_secret")
    stale = issuer.send(hook, "charge.dispute.created", opened, stamp=int(time.time()) - 3600)
    odd = issuer.send(hook, "charge.dispute.created", dict(opened, status="escalated_to_the_moon"))
    assert [r.status_code for r in (forged, stale, odd)] == [400, 400, 400]
    assert "signature" in forged.json()["error"]["message"]
    assert "escalated_to_the_moon" in odd.json()["error"]["message"]
    assert disputes_of(app, order["id"]) == [] and available(api) == PRICE - FEE
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 100}).status_code == 201


def test_a_dispute_of_a_payment_kassa_did_not_make_is_acknowledged_and_ignored(
    app, api, catalog, localstripe, stripe_merchant, other_merchant, worker, issuer, hook, live_server
):
    from app.payments.channels.credentials import save_channel_settings
    from tests.support.localstripe import PUBLISHABLE_KEY

    # A payment made at the same Stripe account by something else than Kassa (no kassa_attempt_id).
    outside = localstripe.client.v1.payment_intents.create(
        params={"amount": 5000, "currency": "usd", "payment_method_types": ["card"]}
    )
    localstripe.pay_with_card(outside.id)
    assert applied(issuer.send(hook, "charge.dispute.created", issuer.open(outside.id))) is None

    # Another Kassa merchant on the same Stripe account: its endpoint does not book this merchant's disputes.
    with app.app_context():
        save_channel_settings(
            other_merchant.id,
            "stripe",
            {"secret_key": SECRET_KEY, "publishable_key": PUBLISHABLE_KEY, "webhook_secret": WEBHOOK_SECRET},
        )
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    opened = issuer.open(intent_of(order))
    others_hook = f"{live_server}/hooks/channels/stripe/{other_merchant.id}"
    assert applied(issuer.send(others_hook, "charge.dispute.created", opened)) is None
    assert api.get("/disputes").json["data"] == [] and available(api) == PRICE - FEE
    assert applied(issuer.send(hook, "charge.dispute.created", opened)) is not None  # its own endpoint does


def test_a_dispute_event_stripe_cannot_be_asked_about_is_answered_503_and_booked_when_sent_again(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    from app.extensions import db
    from app.payments.integration_log import IntegrationLog
    from app.platform.observability.log_writer import flush_every_writer

    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    opened = issuer.open(intent_of(order))
    app.config["STRIPE_API_BASE"] = f"http://127.0.0.1:{free_port()}"  # Stripe unreachable
    answer = issuer.send(hook, "charge.dispute.created", opened)
    assert answer.status_code == 503 and "send it again" in answer.json()["error"]["message"]
    assert disputes_of(app, order["id"]) == []
    flush_every_writer()
    with app.app_context():
        logged = db.session.scalars(select(IntegrationLog).where(IntegrationLog.status_code == 503)).one()
        assert logged.verified and logged.merchant_id == stripe_merchant.id

    app.config["STRIPE_API_BASE"] = issuer.url  # Stripe sends the event again later
    assert applied(issuer.send(hook, "charge.dispute.created", opened)) is not None
    assert disputes_of(app, order["id"])[0][2] == "needs_response"


def test_evidence_stripe_refuses_or_whose_answer_is_lost_writes_nothing(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook
):
    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    opened = issuer.open(intent_of(order))
    dispute_id = applied(issuer.send(hook, "charge.dispute.created", opened))

    # Stripe takes the evidence, then its answer is a 500.
    issuer.answer_next_update = (500, {"error": {"message": "An unknown error occurred", "type": "api_error"}})
    unknown = api.post(f"/disputes/{dispute_id}/evidence", json={"text": "Delivered."})
    assert unknown.status_code == 502 and unknown.json["error"]["code"] == "evidence_outcome_unknown"
    shown = api.get(f"/disputes/{dispute_id}").json
    assert (shown["status"], shown["evidence"]) == ("needs_response", None)
    # Stripe's next news of the dispute says it took it.
    assert applied(issuer.send(hook, "charge.dispute.updated", issuer.disputes[opened["id"]])) == dispute_id
    assert api.get(f"/disputes/{dispute_id}").json["status"] == "under_review"

    other = completed_order(app, api, localstripe, worker, catalog["sku"])
    second = issuer.open(intent_of(other))
    second_id = applied(issuer.send(hook, "charge.dispute.created", second))
    issuer.move(second["id"], "lost")  # decided at Stripe; its event has not come yet
    refused = api.post(f"/disputes/{second_id}/evidence", json={"text": "Delivered."})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "evidence_refused"
    assert api.get(f"/disputes/{second_id}").json["evidence"] is None


def test_the_channel_page_names_stripes_dispute_fee_and_events_and_a_merchant_rate_overrides_it(
    app, api, catalog, localstripe, stripe_merchant, worker, issuer, hook, portal
):
    page = portal.text("/portal/channels/stripe")
    assert "the published dispute fee (USD 15.00)" in page
    assert "charge.dispute.created" in page and "charge.dispute.funds_reinstated" in page
    saved = portal.post(
        "/portal/channels/stripe/fees", {"fee_percent": "", "fixed_fees": "", "dispute_fees": "USD 20.00"}
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)

    order = completed_order(app, api, localstripe, worker, catalog["sku"])
    applied(issuer.send(hook, "charge.dispute.created", issuer.open(intent_of(order))))
    assert disputes_of(app, order["id"])[0][4] == 2000
