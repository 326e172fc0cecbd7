"""What a merchant's receiver really gets matches the webhooks section of the OpenAPI document: each delivered
body against its event type's schema (payload included), its Kassa-Signature against the documented header."""

from __future__ import annotations

import json
import re

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import clock, monthly  # noqa: F401  (fixtures)
from tests.support.lifecycle import paid_order
from tests.web.api.test_openapi import _validator, spec  # noqa: F401  (spec is a fixture)
from tests.webhooks.test_webhooks import _receiver_server, receiver, register, worker  # noqa: F401  (fixtures)

WANTED = {"order.created", "payment.succeeded", "order.paid", "refund.succeeded"}


def _webhook_schema(event_type: str) -> dict:
    return {"$ref": f"#/webhooks/{event_type}/post/requestBody/content/application~1json/schema"}


def test_delivered_events_match_their_documented_payloads(
    spec,
    api,
    catalog,
    sandbox,
    receiver,  # noqa: F811
    worker,
):  # noqa: F811
    hook, _ = register(api, receiver, "/every-event", ["*"])
    order = paid_order(api, sandbox, catalog["sku"])
    refunded = api.post(f"/orders/{order['id']}/refunds", json={"amount": 100, "reason": "damaged"})
    assert refunded.status_code in (200, 201), refunded.json

    def delivered() -> set[str]:
        worker()
        return {event["type"] for event in hook.accepted}

    wait_for(lambda: WANTED <= delivered(), timeout=20)
    signature = re.compile(spec["webhooks"]["order.paid"]["post"]["parameters"][0]["schema"]["pattern"])
    for body, header in hook.raw:
        event = json.loads(body)
        errors = sorted(_validator(spec, _webhook_schema(event["type"])).iter_errors(event), key=str)
        assert not errors, f"{event['type']}: {errors[0].message} at {list(errors[0].path)}"
        assert signature.match(header), header


def test_a_completed_checkout_session_is_delivered_whole_and_as_documented(
    spec,
    api,
    pk_api,
    catalog,
    sandbox,  # noqa: F811
    receiver,
    worker,
):  # noqa: F811
    from tests.checkout_sessions.test_checkout_sessions import session_for
    from tests.payments.attempts.test_payment_flow import pay

    hook, _ = register(api, receiver, "/sessions", ["checkout_session.completed"])
    session = session_for(api, catalog, metadata={"cart": "c_42"})
    order = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert order.status_code == 201, order.json
    payment = pay(api, order.json["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: (worker(), hook.accepted)[1], timeout=20)

    [event] = hook.accepted
    errors = list(_validator(spec, _webhook_schema(event["type"])).iter_errors(event))
    assert not errors, errors[0].message
    completed = event["data"]["object"]
    assert (completed["id"], completed["status"], completed["order"]) == (session["id"], "complete", order.json["id"])
    assert completed["customer"] == {"id": session["customer"]["id"], "email": "rich@example.test"}
    assert completed["metadata"] == {"cart": "c_42"} and completed["items"] == session["items"]
    assert "client_secret" not in completed and "url" not in completed  # the shopper's capability stays out


def test_a_test_order_event_is_shaped_like_a_real_one(spec, api, receiver):  # noqa: F811
    """ "Send test event" lets a merchant build their receiver against a sample: it must look like the real thing."""
    hook, endpoint_id = register(api, receiver, "/sample", ["order.paid"])
    assert api.post(f"/webhook_endpoints/{endpoint_id}/test").status_code == 201
    [event] = hook.accepted
    errors = list(_validator(spec, _webhook_schema("order.paid")).iter_errors(event))
    assert not errors, errors[0].message
    assert event["test_webhook"] is True and event["data"]["object"]["items"][0]["name"] == "Sample item"


def test_subscription_events_match_their_documented_payloads(spec, api, sandbox, worker, monthly, clock):  # noqa: F811
    """A contract's events over a renewal (the notice ahead of it, the renewal itself) are shaped as the webhooks
    section says: a receiver generated from the document must accept each of them."""
    from tests.signing.renewals.test_renewals import active_subscription, advance, unix

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 3, 1))
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={}).status_code == 200  # its mandate ends with it
    delivered = [e for e in api.get("/events?limit=100").json["data"] if e["type"].startswith("subscription.")]
    assert {
        "subscription.activated",
        "subscription.renewal_upcoming",
        "subscription.renewed",
        "subscription.canceled",
    } <= {e["type"] for e in delivered}
    for event in delivered:
        errors = sorted(_validator(spec, _webhook_schema(event["type"])).iter_errors(event), key=str)
        assert not errors, f"{event['type']}: {errors[0].message} at {list(errors[0].path)}"


def test_dispute_events_match_their_documented_payloads(
    spec,
    api,
    catalog,
    sandbox,
    receiver,  # noqa: F811
    worker,
):  # noqa: F811
    import requests

    hook, _ = register(api, receiver, "/disputes", ["dispute.created", "dispute.updated", "dispute.closed"])
    order = paid_order(api, sandbox, catalog["sku"])
    reference = order["payments"][0]["provider_reference"]
    opened = requests.post(f"{sandbox.url}/sandbox/api/payments/{reference}/dispute", json={}, timeout=10).json()
    wait_for(lambda: api.get("/disputes").json["data"])
    dispute = api.get("/disputes").json["data"][0]
    assert api.post(f"/disputes/{dispute['id']}/evidence", json={"text": "signed delivery"}).status_code == 200
    requests.post(f"{sandbox.url}/sandbox/api/disputes/{opened['id']}/close", json={"outcome": "won"}, timeout=10)
    wait_for(lambda: api.get(f"/disputes/{dispute['id']}").json["status"] == "won")

    def delivered() -> set[str]:
        worker()
        return {event["type"] for event in hook.accepted}

    wait_for(lambda: delivered() == {"dispute.created", "dispute.updated", "dispute.closed"}, timeout=20)
    for body, _ in hook.raw:
        event = json.loads(body)
        errors = sorted(_validator(spec, _webhook_schema(event["type"])).iter_errors(event), key=str)
        assert not errors, f"{event['type']}: {errors[0].message} at {list(errors[0].path)}"
