"""Live responses of the events and webhook endpoint routes match the OpenAPI document."""

from __future__ import annotations

from tests.conftest import Api
from tests.payments.attempts.test_payment_flow import create_order
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)
from tests.webhooks.test_webhooks_api import delete


def test_event_and_webhook_responses_match_the_document(
    spec,
    api,
    pk_api,
    client,
    catalog,  # noqa: F811
    other_merchant,
):
    order = create_order(api, catalog["sku"])
    api.post(f"/orders/{order['id']}/cancel")
    check(spec, "get", "/events", api.get("/events"))
    check(spec, "get", "/events", api.get("/events?type=order.created&limit=1"))
    check(spec, "get", "/events", api.get("/events?type=nope"))
    check(spec, "get", "/events", pk_api.get("/events"))
    check(spec, "get", "/events", client.get("/api/v1/events"))
    check(spec, "get", "/orders/{id}/events", api.get(f"/orders/{order['id']}/events"))
    check(
        spec,
        "get",
        "/orders/{id}/events",
        pk_api.get(f"/orders/{order['id']}/events?client_secret={order['client_secret']}"),
    )
    check(spec, "get", "/orders/{id}/events", pk_api.get(f"/orders/{order['id']}/events"))

    created = api.post("/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": ["*"]})
    check(spec, "post", "/webhook_endpoints", created)
    check(spec, "post", "/webhook_endpoints", api.post("/webhook_endpoints", json={"url": "x", "events": ["*"]}))
    check(spec, "post", "/webhook_endpoints", pk_api.post("/webhook_endpoints", json={}))
    check(spec, "get", "/webhook_endpoints", api.get("/webhook_endpoints"))
    check(spec, "get", "/webhook_endpoints", api.get("/webhook_endpoints?limit=101"))
    rival = Api(client, other_merchant.secret_key)
    check(spec, "delete", "/webhook_endpoints/{id}", delete(rival, f"/webhook_endpoints/{created.json['id']}"))
    check(spec, "delete", "/webhook_endpoints/{id}", delete(api, f"/webhook_endpoints/{created.json['id']}"))
    check(spec, "delete", "/webhook_endpoints/{id}", delete(pk_api, f"/webhook_endpoints/{created.json['id']}"))
