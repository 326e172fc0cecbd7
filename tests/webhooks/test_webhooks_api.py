"""Webhook endpoints and events over the API: validation, secrets shown once, tenant isolation,
and the event log's pagination and filter."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.payments.attempts.test_payment_flow import create_order


def delete(api: Api, path: str):
    return api.client.delete(f"/api/v1{path}", headers=api._headers(None))


def make_endpoint(api: Api, events=("*",), url: str = "https://merchant.example/hooks") -> dict:
    response = api.post("/webhook_endpoints", json={"url": url, "events": list(events)})
    assert response.status_code == 201, response.json
    return response.json


@pytest.mark.parametrize(
    "url",
    [
        "ftp://merchant.example/hooks",
        "merchant.example/hooks",
        "https://",
        "http:///x",
        "javascript:alert(1)",
        "https://merchant.example:0/hooks",
        42,
        None,
        "https://x.example/" + "a" * 2000,
    ],
)
def test_an_endpoint_needs_an_http_url_with_a_host(api, url):
    response = api.post("/webhook_endpoints", json={"url": url, "events": ["*"]})
    assert response.status_code == 400
    assert response.json["error"]["param"] == "url"


@pytest.mark.parametrize(
    "events, param",
    [
        ([], "events"),
        (None, "events"),
        ("order.paid", "events"),
        (["order.shipped"], "events"),
        (["order.paid", 3], "events[1]"),  # the item to fix
        (["*", "order.paid"], "events"),
    ],
)
def test_an_endpoint_needs_known_event_types(api, events, param):
    response = api.post("/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": events})
    assert response.status_code == 400
    assert response.json["error"]["param"] == param


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


def test_merchants_never_see_each_others_endpoints_or_events(client, api, pk_api, merchant, other_merchant, catalog):
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


# --- changing, disabling, rolling and testing an endpoint (issue 13) -------------------------------------------


def audit_actions(app, merchant_id: str) -> list[tuple[str, str]]:
    from app.audit.services import list_audit_entries

    with app.app_context():
        return [(e.action, e.object_id) for e in reversed(list_audit_entries(merchant_id, limit=100)[0])]


def test_an_endpoint_is_changed_disabled_and_enabled_again(app, api, merchant):
    endpoint = make_endpoint(api, ["order.paid"])
    path = f"/webhook_endpoints/{endpoint['id']}"
    changed = api.post(
        path, json={"url": "https://merchant.example/v2/hooks", "events": ["order.paid", "refund.succeeded"]}
    )
    assert changed.status_code == 200, changed.json
    assert (changed.json["url"], changed.json["events"]) == (
        "https://merchant.example/v2/hooks",
        ["order.paid", "refund.succeeded"],
    )
    assert "secret" not in changed.json and changed.json["status"] == "enabled"

    disabled = api.post(path, json={"enabled": False}).json
    assert (disabled["enabled"], disabled["status"]) == (False, "disabled")
    assert api.get(path).json == disabled
    assert api.post(path, json={"disabled": False}).json["status"] == "enabled"  # Stripe's spelling works too
    assert api.get("/webhook_endpoints").json["data"][0]["url"] == "https://merchant.example/v2/hooks"
    assert [a for a in audit_actions(app, merchant.id) if a[0] == "webhook_endpoint.update"] == [
        ("webhook_endpoint.update", endpoint["id"])
    ] * 3


@pytest.mark.parametrize(
    "body, param, message",
    [
        ({}, None, "nothing to change: send url, events or enabled"),
        ({"url": "ftp://merchant.example/hooks"}, "url", "url must be an absolute http(s) URL"),
        ({"events": []}, "events", "events must have at least 1 item"),
        ({"events": ["order.shipped"]}, "events", "unknown event type(s): order.shipped"),
        ({"enabled": "no"}, "enabled", "enabled must be true or false"),
        ({"disabled": 1}, "disabled", "disabled must be true or false"),
        ({"enabled": True, "disabled": True}, "disabled", "enabled and disabled contradict each other"),
    ],
)
def test_a_bad_change_is_a_400_that_changes_nothing(api, body, param, message):
    endpoint = make_endpoint(api, ["order.paid"])
    response = api.post(f"/webhook_endpoints/{endpoint['id']}", json=body)
    assert response.status_code == 400
    assert response.json["error"].get("param") == param and message in response.json["error"]["message"]
    assert api.get(f"/webhook_endpoints/{endpoint['id']}").json == {k: v for k, v in endpoint.items() if k != "secret"}


def test_rolling_gives_a_new_secret_and_keeps_the_old_one_for_the_overlap(app, api, merchant):
    from datetime import datetime, timedelta, timezone

    endpoint = make_endpoint(api)
    path = f"/webhook_endpoints/{endpoint['id']}/roll_secret"
    rolled = api.post(path)
    assert rolled.status_code == 200, rolled.json
    assert rolled.json["secret"].startswith("whsec_") and rolled.json["secret"] != endpoint["secret"]
    expires = datetime.fromisoformat(rolled.json["previous_secret_expires_at"].replace("Z", "+00:00"))
    assert timedelta(hours=23, minutes=59) < expires - datetime.now(timezone.utc) <= timedelta(hours=24)
    assert (
        api.get(f"/webhook_endpoints/{endpoint['id']}").json["previous_secret_expires_at"]
        == rolled.json["previous_secret_expires_at"]
    )  # shown, the secrets are not
    assert "secret" not in api.get(f"/webhook_endpoints/{endpoint['id']}").json

    short = api.post(path, json={"overlap_hours": 2}).json
    assert short["secret"] not in (endpoint["secret"], rolled.json["secret"])
    assert datetime.fromisoformat(short["previous_secret_expires_at"].replace("Z", "+00:00")) - datetime.now(
        timezone.utc
    ) <= timedelta(hours=2)
    now = api.post(path, json={"overlap_hours": 0}).json
    assert now["previous_secret_expires_at"] is None  # the old secret stopped signing at once
    with app.app_context():
        from app.extensions import db
        from app.webhooks.models import WebhookEndpoint

        assert db.session.get(WebhookEndpoint, endpoint["id"]).secret == now["secret"]
    entries = [a for a in audit_actions(app, merchant.id) if a[0] == "webhook_endpoint.roll_secret"]
    assert entries == [("webhook_endpoint.roll_secret", endpoint["id"])] * 3


@pytest.mark.parametrize("overlap", [25, -1, "24", 1.5, True, None])
def test_the_overlap_is_whole_hours_from_0_to_24(api, overlap):
    endpoint = make_endpoint(api)
    response = api.post(f"/webhook_endpoints/{endpoint['id']}/roll_secret", json={"overlap_hours": overlap})
    if overlap is None:  # null means the default
        assert response.status_code == 200
        return
    assert response.status_code == 400
    assert response.json["error"]["param"] == "overlap_hours"
    assert response.json["error"]["message"] == "overlap_hours must be a whole number of hours from 0 to 24"


def test_a_test_event_needs_a_type_the_enabled_endpoint_listens_to(api):
    endpoint = make_endpoint(api, ["order.paid", "refund.succeeded"])
    path = f"/webhook_endpoints/{endpoint['id']}/test"
    unknown = api.post(path, json={"type": "order.shipped"})
    assert unknown.status_code == 400 and unknown.json["error"]["param"] == "type"
    assert "known event type" in unknown.json["error"]["message"]
    unwanted = api.post(path, json={"type": "order.closed"})
    assert unwanted.status_code == 400 and unwanted.json["error"]["message"] == (
        "this endpoint does not listen to order.closed; it listens to order.paid, refund.succeeded"
    )
    assert api.post(path, json={"type": ["order.paid"]}).json["error"]["param"] == "type"

    api.post(f"/webhook_endpoints/{endpoint['id']}", json={"enabled": False})
    disabled = api.post(path)
    assert disabled.status_code == 409 and disabled.json["error"]["code"] == "webhook_endpoint_disabled"


def test_a_test_event_is_sent_but_kept_out_of_the_event_log(app, api, merchant):
    endpoint = make_endpoint(api, ["refund.succeeded"])  # merchant.example does not answer: the try fails
    sent = api.post(f"/webhook_endpoints/{endpoint['id']}/test")
    assert sent.status_code == 201, sent.json
    event, delivery = sent.json["event"], sent.json["delivery"]
    assert event["type"] == "refund.succeeded" and event["test_webhook"] is True and event["livemode"] is False
    assert event["data"]["object"]["object"] == "refund"
    assert (delivery["endpoint"], delivery["event"], delivery["attempts"]) == (endpoint["id"], event["id"], 1)
    assert delivery["status"] == "pending" and delivery["next_attempt_at"]  # retried like any delivery
    assert api.get("/events").json["data"] == []
    assert ("webhook_endpoint.test", delivery["id"]) in audit_actions(app, merchant.id)


def test_another_merchants_endpoint_is_not_found_and_not_changed(client, api, other_merchant):
    rival = Api(client, other_merchant.secret_key)
    mine = make_endpoint(api, ["order.paid"])
    path = f"/webhook_endpoints/{mine['id']}"
    answers = [
        rival.get(path),
        rival.post(path, json={"enabled": False}),
        rival.post(f"{path}/roll_secret", json={"overlap_hours": 0}),
        rival.post(f"{path}/test"),
    ]
    assert [(r.status_code, r.json["error"]["code"]) for r in answers] == [(404, "resource_missing")] * 4
    assert api.get(path).json == {k: v for k, v in mine.items() if k != "secret"}
    assert api.post("/webhook_endpoints/we_missing", json={"enabled": False}).status_code == 404


def test_the_new_routes_need_a_secret_key(pk_api):
    for path in ("/webhook_endpoints/we_x", "/webhook_endpoints/we_x/roll_secret", "/webhook_endpoints/we_x/test"):
        assert pk_api.post(path, json={}).status_code == 403
    assert pk_api.get("/webhook_endpoints/we_x").status_code == 403
