"""The events, webhook endpoint and order stream routes take typed models (issue 52): a shape error is a 400 naming
the field as the client sent it, what the document allows is accepted, and the generated document says the
constraints the server enforces, the stream's events and the webhook payloads included."""

from __future__ import annotations

import json

import pytest

from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.web.api.test_openapi import _validator, check, spec  # noqa: F401  (spec is a fixture)
from tests.webhooks.test_webhooks_api import make_endpoint


def _error(response) -> tuple[int, str | None, str]:
    error = response.json["error"]
    return response.status_code, error.get("param"), error["message"]


@pytest.mark.parametrize(
    "path, param, message",
    [
        ("/events?type=order.shipped", "type", "type must be one of order.created"),
        ("/events?starting_after=we_1", "starting_after", "starting_after must be the id of the last item you have"),
        ("/events?limit=101", "limit", "limit must be an integer between 1 and 100"),
        ("/webhook_endpoints?starting_after=evt_1", "starting_after", "(we_…)"),
    ],
)
def test_a_bad_list_query_is_a_400_naming_the_parameter(api, path, param, message):
    status, named, said = _error(api.get(path))
    assert (status, named) == (400, param) and message in said


def test_list_queries_the_document_allows_are_accepted(api, catalog):
    create_order(api, catalog["sku"])
    [event] = api.get("/events?type=order.created&limit=100").json["data"]
    assert api.get(f"/events?starting_after={event['id']}").json == {"object": "list", "data": [], "has_more": False}
    endpoint = make_endpoint(api)
    assert api.get(f"/webhook_endpoints?starting_after={endpoint['id']}&limit=1").json["data"] == []


@pytest.mark.parametrize(
    "body, param, message",
    [
        ({"url": 42, "events": ["*"]}, "url", "url must be a string"),
        ({"events": ["*"]}, "url", "url is required"),
        ({"url": "https://merchant.example/hooks", "events": ["order.paid", 3]}, "events[1]", "must be a string"),
        ({"url": "https://merchant.example/hooks", "events": "order.paid"}, "events", "events must be an array"),
        ({"url": "https://merchant.example/hooks", "events": ["*", "order.paid"]}, "events", 'send ["*"] alone'),
        ({"url": "https://merchant.example/hooks", "events": ["order.shipped"]}, "events", "order.shipped"),
    ],
)
def test_a_bad_endpoint_body_is_a_400_naming_the_field(api, body, param, message):
    status, named, said = _error(api.post("/webhook_endpoints", json=body))
    assert (status, named) == (400, param) and message in said, said


def test_endpoint_changes_rolls_and_tests_take_typed_bodies(api):
    endpoint = make_endpoint(api, ["order.paid"])
    path = f"/webhook_endpoints/{endpoint['id']}"
    assert _error(api.post(path, json={"enabled": None})) == (400, "enabled", "enabled must be true or false")
    assert _error(api.post(path, json={"url": None}))[:2] == (400, "url")
    assert _error(api.post(f"{path}/roll_secret", json={"overlap_hours": "2"}))[:2] == (400, "overlap_hours")
    assert _error(api.post(f"{path}/test", json={"type": 3})) == (
        400,
        "type",
        "type must be a known event type, e.g. order.paid",
    )
    # What the document allows: a change of one field, a roll with no body or a null overlap (the default).
    assert api.post(path, json={"events": ["order.paid", "order.paid", "order.closed"]}).json["events"] == [
        "order.paid",
        "order.closed",
    ]
    assert api.post(f"{path}/roll_secret").status_code == 200
    assert api.post(f"{path}/roll_secret", json={"overlap_hours": None}).json["previous_secret_expires_at"]
    assert api.post(f"{path}/roll_secret", json={"overlap_hours": 0}).json["previous_secret_expires_at"] is None


def test_the_document_states_the_constraints_the_server_enforces(spec):  # noqa: F811
    events = {p["name"]: p for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert events["starting_after"]["schema"]["pattern"] == "^evt_"
    assert "order.paid" in events["type"]["schema"]["enum"] and "order.shipped" not in events["type"]["schema"]["enum"]
    assert events["limit"]["schema"]["maximum"] == 100
    listed = {p["name"]: p for p in spec["paths"]["/webhook_endpoints"]["get"]["parameters"]}
    assert listed["starting_after"]["schema"]["pattern"] == "^we_"

    schemas = spec["components"]["schemas"]
    created = spec["paths"]["/webhook_endpoints"]["post"]
    assert created["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/WebhookEndpointInput")
    either = schemas["WebhookEndpointInput"]["properties"]["events"]["oneOf"]
    assert [branch["items"].get("const") for branch in either] == [None, "*"] and "order.paid" in either[0]["items"][
        "enum"
    ]
    assert schemas["WebhookEndpointInput"]["required"] == ["url", "events"]
    assert schemas["WebhookEndpointUpdate"]["properties"]["enabled"]["type"] == "boolean"  # not nullable
    assert schemas["WebhookSecretRoll"]["properties"]["overlap_hours"]["maximum"] == 24
    roll = spec["paths"]["/webhook_endpoints/{id}/roll_secret"]["post"]
    assert roll["requestBody"]["required"] is False  # no body: the defaults
    assert "webhook_secret_rolled" in roll["responses"]["409"]["description"]
    assert "Idempotency-Key" in [p["name"] for p in roll["parameters"] if p["in"] == "header"]
    tested = spec["paths"]["/webhook_endpoints/{id}/test"]["post"]["responses"]
    assert "webhook_endpoint_disabled" in tested["409"]["description"] and "404" in tested
    assert "404" in spec["paths"]["/orders/{id}/events"]["get"]["responses"]


def test_live_answers_of_the_area_match_the_document(spec, api, pk_api, catalog):  # noqa: F811
    order = create_order(api, catalog["sku"])
    check(spec, "get", "/events", api.get("/events?type=order.created"))
    check(spec, "get", "/events", api.get("/events?starting_after=ord_1"))
    check(spec, "get", "/orders/{id}/events", pk_api.get(f"/orders/{order['id']}/events?client_secret=nope"))
    endpoint = make_endpoint(api, ["order.paid"])
    path = f"/webhook_endpoints/{endpoint['id']}"
    check(spec, "get", "/webhook_endpoints", api.get(f"/webhook_endpoints?starting_after={endpoint['id']}"))
    check(spec, "post", "/webhook_endpoints/{id}", api.post(path, json={"url": None}))
    check(
        spec, "post", "/webhook_endpoints/{id}/roll_secret", api.post(f"{path}/roll_secret", json={"overlap_hours": 0})
    )
    check(spec, "post", "/webhook_endpoints/{id}/roll_secret", api.post("/webhook_endpoints/we_missing/roll_secret"))
    check(spec, "post", "/webhook_endpoints/{id}/test", api.post(f"{path}/test", json={"type": 3}))


def _events(text: str) -> list[tuple[str, dict]]:
    found = []
    for block in text.split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            found.append((lines["event"], json.loads(lines["data"])))
    return found


def test_the_stream_says_what_the_document_says(spec, client, api, catalog, sandbox):  # noqa: F811
    """The issue's schemathesis run found the stream's status event violating its schema: each event the route
    sends, with and without a payment, must match the component the document names for it."""
    answer = spec["paths"]["/orders/{id}/stream"]["get"]
    assert answer["security"] == [] and "401" not in answer["responses"]
    kinds = answer["responses"]["200"]["content"]["text/event-stream"]["schema"]["x-itemSchema"]["oneOf"]
    component = {kind["properties"]["event"]["const"]: kind["properties"]["data"]["contentSchema"] for kind in kinds}
    assert component == {
        "status": {"$ref": "#/components/schemas/OrderStatusEvent"},
        "end": {"$ref": "#/components/schemas/OrderStreamEnd"},
    }
    fresh = create_order(api, catalog["sku"])
    paying = create_order(api, catalog["sku"])
    pay(api, paying["id"])
    seen = []
    for order in (fresh, paying):
        text = client.get(f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}").get_data(
            as_text=True
        )
        for name, data in _events(text):
            errors = list(_validator(spec, component[name]).iter_errors(data))
            assert not errors, f"{name}: {errors[0].message} at {list(errors[0].path)}"
            seen.append((name, data.get("payment") is not None if name == "status" else data["reason"]))
    assert seen == [("status", False), ("end", "poll"), ("status", True), ("end", "poll")]


def test_webhook_payloads_derive_from_the_objects_they_carry(spec):  # noqa: F811
    schemas = spec["components"]["schemas"]
    carried = schemas["OrderEventObject"]
    assert "client_secret" not in carried["properties"] and "livemode" in carried["required"]
    assert set(carried["properties"]) - {"livemode"} <= set(schemas["Order"]["properties"])
    renewal = schemas["SubscriptionEventObject"]["properties"]["renewal"]
    assert renewal == {"$ref": "#/components/schemas/SubscriptionEventRenewal"}
    assert schemas["RiskEventObject"]["properties"]["decision"]["enum"][:3] == ["allow", "review", "block"]
    paid = spec["webhooks"]["order.paid"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert paid["properties"]["type"] == {"const": "order.paid"}
    assert paid["properties"]["data"]["properties"]["object"] == {"$ref": "#/components/schemas/OrderEventObject"}
    assert set(paid["required"]) == set(schemas["Event"]["required"])
