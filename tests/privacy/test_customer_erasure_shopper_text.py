"""An erasure reaches what the shopper typed and where they came from: the words of a refund request (which may
hold another address of theirs, a phone number, a name) wherever Kassa copied them (the request, the refund, the
order's timeline, events), the address and device that Kassa's risk notes name, and the address and browser the
API request log kept of the shopper's own calls; the refund's amount and the books stay."""

from __future__ import annotations

import json

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import status_of
from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, _everything_kept
from tests.request_log.test_request_log import served, stored_rows
from tests.support.books import ledger_sums

SHOPPER_IP, DEVICE, BROWSER = "203.0.113.77", "phone-of-gone", "GoneBrowser/1.0"
TYPED = "It never arrived. Write to me at other.me@example.net or call +1 555 0100, Jane Gone"

CLAIMED = f"pk:{GONE}"  # the shopper named themselves in the browser: a customer apart from the merchant's GONE


def _as_shopper(pk_api):
    """What the shopper's browser sends with every call: its address, device id and user agent."""
    from app.risk.context import DEVICE_HEADER

    def call(method: str, path: str, body: dict):
        return served(
            getattr(pk_api, method)(
                path,
                json=body,
                headers={DEVICE_HEADER: DEVICE, "User-Agent": BROWSER},
                environ_base={"REMOTE_ADDR": SHOPPER_IP},
            )
        )

    return call


def _refunded_at_the_shoppers_request(api, pk_api, catalog, sandbox, worker) -> dict:
    """The shopper buys from their browser, pays, and asks for their money back in their own words; the merchant's
    risk lists hold their email and address for review, so Kassa's notes on the order name both."""
    for kind, value in (("email", GONE_EMAIL), ("ip", SHOPPER_IP)):
        listed = api.post("/risk/list_entries", json={"kind": kind, "value": value, "action": "review"})
        assert listed.status_code == 201
    shopper = _as_shopper(pk_api)
    order = shopper(
        "post",
        "/orders",
        {
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": GONE, "email": GONE_EMAIL},
        },
    ).json
    secret = order["client_secret"]
    payment = shopper("post", f"/orders/{order['id']}/pay", {"channel": "sandbox_card", "client_secret": secret})
    sandbox.simulate(payment.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    asked = shopper("post", f"/orders/{order['id']}/refund_requests", {"reason": TYPED, "client_secret": secret})
    assert asked.status_code == 201 and asked.json["refund_request"]["status"] == "approved", asked.json
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    worker()
    return api.get(f"/orders/{order['id']}").json


def test_what_the_shopper_typed_and_the_risk_notes_naming_them_are_erased_and_the_refund_stays(
    app, api, pk_api, merchant, catalog, sandbox, worker
):
    before = _refunded_at_the_shoppers_request(api, pk_api, catalog, sandbox, worker)
    shown = json.dumps(before)
    assert GONE_EMAIL.lower() in shown.lower() and SHOPPER_IP in shown and "other.me@example.net" in shown

    assert api.post(f"/customers/{CLAIMED}/erase").status_code == 200

    after = api.get(f"/orders/{before['id']}").json
    shown = json.dumps(after).lower()
    for personal in (GONE_EMAIL.lower(), SHOPPER_IP, "other.me@example.net", "555 0100", "jane gone"):
        assert personal not in shown
    assert after["risk"]["reasons"] == ["email [erased] is on the review list", "ip [erased] is on the review list"]
    assert (after["status"], after["refunded_amount"], after["amount"]) == (
        "refunded",
        before["refunded_amount"],
        before["amount"],
    )
    assert [(r["amount"], r["status"]) for r in after["refunds"]] == [
        (r["amount"], r["status"]) for r in before["refunds"]
    ]
    assert [t["status"] for t in after["timeline"]] == [t["status"] for t in before["timeline"]]
    [request] = api.get(f"/customers/{CLAIMED}/export").json["refund_requests"]
    assert (request["reason"], request["ip"], request["device"]) == ("[erased]", None, None)
    kept = _everything_kept(app, merchant.id).lower()  # events (webhook payloads) and the request log
    for personal in ("other.me@example.net", "555 0100", GONE_EMAIL.lower(), DEVICE):
        assert personal not in kept
    assert ledger_sums(app) == {"usd": 0}
    again = api.post(f"/customers/{CLAIMED}/erase").json["erased"]
    assert set(again.values()) == {0}
    # Their next order is an order like any other: it carries what they give now, and the lists still apply.
    later = _as_shopper(pk_api)(
        "post",
        "/orders",
        {
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": GONE, "email": GONE_EMAIL},
        },
    )
    assert later.status_code == 201 and later.json["customer"]["email"] == GONE_EMAIL
    risk = api.get(f"/orders/{later.json['id']}").json["risk"]  # its reasons, as the merchant reads them
    assert risk["decision"] == "review" and SHOPPER_IP in json.dumps(risk)


def test_the_shoppers_own_api_calls_lose_their_address_browser_and_words(
    app, api, pk_api, merchant, catalog, sandbox, worker
):
    order = _refunded_at_the_shoppers_request(api, pk_api, catalog, sandbox, worker)
    theirs = [row for row in stored_rows(app, merchant.id) if row["key_label"].startswith("pk_")]
    assert {row["path"] for row in theirs} == {
        "/api/v1/orders",
        f"/api/v1/orders/{order['id']}/pay",
        f"/api/v1/orders/{order['id']}/refund_requests",
    }
    assert {row["ip"] for row in theirs} == {SHOPPER_IP} and TYPED in json.dumps([r["request_body"] for r in theirs])

    erased = api.post(f"/customers/{CLAIMED}/erase").json["erased"]
    assert erased["api_request_logs"] >= 3

    kept = [row for row in stored_rows(app, merchant.id) if row["key_label"].startswith("pk_")]
    assert [(row["method"], row["path"], row["status_code"]) for row in kept] == [
        (row["method"], row["path"], row["status_code"]) for row in theirs
    ]  # what the developer reads stays
    assert {(row["ip"], row["request_body"], row["response_body"]) for row in kept} == {(None, None, None)}
    assert BROWSER not in json.dumps([row["request_headers"] for row in kept])


def test_a_short_reason_or_an_address_the_shopper_mentions_erases_nothing_else(
    app, api, pk_api, merchant, catalog, sandbox, worker
):
    from tests.privacy.test_customer_erasure import STAYS, STAYS_EMAIL, paid_order

    def ask(order: dict, reason: str) -> None:
        asked = pk_api.post(
            f"/orders/{order['id']}/refund_requests", json={"reason": reason, "client_secret": order["client_secret"]}
        )
        assert asked.status_code == 201, asked.json
        wait_for(lambda: status_of(api, order["id"]) == "refunded")

    short = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    ask(short, "card")
    mentions = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    ask(mentions, "see my mail to support@acme.test")
    theirs = paid_order(api, sandbox, worker, catalog["sku"], STAYS, STAYS_EMAIL)
    ask(theirs, "as support@acme.test told me")
    worker()

    assert api.post(f"/customers/{GONE}/erase").status_code == 200

    timeline = [t["reason"] for t in api.get(f"/orders/{short['id']}").json["timeline"]]
    assert "payment started with sandbox_card" in timeline  # "card" was the shopper's word, not Kassa's
    assert any("shopper request" in reason and reason.endswith(": [erased]") for reason in timeline)
    assert "support@acme.test" not in json.dumps(api.get(f"/orders/{mentions['id']}").json)
    # Another customer who wrote the same (shared) address keeps every word of theirs.
    assert "as support@acme.test told me" in json.dumps(api.get(f"/orders/{theirs['id']}").json)
    assert "as support@acme.test told me" in json.dumps(
        [e["data"] for e in api.get("/events", query_string={"type": "refund.succeeded"}).json["data"]]
    )
