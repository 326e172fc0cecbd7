"""A shopper's erasure request: the merchant erases one customer's personal data (API or portal) and every place
Kassa kept it — orders, subscriptions, sessions, receipts, refund requests, events, the API request log — loses
it, while the orders, amounts and books stay and other customers keep theirs."""

from __future__ import annotations

import json

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.receipts.test_receipts import mail_server  # noqa: F401  (a fixture)
from tests.request_log.test_request_log import served, stored_rows
from tests.signing.renewals.test_renewals import clock, monthly  # noqa: F401  (fixtures)
from tests.support.books import ledger_sums
from tests.web.api.test_livemode import live_key

GONE, GONE_EMAIL, BLOCKED_EMAIL = "cus_gone", "Gone.Person@example.test", "gone@blocked.example"
STAYS, STAYS_EMAIL = "cus_stays", "stays@example.test"


def order_for(api, sku: str, customer: str, email: str | None, key: str | None = None):
    body = {
        "items": [{"sku": sku, "quantity": 1}],
        "agreement_accepted": True,
        "customer": {"id": customer, **({"email": email} if email else {})},
    }
    return served(api.post("/orders", headers={"Idempotency-Key": key} if key else {}, json=body))


def paid_order(api, sandbox, worker, sku: str, customer: str, email: str, key: str | None = None) -> dict:
    created = order_for(api, sku, customer, email, key)
    assert created.status_code == 201, created.json
    sandbox.simulate(pay(api, created.json["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created.json["id"]) == "paid")
    worker()
    return created.json


def _everything_kept(app, merchant_id: str) -> str:
    """Every event's JSON and every logged request of the merchant, as one text to search."""
    from sqlalchemy import select

    from app.extensions import db
    from app.platform.outbox.events import Event

    with app.app_context():
        events = [
            json.dumps(data) for data in db.session.scalars(select(Event.data).where(Event.merchant_id == merchant_id))
        ]
    logs = [json.dumps(row, default=str) for row in stored_rows(app, merchant_id)]
    return "\n".join(events + logs)


def test_an_erased_customer_leaves_no_personal_data_and_the_money_records_stay(
    app, api, merchant, catalog, sandbox, worker
):
    gone = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL, key="erasure-1")
    stays = paid_order(api, sandbox, worker, catalog["sku"], STAYS, STAYS_EMAIL)
    assert (
        api.post(
            "/risk/list_entries", json={"kind": "email_domain", "value": "blocked.example", "action": "block"}
        ).status_code
        == 201
    )
    assert order_for(api, catalog["sku"], GONE, BLOCKED_EMAIL).status_code == 402  # a risk.blocked event keeps it
    served(api.get("/orders", query_string={"customer": GONE}))
    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": GONE, "email": GONE_EMAIL}},
    ).json
    before = api.get(f"/orders/{gone['id']}").json
    kept = _everything_kept(app, merchant.id)
    assert GONE_EMAIL in kept and BLOCKED_EMAIL in kept and STAYS_EMAIL in kept

    erased = api.post(f"/customers/{GONE}/erase")
    assert erased.status_code == 200, erased.json
    assert erased.json["customer"] == GONE and erased.json["livemode"] is False
    assert erased.json["erased"]["orders"] == 1 and erased.json["erased"]["events"] >= 3
    assert erased.json["erased"]["api_request_logs"] >= 2

    after = api.get(f"/orders/{gone['id']}").json
    assert after["customer"] == {**before["customer"], "email": None}
    assert api.get(f"/checkout_sessions/{session['id']}").json["customer"] == {"id": GONE, "email": None}
    assert {**after, "customer": None} == {**before, "customer": None}  # the sale itself is kept as it was
    kept = _everything_kept(app, merchant.id)
    assert GONE_EMAIL.lower() not in kept.lower() and BLOCKED_EMAIL not in kept
    assert STAYS_EMAIL in kept and api.get(f"/orders/{stays['id']}").json["customer"]["email"] == STAYS_EMAIL
    assert ledger_sums(app) == {"usd": 0}

    again = api.post(f"/customers/{GONE}/erase")
    assert again.status_code == 200 and set(again.json["erased"].values()) == {0}
    # A client retrying its create gets the stored answer, without the email (its new request is logged anew).
    replayed = order_for(api, catalog["sku"], GONE, GONE_EMAIL, key="erasure-1")  # the client retries its create
    assert replayed.headers["Idempotent-Replayed"] == "true" and replayed.json["id"] == gone["id"]
    assert replayed.json["customer"]["email"] is None
    assert [o["id"] for o in api.get("/orders", query_string={"customer": GONE}).json["data"]] == [gone["id"]]


def test_a_test_key_erases_test_data_and_a_live_key_both(app, client, api, merchant, catalog):
    live = live_key(app, client, merchant, "secret")
    test_order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    live_order = order_for(live, catalog["sku"], GONE, GONE_EMAIL, key="live-create").json

    assert api.post(f"/customers/{GONE}/erase").json["erased"]["orders"] == 1
    assert api.get(f"/orders/{test_order['id']}").json["customer"]["email"] is None
    assert live.get(f"/orders/{live_order['id']}").json["customer"]["email"] == GONE_EMAIL
    # Not even the live answer kept for a retry of the create is touched by a test key.
    replayed = order_for(live, catalog["sku"], GONE, GONE_EMAIL, key="live-create")
    assert replayed.headers["Idempotent-Replayed"] == "true" and replayed.json["customer"]["email"] == GONE_EMAIL

    assert live.post(f"/customers/{GONE}/erase").json["erased"]["orders"] == 1
    assert live.get(f"/orders/{live_order['id']}").json["customer"]["email"] is None
    assert order_for(live, catalog["sku"], GONE, GONE_EMAIL, key="live-create").json["customer"]["email"] is None


def test_an_erasure_needs_a_secret_key_and_a_customer_id(api, pk_api):
    assert pk_api.post(f"/customers/{GONE}/erase").status_code == 403
    too_long = api.post(f"/customers/{'x' * 201}/erase")
    assert too_long.status_code == 400 and too_long.json["error"]["param"] == "customer"


def test_an_erased_subscriber_leaves_no_address_on_the_emails_kept(
    app, api, merchant, sandbox, worker, monthly, clock, mail_server
):
    from tests.receipts.test_receipts import join_team
    from tests.receipts.test_subscription_emails import EMAIL, sent_rows, subscribe_with_email
    from tests.signing.renewals.test_renewals import advance, decline_next, unix

    join_team(app, merchant.id, EMAIL)  # a test-mode contract: the subscriber is one of the merchant's people
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)  # its first order's receipt is sent
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()  # the failed renewal's email
    assert [row.recipient for row in sent_rows(app)] == [EMAIL]

    erased = api.post("/customers/cus_sub/erase").json["erased"]
    assert erased["subscriptions"] == 1 and erased["emails"] == 2  # the receipt and the renewal's email
    assert [(row.recipient, row.status) for row in sent_rows(app)] == [("", "sent")]
    assert api.get(f"/subscriptions/{sub['id']}").json["customer"]["email"] is None
