"""What a shopper's browser learns of the merchant's risk control: that an order is held for review, never why.

A publishable key reads the orders it opens (and, with the client secret, their events) to show the shopper where
their payment stands. The reasons name the merchant's rules and their limits and quote the notes the merchant wrote
on its lists: told them, a fraudster learns which email domain, address or amount to change, and the shopper reads
what the merchant's people wrote about them. The merchant's server (secret key) still reads every reason.
"""

from __future__ import annotations

import json

from tests.risk.test_risk_api import order_body

NOTE = "chargeback ring, police report 4411"


def hold_for_review(api) -> None:
    """The merchant's review list entry with its private note, and a first-purchase limit of $5.00."""
    assert (
        api.post(
            "/risk/list_entries",
            json={"kind": "email_domain", "value": "fraud.example", "action": "review", "note": NOTE},
        ).status_code
        == 201
    )
    assert (
        api.post(
            "/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"}
        ).status_code
        == 201
    )


def test_a_browser_sees_the_order_held_for_review_but_not_the_merchants_reasons(api, pk_api, catalog):
    hold_for_review(api)
    made = pk_api.post("/orders", json=order_body(catalog["sku"], email="mallory@fraud.example"))
    assert made.status_code == 201, made.json
    order = made.json
    secret = {"client_secret": order["client_secret"]}
    read = pk_api.get(f"/orders/{order['id']}", query_string=secret)
    events = pk_api.get(f"/orders/{order['id']}/events", query_string=secret)
    assert {e["type"] for e in events.json["data"]} == {"order.created", "risk.review_opened"}
    for answer in (made, read, events):
        assert answer.status_code in (200, 201)
        body = json.dumps(answer.json)
        assert NOTE not in body and "fraud.example is on" not in body and "first-purchase limit" not in body
    assert order["risk"] == {"decision": "review", "score": order["risk"]["score"], "reasons": []}
    assert read.json["risk"]["decision"] == "review" and read.json["risk"]["reasons"] == []

    # The merchant's server reads why, in the order and in its events.
    merchant_view = api.get(f"/orders/{order['id']}").json["risk"]
    assert merchant_view["decision"] == "review"
    assert merchant_view["reasons"] == [
        f"email_domain fraud.example is on the review list ({NOTE})",
        "a first purchase of $9.99 is above the first-purchase limit of $5.00",
    ]
    held = [e for e in api.get(f"/orders/{order['id']}/events").json["data"] if e["type"] == "risk.review_opened"]
    assert held[0]["data"]["object"]["reasons"] == merchant_view["reasons"]
