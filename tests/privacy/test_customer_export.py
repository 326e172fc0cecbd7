"""A shopper's access request: the merchant downloads everything Kassa holds about one customer (API or portal),
with nothing of anyone else's, and the audit log records that it was handed out."""

from __future__ import annotations

import json

from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, STAYS_EMAIL, order_for, paid_order
from tests.web.api.test_livemode import live_key


def test_an_export_holds_the_customers_orders_emails_and_requests_and_nothing_of_anyone_elses(
    app, api, pk_api, merchant, other_merchant, client, catalog, sandbox, worker
):
    from app.risk.context import DEVICE_HEADER
    from tests.conftest import Api

    paid = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    unpaid = order_for(api, catalog["sku"], GONE, None).json
    asked = pk_api.post(
        f"/orders/{paid['id']}/refund_requests",
        headers={DEVICE_HEADER: "phone-1"},
        json={"reason": "it broke", "client_secret": paid["client_secret"]},
    )  # the shopper asks
    assert asked.status_code in (200, 201), asked.json
    theirs = order_for(api, catalog["sku"], STAYS, STAYS_EMAIL).json
    other = Api(client, other_merchant.secret_key)
    assert other.get(f"/customers/{GONE}/export").json["orders"] == []  # another merchant's same id: none of ours

    exported = api.get(f"/customers/{GONE}/export")
    assert exported.status_code == 200, exported.json
    document = exported.json
    assert document["object"] == "customer_export" and document["customer"] == GONE
    assert document["modes"] == ["test"] and document["livemode"] is False
    assert [o["id"] for o in document["orders"]] == sorted([paid["id"], unpaid["id"]])
    shown = next(o for o in document["orders"] if o["id"] == paid["id"])
    assert shown == api.get(f"/orders/{paid['id']}").json  # each order as GET /orders/{id} shows it
    assert shown["customer"]["email"] == GONE_EMAIL and shown["payments"][0]["status"] == "succeeded"
    [request] = document["refund_requests"]
    assert request["order"] == paid["id"] and request["reason"] == "it broke"
    assert request["device"] == "phone-1" and request["ip"] == "127.0.0.1"
    assert document["wallet"]["test"]["object"] == "customer_balance" and "test" in document["entitlements"]
    text = json.dumps(document)
    assert STAYS_EMAIL not in text and theirs["id"] not in text

    from app.audit.models import AuditEntry
    from app.extensions import db

    with app.app_context():
        [entry] = db.session.query(AuditEntry).filter_by(merchant_id=merchant.id, action="customer.export").all()
        assert entry.object_id == GONE and entry.after["orders"] == 2 and entry.after["refund_requests"] == 1
        assert GONE_EMAIL not in json.dumps(entry.after)  # how much was handed out, never what


def test_a_live_key_exports_both_modes_and_a_test_key_the_test_records(app, client, api, merchant, catalog):
    live = live_key(app, client, merchant, "secret")
    test_order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    live_order = order_for(live, catalog["sku"], GONE, GONE_EMAIL).json
    assert [o["id"] for o in api.get(f"/customers/{GONE}/export").json["orders"]] == [test_order["id"]]
    both = live.get(f"/customers/{GONE}/export").json
    assert both["modes"] == ["live", "test"] and {o["id"] for o in both["orders"]} == {
        test_order["id"],
        live_order["id"],
    }
    assert set(both["wallet"]) == {"live", "test"}


def test_an_export_needs_a_secret_key_and_a_customer_id(api, pk_api):
    assert pk_api.get(f"/customers/{GONE}/export").status_code in (401, 403)
    bad = api.get(f"/customers/{'x' * 300}/export")
    assert bad.status_code == 400 and bad.json["error"]["param"] == "customer"


def test_an_export_holds_the_checkout_sessions_made_for_the_customer_and_their_transfers_both_ways(
    app, api, merchant, catalog
):
    from tests.support.wallet import fund

    session = api.post(
        "/checkout_sessions",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": GONE, "email": GONE_EMAIL},
            "metadata": {"campaign": "spring"},
        },
    ).json
    api.post(
        "/checkout_sessions",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": STAYS, "email": STAYS_EMAIL}},
    )
    fund(app, merchant.id, GONE, 1000)
    fund(app, merchant.id, STAYS, 1000)
    sent = api.post(
        f"/customers/{GONE}/transfers",
        json={"to": STAYS, "amount": 300, "currency": "usd", "description": "my share of the raid"},
    ).json["transfer"]
    received = api.post(f"/customers/{STAYS}/transfers", json={"to": GONE, "amount": 100, "currency": "usd"}).json[
        "transfer"
    ]
    api.post(f"/customers/{STAYS}/transfers", json={"to": "cus_third", "amount": 50, "currency": "usd"})

    document = api.get(f"/customers/{GONE}/export").json
    assert [(t["id"], t["from"], t["to"], t["amount"], t["description"]) for t in document["transfers"]] == [
        (sent["id"], GONE, STAYS, 300, "my share of the raid"),
        (received["id"], STAYS, GONE, 100, None),
    ]
    [shown] = document["checkout_sessions"]
    assert (shown["id"], shown["customer"], shown["metadata"]) == (
        session["id"],
        {"id": GONE, "email": GONE_EMAIL},
        {"campaign": "spring"},
    )
    # Whoever holds the document cannot open the checkout (nor the wallet) it was made for.
    assert session["client_secret"] not in json.dumps(document)
    assert STAYS_EMAIL not in json.dumps(document)


def test_a_customer_whose_id_holds_a_slash_can_be_exported_and_erased(api, catalog):
    # A customer id is the merchant's own reference ("tenant/42" is one); the API's routes took the id as one path
    # segment, so such a customer's data could be neither exported nor erased by key (404 "no route"), only in the
    # portal.
    order = order_for(api, catalog["sku"], "tenant/42", GONE_EMAIL).json
    for path in ("/customers/tenant/42/export", "/customers/tenant%2F42/export"):
        exported = api.get(path)
        assert exported.status_code == 200, exported.json
        assert exported.json["customer"] == "tenant/42" and [o["id"] for o in exported.json["orders"]] == [order["id"]]
    erased = api.post("/customers/tenant%2F42/erase", json={})
    assert erased.status_code == 200, erased.json
    assert api.get(f"/orders/{order['id']}").json["customer"].get("email") is None
