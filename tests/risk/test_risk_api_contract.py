"""The risk routes' contract as a client generated from the OpenAPI document meets it (issue 52): a shape error is a
400 naming the field, what the document allows is accepted, the document states the constraints the server
enforces, and every live answer matches the schema documented for its status."""

from __future__ import annotations

import pytest

from tests.risk.test_refund_requests import ask, paid
from tests.web.api.test_openapi import check


@pytest.fixture
def spec(client) -> dict:
    return client.get("/api/v1/openapi.json").json


def refused(response, param: str) -> str:
    assert response.status_code == 400, response.get_data(as_text=True)
    assert response.json["error"]["code"] == "parameter_invalid" and response.json["error"]["param"] == param
    return response.json["error"]["message"]


def _schema(spec: dict, name: str) -> dict:
    return spec["components"]["schemas"][name]


def _parameter(spec: dict, path: str, name: str) -> dict:
    return next(p for p in spec["paths"][path]["get"]["parameters"] if p["name"] == name)


@pytest.mark.parametrize(
    "body, param",
    [
        ({"kind": "colour", "value": "blue", "action": "block"}, "kind"),
        ({"kind": "email", "value": "   ", "action": "block"}, "value"),
        ({"kind": "email", "value": "a@b.test", "action": "shrug"}, "action"),
        ({"kind": "email", "value": "a@b.test", "action": "block", "note": 5}, "note"),
        ({"kind": "email", "value": "a@b.test", "action": "block", "note": "n" * 501}, "note"),
        ({"kind": "email", "value": "a@b.test", "action": "block", "expires_at": "next week"}, "expires_at"),
    ],
)
def test_a_list_entry_of_the_wrong_shape_is_refused_naming_the_field(api, spec, body, param):
    refused(api.post("/risk/list_entries", json=body), param)
    assert api.get("/risk/list_entries").json["data"] == []
    # The document says so: the codes of its 400, and a value is never empty.
    assert "parameter_invalid" in spec["paths"]["/risk/list_entries"]["post"]["responses"]["400"]["description"]
    assert _schema(spec, "RiskListEntryInput")["properties"]["value"]["minLength"] == 1


def test_a_list_entry_takes_its_expiry_as_iso_8601_or_unix_seconds(api, spec):
    iso = api.post(
        "/risk/list_entries",
        json={"kind": "email", "value": "A@B.test", "action": "block", "expires_at": "2999-01-02T03:04:05+01:00"},
    )
    assert iso.status_code == 201, iso.json
    assert (iso.json["value"], iso.json["expires_at"]) == ("a@b.test", "2999-01-02T02:04:05Z")
    # Null is no expiry, as the server takes it.
    assert {"type": "null"} in _schema(spec, "RiskListEntryInput")["properties"]["expires_at"]["anyOf"]
    unix = api.post(
        "/risk/list_entries", json={"kind": "device", "value": "dev_1", "action": "review", "expires_at": 32503680000}
    )
    assert unix.status_code == 201 and unix.json["expires_at"] == "3000-01-01T00:00:00Z", unix.json
    check(spec, "post", "/risk/list_entries", iso)
    past = api.post(
        "/risk/list_entries", json={"kind": "ip", "value": "203.0.113.7", "action": "block", "expires_at": 1}
    )
    assert "in the future" in refused(past, "expires_at")
    check(spec, "post", "/risk/list_entries", past)
    again = api.post("/risk/list_entries", json={"kind": "email", "value": "a@b.test", "action": "allow"})
    assert again.status_code == 409 and again.json["error"]["code"] == "resource_exists"
    check(spec, "post", "/risk/list_entries", again)


def test_the_list_pages_by_its_own_ids_and_filters_by_a_listed_kind(api, spec):
    first = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_1", "action": "review"}).json
    second = api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_2", "action": "review"}).json
    page = api.get("/risk/list_entries", query_string={"limit": 1, "starting_after": second["id"]})
    assert [e["id"] for e in page.json["data"]] == [first["id"]]
    check(spec, "get", "/risk/list_entries", page)
    # Sent empty, as a form sends them, the filters filter nothing.
    assert len(api.get("/risk/list_entries?kind=&value=&starting_after=").json["data"]) == 2
    assert "rle_" in refused(api.get("/risk/list_entries", query_string={"starting_after": "ord_1"}), "starting_after")
    refused(api.get("/risk/list_entries", query_string={"kind": "colour"}), "kind")
    check(spec, "get", "/risk/list_entries", api.get("/risk/list_entries?limit=0"))

    parameters = spec["paths"]["/risk/list_entries"]["get"]
    assert _parameter(spec, "/risk/list_entries", "starting_after")["schema"]["pattern"] == "^rle_"
    assert _parameter(spec, "/risk/list_entries", "kind")["schema"]["enum"] == [
        "customer",
        "email",
        "email_domain",
        "ip",
        "device",
        "card_fingerprint",
    ]
    assert all("null" not in str(p["schema"]) for p in parameters["parameters"])
    entry = _schema(spec, "RiskListEntryInput")["properties"]
    assert (entry["value"]["maxLength"], entry["note"]["anyOf"][0]["maxLength"]) == (320, 500)

    deleted = api.delete(f"/risk/list_entries/{first['id']}")
    assert deleted.json == {"id": first["id"], "object": "risk_list_entry", "deleted": True}
    check(spec, "delete", "/risk/list_entries/{id}", deleted)
    check(spec, "delete", "/risk/list_entries/{id}", api.delete(f"/risk/list_entries/{first['id']}"))


def test_the_csv_routes_are_documented_as_csv(api, client, merchant, spec):
    imported = client.post(
        "/api/v1/risk/list_entries/import",
        data="kind,value,action\nemail,x@y.test,block\ncolour,blue,block\n",
        content_type="text/csv",
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
    )
    assert imported.json["imported"] == 1 and imported.json["errors"][0]["line"] == 3
    check(spec, "post", "/risk/list_entries/import", imported)
    not_csv = api.post("/risk/list_entries/import", json={"kind": "email"})
    assert not_csv.status_code == 400 and not_csv.json["error"]["code"] == "invalid_csv"
    check(spec, "post", "/risk/list_entries/import", not_csv)
    operation = spec["paths"]["/risk/list_entries/import"]["post"]
    assert list(operation["requestBody"]["content"]) == ["text/csv"]
    assert "invalid_csv" in operation["responses"]["400"]["description"]
    assert "20 MB" in operation["responses"]["413"]["description"]  # a list may be larger than other bodies
    assert list(spec["paths"]["/risk/list_entries/export"]["get"]["responses"]["200"]["content"]) == ["text/csv"]


@pytest.mark.parametrize("route", ["/risk/rules", "/risk/rules/preview"])
def test_a_rule_of_the_wrong_shape_is_refused_naming_the_field(api, spec, route):
    assert "parameter_invalid" in spec["paths"][route]["post"]["responses"]["400"]["description"]
    assert refused(api.post(route, json={"kind": "amount_limit", "params": [500], "action": "block"}), "params") == (
        "params must be an object"
    )
    refused(api.post(route, json={"kind": "amount_limit", "params": {"max_amount": 5}}), "action")
    # The per-kind checks name the nested field.
    refused(
        api.post(route, json={"kind": "amount_limit", "params": {"max_amount": "5"}, "action": "block"}),
        "params.max_amount",
    )


def test_a_rule_changes_only_what_may_change_and_enabled_is_a_boolean(api, spec):
    rule = api.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 100}, "action": "block"})
    check(spec, "post", "/risk/rules", rule)
    path = f"/risk/rules/{rule.json['id']}"
    assert "true or false" in refused(api.patch(path, json={"enabled": "false"}), "enabled")
    refused(api.patch(path, json={"enabled": 0}), "enabled")
    refused(api.patch(path, json={"params": None}), "params")
    refused(api.patch(path, json={"action": "allow"}), "action")
    assert "kind" in refused(api.patch(path, json={"kind": "velocity"}), "kind")
    paused = api.patch(path, json={"enabled": False})
    assert paused.status_code == 200 and paused.json["enabled"] is False
    assert paused.json["params"] == {"max_amount": 100} and paused.json["action"] == "block"
    check(spec, "patch", "/risk/rules/{id}", paused)
    check(spec, "patch", "/risk/rules/{id}", api.patch("/risk/rules/rr_missing", json={"enabled": True}))
    check(spec, "get", "/risk/rules", api.get("/risk/rules"))
    preview = api.post(
        "/risk/rules/preview", json={"kind": "amount_limit", "params": {"max_amount": 1}, "action": "review"}
    )
    check(spec, "post", "/risk/rules/preview", preview)
    check(spec, "delete", "/risk/rules/{id}", api.delete(path))
    check(spec, "delete", "/risk/rules/{id}", api.delete(path))

    update = _schema(spec, "RiskRuleUpdate")
    assert update["additionalProperties"] is False and "required" not in update
    assert update["properties"]["enabled"] == {"type": "boolean"}
    assert update["properties"]["action"]["enum"] == ["block", "review"]
    assert _schema(spec, "RiskRuleInput")["properties"]["kind"]["enum"][0] == "velocity"


def test_a_review_decision_is_approve_or_reject(api, catalog, spec):
    order = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True},
    ).json
    assert "approve, reject" in refused(
        api.post(f"/orders/{order['id']}/review", json={"decision": "maybe"}), "decision"
    )
    refused(api.post(f"/orders/{order['id']}/review", json={}), "decision")
    not_held = api.post(f"/orders/{order['id']}/review", json={"decision": "approve"})
    assert not_held.status_code == 409 and not_held.json["error"]["code"] == "review_not_open"
    check(spec, "post", "/orders/{id}/review", not_held)
    check(spec, "post", "/orders/{id}/review", api.post("/orders/ord_missing/review", json={"decision": "reject"}))
    answers = spec["paths"]["/orders/{id}/review"]["post"]["responses"]
    assert answers["200"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Order"}
    assert _schema(spec, "ReviewDecision")["properties"]["decision"]["enum"] == ["approve", "reject"]


def test_a_refund_request_needs_a_reason_of_1_to_500_characters(client, merchant, api, catalog, sandbox, spec):
    order = paid(api, sandbox, catalog["sku"], "cus_contract")
    path = f"/orders/{order['id']}/refund_requests"
    assert "1 to 500 characters" in refused(api.post(path, json={"reason": "  "}), "reason")
    refused(api.post(path, json={"reason": "x" * 501}), "reason")
    refused(api.post(path, json={"reason": 5}), "reason")
    refused(api.post(path, json={"reason": "why", "client_secret": 5}), "client_secret")
    answer = ask(client, merchant, order)
    assert answer.status_code == 201, answer.json
    check(spec, "post", "/orders/{id}/refund_requests", answer)
    missing = api.post("/orders/ord_missing/refund_requests", json={"reason": "why"})
    check(spec, "post", "/orders/{id}/refund_requests", missing)

    reason = _schema(spec, "RefundRequestInput")["properties"]["reason"]
    assert (reason["minLength"], reason["maxLength"]) == (1, 500)
    answers = spec["paths"]["/orders/{id}/refund_requests"]["post"]["responses"]
    assert {"404", "409", "422", "503"} <= set(answers) and "nothing_to_refund" in answers["422"]["description"]
