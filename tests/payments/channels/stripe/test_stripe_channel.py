"""The Stripe channel against localstripe, a Stripe server Kassa did not write, over real HTTP through Stripe's
official library: create, confirm, webhook, retrieve (polling and the janitor), refunds.

What localstripe 1.15.10 does not model, and how it is covered instead:
- a repeated idempotency key makes a second PaymentIntent there (real Stripe replays the first): Kassa does not
  rely on the replay for refunds, it looks the refund up by its ``kassa_refund_id`` metadata first (tested here);
  for creates, a retry never reaches Stripe because the attempt already holds its reference.
- the card number 4000000000000002 is not declined there: declines use 4000000000000341 (declined on charge).
- the search API answers 404: the janitor lists recent PaymentIntents instead (tested here).
- Stripe's error bodies (card_declined, rate limits, 5xx) come from test_stripe_errors.py's recorded responses.
"""

from __future__ import annotations

import json
import time

import pytest
import stripe
from sqlalchemy import select

from app.platform.observability.log_writer import flush_every_writer
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.localstripe import SECRET_KEY, WEBHOOK_SECRET


def _pay(api, order_id: str) -> dict:
    answer = api.post(f"/orders/{order_id}/pay", json={"channel": "stripe"})
    assert answer.status_code == 200, answer.json
    return answer.json["payment"]


def _poll(app, worker) -> None:
    """Run the cron's sweep of payments whose webhook has not come, on a real worker."""
    from app.platform.queueing import PAYMENTS, enqueue

    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)
    worker()


def _status(api, order_id: str) -> str:
    return api.get(f"/orders/{order_id}").json["status"]


def test_a_set_up_merchant_offers_stripe_and_paying_creates_a_payment_intent(
    app, api, catalog, localstripe, stripe_merchant, live_server
):
    order = create_order(api, catalog["sku"])
    assert "stripe" in [c["code"] for c in order["available_channels"]]
    payment = _pay(api, order["id"])

    assert payment["next_action"]["type"] == "redirect"
    assert payment["next_action"]["url"].startswith(f"{live_server}/checkout/card/")
    intent = localstripe.client.v1.payment_intents.retrieve(payment["provider_reference"])
    assert (intent.amount, intent.currency, intent.status) == (999, "usd", "requires_payment_method")
    assert intent.metadata["kassa_attempt_id"] == payment["id"]
    assert _status(api, order["id"]) == "paying"


def test_a_merchant_without_stripe_keys_is_not_offered_stripe(api, catalog, localstripe):
    order = create_order(api, catalog["sku"])
    assert "stripe" not in [c["code"] for c in order["available_channels"]]
    refused = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"})
    assert refused.status_code == 400 and refused.json["error"]["code"] == "channel_unavailable"
    assert "stripe is not set up" in refused.json["error"]["message"]


def test_the_card_confirmed_at_stripe_pays_the_order_by_its_signed_webhook(
    app, api, catalog, localstripe, stripe_merchant, live_server
):
    localstripe.send_webhooks_to(f"{live_server}/hooks/channels/stripe/{stripe_merchant.id}")
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])

    assert localstripe.pay_with_card(payment["provider_reference"]).status == "succeeded"

    wait_for(lambda: _status(api, order["id"]) == "paid", timeout=15)
    timeline = api.get(f"/orders/{order['id']}").json["timeline"]
    assert timeline[-1]["reason"] == f"captured by stripe ({payment['provider_reference']})"
    flush_every_writer()  # the integration log's rows are written on the log writer's thread
    with app.app_context():
        from app.extensions import db
        from app.payments.integration_log import IntegrationLog

        inbound = db.session.scalars(select(IntegrationLog).where(IntegrationLog.direction == "inbound")).all()
        assert inbound and all(row.verified for row in inbound)
        assert inbound[0].request_headers["Stripe-Signature"] == "[redacted]"


def test_a_webhook_signed_with_another_secret_changes_nothing(
    app, api, client, catalog, localstripe, stripe_merchant, live_server
):
    localstripe.send_webhooks_to(
        f"{live_server}/hooks/channels/stripe/{stripe_merchant.id}", secret="whsec_not_the_merchants_secret"
    )
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])

    def rejected():
        with app.app_context():
            from app.extensions import db
            from app.payments.integration_log import IntegrationLog

            return db.session.scalar(select(IntegrationLog).where(IntegrationLog.verified.is_(False)))

    row = wait_for(rejected, timeout=15)
    assert row.status_code == 400 and "signature" in row.error
    assert _status(api, order["id"]) == "paying"

    # A body replayed with a stale timestamp fails too, even with the right secret.
    body = json.dumps({"type": "payment_intent.succeeded", "data": {"object": {"id": payment["provider_reference"]}}})
    stamp = int(time.time()) - 3600
    signature = stripe.WebhookSignature._compute_signature(f"{stamp}.{body}", WEBHOOK_SECRET)
    stale = client.post(
        f"/hooks/channels/stripe/{stripe_merchant.id}",
        data=body,
        headers={"Stripe-Signature": f"t={stamp},v1={signature}", "Content-Type": "application/json"},
    )
    assert stale.status_code == 400 and _status(api, order["id"]) == "paying"


def test_polling_retrieves_the_outcome_when_no_webhook_comes(app, api, catalog, localstripe, stripe_merchant, worker):
    paid, declined = create_order(api, catalog["sku"]), create_order(api, catalog["sku"])
    first, second = _pay(api, paid["id"]), _pay(api, declined["id"])
    localstripe.pay_with_card(first["provider_reference"])
    with pytest.raises(stripe.CardError):  # what the card element shows the shopper
        localstripe.pay_with_card(second["provider_reference"], number="4000000000000341")

    _poll(app, worker)

    with app.app_context():  # the capture is journaled against Stripe's clearing account, the decline is not
        from app.ledger.accounts import channel_clearing_account
        from app.ledger.journal import account_balance

        assert account_balance(stripe_merchant.id, channel_clearing_account("stripe", livemode=False), "usd") == -999
    timeline = api.get(f"/orders/{paid['id']}").json["timeline"]
    assert ("paid", f"captured by stripe ({first['provider_reference']})") in [
        (t["status"], t["reason"]) for t in timeline
    ]
    after = api.get(f"/orders/{declined['id']}").json
    assert after["status"] == "created"  # the shopper may try again
    assert after["payments"][-1]["status"] == "failed"
    with app.app_context():
        from app.extensions import db
        from app.payments.models import PaymentAttempt

        assert db.session.get(PaymentAttempt, second["id"]).failure_reason == "Your card was declined."


def test_partial_then_full_refunds_go_to_stripe_once_each(app, api, catalog, localstripe, stripe_merchant, worker):
    order = create_order(api, catalog["sku"], quantity=2)  # 19.98
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    _poll(app, worker)
    assert _status(api, order["id"]) in ("paid", "fulfilled")

    part = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500})
    assert part.status_code == 201 and part.json["refund"]["status"] == "succeeded", part.json
    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.json["refund"]["amount"] == 1498 and rest.json["refund"]["status"] == "succeeded"
    assert _status(api, order["id"]) == "refunded"

    with app.app_context():  # the ledger: Stripe's clearing account took 19.98 and gave it all back
        from app.ledger.accounts import channel_clearing_account
        from app.ledger.journal import account_balance

        assert account_balance(stripe_merchant.id, channel_clearing_account("stripe", livemode=False), "usd") == 0
    refunds = localstripe.client.v1.refunds.list(params={"payment_intent": payment["provider_reference"]}).data
    assert sorted((r.amount, r.metadata["kassa_refund_id"]) for r in refunds) == sorted(
        [(500, part.json["refund"]["id"]), (1498, rest.json["refund"]["id"])]
    )

    # A retried refund call (its answer lost) finds the refund it made rather than refunding twice.
    with app.app_context():
        from app.payments.channels.registry import adapter_for

        again = adapter_for("stripe", stripe_merchant.id).refund(
            payment["provider_reference"], 500, part.json["refund"]["id"]
        )
    assert again.status == "succeeded" and again.provider_reference == next(r.id for r in refunds if r.amount == 500)
    assert len(localstripe.client.v1.refunds.list(params={"payment_intent": payment["provider_reference"]}).data) == 2


def test_a_refund_stripe_refuses_comes_back_failed(app, api, catalog, localstripe, stripe_merchant):
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    with pytest.raises(stripe.CardError):
        localstripe.pay_with_card(payment["provider_reference"], number="4000000000000341")
    with app.app_context():
        from app.payments.channels.registry import adapter_for

        result = adapter_for("stripe", stripe_merchant.id).refund(payment["provider_reference"], 999, "re_refused")
    assert result.status == "failed" and "Cannot refund a failed payment" in result.failure_reason


def test_the_janitor_finds_a_payment_intent_whose_create_answer_was_lost(
    app, api, catalog, localstripe, stripe_merchant
):
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    with app.app_context():
        from app.extensions import db
        from app.payments.attempts.janitor import resolve_unknown_attempt
        from app.payments.attempts.unknown_outcomes import mark_outcome_unknown
        from app.payments.models import PaymentAttempt

        # As if the create call had timed out: Kassa never learnt the PaymentIntent's id.
        db.session.execute(
            PaymentAttempt.__table__.update().where(PaymentAttempt.id == payment["id"]).values(provider_reference=None)
        )
        db.session.commit()
        mark_outcome_unknown(payment["id"], "Stripe did not answer")
        attempt = resolve_unknown_attempt(payment["id"])
        assert (attempt.status, attempt.provider_reference) == ("pending", payment["provider_reference"])
        assert attempt.next_action["url"].split("/checkout/card/")[0] == app.config["PUBLIC_URL"]

        ghost = create_order(api, catalog["sku"])
        lost = _pay(api, ghost["id"])
        localstripe.client.v1.payment_intents.cancel(lost["provider_reference"])
        db.session.execute(
            PaymentAttempt.__table__.update().where(PaymentAttempt.id == lost["id"]).values(provider_reference=None)
        )
        db.session.commit()
        mark_outcome_unknown(lost["id"], "Stripe did not answer")
        assert resolve_unknown_attempt(lost["id"]).status == "failed"  # canceled at Stripe


def test_nothing_secret_reaches_the_integration_log(app, api, catalog, localstripe, stripe_merchant):
    order = create_order(api, catalog["sku"])
    _pay(api, order["id"])
    flush_every_writer()
    with app.app_context():
        from app.extensions import db
        from app.payments.integration_log import IntegrationLog

        rows = db.session.scalars(select(IntegrationLog).where(IntegrationLog.channel == "stripe")).all()
        assert rows and rows[0].url.endswith("/v1/payment_intents") and rows[0].status_code == 200
        stored = json.dumps([row.to_json() for row in rows], default=str)
    assert SECRET_KEY not in stored and "_secret_" not in stored  # the key, and the PaymentIntent's client secret
    assert rows[0].request_headers["Authorization"] == "[redacted]"


def test_a_test_key_is_not_offered_to_live_orders(app, localstripe, stripe_merchant):
    from app.payments.channels.available import Prospect, available_channels

    with app.app_context():

        def offered(livemode: bool) -> list[str]:
            prospect = Prospect(
                customer_id=None, customer_source="publishable_key", livemode=livemode, total=999, currency="usd"
            )
            return [c.code for c in available_channels(stripe_merchant.id, prospect)]

        assert "stripe" in offered(False)
        assert "stripe" not in offered(True)


def test_the_keys_never_reach_kassas_own_logs(
    app, api, client, catalog, localstripe, stripe_merchant, portal, caplog, live_server
):
    from tests.support.localstripe import PUBLISHABLE_KEY

    portal.post(
        "/portal/channels/stripe/settings",
        {"secret_key": SECRET_KEY + "x", "publishable_key": PUBLISHABLE_KEY, "webhook_secret": WEBHOOK_SECRET + "x"},
    )
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    assert caplog.records
    logged = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert SECRET_KEY not in logged and WEBHOOK_SECRET not in logged


def _saved_card(localstripe, number: str) -> tuple[str, str]:
    """A customer with a card saved at Stripe, as a first checkout that keeps the card would leave them."""
    customer = localstripe.client.v1.customers.create(params={"email": "ada@example.com"})
    method = localstripe.client.v1.payment_methods.create(
        params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
    )
    localstripe.client.v1.payment_methods.attach(method.id, params={"customer": customer.id})
    return customer.id, method.id


def test_a_saved_card_is_charged_off_session_and_a_decline_is_a_failed_result(app, localstripe, stripe_merchant):
    from app.payments.channels.interface import PaymentRequest
    from app.payments.channels.registry import adapter_for

    def renewal(attempt_id: str) -> PaymentRequest:
        return PaymentRequest(
            attempt_id=attempt_id, amount=999, currency="usd", description="Renewal", return_url="", callback_url=""
        )

    with app.app_context():
        adapter = adapter_for("stripe", stripe_merchant.id)
        customer, card = _saved_card(localstripe, "4242424242424242")
        paid = adapter.charge_off_session(renewal("pay_renewal_1"), customer=customer, payment_method=card)
        customer, card = _saved_card(localstripe, "4000000000000341")
        declined = adapter.charge_off_session(renewal("pay_renewal_2"), customer=customer, payment_method=card)
    assert (paid.status, paid.amount, paid.attempt_id) == ("succeeded", 999, "pay_renewal_1")
    assert localstripe.client.v1.payment_intents.retrieve(paid.provider_reference).status == "succeeded"
    assert (declined.status, declined.failure_reason, declined.attempt_id) == (
        "failed",
        "Your card was declined.",
        "pay_renewal_2",
    )
