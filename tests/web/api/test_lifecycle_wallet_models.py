"""Refunds, confirm, entitlements and disputes (wallets next) take their shapes from typed models (issue 52): a shape
error is a 400 naming the field as the client sent it, a value the document allows is taken, and the generated
document carries the constraints the server enforces."""

from __future__ import annotations

from tests.web.api.test_openapi import spec  # noqa: F401  (a fixture)


def _param(spec: dict, path: str, method: str, name: str) -> dict:
    return next(p for p in spec["paths"][path][method]["parameters"] if p["name"] == name)


def _schema(spec: dict, name: str) -> dict:
    return spec["components"]["schemas"][name]


def _refused(response, param: str) -> str:
    assert response.status_code == 400, response.json
    error = response.json["error"]
    assert (error["code"], error["param"]) == ("parameter_invalid", param), error
    return error["message"]


def test_refund_routes_take_an_optional_body_of_a_strict_amount_and_a_short_reason(spec, api):  # noqa: F811
    assert _refused(api.post("/orders/ord_missing/refunds", json={"amount": "500"}), "amount") == (
        "amount must be an integer"
    )
    _refused(api.post("/orders/ord_missing/refunds", json={"amount": True}), "amount")
    _refused(api.post("/orders/ord_missing/refunds", json={"amount": 0}), "amount")
    assert "500" in _refused(api.post("/orders/ord_missing/refunds", json={"reason": "x" * 501}), "reason")
    # A body the document allows reaches the order: this one does not exist.
    for body in ({"amount": None, "reason": None}, {"amount": 1, "reason": "damaged"}):
        assert api.post("/orders/ord_missing/refunds", json=body).json["error"]["code"] == "resource_missing"
    assert api.post("/orders/ord_missing/refunds").status_code == 404  # no body: refund all that remains

    create = spec["paths"]["/orders/{id}/refunds"]["post"]
    assert create["requestBody"]["required"] is False
    refund_input = _schema(spec, "RefundInput")["properties"]
    assert refund_input["amount"]["anyOf"][0] == {"minimum": 1, "type": "integer"}
    assert refund_input["reason"]["anyOf"][0]["maxLength"] == 500
    assert "amount_too_large" in create["responses"]["422"]["description"]
    assert "idempotency_key_reused" in create["responses"]["409"]["description"]
    assert "refund_in_progress" in create["responses"]["409"]["description"]
    assert _param(spec, "/orders/{id}/refunds", "post", "Idempotency-Key")["in"] == "header"
    retry = spec["paths"]["/refunds/{id}/retry"]["post"]
    assert retry["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/RefundResponse")
    assert "refund_state_invalid" in retry["responses"]["409"]["description"]
    confirm = spec["paths"]["/orders/{id}/confirm"]["post"]
    assert confirm["responses"]["200"]["content"]["application/json"]["schema"]["$ref"].endswith("/Order")
    assert _schema(spec, "Refund")["properties"]["status"]["enum"] == ["pending", "succeeded", "failed"]
    assert set(_schema(spec, "Entitlements")["required"]) >= {"customer", "membership", "credits", "grants"}


def test_dispute_routes_check_filters_cursors_and_evidence_before_the_dispute(spec, api):  # noqa: F811
    assert "dp_" in _refused(api.get("/disputes?starting_after=ord_1"), "starting_after")
    assert api.get("/disputes?starting_after=dp_zzz").status_code == 200
    message = _refused(api.get("/disputes?status=sideways"), "status")
    assert message == "status must be one of needs_response, under_review, won, lost"
    assert api.get("/disputes?status=won&order=ord_1").json == {"object": "list", "data": [], "has_more": False}
    _refused(api.get("/disputes?limit=101"), "limit")
    # The evidence's shape is checked first, whichever dispute it names.
    assert _refused(api.post("/disputes/dp_missing/evidence", json={"text": 5}), "text") == "text must be a string"
    assert "1 to 10000" in _refused(api.post("/disputes/dp_missing/evidence", json={"text": " \n "}), "text")
    _refused(api.post("/disputes/dp_missing/evidence", json={}), "text")
    _refused(api.post("/disputes/dp_missing/evidence", json={"text": "x" * 10_001}), "text")
    assert api.post("/disputes/dp_missing/evidence", json={"text": "Delivered."}).status_code == 404

    cursor = _param(spec, "/disputes", "get", "starting_after")["schema"]
    assert cursor["pattern"] == "^dp_" and "default" not in cursor
    assert _param(spec, "/disputes", "get", "status")["schema"]["enum"] == [
        "needs_response",
        "under_review",
        "won",
        "lost",
    ]
    text = _schema(spec, "DisputeEvidenceInput")["properties"]["text"]
    assert (text["minLength"], text["maxLength"], text["pattern"]) == (1, 10_000, r"\S")
    evidence = spec["paths"]["/disputes/{id}/evidence"]["post"]["responses"]
    assert "evidence_outcome_unknown" in evidence["502"]["description"]
    assert "evidence_too_late" in evidence["409"]["description"]
