"""Payouts on Stripe Connect (issue 53): a merchant chooses Stripe as its payout rail in the portal, onboards a
partner through Stripe's hosted onboarding link from the partner's page, and each settlement of that partner is
paid by one Transfer to its connected account; a refused transfer fails the payout through the usual path
(``payout.failed``, money back to the partner) and the merchant's retry pays it; a transfer whose answer was lost is
looked up by its transfer group, never sent twice; a customer's wallet withdrawal goes through the same rail; and two
merchants pay out through two rails.

localstripe has no Connect: accounts, account links, transfers and their events come from
tests/support/stripe_connect_server.py, a loopback server of this suite shaped as Stripe's API reference, which Kassa
calls through the official library exactly as it would call Stripe.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests
from sqlalchemy import update

from tests.conftest import Api
from tests.support.books import add_partner, completed_order, ledger_sums, partner_lines, run_settlements, set_rule
from tests.support.localstripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.support.portal import Portal
from tests.support.stripe_connect_server import StripeConnect
from tests.support.wallet import books_are_clean, fund, held, withdraw, withdrawal_status


@pytest.fixture
def connect(app):
    """Stripe Connect for this test, with Kassa's STRIPE_API_BASE pointed at it."""
    server = StripeConnect()
    saved = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = server.url
    yield server
    app.config["STRIPE_API_BASE"] = saved
    server.close()


@pytest.fixture
def stripe_rail(portal, stripe_merchant, connect) -> Portal:
    """The merchant chose Stripe as its payout rail in Settings → Payouts."""
    chosen = portal.post("/portal/settings/payouts", {"payout_channel": "stripe"})
    assert chosen.status_code == 302, chosen.get_data(as_text=True)
    return portal


def onboard(portal: Portal, partner_id: str, name: str = "Northwind Studio") -> str:
    """The merchant opens Stripe's onboarding from the partner's page and the partner completes it; the partner's
    page once back (its status)."""
    sent = portal.post(f"/portal/partners/{partner_id}/connect")
    assert sent.status_code == 302, sent.get_data(as_text=True)
    page = requests.get(sent.location, timeout=10)
    assert page.status_code == 200 and "Legal name" in page.text
    done = requests.post(sent.location, data={"legal_name": name}, allow_redirects=False, timeout=10)
    assert done.status_code == 303
    back = done.headers["Location"]
    assert back.endswith(f"/portal/partners/{partner_id}")
    return portal.text(urlsplit(back).path)


def status_on_page(page: str) -> str:
    return page.split('data-testid="connect-status">', 1)[1].split("<", 1)[0]


def test_a_partner_onboarded_through_the_link_is_paid_its_settlement_by_a_transfer(
    app, api, merchant, catalog, sandbox, worker, stripe_rail, connect
):
    studio = add_partner(api, "Northwind Studio", payout_account=None)
    assert status_on_page(stripe_rail.text(f"/portal/partners/{studio['id']}")) == "Not set up"
    sent = stripe_rail.post(f"/portal/partners/{studio['id']}/connect")
    assert status_on_page(stripe_rail.text(f"/portal/partners/{studio['id']}")) == "Onboarding"  # not finished
    assert requests.get(sent.location, timeout=10).status_code == 200

    assert status_on_page(onboard(stripe_rail, studio["id"])) == "Ready"
    account = api.get("/partners").json["data"][1]["payout_account"]
    assert account.startswith("acct_") and connect.accounts[account]["details_submitted"] is True

    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # 999, fee 59: the studio is owed 940
    settlement = run_settlements(api, worker)[0]

    assert settlement["status"] == "paid" and settlement["payout"]["status"] == "paid"
    [transfer] = connect.transfers_to(account)
    assert (transfer["amount"], transfer["currency"]) == (940, "usd")
    assert settlement["payout"]["provider_reference"] == transfer["id"]
    assert transfer["transfer_group"] == settlement["payout"]["id"]  # Kassa's reference of the try
    assert partner_lines(app, merchant.id, studio["id"]) == 0
    assert "settlement.paid" in {e["type"] for e in api.get("/events").json["data"]}
    assert ledger_sums(app) == {"usd": 0}

    # Stripe's own word, signed, comes later to the merchant's endpoint: it changes nothing twice.
    for event in connect.events:
        if event["type"] == "transfer.created":
            answer = _post_event(app, merchant.id, event)
            assert answer.status_code == 200 and answer.json["payout"] == settlement["payout"]["id"]
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["tries"] == 1


def _post_event(app, merchant_id: str, event: dict):
    """Stripe's POST of one event to the merchant's endpoint, signed with the endpoint's secret."""
    payload = json.dumps(event)
    stamp = int(time.time())
    signature = hmac.new(WEBHOOK_SECRET.encode(), f"{stamp}.{payload}".encode(), hashlib.sha256).hexdigest()
    return app.test_client().post(
        f"/hooks/channels/stripe/{merchant_id}",
        data=payload,
        headers={"Content-Type": "application/json", "Stripe-Signature": f"t={stamp},v1={signature}"},
    )


def test_a_refused_transfer_fails_the_settlement_and_the_retry_pays_it(
    app, api, merchant, catalog, sandbox, worker, stripe_rail, connect
):
    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import resolve_payouts

    studio = add_partner(api, "Northwind Studio", payout_account=None)
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    settlement = run_settlements(api, worker)[0]
    assert settlement["payout"]["destination"] is None  # no account yet: the payout waits for the onboarding
    with app.app_context():  # one try only, so the first refusal is final
        db.session.execute(update(Payout).where(Payout.id == settlement["payout"]["id"]).values(max_tries=1))
        db.session.commit()

    connect.fail_next_transfer()  # the platform balance cannot cover it
    onboard(stripe_rail, studio["id"])  # ready: the waiting payout goes to the new account
    with app.app_context():
        assert resolve_payouts() == 1
    failed = api.get(f"/settlements/{settlement['id']}").json
    assert failed["status"] == "failed" and failed["payout"]["status"] == "failed"
    assert "insufficient available funds" in failed["payout"]["failure_reason"]
    assert partner_lines(app, merchant.id, studio["id"]) == 940  # the studio is owed it again
    events = api.get("/events").json["data"]
    assert any(e["type"] == "payout.failed" and e["data"]["object"]["id"] == failed["payout"]["id"] for e in events)
    assert connect.transfers == {}

    again = api.post(f"/settlements/{settlement['id']}/retry_payout")
    assert again.status_code == 200, again.json
    paid = api.get(f"/settlements/{settlement['id']}").json
    assert paid["status"] == "paid" and paid["payout"]["tries"] == 2
    [transfer] = connect.transfers.values()
    assert paid["payout"]["provider_reference"] == transfer["id"] and transfer["amount"] == 940
    assert transfer["transfer_group"] == f"{paid['payout']['id']}.2"  # the second try's own reference
    assert partner_lines(app, merchant.id, studio["id"]) == 0
    assert ledger_sums(app) == {"usd": 0}


def test_a_transfer_whose_answer_was_lost_is_looked_up_and_never_made_twice(
    app, api, merchant, catalog, sandbox, worker, stripe_rail, connect
):
    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow

    studio = add_partner(api, "Northwind Studio", payout_account=None)
    onboard(stripe_rail, studio["id"])
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    connect.lose_next_answer()  # Stripe makes the transfer; its answer is a 500
    settlement = run_settlements(api, worker)[0]
    assert settlement["payout"]["status"] == "unknown" and settlement["status"] == "pending"
    assert connect.transfer_creates == 1 and len(connect.transfers) == 1

    with app.app_context():
        assert resolve_payouts(now=utcnow() + timedelta(minutes=10)) == 1  # listed by its transfer group
    paid = api.get(f"/settlements/{settlement['id']}").json
    assert paid["status"] == "paid" and paid["payout"]["provider_reference"] == next(iter(connect.transfers))
    assert connect.transfer_creates == 1  # looked up, not sent again
    assert ledger_sums(app) == {"usd": 0}


def test_a_wallet_withdrawal_is_paid_out_by_a_transfer(app, api, merchant, worker, stripe_rail, connect):
    account = connect.onboarded_account("Ada Lovelace")
    fund(app, merchant.id, "cus_ada", 3000)
    asked = withdraw(api, "cus_ada", 1200, destination=account)
    assert asked.status_code == 201, asked.json
    withdrawal = asked.json["withdrawal"]
    assert withdrawal["payout"]["channel"] == "stripe"
    worker()
    paid = withdrawal_status(api, withdrawal["id"], "paid")
    [transfer] = connect.transfers_to(account)
    assert transfer["amount"] == 1200 and paid["payout"]["provider_reference"] == transfer["id"]
    assert held(api, "cus_ada") == (1800, 0)
    books_are_clean(app)


def test_each_merchant_pays_out_through_its_own_rail(
    app, client, api, merchant, other_merchant, sandbox, worker, portal, stripe_merchant, connect
):
    rival = Api(client, other_merchant.secret_key)
    # Stripe cannot be chosen before its keys are entered: the form says what to do.
    rival_portal = Portal(app.test_client())
    rival_portal.sign_in(other_merchant.email, other_merchant.password)
    refused = rival_portal.post("/portal/settings/payouts", {"payout_channel": "stripe"})
    assert refused.status_code == 422 and "Set up Card (Stripe) first" in refused.get_data(as_text=True)
    assert portal.post("/portal/settings/payouts", {"payout_channel": "stripe"}).status_code == 302
    settings = portal.text("/portal/settings")
    assert '<option selected value="stripe">' in settings or 'value="stripe" selected' in settings

    account = connect.onboarded_account()
    fund(app, merchant.id, "cus_ada", 500)
    fund(app, other_merchant.id, "cus_ada", 600)  # the seed credit is keyed by customer and amount
    mine = withdraw(api, "cus_ada", 500, destination=account).json["withdrawal"]
    asked = withdraw(rival, "cus_ada", 500, destination="acct_ada_0001")
    assert asked.status_code == 201, asked.json
    theirs = asked.json["withdrawal"]
    assert (mine["payout"]["channel"], theirs["payout"]["channel"]) == ("stripe", "sandbox_card")
    worker()
    withdrawal_status(api, mine["id"], "paid")
    assert len(connect.transfers_to(account)) == 1  # only the merchant that chose Stripe sent a transfer
    sent = rival.get(f"/withdrawals/{theirs['id']}").json
    assert sent["status"] == "pending" and sent["payout"]["provider_reference"]  # at the sandbox, to be decided


def test_live_money_is_never_sent_with_the_merchants_test_keys(app, merchant, stripe_rail, connect):
    """A live payout on a rail holding sk_test_ keys waits, saying why, and no transfer is made."""
    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import send_payout
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id

    account = connect.onboarded_account()
    with app.app_context():
        payout = Payout(
            id=new_id("po"),
            merchant_id=merchant.id,
            livemode=True,
            purpose="settlement",
            amount=500,
            currency="usd",
            destination=account,
            channel="stripe",
            status="pending",
            next_try_at=utcnow(),
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        db.session.add(payout)
        db.session.commit()
        waiting = send_payout(payout.id)
        assert (waiting.status, waiting.next_try_at, waiting.provider_payout_id) == ("pending", None, None)
        assert "stripe has test keys, which cannot pay out live money" in waiting.failure_reason
    assert connect.transfer_creates == 0


def test_a_transfer_event_is_applied_only_when_signed_and_only_to_the_merchants_own_payout(
    app, api, merchant, other_merchant, catalog, sandbox, worker, stripe_rail, connect
):
    studio = add_partner(api, "Northwind Studio", payout_account=None)
    onboard(stripe_rail, studio["id"])
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    connect.lose_next_answer()
    settlement = run_settlements(api, worker)[0]
    assert settlement["payout"]["status"] == "unknown"
    [event] = [e for e in connect.events if e["type"] == "transfer.created"]

    forged = app.test_client().post(
        f"/hooks/channels/stripe/{merchant.id}",
        data=json.dumps(event),
        headers={"Content-Type": "application/json", "Stripe-Signature": f"t={int(time.time())},v1={'0' * 64}"},
    )
    assert forged.status_code == 400
    # Another merchant's endpoint (were its secret the same) cannot settle this merchant's payout.
    from app.payments.channels.credentials import save_channel_settings

    with app.app_context():
        save_channel_settings(
            other_merchant.id,
            "stripe",
            {"secret_key": SECRET_KEY, "publishable_key": PUBLISHABLE_KEY, "webhook_secret": WEBHOOK_SECRET},
        )
    elsewhere = _post_event(app, other_merchant.id, event)
    assert elsewhere.status_code == 200 and elsewhere.json["payout"] is None
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["status"] == "unknown"

    # Stripe's signed word on the merchant's own endpoint settles it: the transfer was made.
    answer = _post_event(app, merchant.id, event)
    assert answer.status_code == 200 and answer.json["payout"] == settlement["payout"]["id"]
    paid = api.get(f"/settlements/{settlement['id']}").json
    assert paid["status"] == "paid" and paid["payout"]["provider_reference"] == event["data"]["object"]["id"]
    assert connect.transfer_creates == 1
    assert ledger_sums(app) == {"usd": 0}


CONNECT_SECRET = "whsec_kassa_connect_0123456789"


def test_a_partner_who_finishes_onboarding_alone_is_paid_once_stripe_says_it_is_ready(
    app, api, merchant, catalog, sandbox, worker, live_server, stripe_rail, connect
):
    """The merchant hands the partner the link; the partner finishes at Stripe and nobody opens the portal: Stripe's
    ``account.updated`` on the merchant's Connect endpoint makes the account the partner's, and the settlement that
    waited for it is paid."""
    from app.payments.payouts.services import resolve_payouts

    saved = stripe_rail.post(
        "/portal/channels/stripe/settings",
        {
            "secret_key": "",
            "publishable_key": PUBLISHABLE_KEY,
            "webhook_secret": "",
            "connect_webhook_secret": CONNECT_SECRET,
        },
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)
    connect.send_webhooks_to(f"{live_server}/hooks/channels/stripe/{merchant.id}", WEBHOOK_SECRET, CONNECT_SECRET)
    studio = add_partner(api, "Northwind Studio", payout_account=None)
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    settlement = run_settlements(api, worker)[0]
    assert settlement["payout"]["destination"] is None

    link = stripe_rail.post(f"/portal/partners/{studio['id']}/connect").location
    done = requests.post(link, data={"legal_name": "Northwind Studio Ltd"}, allow_redirects=False, timeout=10)
    assert done.status_code == 303
    forged = requests.post(
        f"{live_server}/hooks/channels/stripe/{merchant.id}",
        data=json.dumps(connect.events[-1]),
        headers={"Content-Type": "application/json", "Stripe-Signature": f"t={int(time.time())},v1={'0' * 64}"},
        timeout=10,
    )
    assert forged.status_code == 400
    assert api.get(f"/partners/{studio['id']}").json["payout_account"] is None

    [answer] = connect.deliver("account.updated")
    assert answer.status_code == 200 and answer.json()["partners"] == [studio["id"]]
    account = api.get(f"/partners/{studio['id']}").json["payout_account"]
    assert account.startswith("acct_")
    with app.app_context():
        assert resolve_payouts() == 1  # released to the new account
    paid = api.get(f"/settlements/{settlement['id']}").json
    assert paid["status"] == "paid" and connect.transfers_to(account)[0]["amount"] == 940
