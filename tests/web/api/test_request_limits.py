"""Request ids and limits (API.md): every response names its request, error bodies repeat the id, and
oversized bodies and metadata are refused with a message before they cost anything."""

from __future__ import annotations

import json

import pytest

from tests.orders.test_orders_api import order_body
from tests.platform.observability.test_logs import kassa_logs
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def test_every_response_carries_a_request_id_and_errors_repeat_it(api, client, catalog, spec):
    ok = api.get("/products")
    assert ok.headers["X-Request-Id"].startswith("req_")
    assert api.get("/products").headers["X-Request-Id"] != ok.headers["X-Request-Id"]
    assert client.get("/portal/login").headers["X-Request-Id"].startswith("req_")  # pages too

    refused = api.post("/orders", json=order_body("sku_nope"))
    check(spec, "post", "/orders", refused)
    assert refused.status_code == 400
    assert refused.json["error"]["request_id"] == refused.headers["X-Request-Id"]
    unauthenticated = client.get("/api/v1/orders", headers={"Authorization": "Bearer sk_test_nope"})
    assert unauthenticated.json["error"]["request_id"] == unauthenticated.headers["X-Request-Id"]
    missing = api.get("/no/such/route")
    assert missing.status_code == 404 and missing.json["error"]["request_id"] == missing.headers["X-Request-Id"]


def test_a_callers_own_request_id_is_kept_when_sane_and_in_the_logs(api, catalog):
    with kassa_logs() as stream:
        created = api.post("/orders", json=order_body(catalog["sku"]), headers={"X-Request-Id": "shop-7f3a:42"})
    assert created.status_code == 201 and created.headers["X-Request-Id"] == "shop-7f3a:42"
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["request_id"] for line in lines if line["msg"] == "order created"] == ["shop-7f3a:42"]

    for insane in ("two words", "x" * 129, "<script>", ""):
        answered = api.get("/products", headers={"X-Request-Id": insane})
        assert answered.headers["X-Request-Id"].startswith("req_"), insane


def test_a_body_over_1_mb_is_refused_with_413_unread(api, client, catalog, spec):
    huge = order_body(catalog["sku"], metadata={"note": "x" * 400}) | {"padding": "y" * (1024 * 1024)}
    refused = api.post("/orders", json=huge)
    check(spec, "post", "/orders", refused)
    assert refused.status_code == 413
    error = refused.json["error"]
    assert (error["type"], error["code"]) == ("invalid_request_error", "request_too_large")
    assert "at most 1 MB" in error["message"] and error["request_id"] == refused.headers["X-Request-Id"]
    assert api.get("/orders").json["data"] == []  # nothing was created
    # Channel callbacks and portal forms have the same ceiling.
    assert (
        client.post(
            "/hooks/channels/sandbox_card", data=b"{" + b" " * (1024 * 1024 + 1), content_type="application/json"
        ).status_code
        == 413
    )
    page = client.post("/portal/login", data={"email": "a" * (1024 * 1024 + 1)})
    assert page.status_code == 413 and "at most 1 MB" in page.get_data(as_text=True)


@pytest.mark.parametrize(
    "metadata, param",
    [
        ({f"k{n}": "v" for n in range(51)}, "metadata"),
        ({"k" * 41: "v"}, "metadata[" + "k" * 40 + "]"),
        ({"": "v"}, "metadata[]"),
        ({"note": "x" * 501}, "metadata[note]"),
        ({"note": {"nested": "object"}}, "metadata[note]"),
        ({"note": ["a"]}, "metadata[note]"),
    ],
)
def test_metadata_is_held_to_stripes_limits_on_orders_and_checkout_sessions(api, catalog, metadata, param):
    refused = api.post("/orders", json=order_body(catalog["sku"], metadata=metadata))
    assert refused.status_code == 400 and refused.json["error"]["param"] == param, refused.json
    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "cus_1"}, "metadata": metadata},
    )
    assert session.status_code == 400 and session.json["error"]["param"] == param


def test_metadata_at_the_limits_is_kept(api, catalog):
    metadata = {f"{n:02d}" + "k" * 38: "v" * 500 for n in range(50)}
    created = api.post("/orders", json=order_body(catalog["sku"], metadata=metadata))
    assert created.status_code == 201 and created.json["metadata"] == metadata
