"""Orders, the catalog and checkout sessions take typed models at the edge (issue 52): a shape error is a 400 naming
the field as the client sent it, a value the document allows is taken, and the document states the constraints the
server enforces."""

from __future__ import annotations

import pytest

from tests.web.api.test_openapi import check


@pytest.fixture
def spec(client) -> dict:
    return client.get("/api/v1/openapi.json").json


def _order_body(sku: str, **extra: object) -> dict:
    return {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True, **extra}


def _error(response) -> tuple[int, str, str]:
    error = response.json["error"]
    return response.status_code, error["code"], error["param"]


@pytest.mark.parametrize(
    "change, param",
    [
        ({"items": [{"sku": 5, "quantity": 1}]}, "items[0].sku"),
        ({"items": [{"sku": "prod_1", "quantity": 1}]}, "items[0].sku"),
        ({"items": "sku_x"}, "items"),
        ({"customer": {"id": ""}}, "customer.id"),
        ({"customer": {"id": "c", "email": 5}}, "customer.email"),
        ({"currency": "dollars"}, "currency"),
        ({"coupon": 10}, "coupon"),
    ],
)
def test_an_order_body_of_the_wrong_shape_is_a_400_naming_the_field(api, catalog, change, param):
    response = api.post("/orders", json=_order_body(catalog["sku"], **change))
    assert _error(response) == (400, "parameter_invalid", param), response.json
    assert api.get("/orders").json["data"] == []


def test_list_queries_take_the_right_cursor_and_name_a_wrong_one(api, pk_api, catalog):
    order = api.post("/orders", json=_order_body(catalog["sku"])).json
    later = api.get(f"/orders?starting_after={order['id']}&status=created&created_gte=1700000000")
    assert later.status_code == 200 and later.json["data"] == []
    # unix seconds before 1970 read as the document's integer says, in a query string as in a body
    assert api.get("/orders?created_lte=-86400").json["data"] == []
    assert [o["id"] for o in api.get("/orders?created_gte=-86400").json["data"]] == [order["id"]]
    assert _error(api.get("/orders?created_gte=--1")) == (400, "parameter_invalid", "created_gte")
    assert _error(api.get("/orders?starting_after=prod_1")) == (400, "parameter_invalid", "starting_after")
    assert _error(api.get("/orders?status=open")) == (400, "parameter_invalid", "status")
    assert _error(api.get("/orders?limit=0")) == (400, "parameter_invalid", "limit")
    products = pk_api.get(f"/products?starting_after={catalog['product'].replace('membership', 'a')}")
    assert products.status_code == 200
    assert _error(pk_api.get("/products?starting_after=ord_1")) == (400, "parameter_invalid", "starting_after")
    assert _error(api.get("/products?status=live")) == (400, "parameter_invalid", "status")


def test_a_basket_in_another_iso_currency_is_priced_in_it(api, spec):
    product = api.post(
        "/products",
        json={
            "name": "Game",
            "skus": [
                {
                    "name": "Standard",
                    "price": {"amount": 1000, "currency": "usd"},
                    "prices": [{"amount": 900, "currency": "eur"}],
                }
            ],
        },
    )
    check(spec, "post", "/products", product)
    sku = product.json["skus"][0]["id"]
    quote = api.post("/quotes", json={"items": [{"sku": sku, "quantity": 2}], "currency": "eur"})
    check(spec, "post", "/quotes", quote)
    assert (quote.status_code, quote.json["currency"], quote.json["total"]) == (200, "eur", 1800)
    refused = api.post("/quotes", json={"items": [{"sku": sku, "quantity": 2}], "currency": "xyz"})
    assert _error(refused) == (400, "parameter_invalid", "currency")
    assert "ISO 4217" in refused.json["error"]["message"]


def test_catalog_bodies_of_the_wrong_shape_name_the_nested_field(api, catalog, spec):
    sku = {"name": "a", "price": {"amount": 1, "currency": "usd"}}
    for body, param in [
        ({"name": "x", "skus": [sku, {**sku, "price": {"amount": "1", "currency": "usd"}}]}, "skus[1].price.amount"),
        ({"name": "x", "skus": [{**sku, "prices": [{"amount": 1}]}]}, "skus[0].prices[0].currency"),
        ({"name": "x", "skus": [{**sku, "stock": "5"}]}, "skus[0].stock"),
        ({"name": "x" * 201}, "name"),
    ]:
        response = api.post("/products", json=body)
        check(spec, "post", "/products", response)
        assert _error(response) == (400, "parameter_invalid", param), response.json
    patched = api.patch(f"/skus/{catalog['sku']}", json={"name": None})
    check(spec, "patch", "/skus/{id}", patched)
    assert _error(patched) == (400, "parameter_invalid", "name")
    unlimited = api.patch(f"/skus/{catalog['limited_sku']}", json={"stock": None})
    check(spec, "patch", "/skus/{id}", unlimited)
    assert unlimited.status_code == 200 and unlimited.json["stock"] is None


def test_pay_and_change_payment_method_take_their_fields_typed(api, catalog, spec, sandbox):
    order = api.post("/orders", json=_order_body(catalog["sku"])).json
    for body, param in [
        ({"channel": "sandbox_card", "return_url": 5}, "return_url"),
        ({"channel": "sandbox_card", "return_url": "ftp://shop.example/back"}, "return_url"),
        ({"channel": ["sandbox_card"]}, "channel"),
    ]:
        response = api.post(f"/orders/{order['id']}/pay", json=body)
        check(spec, "post", "/orders/{id}/pay", response)
        assert _error(response) == (400, "parameter_invalid", param), response.json
    # null is the default return page, as the document says.
    paid = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "return_url": None})
    check(spec, "post", "/orders/{id}/pay", paid)
    assert paid.status_code == 200, paid.json
    wrong = api.post(f"/orders/{order['id']}/change_payment_method", json={"payment": "ord_1"})
    check(spec, "post", "/orders/{id}/change_payment_method", wrong)
    assert _error(wrong) == (400, "parameter_invalid", "payment")
    missing = api.post(f"/orders/{order['id']}/change_payment_method", json={"payment": "pay_missing"})
    check(spec, "post", "/orders/{id}/change_payment_method", missing)
    assert missing.status_code in (404, 409)


def test_a_checkout_session_body_names_its_nested_field(api, catalog, spec):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}}
    for change, param in [
        ({"items": [{"sku": catalog["sku"], "quantity": 100}]}, "items[0].quantity"),
        ({"customer": {"id": 7}}, "customer.id"),
        ({"items": None, "product": "sku_1"}, "product"),
        ({"expires_at": "tomorrow"}, "expires_at"),
    ]:
        response = api.post("/checkout_sessions", json={**body, **change})
        check(spec, "post", "/checkout_sessions", response)
        assert _error(response) == (400, "parameter_invalid", param), response.json
    later = api.post("/checkout_sessions", json={**body, "expires_at": "2999-01-01T00:00:00Z"})
    assert _error(later) == (400, "parameter_invalid", "expires_at")  # a time, but too far ahead


def test_the_document_states_the_constraints(spec):
    paths, schemas = spec["paths"], spec["components"]["schemas"]
    orders = {p["name"]: p for p in paths["/orders"]["get"]["parameters"]}
    assert orders["starting_after"]["schema"]["pattern"] == "^ord_"
    assert "paying" in str(orders["status"]["schema"])
    products = {p["name"]: p for p in paths["/products"]["get"]["parameters"]}
    assert products["starting_after"]["schema"]["pattern"] == "^prod_"
    assert products["limit"]["schema"]["maximum"] == 100
    item = schemas["ItemInput"]["properties"]
    assert item["sku"]["pattern"] == "^sku_" and item["quantity"]["maximum"] == 99
    assert "eur" in str(schemas["QuoteInput"]["properties"]["currency"])
    assert "agreement_accepted" in schemas["OrderInput"]["required"]
    assert "null" in str(schemas["PayInput"]["properties"]["return_url"])
    assert schemas["ChangePaymentMethodInput"]["properties"]["payment"]["anyOf"][0]["pattern"] == "^pay_"
    assert schemas["CheckoutSessionInput"]["required"] == ["customer"]
    pay = paths["/orders/{id}/pay"]["post"]["responses"]
    assert {"400", "402", "404", "409", "422", "502", "503"} <= set(pay)
    assert "order_state_invalid" in pay["409"]["description"]
    assert "order_state_invalid" in paths["/orders/{id}/cancel"]["post"]["responses"]["409"]["description"]
    assert "agreement_required" in paths["/orders"]["post"]["responses"]["422"]["description"]
