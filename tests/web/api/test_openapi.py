"""The OpenAPI document describes what exists, and live responses match it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from tests.payments.attempts.test_payment_flow import create_order


@pytest.fixture
def spec(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.json


def _validator(spec: dict, schema: dict) -> Draft202012Validator:
    """A validator for a response schema whose $refs resolve inside the document."""
    resource = Resource.from_contents({**spec, "$schema": "https://json-schema.org/draft/2020-12/schema"})
    registry = Registry().with_resource("urn:kassa:openapi", resource)
    return Draft202012Validator({"$ref": "urn:kassa:openapi" + schema["$ref"]}, registry=registry)


def check(spec: dict, method: str, template: str, response) -> None:
    """Assert that ``response`` is documented for this route and status, and matches its schema."""
    operation = spec["paths"][template][method]
    documented = operation["responses"].get(str(response.status_code))
    assert documented, f"{method.upper()} {template} answered {response.status_code}, which is not documented"
    schema = documented["content"]["application/json"]["schema"]
    errors = sorted(_validator(spec, schema).iter_errors(response.json), key=str)
    assert not errors, (
        f"{method.upper()} {template} {response.status_code}: {errors[0].message} at {list(errors[0].path)}"
    )


def test_every_api_route_is_documented_and_nothing_more(app, spec):
    served = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and not rule.rule.endswith("openapi.json"):
            path = re.sub(r"<(?:\w+:)?\w+>", "{id}", rule.rule.removeprefix("/api/v1"))
            served |= {(path, m.lower()) for m in rule.methods - {"HEAD", "OPTIONS"}}
    # The document names a second path parameter for what it is (/customers/{id}/payment_methods/{pm}).
    documented = {(re.sub(r"\{\w+\}", "{id}", path), method) for path, ops in spec["paths"].items() for method in ops}
    assert served, "no API route in the URL map"
    assert served == documented


def test_live_responses_match_the_document(spec, api, pk_api, client, catalog, sandbox):
    check(spec, "get", "/products", api.get("/products"))
    check(spec, "get", "/products/{id}", api.get(f"/products/{catalog['product']}"))
    check(spec, "get", "/products/{id}", api.get("/products/prod_missing"))
    check(spec, "get", "/products", api.get("/products?limit=500"))
    check(spec, "post", "/quotes", api.post("/quotes", json={"items": [{"sku": catalog["sku"], "quantity": 2}]}))
    check(spec, "post", "/quotes", api.post("/quotes", json={"items": []}))
    order = create_order(api, catalog["sku"])
    check(
        spec,
        "post",
        "/orders",
        api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "c"},
                "agreement_accepted": True,
            },
        ),
    )
    check(
        spec,
        "post",
        "/orders",
        api.post("/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}}),
    )
    check(spec, "get", "/orders", api.get("/orders"))
    check(spec, "get", "/orders", pk_api.get("/orders"))
    check(spec, "get", "/orders/{id}", api.get(f"/orders/{order['id']}"))
    check(spec, "post", "/orders/{id}/pay", api.post(f"/orders/{order['id']}/pay", json={"channel": "nope"}))
    check(spec, "post", "/orders/{id}/pay", api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}))
    check(spec, "post", "/orders/{id}/pay", api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}))
    check(spec, "get", "/orders/{id}", api.get(f"/orders/{order['id']}"))  # with a payment now
    check(spec, "post", "/orders/{id}/cancel", api.post(f"/orders/{order['id']}/cancel"))
    other = create_order(api, catalog["sku"])
    check(spec, "post", "/orders/{id}/cancel", api.post(f"/orders/{other['id']}/cancel"))
    check(spec, "get", "/products", client.get("/api/v1/products"))


def test_answers_name_their_fields_and_stay_open_to_new_ones(spec, api, catalog):
    # additionalProperties: true made openapi-typescript give every answer an index signature of unknown, under
    # which the SDK's Omit<Order, ...> lost every named field; leaving it out says the same to a validator.
    schemas = spec["components"]["schemas"]
    said_open = sorted(
        name for name, s in schemas.items() if "properties" in s and s.get("additionalProperties") is True
    )
    assert said_open == []
    # A request body says what its ignored fields may hold (app/web/json_bodies.py): sound JSON, no NUL.
    assert schemas["OrderInput"]["additionalProperties"] == {"$ref": "#/components/schemas/JsonValue"}
    order = create_order(api, catalog["sku"])
    validator = _validator(spec, {"$ref": "#/components/schemas/Order"})
    assert not list(validator.iter_errors({**order, "a_field_added_later": {"any": "shape"}}))
    assert list(validator.iter_errors({k: v for k, v in order.items() if k != "status"}))


def test_the_reference_page_renders_the_live_document_with_the_vendored_renderer(client):
    page = client.get("/docs/api")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'data-spec-url="/api/v1/openapi.json"' in html
    assert "/static/vendor/redoc/redoc.standalone.js" in html
    # Every address the page names is on this server; the policy makes the browser refuse any other.
    assert not re.search(r'(src|href)="(https?:)?//', html)
    assert "default-src 'self'" in page.headers["Content-Security-Policy"]
    bundle = client.get("/static/vendor/redoc/redoc.standalone.js")
    bundle.close()
    assert bundle.status_code == 200


def test_every_operation_sits_in_a_section_of_the_navigation_with_a_curl_sample(spec):
    sections = [tag["name"] for tag in spec["tags"]]
    assert sections[:2] == ["Catalog", "Orders"] and "Receiving webhooks" in sections
    used = {op["tags"][0] for ops in [*spec["paths"].values(), *spec["webhooks"].values()] for op in ops.values()}
    assert used | {"Receiving webhooks"} == set(sections)
    assert spec["paths"], "the document lists no route"
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert len(operation["tags"]) == 1, (method, path)
            curl = operation["x-codeSamples"][0]["source"]
            assert curl.startswith(f'curl -X {method.upper()} "{spec["servers"][0]["url"]}'), curl
            if "requestBody" in operation:
                assert "-d '{" in curl or "--data-binary @" in curl, curl
    refund = spec["paths"]["/orders/{id}/refunds"]["post"]["x-codeSamples"][0]["source"]
    assert "/api/v1/orders/ORDER_ID/refunds" in refund and "Idempotency-Key" in refund


def test_every_event_type_is_documented_as_a_webhook_with_its_payload(spec):
    from app.web.api.openapi_event_payloads import DELIVERED_TO_ALL_ONLY
    from app.webhooks.event_types import EVENT_TYPES

    assert set(spec["webhooks"]) == EVENT_TYPES | set(DELIVERED_TO_ALL_ONLY)
    # Every type the code records by name is documented (the rest are order.<status> and the like).
    recorded = {
        found
        for source in (Path(__file__).resolve().parents[3] / "app").rglob("*.py")
        for found in re.findall(r'record_event\(\s*[\w.]+,\s*"([a-z_]+\.[a-z_]+)"', source.read_text())
    }
    assert recorded and recorded <= set(spec["webhooks"]), recorded - set(spec["webhooks"])
    for event_type, item in spec["webhooks"].items():
        operation = item["post"]
        assert operation["tags"][0].endswith(" events"), event_type
        assert [p["name"] for p in operation["parameters"]] == ["Kassa-Signature"]
        body = operation["requestBody"]["content"]["application/json"]["schema"]
        assert body["properties"]["type"] == {"const": event_type}
        payload = body["properties"]["data"]["properties"]["object"]["$ref"].rsplit("/", 1)[-1]
        assert payload in spec["components"]["schemas"], (event_type, payload)
    signatures = next(tag for tag in spec["tags"] if tag["name"] == "Receiving webhooks")
    assert "Kassa-Signature: t=<unix seconds>,v1=" in signatures["description"]
    assert "whsec_" in signatures["description"]


def test_lifecycle_responses_match_the_document(spec, api, pk_api, catalog, sandbox, worker, app):
    import requests as http

    from tests.support.lifecycle import paid_order, set_fulfilment

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    order = paid_order(api, sandbox, catalog["sku"], quantity=2)
    check(spec, "post", "/orders/{id}/confirm", api.post(f"/orders/{order['id']}/confirm"))  # 409: not fulfilled
    worker()
    check(spec, "get", "/customers/{id}/entitlements", api.get("/customers/cus_flow/entitlements"))
    check(spec, "get", "/customers/{id}/entitlements", api.get("/customers/nobody/entitlements"))
    check(spec, "get", "/customers/{id}/entitlements", pk_api.get("/customers/cus_flow/entitlements"))
    check(spec, "post", "/orders/{id}/confirm", api.post(f"/orders/{order['id']}/confirm"))
    check(spec, "post", "/orders/{id}/confirm", api.post("/orders/ord_missing/confirm"))
    check(spec, "post", "/orders/{id}/refunds", api.post(f"/orders/{order['id']}/refunds", json={"amount": 0}))
    check(spec, "post", "/orders/{id}/refunds", api.post(f"/orders/{order['id']}/refunds", json={"amount": 5000}))
    check(spec, "post", "/orders/{id}/refunds", api.post("/orders/ord_missing/refunds", json={}))
    check(spec, "post", "/orders/{id}/refunds", pk_api.post(f"/orders/{order['id']}/refunds", json={}))
    http.post(
        f"{sandbox.url}/sandbox/api/payments/{order['payments'][0]['provider_reference']}/simulate_refund",
        json={"outcome": "failed"},
        timeout=5,
    )
    failed = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500, "reason": "damaged"})
    check(spec, "post", "/orders/{id}/refunds", failed)
    check(spec, "post", "/refunds/{id}/retry", api.post(f"/refunds/{failed.json['refund']['id']}/retry"))
    check(spec, "post", "/refunds/{id}/retry", api.post(f"/refunds/{failed.json['refund']['id']}/retry"))  # 409
    check(spec, "post", "/refunds/{id}/retry", api.post("/refunds/re_missing/retry"))
    check(spec, "post", "/orders/{id}/refunds", api.post(f"/orders/{order['id']}/refunds"))
    check(spec, "post", "/orders/{id}/refunds", api.post(f"/orders/{order['id']}/refunds"))  # 409: refunded
    check(spec, "get", "/orders/{id}", api.get(f"/orders/{order['id']}"))  # with refunds


def test_wallet_responses_match_the_document(spec, api, pk_api, catalog, sandbox, worker):
    from tests.ledger.wallet.test_wallet import top_up

    check(spec, "get", "/customers/{id}/balance", api.get("/customers/cus_flow/balance"))
    check(spec, "get", "/customers/{id}/balance", pk_api.get("/customers/cus_flow/balance"))
    check(
        spec,
        "post",
        "/customers/{id}/topups",
        api.post("/customers/cus_flow/topups", json={"amount": 100, "currency": "usd", "channel": "wallet"}),
    )
    created = top_up(api, sandbox, worker, 3000)
    check(spec, "post", "/customers/{id}/topups", created)
    check(spec, "get", "/customers/{id}/balance", api.get("/customers/cus_flow/balance"))
    check(spec, "get", "/orders/{id}", api.get(f"/orders/{created.json['topup']['id']}"))
    order = create_order(api, catalog["sku"])
    check(spec, "post", "/orders/{id}/pay", api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}))
    big = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 9}],
            "customer": {"id": "cus_flow"},
            "agreement_accepted": True,
        },
    ).json
    check(spec, "post", "/orders/{id}/pay", api.post(f"/orders/{big['id']}/pay", json={"channel": "wallet"}))


def test_customer_export_matches_the_document(spec, api, catalog, sandbox, worker):
    from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, paid_order

    paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    check(spec, "get", "/customers/{id}/export", api.get(f"/customers/{GONE}/export"))
    check(spec, "get", "/customers/{id}/export", api.get(f"/customers/{'x' * 300}/export"))


def test_balance_response_matches_the_document(spec, api, pk_api):
    check(spec, "get", "/balance", api.get("/balance"))
    check(spec, "get", "/balance", pk_api.get("/balance"))


def test_checkout_session_responses_match_the_document(spec, api, pk_api, catalog):
    body = {
        "items": [{"sku": catalog["sku"], "quantity": 1}],
        "customer": {"id": "cus_s", "email": "s@example.test"},
        "success_url": "https://shop.example/ok",
        "metadata": {"cart": "1"},
    }
    created = api.post("/checkout_sessions", json=body)
    check(spec, "post", "/checkout_sessions", created)
    check(spec, "post", "/checkout_sessions", api.post("/checkout_sessions", json={**body, "cancel_url": "/x"}))
    check(spec, "post", "/checkout_sessions", pk_api.post("/checkout_sessions", json=body))
    check(spec, "get", "/checkout_sessions/{id}", api.get(f"/checkout_sessions/{created.json['id']}"))
    check(spec, "get", "/checkout_sessions/{id}", api.get("/checkout_sessions/cs_missing"))
    order = pk_api.post("/orders", json={"checkout_session": created.json["client_secret"], "agreement_accepted": True})
    check(spec, "post", "/orders", order)
    check(
        spec,
        "post",
        "/orders",
        pk_api.post("/orders", json={"checkout_session": "cs_x_secret_y", "agreement_accepted": True}),
    )
    check(spec, "post", "/orders/{id}/pay", pk_api.post(f"/orders/{order.json['id']}/pay", json={"channel": "wallet"}))
    check(
        spec,
        "post",
        "/orders/{id}/pay",
        pk_api.post(
            f"/orders/{order.json['id']}/pay", json={"channel": "wallet", "client_secret": order.json["client_secret"]}
        ),
    )
    check(
        spec,
        "post",
        "/customers/{id}/topups",
        pk_api.post("/customers/cus_s/topups", json={"amount": 100, "currency": "usd", "channel": "sandbox_card"}),
    )


def test_each_host_a_deployment_answers_to_gets_the_document_naming_that_host(client):
    # The document is made once and kept per server URL: a host's answer must never name another host, also
    # past the few hosts the cache keeps (any Host header a caller sends names its own).
    hosts = [f"shop{n}.example" for n in range(12)]
    first: dict[str, dict] = {}
    for host in [*hosts, *hosts[:3], *hosts[-3:]]:
        document = client.get("/api/v1/openapi.json", base_url=f"https://{host}").json
        assert document["servers"] == [{"url": f"https://{host}/api/v1"}]
        samples = {op["x-codeSamples"][0]["source"] for ops in document["paths"].values() for op in ops.values()}
        assert all(f'"https://{host}/api/v1/' in sample for sample in samples), host
        assert document == first.setdefault(host, document), f"{host}'s document changed between two asks"
