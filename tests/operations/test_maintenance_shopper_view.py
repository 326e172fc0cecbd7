"""What a shopper reads of what the merchant's people did to their order by hand.

An operator's maintenance action carries words meant for the merchant: the provider dashboard's evidence pasted to
mark a payment failed, the reason to close an order ("known reseller"). The order's timeline and its payment keep
them for the merchant (secret key, portal); the shopper's browser (publishable key with the client secret, the order's
events and status stream) and the hosted and embedded order pages read a neutral sentence instead.
"""

from __future__ import annotations

import json

import pytest

from tests.operations.test_maintenance_actions import act, timeline
from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.web.api.test_publishable_routes import _first_event

EVIDENCE = "Dashboard: card holder flagged as a reseller by the bank (ticket 5512)"
CLOSE_WHY = "Known reseller, do not serve (Slack #fraud, Nov 2)"


@pytest.fixture
def operator(member):
    return member("operator")


def shopper_sees(app, client, pk_api, order: dict) -> str:
    """Everything the shopper's browser and pages can read of the order, as one text."""
    from app.web.embed.tokens import Embed, issue_token

    secret = {"client_secret": order["client_secret"]}
    with app.app_context():
        token = issue_token(
            Embed(
                product="",
                merchant=order["merchant"],
                origin="https://shop.example",
                mode="test",
                customer=order["customer"]["id"],
                frame="kassa-panel-1",
            )
        )
    read = pk_api.get(f"/orders/{order['id']}", query_string=secret)
    events = pk_api.get(f"/orders/{order['id']}/events", query_string=secret)
    hosted = client.get(f"/checkout/orders/{order['id']}", query_string=secret)
    embedded = client.get(f"/embed/orders/{order['id']}", query_string={**secret, "token": token})
    stream = client.get(f"/api/v1/orders/{order['id']}/stream", query_string=secret, buffered=False)
    for answer in (read, events, hosted, embedded):
        assert answer.status_code == 200, answer.get_data(as_text=True)
    return "\n".join(
        [
            json.dumps(read.json),
            json.dumps(events.json),
            hosted.get_data(as_text=True),
            embedded.get_data(as_text=True),
            _first_event(stream),
        ]
    )


def test_the_shopper_reads_neither_the_evidence_an_operator_pasted_nor_why_they_closed_the_order(
    app, client, api, pk_api, catalog, sandbox, merchant, operator
):
    order = {**create_order(api, catalog["sku"]), "merchant": merchant.id}
    payment = pay(api, order["id"])
    assert act(operator, order["id"], "mark_failed", subject=payment["id"], evidence=EVIDENCE).status_code == 302

    seen = shopper_sees(app, client, pk_api, order)
    assert "reseller" not in seen and "marked failed by hand" not in seen and "operator-0@acme.test" not in seen
    shopper = pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json
    assert shopper["payments"][0]["failure_reason"] == "stopped by the merchant"
    assert [t["reason"] for t in shopper["timeline"]] == [
        "Order created",
        "Payment started",
        "The payment was not completed",
        "The merchant's team looked into this order",
    ]
    assert "The payment was not completed: stopped by the merchant." in seen  # the order page says why, neutrally

    assert act(operator, order["id"], "close", reason=CLOSE_WHY).status_code == 302
    seen = shopper_sees(app, client, pk_api, order)
    assert "reseller" not in seen and "closed by hand" not in seen and "This order was canceled" in seen
    shopper = pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json
    assert [t["reason"] for t in shopper["timeline"]][-2:] == [
        "The order was canceled",
        "The merchant's team looked into this order",
    ]

    # The merchant reads every word, in the API and in the portal.
    merchant_view = json.dumps(api.get(f"/orders/{order['id']}").json["timeline"])
    assert f"payment failed: marked failed by hand: {EVIDENCE}" in merchant_view
    assert f"closed by hand: {CLOSE_WHY}" in merchant_view
    assert ("created", "closed", f"closed by hand: {CLOSE_WHY}", "portal:operator-0@acme.test") in timeline(
        app, order["id"]
    )


def test_closing_an_order_by_hand_while_it_is_paying_tells_the_shopper_only_that_it_was_canceled(
    app, client, api, pk_api, catalog, sandbox, merchant, operator
):
    order = {**create_order(api, catalog["sku"]), "merchant": merchant.id}
    pay(api, order["id"])
    assert act(operator, order["id"], "close", reason=CLOSE_WHY).status_code == 302

    seen = shopper_sees(app, client, pk_api, order)
    assert "reseller" not in seen and "closed by hand" not in seen
    shopper = pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json
    assert (shopper["status"], shopper["payments"][0]["status"]) == ("closed", "canceled")
    assert shopper["payments"][0]["failure_reason"] == "the order was canceled"
    assert "The payment was canceled" in [t["reason"] for t in shopper["timeline"]]
    assert f"payment canceled: closed by hand: {CLOSE_WHY}" in json.dumps(api.get(f"/orders/{order['id']}").json)


def test_the_order_page_says_why_a_payment_stopped_in_the_shoppers_language(
    app, client, api, catalog, sandbox, merchant, operator
):
    """Kassa's own words for a failed payment are translated on the hosted and embedded order pages; before, a German
    page read 'Die Zahlung wurde nicht abgeschlossen: stopped by the merchant.'"""
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    assert act(operator, order["id"], "mark_failed", subject=payment["id"], evidence=EVIDENCE).status_code == 302

    page = f"/checkout/orders/{order['id']}"
    secret = {"client_secret": order["client_secret"]}
    german = client.get(page, query_string=secret, headers={"Accept-Language": "de-DE,de;q=0.9"})
    french = client.get(page, query_string=secret, headers={"Accept-Language": "fr"})
    assert "Die Zahlung wurde nicht abgeschlossen: vom Händler gestoppt." in german.get_data(as_text=True)
    assert "Le paiement n’a pas abouti : interrompu par le marchand." in french.get_data(as_text=True)
    assert "stopped by the merchant" not in german.get_data(as_text=True) + french.get_data(as_text=True)
    # The API keeps Kassa's English words: a merchant's code may compare them.
    assert api.get(f"/orders/{order['id']}").json["payments"][0]["failure_reason"] == "stopped by the merchant"
