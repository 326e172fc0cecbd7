"""Refunds, confirm, entitlements, disputes and wallets take their shapes from typed models (issue 52): a shape
error is a 400 naming the field as the client sent it, a value the document allows is taken, and the generated
document carries the constraints the server enforces."""

from __future__ import annotations

from tests.support.wallet import fund, withdraw
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
    # at least 1, and at most what a JSON body may hold (app/web/json_bodies.py refuses a larger integer)
    assert refund_input["amount"]["anyOf"][0] == {"minimum": 1, "maximum": 2**63 - 1, "type": "integer"}
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


def test_withdrawal_routes_take_iso_currencies_payout_accounts_and_decisions(spec, app, api, merchant):  # noqa: F811
    fund(app, merchant.id, "cus_ada", 3000)
    # eur is a currency the document allows: the usd wallet holds none of it.
    eur = api.post(
        "/customers/cus_ada/withdrawals", json={"amount": 100, "currency": "eur", "destination": "acct_ada_0001"}
    )
    assert eur.status_code == 422 and eur.json["error"]["code"] == "insufficient_balance"
    bad = {"amount": 100, "currency": "xyz", "destination": "acct_ada_0001"}
    assert "ISO 4217" in _refused(api.post("/customers/cus_ada/withdrawals", json=bad), "currency")
    assert "receiving account" in _refused(withdraw(api, "cus_ada", 10, destination="?"), "destination")
    _refused(
        api.post("/customers/cus_ada/withdrawals", json={"amount": "10", "currency": "usd", "destination": "a_1234"}),
        "amount",
    )
    assert withdraw(api, "cus_ada", 10, destination="  acct_ada_0001  ").json["withdrawal"]["destination"] == (
        "acct_ada_0001"
    )
    assert "wd_" in _refused(api.get("/customers/cus_ada/withdrawals?starting_after=tr_1"), "starting_after")
    assert api.get("/customers/cus_ada/withdrawals?starting_after=wd_zzzz").status_code == 200
    # The decision's shape is checked before the withdrawal is looked for.
    assert _refused(api.post("/withdrawals/wd_missing/review", json={"decision": "maybe"}), "decision") == (
        "decision must be one of approve, reject"
    )
    assert api.post("/withdrawals/wd_missing/review", json={"decision": "reject"}).status_code == 404

    assert _param(spec, "/customers/{id}/withdrawals", "get", "starting_after")["schema"]["pattern"] == "^wd_"
    withdrawal_input = _schema(spec, "WithdrawalInput")
    assert set(withdrawal_input["required"]) == {"amount", "currency", "destination"}
    assert "eur" in withdrawal_input["properties"]["currency"]["enum"]
    assert withdrawal_input["properties"]["amount"]["minimum"] == 1
    review = spec["paths"]["/withdrawals/{id}/review"]["post"]
    assert review["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/WithdrawalReviewDecision")
    assert _schema(spec, "WithdrawalReviewDecision")["properties"]["decision"]["enum"] == ["approve", "reject"]
    assert "review_not_open" in review["responses"]["409"]["description"]
    created = spec["paths"]["/customers/{id}/withdrawals"]["post"]["responses"]
    assert {"201", "402", "422", "503"} <= set(created)


def test_transfer_and_statement_routes_take_their_shapes_from_the_document(spec, app, api, merchant):  # noqa: F811
    fund(app, merchant.id, "cus_ada", 3000)
    transfer = {"to": "cus_ben", "amount": 200, "currency": "usd"}
    _refused(api.post("/customers/cus_ada/transfers", json={**transfer, "to": "   "}), "to")
    _refused(api.post("/customers/cus_ada/transfers", json={**transfer, "to": "x" * 201}), "to")
    _refused(api.post("/customers/cus_ada/transfers", json={**transfer, "description": 5}), "description")
    _refused(api.post("/customers/cus_ada/transfers", json={**transfer, "description": "x" * 501}), "description")
    sent = api.post("/customers/cus_ada/transfers", json={**transfer, "description": None})
    assert sent.status_code == 201 and sent.json["transfer"]["from"] == "cus_ada"

    # A wallet without movements has no statement to page in, but a cursor of another kind is still a mistake.
    assert "je_" in _refused(api.get("/customers/cus_new/wallet/statement?starting_after=wd_1"), "starting_after")
    assert api.get("/customers/cus_new/wallet/statement?currency=eur").json["currency"] == "eur"
    assert _refused(api.get("/customers/cus_ada/wallet/statement?from=yesterday"), "from")
    late = api.get("/customers/cus_ada/wallet/statement?from=2030-01-01&to=2020-01-01")
    assert _refused(late, "from") == "from must be before to"
    _refused(api.get("/customers/cus_ada/wallet/statement?limit=1001"), "limit")
    assert len(api.get("/customers/cus_ada/wallet/statement?limit=1000&from=0").json["data"]) == 2
    _refused(api.get("/customers/cus_ada/wallet/statement.csv?currency=xyz"), "currency")
    assert api.get("/customers/cus_ada/wallet/statement.csv?currency=usd&to=2100-01-01").status_code == 200

    to = _schema(spec, "TransferInput")["properties"]["to"]
    assert (to["minLength"], to["maxLength"], to["pattern"]) == (1, 200, r"\S")
    assert "from" in _schema(spec, "Transfer")["required"]
    assert _param(spec, "/customers/{id}/wallet/statement", "get", "starting_after")["schema"]["pattern"] == "^je_"
    limit = _param(spec, "/customers/{id}/wallet/statement", "get", "limit")["schema"]
    assert (limit["default"], limit["maximum"]) == (100, 1000)
    since = _param(spec, "/customers/{id}/wallet/statement.csv", "get", "from")["schema"]
    unix_seconds = {"type": "integer", "minimum": -62135596800, "maximum": 253402300799}  # years 1 to 9999
    assert unix_seconds in since["anyOf"]  # before 1970 too
    csv = spec["paths"]["/customers/{id}/wallet/statement.csv"]["get"]["responses"]["200"]
    assert list(csv["content"]) == ["text/csv"]


def test_topups_name_a_missing_channel_and_take_publishable_keys(spec, api, pk_api):  # noqa: F811
    assert _refused(api.post("/customers/cus_t/topups", json={"amount": 100, "currency": "usd"}), "channel") == (
        "channel is required"
    )
    _refused(api.post("/customers/cus_t/topups", json={"amount": 0, "currency": "usd", "channel": "x"}), "amount")
    refused = pk_api.post("/customers/cus_t/topups", json={"amount": 100, "currency": "usd", "channel": "x"})
    assert refused.status_code == 403 and refused.json["error"]["code"] == "checkout_session_required"

    topup = spec["paths"]["/customers/{id}/topups"]["post"]
    assert topup["security"] == [{"secret_key": []}, {"publishable_key": []}]
    assert {"201", "402", "403", "409", "502", "503"} <= set(topup["responses"])
    assert "checkout_session_required" in topup["responses"]["403"]["description"]
    assert set(_schema(spec, "TopupInput")["required"]) == {"amount", "currency", "channel"}
    balance = spec["paths"]["/customers/{id}/balance"]["get"]["responses"]["200"]
    assert balance["content"]["application/json"]["schema"]["$ref"].endswith("/CustomerBalance")
