"""Subscriptions, billing links, test clocks and a customer's erasure and export as a client meets them (issue 52):
a shape error is a 400 naming the field as sent, what the document allows is accepted, and the generated document
carries the constraints the server enforces."""

from __future__ import annotations

import pytest

from tests.support.signing import CUSTOMER, make_recurring, subscribe
from tests.web.api.test_openapi import check, spec  # noqa: F401 (a fixture)


@pytest.fixture
def monthly(app, catalog) -> str:
    make_recurring(app, catalog["sku"], "month")
    return catalog["sku"]


def _fault(response) -> tuple[int, str, str | None]:
    error = response.json["error"]
    return response.status_code, error["code"], error.get("param")


def _subscribe(api, sku: str, **fields):
    return api.post(
        "/subscriptions", json={"sku": sku, "customer": {"id": CUSTOMER}, "agreement_accepted": True} | fields
    )


def test_opening_a_subscription_names_the_field_to_fix(api, spec, monthly):
    bad = {
        "customer": ({"id": CUSTOMER, "email": "not an address"}, "customer.email"),
        "test_clock": (5, "test_clock"),
        "currency": ("EUR", "currency"),
        "coupon": (["FIRST"], "coupon"),
    }
    for field, (value, param) in bad.items():
        answer = _subscribe(api, monthly, **{field: value})
        check(spec, "post", "/subscriptions", answer)
        assert _fault(answer) == (400, "parameter_invalid", param), field
    nested = api.post("/subscriptions", json={"sku": monthly, "customer": {"id": 7}, "agreement_accepted": True})
    assert _fault(nested) == (400, "parameter_invalid", "customer.id")
    assert nested.json["error"]["message"] == "customer.id must be a string"
    currency = _subscribe(api, monthly, currency="xyz").json["error"]["message"]
    assert "ISO 4217" in currency
    # The agreement is API.md's 422, not a shape error.
    refused = api.post("/subscriptions", json={"sku": monthly, "customer": {"id": CUSTOMER}})
    assert _fault(refused) == (422, "agreement_required", "agreement_accepted")
    # What the document allows goes through: a currency the SKU is priced in, null where null is allowed.
    created = _subscribe(api, monthly, currency="usd", test_clock=None, coupon=None)
    check(spec, "post", "/subscriptions", created)
    assert created.status_code == 201 and created.json["subscription"]["price"]["currency"] == "usd"


def test_subscription_routes_answer_as_documented(api, spec, monthly):
    sub = subscribe(api, monthly)["subscription"]
    check(spec, "get", "/subscriptions/{id}", api.get(f"/subscriptions/{sub['id']}"))
    check(spec, "get", "/subscriptions/{id}", api.get("/subscriptions/sub_missing"))
    listed = api.get(f"/subscriptions?status=pending&customer={CUSTOMER}&limit=1")
    check(spec, "get", "/subscriptions", listed)
    assert [s["id"] for s in listed.json["data"]] == [sub["id"]]
    after = api.get(f"/subscriptions?starting_after={sub['id']}")
    assert after.status_code == 200 and after.json["data"] == []
    for query, param in (("status=gone", "status"), ("starting_after=ord_1", "starting_after"), ("limit=0", "limit")):
        answer = api.get(f"/subscriptions?{query}")
        check(spec, "get", "/subscriptions", answer)
        assert _fault(answer) == (400, "parameter_invalid", param), query

    # Only sku can be changed, and it must be a SKU's id.
    for body, param in (({"sku": monthly, "price": 1}, "price"), ({"sku": 5}, "sku"), ({}, "sku")):
        answer = api.patch(f"/subscriptions/{sub['id']}", json=body)
        check(spec, "patch", "/subscriptions/{id}", answer)
        assert _fault(answer) == (400, "parameter_invalid", param), body
    check(spec, "patch", "/subscriptions/{id}", api.patch(f"/subscriptions/{sub['id']}", json={"sku": monthly}))

    refused = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": "yes"})
    check(spec, "post", "/subscriptions/{id}/cancel", refused)
    assert _fault(refused) == (400, "parameter_invalid", "at_period_end")
    assert refused.json["error"]["message"] == "at_period_end must be true or false"
    check(spec, "post", "/subscriptions/{id}/pause", api.post(f"/subscriptions/{sub['id']}/pause"))
    check(spec, "post", "/subscriptions/{id}/resume", api.post(f"/subscriptions/{sub['id']}/resume"))
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": None})
    check(spec, "post", "/subscriptions/{id}/cancel", canceled)
    assert canceled.json["status"] == "canceled"


def test_billing_links_take_their_three_fields_only(api, spec):
    for body, param in (
        ({"flow": "cancel"}, "flow"),
        ({"flow": "payment_method_update", "subscription": "ord_1"}, "subscription"),
        ({"return_url": "javascript:alert(1)"}, "return_url"),
        ({"return_url": 5}, "return_url"),
        ({"expires_in": 60}, "expires_in"),
    ):
        answer = api.post(f"/customers/{CUSTOMER}/billing_links", json=body)
        check(spec, "post", "/customers/{id}/billing_links", answer)
        assert _fault(answer) == (400, "parameter_invalid", param), body
    link = api.post(f"/customers/{CUSTOMER}/billing_links", json={"return_url": None, "flow": None})
    check(spec, "post", "/customers/{id}/billing_links", link)
    assert link.status_code == 201 and link.json["return_url"] is None


def test_test_clocks_take_times_within_their_years(api, spec):
    for body, param in (({"frozen_time": "1999-12-31T23:59:59Z"}, "frozen_time"), ({}, "frozen_time")):
        answer = api.post("/test_clocks", json=body)
        check(spec, "post", "/test_clocks", answer)
        assert _fault(answer) == (400, "parameter_invalid", param), body
    assert (
        "between the years 2000 and 2200"
        in api.post("/test_clocks", json={"frozen_time": 7258118400}).json["error"]["message"]
    )
    created = api.post("/test_clocks", json={"frozen_time": 946684800})  # the first second the document allows
    check(spec, "post", "/test_clocks", created)
    assert created.status_code == 201 and created.json["frozen_time"] == "2000-01-01T00:00:00Z"
    clock = created.json["id"]
    check(spec, "get", "/test_clocks/{id}", api.get(f"/test_clocks/{clock}"))
    listed = api.get(f"/test_clocks?starting_after={clock}")
    check(spec, "get", "/test_clocks", listed)
    assert listed.status_code == 200
    wrong = api.get("/test_clocks?starting_after=sub_1")
    assert _fault(wrong) == (400, "parameter_invalid", "starting_after")
    late = api.post(f"/test_clocks/{clock}/advance", json={"to": "soon"})
    check(spec, "post", "/test_clocks/{id}/advance", late)
    assert _fault(late) == (400, "parameter_invalid", "to")
    backwards = api.post(f"/test_clocks/{clock}/advance", json={"to": "1999-01-01T00:00:00Z"})
    assert _fault(backwards) == (400, "parameter_invalid", "to")


def test_erasing_a_customer_answers_as_documented(api, spec):
    erased = api.post(f"/customers/{CUSTOMER}/erase")
    check(spec, "post", "/customers/{id}/erase", erased)
    assert erased.status_code == 200 and erased.json["object"] == "customer_erasure"
    check(spec, "post", "/customers/{id}/erase", api.post(f"/customers/{'x' * 201}/erase"))


def test_the_document_carries_the_constraints(spec):
    paths, schemas = spec["paths"], spec["components"]["schemas"]
    listing = {p["name"]: p for p in paths["/subscriptions"]["get"]["parameters"]}
    assert listing["starting_after"]["schema"]["pattern"] == "^sub_"
    assert "past_due" in listing["status"]["schema"]["enum"]
    assert listing["limit"]["schema"]["maximum"] == 100
    clocks = {p["name"]: p for p in paths["/test_clocks"]["get"]["parameters"]}
    assert clocks["starting_after"]["schema"]["pattern"] == "^clock_"

    opening = paths["/subscriptions"]["post"]
    assert opening["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/SubscriptionInput")
    body = schemas["SubscriptionInput"]
    assert {"sku", "agreement_accepted"} <= set(body["required"])
    assert body["properties"]["sku"]["pattern"] == "^sku_"
    assert "eur" in body["properties"]["currency"]["anyOf"][0]["enum"]
    assert schemas["SubscriptionCustomerInput"]["properties"]["id"]["maxLength"] == 200
    assert {"402", "409", "422", "503"} <= set(opening["responses"])
    assert "Idempotency-Key" in [p["name"] for p in opening["parameters"]]
    assert "idempotency_key_reused" in opening["responses"]["409"]["description"]

    assert schemas["BillingLinkInput"]["additionalProperties"] is False
    assert schemas["BillingLinkInput"]["properties"]["return_url"]["anyOf"][0]["maxLength"] == 1400
    frozen = schemas["TestClockInput"]["properties"]["frozen_time"]["anyOf"][1]
    assert (frozen["minimum"], frozen["maximum"]) == (946684800, 7258118399)
    assert schemas["Subscription"]["properties"]["cancel_reason"]["anyOf"][0]["enum"] == [
        "requested",
        "mandate_revoked",
    ]
    assert "clock_advancing" in paths["/test_clocks/{id}/advance"]["post"]["responses"]["409"]["description"]
    assert "export_too_large" in paths["/customers/{id}/export"]["get"]["responses"]["422"]["description"]
    assert paths["/customers/{id}/erase"]["post"]["responses"]["200"]["content"]["application/json"]["schema"][
        "$ref"
    ].endswith("/CustomerErasure")
