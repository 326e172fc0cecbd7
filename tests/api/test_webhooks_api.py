"""Webhook endpoints and events over the API: validation, secrets shown once, tenant isolation,
and the event log's pagination and filter."""
from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.integration.test_payment_flow import create_order


def delete(api: Api, path: str):
    return api.client.delete(f"/api/v1{path}", headers=api._headers(None))


def make_endpoint(api: Api, events=("*",), url: str = "https://merchant.example/hooks") -> dict:
    response = api.post("/webhook_endpoints", json={"url": url, "events": list(events)})
    assert response.status_code == 201, response.json
    return response.json


@pytest.mark.parametrize("url", ["ftp://merchant.example/hooks", "merchant.example/hooks", "https://", "http:///x",
                                 "javascript:alert(1)", "https://merchant.example:0/hooks", 42, None,
                                 "https://x.example/" + "a" * 2000])
def test_an_endpoint_needs_an_http_url_with_a_host(api, url):
    response = api.post("/webhook_endpoints", json={"url": url, "events": ["*"]})
    assert response.status_code == 400
    assert response.json["error"]["param"] == "url"


@pytest.mark.parametrize("events", [[], None, "order.paid", ["order.shipped"], ["order.paid", 3],
                                    ["*", "order.paid"]])
def test_an_endpoint_needs_known_event_types(api, events):
    response = api.post("/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": events})
    assert response.status_code == 400
    assert response.json["error"]["param"] == "events"


def test_the_secret_is_shown_once_and_listing_omits_it(api):
    created = make_endpoint(api, ["order.paid", "refund.succeeded", "order.paid"])
    assert created["id"].startswith("we_") and created["secret"].startswith("whsec_")
    assert created["events"] == ["order.paid", "refund.succeeded"]
    assert created["enabled"] is True and created["url"] == "https://merchant.example/hooks"
    listed = api.get("/webhook_endpoints").json
    assert listed["has_more"] is False
    assert listed["data"] == [{k: v for k, v in created.items() if k != "secret"}]
    assert make_endpoint(api)["secret"] != created["secret"]


def test_creating_an_endpoint_is_idempotent(api):
    headers = {"Idempotency-Key": "we-1"}
    body = {"url": "https://merchant.example/hooks", "events": ["*"]}
    first = api.post("/webhook_endpoints", json=body, headers=headers)
    again = api.post("/webhook_endpoints", json=body, headers=headers)
    assert again.headers["Idempotent-Replayed"] == "true" and again.json["id"] == first.json["id"]
    assert len(api.get("/webhook_endpoints").json["data"]) == 1


def test_endpoints_are_paginated_newest_first(api):
    ids = [make_endpoint(api)["id"] for _ in range(3)]
    page = api.get("/webhook_endpoints?limit=2").json
    assert [e["id"] for e in page["data"]] == ids[::-1][:2] and page["has_more"] is True
    rest = api.get(f"/webhook_endpoints?limit=2&starting_after={ids[1]}").json
    assert [e["id"] for e in rest["data"]] == [ids[0]] and rest["has_more"] is False


def test_deleting_twice_is_a_404(api):
    endpoint = make_endpoint(api)
    assert delete(api, f"/webhook_endpoints/{endpoint['id']}").json["deleted"] is True
    assert delete(api, f"/webhook_endpoints/{endpoint['id']}").status_code == 404
    assert api.get("/webhook_endpoints").json["data"] == []


def test_merchants_never_see_each_others_endpoints_or_events(client, api, pk_api, merchant, other_merchant,
                                                             catalog):
    rival = Api(client, other_merchant.secret_key)
    mine = make_endpoint(api)
    order = create_order(api, catalog["sku"])

    assert delete(rival, f"/webhook_endpoints/{mine['id']}").status_code == 404
    assert rival.get("/webhook_endpoints").json["data"] == []
    assert rival.get("/events").json["data"] == []
    assert rival.get(f"/orders/{order['id']}/events").status_code == 404
    assert [e["id"] for e in api.get("/webhook_endpoints").json["data"]] == [mine["id"]]
    assert len(api.get("/events").json["data"]) == 1


def test_webhooks_and_the_event_log_need_a_secret_key(pk_api, client):
    assert pk_api.post("/webhook_endpoints", json={"url": "https://m.example", "events": ["*"]}).status_code == 403
    assert pk_api.get("/webhook_endpoints").status_code == 403
    assert delete(pk_api, "/webhook_endpoints/we_x").status_code == 403
    assert pk_api.get("/events").status_code == 403
    assert client.get("/api/v1/events").status_code == 401


def test_the_event_log_is_newest_first_with_a_cursor_and_a_type_filter(api, catalog):
    orders = [create_order(api, catalog["sku"]) for _ in range(3)]
    api.post(f"/orders/{orders[0]['id']}/cancel")

    everything = api.get("/events").json["data"]
    assert [e["type"] for e in everything] == ["order.closed"] + ["order.created"] * 3
    assert [e["id"] for e in everything] == sorted((e["id"] for e in everything), reverse=True)
    assert [e["data"]["object"]["id"] for e in everything[1:]] == [o["id"] for o in orders[::-1]]

    first = api.get("/events?limit=2").json
    assert first["data"] == everything[:2] and first["has_more"] is True
    second = api.get(f"/events?limit=2&starting_after={first['data'][-1]['id']}").json
    assert second["data"] == everything[2:] and second["has_more"] is False

    closed = api.get("/events?type=order.closed").json["data"]
    assert [(e["type"], e["data"]["object"]["id"]) for e in closed] == [("order.closed", orders[0]["id"])]
    assert api.get("/events?type=order.paid").json == {"object": "list", "data": [], "has_more": False}
    assert api.get("/events?type=order.shipped").json["error"]["param"] == "type"
    assert api.get("/events?limit=0").json["error"]["param"] == "limit"


def test_an_order_stream_is_readable_with_its_client_secret(api, pk_api, catalog):
    order = create_order(pk_api, catalog["sku"])
    other = create_order(api, catalog["sku"])
    api.post(f"/orders/{order['id']}/cancel")

    assert pk_api.get(f"/orders/{order['id']}/events").status_code == 404  # no client secret
    assert pk_api.get(f"/orders/{order['id']}/events?client_secret={other['client_secret']}").status_code == 404
    stream = pk_api.get(f"/orders/{order['id']}/events?client_secret={order['client_secret']}").json
    assert [e["type"] for e in stream["data"]] == ["order.created", "order.closed"]
    assert all(e["data"]["object"]["id"] == order["id"] for e in stream["data"])
    assert api.get(f"/orders/{order['id']}/events").json == stream
    assert api.get("/orders/ord_missing/events").status_code == 404
