"""The proof for bad input (issue 8): every route of the OpenAPI document is fed generated requests —
schemathesis' valid-looking and schema-violating ones (wrong types, missing and extra fields) — and every
route that takes a JSON body is fed hostile bodies: NUL characters, lone surrogates, deep nesting, huge
strings and numbers, wrong types in every field. No answer may be a 5xx.

The generated requests run on SQLite only: on PostgreSQL the contract run (test_fuzz_conformance.py) sends them
with every check. In process over WSGI (no network). Bounded: a few examples per route and mode, derandomised, so
the run is the same every time (about a minute on an idle core on SQLite). For a deeper search by hand,
``KASSA_FUZZ_EXAMPLES=200 KASSA_FUZZ_RANDOM=1`` draws that many fresh examples per route and mode (a failure prints
the request); 60 take about 3.5 minutes, and past 100 the suite's per-test limit needs lifting:
``--timeout 0 -o faulthandler_timeout=0``."""

from __future__ import annotations

import json
import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.generation import GenerationMode

from tests.conftest import IS_POSTGRES

# The SSE stream answers for ORDER_STREAM_SECONDS by design; its parameters are the order id only (tested
# in tests/web/embed/test_sdk_server.py).
SKIPPED = {("GET", "/orders/{id}/stream")}
EXAMPLES = int(os.environ.get("KASSA_FUZZ_EXAMPLES", "6"))
DERANDOMIZE = not os.environ.get("KASSA_FUZZ_RANDOM")

HOSTILE_VALUES = [
    "nul\x00byte",
    "\ud800",
    "x" * 200_000,
    10**30,
    -1,
    1e308,
    0.5,
    True,
    None,
    [],
    {},
    [[[[[[]]]]]],
    {"a": {"b": {"c": "\x00"}}},
    "\u202e\u0000",
    "https://127.0.0.1/\r\nX: 1",
]


WHOLE_BODY_ATTACKS = [
    b'{"a": ' * 5000 + b"1" + b"}" * 5000,
    b"[" * 100_000 + b"]" * 100_000,
    b'"\\ud800"',
    b"[]",
    b'{"x": NaN}',
    b"\xff\xfe{}",
    b'{"s": "\\u0000"}',
    b"{" + b'"k": 1,' * 20_000 + b'"k": 1}',
]


def valid_bodies(sku: str) -> dict[str, dict]:
    """A body each route accepts, so a hostile value in one field gets as far as that field can go."""
    items = [{"sku": sku, "quantity": 1}]
    return {
        "POST /products": {
            "name": "Gold",
            "description": "d",
            "attributes": {"genre": "rpg"},
            "skus": [
                {
                    "name": "100",
                    "price": {"amount": 199, "currency": "usd"},
                    "specs": {"k": "v"},
                    "fulfilment": {"credits": 5},
                }
            ],
        },
        "PATCH /products/{id}": {"name": "Gold", "description": "d", "attributes": {"a": "b"}},
        "POST /products/{id}/skus": {"name": "s", "price": {"amount": 5, "currency": "usd"}, "specs": {"a": "b"}},
        "PATCH /skus/{id}": {"name": "s", "specs": {"a": "b"}, "stock": 5},
        "POST /quotes": {"items": items, "coupon": "SPRING"},
        "POST /orders": {
            "items": items,
            "customer": {"id": "cus_1", "email": "a@b.test"},
            "agreement_accepted": True,
            "metadata": {"k": "v"},
        },
        "POST /checkout_sessions": {
            "items": items,
            "customer": {"id": "cus_1", "email": "a@b.test"},
            "success_url": "https://shop.example/ok",
            "metadata": {"k": "v"},
        },
        "POST /customers/{id}/topups": {"amount": 500, "currency": "usd", "channel": "sandbox_card"},
        "POST /orders/{id}/pay": {"channel": "sandbox_card", "return_url": "https://shop.example/back"},
        "POST /orders/{id}/refunds": {"amount": 1, "reason": "r"},
        "POST /webhook_endpoints": {"url": "https://merchant.example/hooks", "events": ["*"]},
        "POST /risk/list_entries": {"kind": "email", "value": "a@b.test", "action": "block", "note": "n"},
        "POST /orders/{id}/review": {"decision": "approve"},
        "POST /customers/{id}/withdrawals": {"amount": 100, "currency": "usd", "destination": "acct_cus_0001"},
        "POST /customers/{id}/transfers": {"to": "cus_2", "amount": 1, "currency": "usd", "description": "d"},
        "POST /withdrawals/{id}/review": {"decision": "approve"},
    }


def _leaves(value: object, path: tuple = ()) -> list[tuple]:
    """Every place in a body (containers too) a hostile value can be put."""
    places = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            places += _leaves(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            places += _leaves(item, (*path, i))
    return places


def _replaced(value: object, path: tuple, new: object) -> object:
    if not path:
        return new
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[path[0]] = _replaced(copy[path[0]], path[1:], new)
    return copy


def hostile_bodies(valid: dict) -> list[bytes]:
    """Whole-body attacks, then every place of a valid body replaced by every hostile value."""
    bodies = list(WHOLE_BODY_ATTACKS)
    for place in _leaves(valid or {"metadata": {}}):
        for value in HOSTILE_VALUES:
            body = _replaced(valid or {"metadata": {}}, place, value)
            bodies.append(json.dumps(body).encode("utf-8", "surrogatepass"))
    return bodies


@pytest.fixture
def fuzzed(app, api, catalog, monkeypatch) -> tuple[list, dict[str, str]]:
    """The API's operations and an order for their ids, with the key's budget lifted."""
    # Thousands of requests on one key: the key's budget (tests/web/test_rate_limits.py) would answer most.
    monkeypatch.setitem(app.config, "RATE_LIMIT_SECRET_KEY", "1000000 per minute")
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", app)
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": "cus_1"},
        },
    )
    assert created.status_code == 201, created.json  # (once seen to fail under load: say why, not KeyError 'id')
    ids = {"orders": created.json["id"], "products": catalog["product"], "skus": catalog["sku"], "customers": "cus_1"}
    operations = [
        operation
        for operation in (result.ok() for result in schema.get_all_operations())
        if (operation.method.upper(), operation.path) not in SKIPPED
    ]
    assert len(operations) >= 30  # the walk found the document's routes
    return operations, ids


# On PostgreSQL tests/web/api/test_fuzz_conformance.py sends generated requests to every operation with every check
# (no 5xx among them); the SQLite pass has no contract run, so this is its generated half.
@pytest.mark.skipif(IS_POSTGRES, reason="the contract run sends generated requests on PostgreSQL")
def test_no_generated_request_makes_any_route_fail(merchant, sandbox, fuzzed):
    operations, _ = fuzzed
    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    failures: list[tuple] = []
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=DERANDOMIZE,
                database=None,
                suppress_health_check=list(HealthCheck),
                phases=[Phase.explicit, Phase.generate],
            )
            def run(case) -> None:
                response = case.call(headers=auth)
                if response.status_code >= 500:
                    failures.append(
                        (
                            case.method,
                            case.formatted_path,
                            mode.value,
                            response.status_code,
                            repr(case.query)[:120],
                            repr(case.body)[:200],
                            response.text[:200],
                        )
                    )

            run()
    assert failures == []


def test_no_hostile_body_makes_any_route_fail(merchant, catalog, client, sandbox, fuzzed):
    operations, ids = fuzzed
    auth = {"Authorization": f"Bearer {merchant.secret_key}"}
    failures: list[tuple] = []
    statuses: dict[int, int] = {}
    bodies = valid_bodies(catalog["sku"])
    for operation in operations:
        if operation.method.lower() not in ("post", "patch", "put"):
            continue
        route = f"{operation.method.upper()} {operation.path}"
        path = operation.full_path.replace("{id}", ids.get(operation.path.split("/")[1], "nope"))
        for body in hostile_bodies(bodies.get(route, {})):
            response = client.open(
                path, method=operation.method.upper(), data=body, content_type="application/json", headers=auth
            )
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if response.status_code >= 500:
                failures.append(
                    (
                        operation.method,
                        path,
                        "hostile",
                        response.status_code,
                        body[:120],
                        response.get_data(as_text=True)[:200],
                    )
                )
            else:
                assert response.is_json, (path, response.status_code)  # an API error body, not a page
    assert failures == []
    assert statuses.get(201, 0) + statuses.get(200, 0) > 50  # many hostile values got past parsing to the services
