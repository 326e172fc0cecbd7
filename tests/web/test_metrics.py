"""/metrics: what an operator's Prometheus scrapes — request latency per route, orders by status,
payment success per channel, queue depth, breakers — and who may read it."""

from __future__ import annotations

import re

from tests.conftest import dispose, wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of


def sample(text: str, name: str, **labels: str) -> float | None:
    """The value of one series in Prometheus's text format, or None when it is absent."""
    for line in text.splitlines():
        match = re.match(rf"{re.escape(name)}(?:\{{(.*)\}})? (\S+)$", line)
        if match:
            found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(1) or ""))
            if all(found.get(k) == v for k, v in labels.items()):
                return float(match.group(2))
    return None


def test_a_paid_order_shows_in_the_figures_an_operator_watches(app, client, api, catalog, sandbox):
    # Request latency is counted per process for its whole life: compare with a scrape taken now.
    before = client.get("/metrics").get_data(as_text=True)
    creates = (
        sample(before, "kassa_http_request_duration_seconds_count", method="POST", route="/api/v1/orders", status="201")
        or 0
    )
    missing = (
        sample(
            before,
            "kassa_http_request_duration_seconds_count",
            method="GET",
            route="/api/v1/orders/<order_id>",
            status="404",
        )
        or 0
    )
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
    failed = pay(api, create_order(api, catalog["sku"])["id"])
    sandbox.simulate(failed["provider_reference"], "failed")
    api.get("/orders/ord_does_not_exist")

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    status = status_of(api, order["id"])
    assert sample(text, "kassa_orders", status=status, mode="test") == 1
    # One capture and one decline on the card channel in the last hour: half succeeded.
    wait_for(
        lambda: (
            sample(client.get("/metrics").get_data(as_text=True), "kassa_payment_success_ratio", channel="sandbox_card")
            == 0.5
        )
    )
    assert (
        sample(text, "kassa_http_request_duration_seconds_count", method="POST", route="/api/v1/orders", status="201")
        == creates + 2
    )
    # The route pattern, never the raw path: ids must not make a series each.
    assert (
        sample(
            text,
            "kassa_http_request_duration_seconds_count",
            method="GET",
            route="/api/v1/orders/<order_id>",
            status="404",
        )
        == missing + 1
    )
    assert "ord_does_not_exist" not in text
    assert sample(text, "kassa_redis_up") == 1
    assert sample(text, "kassa_queue_jobs", queue=app.config["RQ_QUEUE"]) is not None
    assert sample(text, "kassa_queue_jobs", queue=app.config["RQ_QUEUE"] + "-batch") is not None  # its own backlog
    assert sample(text, "kassa_channel_breaker", channel="sandbox_card", state="closed") == 1


def test_another_machine_needs_the_token(app, client):
    elsewhere = {"REMOTE_ADDR": "203.0.113.9"}
    refused = client.get("/metrics", environ_base=elsewhere)
    assert refused.status_code == 401
    assert "METRICS_TOKEN" in refused.json["error"]["message"]

    app.config["METRICS_TOKEN"] = "scrape-secret-1234"
    try:
        assert client.get("/metrics", environ_base=elsewhere).status_code == 401
        assert (
            client.get("/metrics", environ_base=elsewhere, headers={"Authorization": "Bearer wrong"}).status_code == 401
        )
        allowed = client.get("/metrics", environ_base=elsewhere, headers={"Authorization": "Bearer scrape-secret-1234"})
        assert allowed.status_code == 200
        assert "kassa_orders" in allowed.get_data(as_text=True)
    finally:
        app.config["METRICS_TOKEN"] = ""


def test_a_visitor_through_a_reverse_proxy_on_the_same_machine_needs_the_token(client):
    # nginx or Caddy on the host forwards every visitor from 127.0.0.1; with TRUSTED_PROXY_COUNT left at 0 the
    # address alone cannot tell a local scraper from anyone on the internet. A proxy says so in its headers.
    assert client.get("/metrics").status_code == 200  # Prometheus on the machine itself
    for forwarded in (
        {"X-Forwarded-For": "203.0.113.9"},
        {"Forwarded": "for=203.0.113.9"},
        {"X-Real-IP": "203.0.113.9"},
    ):
        refused = client.get("/metrics", headers=forwarded)
        assert refused.status_code == 401, forwarded
        assert "METRICS_TOKEN" in refused.json["error"]["message"]


def test_with_redis_down_the_database_figures_are_still_served(app, api, catalog):
    from app import create_app

    create_order(api, catalog["sku"])
    broken = create_app(
        {**{k: app.config[k] for k in ("SQLALCHEMY_DATABASE_URI", "TESTING")}, "REDIS_URL": "redis://127.0.0.1:1/0"}
    )
    response = broken.test_client().get("/metrics")
    dispose(broken)
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert sample(text, "kassa_redis_up") == 0
    assert sample(text, "kassa_orders", status="created", mode="test") == 1


def test_a_made_up_method_adds_no_series_of_its_own(client):
    """Any token is a method to HTTP: each one was a latency series of its own, so a client could grow the samples
    without bound. Every method outside the standard ones is one series, OTHER."""
    methods = ("BREW", "PROPFIND-X1", "PROPFIND-X2")
    before = client.get("/metrics").get_data(as_text=True)
    series = {"method": "OTHER", "route": "unmatched", "status": "404"}  # a TRACE elsewhere is OTHER too, as a 405
    other = sample(before, "kassa_http_request_duration_seconds_count", **series) or 0
    for method in methods:
        client.open("/no-such-page", method=method)
    after = client.get("/metrics").get_data(as_text=True)
    assert sample(after, "kassa_http_request_duration_seconds_count", **series) == other + 3
    assert not any(f'method="{method}"' in after for method in methods)
