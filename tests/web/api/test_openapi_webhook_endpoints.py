"""Live responses of the routes that read, change, roll and test a webhook endpoint match the OpenAPI document."""

from __future__ import annotations

from tests.conftest import Api
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def test_endpoint_management_responses_match_the_document(spec, client, api, pk_api, other_merchant):  # noqa: F811
    endpoint = api.post(
        "/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": ["order.paid"]}
    ).json
    path = f"/webhook_endpoints/{endpoint['id']}"
    check(spec, "get", "/webhook_endpoints/{id}", api.get(path))
    check(spec, "get", "/webhook_endpoints/{id}", Api(client, other_merchant.secret_key).get(path))  # 404
    check(spec, "post", "/webhook_endpoints/{id}", api.post(path, json={"events": ["order.paid", "order.closed"]}))
    check(spec, "post", "/webhook_endpoints/{id}", api.post(path, json={}))  # 400
    check(spec, "post", "/webhook_endpoints/{id}", pk_api.post(path, json={"enabled": False}))  # 403
    check(spec, "post", "/webhook_endpoints/{id}/roll_secret", api.post(f"{path}/roll_secret"))
    check(
        spec, "post", "/webhook_endpoints/{id}/roll_secret", api.post(f"{path}/roll_secret", json={"overlap_hours": 48})
    )  # 400
    check(spec, "get", "/webhook_endpoints", api.get("/webhook_endpoints"))
    check(spec, "post", "/webhook_endpoints/{id}/test", api.post(f"{path}/test", json={"type": "order.closed"}))
    check(spec, "post", "/webhook_endpoints/{id}/test", api.post(f"{path}/test", json={"type": "refund.failed"}))
    check(spec, "post", "/webhook_endpoints/{id}", api.post(path, json={"enabled": False}))
    check(spec, "post", "/webhook_endpoints/{id}/test", api.post(f"{path}/test"))  # 409
    check(spec, "post", "/webhook_endpoints/{id}/test", api.post("/webhook_endpoints/we_missing/test"))  # 404
