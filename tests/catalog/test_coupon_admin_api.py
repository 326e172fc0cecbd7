"""The coupon API (secret key): create, generate, list, read, change, deactivate and read uses — each answer
checked against the document, every bad input a 400 that names what to fix, another merchant's coupon a 404."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.orders.test_orders_api import order_body
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)

TEN_OFF = {"code": "ten-off", "kind": "percent_off", "percent_bps": 1000}


def error_of(response) -> tuple[int, str, str | None]:
    error = response.json["error"]
    return response.status_code, error["code"], error.get("param")


def test_a_coupon_created_through_the_api_prices_orders(api, spec, catalog):
    created = api.post("/coupons", json={**TEN_OFF, "description": "Ten percent", "max_redemptions": 3})
    check(spec, "post", "/coupons", created)
    assert created.status_code == 201
    coupon = created.json
    assert (coupon["object"], coupon["code"], coupon["state"], coupon["times_redeemed"]) == (
        "coupon",
        "TEN-OFF",
        "active",
        0,
    )
    assert (coupon["channels"], coupon["automatic"], coupon["duration"]) == ([], False, "once")
    order = api.post("/orders", json=order_body(catalog["sku"], 1, coupon="ten-off"))
    assert order.json["amount"]["discount"] == 99
    shown = api.get(f"/coupons/{coupon['id']}")
    check(spec, "get", "/coupons/{id}", shown)
    assert shown.json["times_redeemed"] == 1
    uses = api.get(f"/coupons/{coupon['id']}/redemptions")
    check(spec, "get", "/coupons/{id}/redemptions", uses)
    [use] = uses.json["data"]
    assert (use["order"], use["amount"], use["status"]) == (
        order.json["id"],
        {"amount": 99, "currency": "usd"},
        "active",
    )


def test_create_is_idempotent_and_a_taken_code_is_a_conflict(api):
    headers = {"Idempotency-Key": "coupon-1"}
    first = api.post("/coupons", json=TEN_OFF, headers=headers)
    again = api.post("/coupons", json=TEN_OFF, headers=headers)
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json["id"] == first.json["id"]
    assert error_of(api.post("/coupons", json={**TEN_OFF, "percent_bps": 5}, headers=headers))[:2] == (
        409,
        "idempotency_key_reused",
    )
    assert error_of(api.post("/coupons", json=TEN_OFF)) == (409, "coupon_code_taken", "code")


@pytest.mark.parametrize(
    ("body", "param", "words"),
    [
        ({"kind": "percent_off", "percent_bps": 1000}, "code", "code"),
        ({"code": "X", "kind": "cashback"}, "kind", "kind"),
        ({"code": "X", "kind": "amount_off", "amount_off": 500}, "amount_off", "currency"),
        ({"code": "X", "kind": "percent_off"}, "percent_bps", "percent_bps"),
        ({"code": "X", "kind": "percent_off", "percent_bps": 20000}, "percent_bps", "10000"),
        ({"code": "bad code!", "kind": "percent_off", "percent_bps": 5}, "coupon", "letters, digits"),
        ({**TEN_OFF, "channels": ["carrier_pigeon"]}, "channels", "carrier_pigeon"),
        ({**TEN_OFF, "duration": "repeating"}, "duration_in_periods", "renewals"),
        ({**TEN_OFF, "duration": "forever", "duration_in_periods": 3}, "duration_in_periods", "repeating"),
        ({**TEN_OFF, "duration": "sometimes"}, "duration", "duration"),
        (
            {**TEN_OFF, "valid_from": "2030-01-02T00:00:00Z", "valid_until": "2030-01-01T00:00:00Z"},
            "valid_until",
            "after",
        ),
        ({**TEN_OFF, "valid_from": "next tuesday"}, "valid_from", "valid_from"),
        ({**TEN_OFF, "max_redemptions": 0}, "max_redemptions", "max_redemptions"),
    ],
)
def test_bad_terms_are_a_400_that_names_the_field(api, body, param, words):
    response = api.post("/coupons", json=body)
    assert response.status_code == 400, response.json
    assert response.json["error"]["param"] == param
    assert words in response.json["error"]["message"]


def test_generate_makes_a_batch_of_codes(api, spec):
    response = api.post("/coupons/generate", json={**TEN_OFF, "code": None, "count": 5, "prefix": "spring"})
    check(spec, "post", "/coupons/generate", response)
    codes = [c["code"] for c in response.json["data"]]
    assert response.status_code == 201 and len(set(codes)) == 5 and all(c.startswith("SPRING-") for c in codes)
    assert error_of(api.post("/coupons/generate", json={**TEN_OFF, "count": 0}))[::2] == (400, "count")
    automatic = api.post("/coupons/generate", json={**TEN_OFF, "count": 2, "automatic": True})
    assert error_of(automatic)[::2] == (400, "automatic")


def test_list_pages_and_filters(api, spec):
    ids = [api.post("/coupons", json={**TEN_OFF, "code": f"code-{i}"}).json["id"] for i in range(3)]
    api.post(f"/coupons/{ids[0]}/deactivate")
    first = api.get("/coupons?limit=2")
    check(spec, "get", "/coupons", first)
    assert [c["id"] for c in first.json["data"]] == [ids[2], ids[1]] and first.json["has_more"]
    rest = api.get(f"/coupons?limit=2&starting_after={ids[1]}").json
    assert [c["id"] for c in rest["data"]] == [ids[0]] and not rest["has_more"]
    assert [c["id"] for c in api.get("/coupons?active=false").json["data"]] == [ids[0]]
    assert [c["id"] for c in api.get("/coupons?active=true").json["data"]] == [ids[2], ids[1]]
    assert [c["id"] for c in api.get("/coupons?code=de-1").json["data"]] == [ids[1]]
    assert error_of(api.get("/coupons?active=maybe"))[::2] == (400, "active")
    assert error_of(api.get("/coupons?starting_after=ord_1"))[::2] == (400, "starting_after")


def test_update_changes_only_what_is_sent(api, spec, catalog):
    coupon = api.post("/coupons", json={**TEN_OFF, "description": "Ten", "max_per_customer": 2}).json
    changed = api.post(f"/coupons/{coupon['id']}", json={"max_redemptions": 1})
    check(spec, "post", "/coupons/{id}", changed)
    assert (changed.json["description"], changed.json["max_redemptions"], changed.json["max_per_customer"]) == (
        "Ten",
        1,
        2,
    )
    api.post("/orders", json=order_body(catalog["sku"], 1, coupon="ten-off"))
    assert api.get(f"/coupons/{coupon['id']}").json["state"] == "used up"
    cleared = api.post(f"/coupons/{coupon['id']}", json={"max_redemptions": None}).json
    assert (cleared["max_redemptions"], cleared["state"]) == (None, "active")
    api.post(f"/coupons/{coupon['id']}", json={"max_redemptions": 2})
    refused = api.post(
        f"/coupons/{coupon['id']}", json={"valid_from": "2030-01-02T00:00:00Z", "valid_until": "2030-01-01T00:00:00Z"}
    )
    assert error_of(refused)[::2] == (400, "valid_until")


def test_deactivate_stops_the_code(api, spec, catalog):
    coupon = api.post("/coupons", json=TEN_OFF).json
    done = api.post(f"/coupons/{coupon['id']}/deactivate")
    check(spec, "post", "/coupons/{id}/deactivate", done)
    assert (done.json["active"], done.json["state"]) == (False, "deactivated")
    assert api.post(f"/coupons/{coupon['id']}/deactivate").status_code == 200
    assert error_of(api.post("/orders", json=order_body(catalog["sku"], 1, coupon="ten-off")))[1] == "coupon_invalid"


def test_another_merchants_coupon_is_not_found_and_a_publishable_key_is_refused(
    client, api, pk_api, spec, other_merchant
):
    rival = Api(client, other_merchant.secret_key).post("/coupons", json=TEN_OFF).json["id"]
    for method, path in [
        ("get", f"/coupons/{rival}"),
        ("post", f"/coupons/{rival}"),
        ("post", f"/coupons/{rival}/deactivate"),
        ("get", f"/coupons/{rival}/redemptions"),
    ]:
        response = getattr(api, method)(path, json={}) if method == "post" else api.get(path)
        assert error_of(response)[:2] == (404, "resource_missing"), path
    assert api.get("/coupons").json["data"] == []
    assert pk_api.get("/coupons").status_code == 403
    assert pk_api.post("/coupons", json=TEN_OFF).status_code == 403
