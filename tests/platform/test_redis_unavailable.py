"""Without Redis (here: a Redis address that refuses connections) decisions about an order answer 503 with a
clear message and write nothing; the rest of Kassa keeps answering. The same on SQLite and PostgreSQL;
tests/faults/test_redis_outage.py stops a real Redis under real processes."""

from __future__ import annotations

import pytest
import requests
from redis import Redis

from tests.conftest import free_port
from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.support.lifecycle import paid_order
from tests.support.provider_api import signed_callback
from tests.web.api.test_openapi import check


@pytest.fixture
def redis_down(app, monkeypatch):
    """From now on the app's Redis refuses every connection."""

    def stop() -> None:
        monkeypatch.setitem(
            app.extensions,
            "kassa_redis",
            Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1),
        )

    return stop


def _unavailable(response) -> bool:
    error = response.json["error"]
    return (
        response.status_code == 503
        and error["code"] == "service_unavailable"
        and "try again in a moment" in error["message"]
        and response.headers["Retry-After"] == "5"
    )


def test_a_refund_without_redis_is_refused_before_anything_is_written_or_sent(
    app, api, client, catalog, sandbox, redis_down
):
    order = paid_order(api, sandbox, catalog["sku"])
    capture = api.get(f"/orders/{order['id']}").json["payments"][0]["provider_reference"]
    redis_down()

    refused = api.post(f"/orders/{order['id']}/refunds", json={"reason": "customer asked"})

    assert _unavailable(refused), refused.json
    check(client.get("/api/v1/openapi.json").json, "post", "/orders/{id}/refunds", refused)
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"], after["refunds"]) == ("paid", 0, [])
    provider_refunds = requests.get(
        f"{sandbox.url}/sandbox/api/payments/{capture}/refunds",
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()
    assert provider_refunds["data"] == []


def test_a_payment_without_redis_is_refused_and_the_order_stays_payable(app, api, client, catalog, sandbox, redis_down):
    order = create_order(api, catalog["sku"])
    redis_down()

    refused = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert _unavailable(refused)
    check(client.get("/api/v1/openapi.json").json, "post", "/orders/{id}/pay", refused)
    untouched = api.get(f"/orders/{order['id']}").json
    assert untouched["status"] == "created" and untouched["payments"] == []
    health = client.get("/healthz")
    assert health.status_code == 503 and health.json["checks"]["redis"] == "error: ConnectionError"
    assert set(health.json["channels"].values()) == {"unknown: redis unavailable"}
    # Routing fails open without Redis, and the words say so.
    assert {h["status"] for h in health.json["channel_health"].values()} == {"available"}
    assert "Redis is unreachable" in health.json["channel_health"]["sandbox_card"]["reason"]


def test_the_hosted_checkout_shows_a_page_that_says_to_try_again(app, client, catalog, sandbox, redis_down):
    page = client.get(f"/checkout/{catalog['product']}")
    token = page.get_data(as_text=True).split('name="csrf_token" value="')[1].split('"')[0]
    redis_down()

    answer = client.post(
        f"/checkout/{catalog['product']}/pay",
        data={"csrf_token": token, "sku": catalog["sku"], "quantity": "1", "channel": "sandbox_card", "agree": "on"},
    )

    assert answer.status_code < 500 and answer.mimetype == "text/html"
    assert "try again in a moment" in answer.get_data(as_text=True)


def test_a_started_payment_whose_provider_calls_back_without_redis_gets_503_until_redis_is_back(
    app, api, client, catalog, sandbox, redis_down, monkeypatch
):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    working = app.extensions["kassa_redis"]
    redis_down()
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}",
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()
    body, headers = signed_callback(found)
    assert _unavailable(client.post("/hooks/channels/sandbox_card", data=body, headers=headers))
    assert api.get(f"/orders/{order['id']}").json["status"] == "paying"

    monkeypatch.setitem(app.extensions, "kassa_redis", working)
    assert client.post("/hooks/channels/sandbox_card", data=body, headers=headers).status_code == 200
    assert api.get(f"/orders/{order['id']}").json["status"] == "paid"
