"""Risk lists and rules are per mode, as Stripe Radar's are: a test key (the kind that leaks from CI configs) can
neither see, remove nor override the live lists and rules, and a merchant's test run that blocks a test card or
email never blocks a live shopper. Each mode's orders are assessed by that mode's lists and rules alone."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.risk.test_risk_api import import_list, order_body
from tests.web.api.test_livemode import live_key


@pytest.fixture
def live(app, client, merchant) -> Api:
    return live_key(app, client, merchant, "secret")


def test_a_test_keys_block_never_blocks_a_live_order_and_a_live_block_never_a_test_one(api, live, catalog):
    assert (
        api.post(
            "/risk/list_entries", json={"kind": "email", "value": "qa@shop.example", "action": "block"}
        ).status_code
        == 201
    )
    tester = order_body(catalog["sku"], customer="cus_qa", email="qa@shop.example")
    assert api.post("/orders", json=tester).status_code == 402
    live_order = live.post("/orders", json=tester)
    assert live_order.status_code == 201, live_order.json
    assert live_order.json["risk"] == {"decision": "allow", "score": 0, "reasons": []}

    assert (
        live.post(
            "/risk/list_entries", json={"kind": "customer", "value": "cus_mallory", "action": "block"}
        ).status_code
        == 201
    )
    mallory = order_body(catalog["sku"], customer="cus_mallory")
    assert live.post("/orders", json=mallory).status_code == 402
    assert api.post("/orders", json=mallory).status_code == 201

    # Rules too: a test key's amount limit does not refuse a live order.
    assert (
        api.post(
            "/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 100}, "action": "block"}
        ).status_code
        == 201
    )
    assert api.post("/orders", json=order_body(catalog["sku"])).status_code == 402
    assert live.post("/orders", json=order_body(catalog["sku"])).status_code == 201


def test_a_test_key_cannot_see_remove_or_change_a_live_entry_or_rule_and_the_live_block_holds(api, live, catalog):
    entry = live.post(
        "/risk/list_entries",
        json={"kind": "customer", "value": "cus_fraudster", "action": "block", "note": "chargebacks"},
    ).json
    assert entry["livemode"] is True
    rule = live.post(
        "/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"}
    ).json
    assert rule["livemode"] is True

    assert api.get("/risk/list_entries").json["data"] == []
    assert api.get("/risk/list_entries", query_string={"kind": "customer", "value": "cus_fraudster"}).json["data"] == []
    assert api.get("/risk/list_entries/export").get_data(as_text=True).splitlines() == [
        "kind,value,action,expires_at,note"
    ]
    assert api.get("/risk/rules").json["data"] == []
    for response in (
        api.delete(f"/risk/list_entries/{entry['id']}"),
        api.delete(f"/risk/rules/{rule['id']}"),
        api.patch(f"/risk/rules/{rule['id']}", json={"enabled": False}),
    ):
        assert response.status_code == 404, response.json
    # An allow entry of the same value is the test lists' own: it lets the fraudster through test orders only.
    allowed = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_fraudster", "action": "allow"})
    assert allowed.status_code == 201 and allowed.json["livemode"] is False

    assert [e["id"] for e in live.get("/risk/list_entries").json["data"]] == [entry["id"]]
    assert [(r["id"], r["enabled"]) for r in live.get("/risk/rules").json["data"]] == [(rule["id"], True)]
    assert live.post("/orders", json=order_body(catalog["sku"], customer="cus_fraudster")).status_code == 402
    held = live.post("/orders", json=order_body(catalog["sku"], customer="cus_new_live"))
    assert held.status_code == 201 and held.json["risk"]["decision"] == "review"
    assert api.post("/orders", json=order_body(catalog["sku"], customer="cus_fraudster")).status_code == 201

    # And the other way round: a live key does not see, nor remove, the test lists and rules.
    assert live.delete(f"/risk/list_entries/{allowed.json['id']}").status_code == 404
    assert [e["id"] for e in api.get("/risk/list_entries").json["data"]] == [allowed.json["id"]]


def test_an_import_fills_the_keys_modes_lists_only(client, merchant, api, live, catalog):
    lines = b"kind,value,action\nemail,mallory@example.com,block\nip,203.0.113.0/24,review\n"
    imported = import_list(client, merchant, lines)
    assert (imported.json["imported"], imported.json["skipped"]) == (2, 0)
    assert live.get("/risk/list_entries").json["data"] == []
    assert live.get("/risk/list_entries/export").get_data(as_text=True).splitlines() == [
        "kind,value,action,expires_at,note"
    ]
    assert live.post("/orders", json=order_body(catalog["sku"], email="mallory@example.com")).status_code == 201

    # The same lines under the live key are new to the live lists, not "already listed".
    again = live.post("/risk/list_entries/import", data=lines, content_type="text/csv")
    assert (again.json["imported"], again.json["skipped"], again.json["errors"]) == (2, 0, [])
    assert {e["livemode"] for e in live.get("/risk/list_entries").json["data"]} == {True}
    assert live.post("/orders", json=order_body(catalog["sku"], email="mallory@example.com")).status_code == 402
    assert len(api.get("/risk/list_entries").json["data"]) == 2


def test_a_paid_test_order_does_not_make_a_live_purchase_any_less_a_first_one(api, live, catalog, sandbox):
    # The first-purchase limit asked whether the customer had any paid order, test ones included: a test key paying
    # a sandbox order for a customer id let that customer's first live purchase past the limit.
    from tests.support.lifecycle import paid_order

    assert paid_order(api, sandbox, catalog["sku"])["customer"]["id"] == "cus_flow"
    assert (
        live.post(
            "/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"}
        ).status_code
        == 201
    )
    first_live = live.post("/orders", json=order_body(catalog["sku"], customer="cus_flow"))
    assert first_live.status_code == 201, first_live.json
    assert first_live.json["risk"]["decision"] == "review"
    assert first_live.json["risk"]["reasons"] == [
        "a first purchase of $9.99 is above the first-purchase limit of $5.00"
    ]
