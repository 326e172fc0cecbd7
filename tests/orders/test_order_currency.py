"""Buying in the shopper's currency: a SKU with a price in EUR is quoted, ordered and sold in EUR when asked to;
without ``currency`` nothing changes (the default price)."""

from __future__ import annotations

import pytest

from tests.orders.test_orders_api import order_body
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


@pytest.fixture
def euro_prices(api, catalog) -> dict:
    """The 30-day membership also costs €8.99; the founder edition has a USD price only."""
    response = api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 899, "currency": "eur"}]})
    assert response.status_code == 200, response.json
    return catalog


def error_of(response) -> tuple[int, str, str, str]:
    error = response.json["error"]
    return response.status_code, error["code"], error["param"], error["message"]


def test_a_quote_and_an_order_in_a_second_currency_use_that_price(api, pk_api, euro_prices, spec):
    quote = pk_api.post("/quotes", json={"items": [{"sku": euro_prices["sku"], "quantity": 2}], "currency": "eur"})
    assert quote.status_code == 200
    check(spec, "post", "/quotes", quote)
    assert (quote.json["subtotal"], quote.json["total"], quote.json["currency"]) == (1798, 1798, "eur")
    assert quote.json["lines"][0]["unit_amount"] == 899 and quote.json["lines"][0]["amount"] == 1798

    order = api.post("/orders", json=order_body(euro_prices["sku"], 2, currency="eur"))
    assert order.status_code == 201
    check(spec, "post", "/orders", order)
    assert order.json["amount"] == {"subtotal": 1798, "discount": 0, "total": 1798, "currency": "eur"}
    assert api.get(f"/orders/{order.json['id']}").json["amount"]["currency"] == "eur"


def test_without_a_currency_the_default_price_is_charged_as_before(api, euro_prices):
    order = api.post("/orders", json=order_body(euro_prices["sku"], 2)).json
    assert order["amount"] == {"subtotal": 1998, "discount": 0, "total": 1998, "currency": "usd"}
    # Asking for the default currency by name is the same thing.
    named = api.post("/quotes", json={"items": [{"sku": euro_prices["sku"]}], "currency": "USD"}).json
    assert (named["total"], named["currency"]) == (999, "usd")


def test_an_item_without_a_price_in_the_currency_is_a_400_naming_it_and_where_it_is_sold(api, euro_prices):
    items = [{"sku": euro_prices["sku"], "quantity": 1}, {"sku": euro_prices["limited_sku"], "quantity": 1}]
    for path in ("/quotes", "/orders"):
        response = api.post(path, json={**order_body(euro_prices["sku"]), "items": items, "currency": "eur"})
        status, code, param, message = error_of(response)
        assert (status, code, param) == (400, "currency_unavailable", "currency")
        assert "sku_test_limited" in message and "no price in EUR" in message and "bought in USD" in message
    gbp = api.post("/quotes", json={"items": items[:1], "currency": "gbp"})
    assert "bought in USD, EUR" in error_of(gbp)[3]
    assert api.get("/orders").json["data"] == []  # nothing was opened


@pytest.mark.parametrize("currency", ["xyz", "euro", "", 978, ["eur"]])
def test_a_currency_that_is_not_an_iso_code_is_a_400_saying_what_to_send(api, euro_prices, currency):
    response = api.post("/quotes", json={"items": [{"sku": euro_prices["sku"]}], "currency": currency})
    status, code, param, message = error_of(response)
    assert (status, code, param) == (400, "parameter_invalid", "currency")
    assert "ISO 4217" in message


def test_a_coupon_in_one_currency_applies_only_to_orders_in_that_currency(app, api, merchant, euro_prices):
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(merchant.id, {"code": "EURO2", "kind": "amount_off", "amount_off": 200, "currency": "eur"})
        create_coupon(merchant.id, {"code": "TENPC", "kind": "percent_off", "percent_bps": 1000})
    in_euro = api.post("/orders", json=order_body(euro_prices["sku"], currency="eur", coupon="EURO2"))
    assert in_euro.status_code == 201
    assert in_euro.json["amount"] == {"subtotal": 899, "discount": 200, "total": 699, "currency": "eur"}

    in_dollars = api.post("/orders", json=order_body(euro_prices["sku"], coupon="EURO2"))
    status, code, param, message = error_of(in_dollars)
    assert (status, code, param) == (400, "coupon_not_applicable", "coupon") and "EUR prices only" in message

    # A percentage without a cap applies in any currency, to that currency's price.
    percent = api.post("/quotes", json={"items": [{"sku": euro_prices["sku"]}], "currency": "eur", "coupon": "TENPC"})
    assert (percent.json["discount"], percent.json["total"], percent.json["currency"]) == (89, 810, "eur")


def test_a_checkout_session_with_items_fixes_its_currency_for_its_orders(api, pk_api, euro_prices, spec):
    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": euro_prices["sku"], "quantity": 1}], "customer": {"id": "cus_eu"}, "currency": "eur"},
    )
    assert session.status_code == 201
    check(spec, "post", "/checkout_sessions", session)
    assert session.json["currency"] == "eur"
    order = pk_api.post("/orders", json={"checkout_session": session.json["client_secret"], "agreement_accepted": True})
    assert order.status_code == 201 and order.json["amount"]["currency"] == "eur"
    assert order.json["amount"]["total"] == 899
    other = pk_api.post(
        "/orders",
        json={"checkout_session": session.json["client_secret"], "agreement_accepted": True, "currency": "usd"},
    )
    assert error_of(other)[:3] == (400, "parameter_invalid", "currency")

    not_sold = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": euro_prices["limited_sku"]}], "customer": {"id": "cus_eu"}, "currency": "eur"},
    )
    assert error_of(not_sold)[:3] == (400, "currency_unavailable", "currency")
    with_product = api.post(
        "/checkout_sessions", json={"product": euro_prices["product"], "customer": {"id": "cus_eu"}, "currency": "eur"}
    )
    assert error_of(with_product)[:3] == (400, "parameter_invalid", "currency")


def test_an_amount_velocity_limit_counts_each_currency_apart(api, euro_prices):
    """Minor units of euros and dollars are not one sum: €8.99 after $9.99 does not reach a limit of 1500."""
    rule = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "customer", "window_seconds": 3600, "max_amount": 1500},
        },
    )
    assert rule.status_code == 201
    assert api.post("/orders", json=order_body(euro_prices["sku"])).status_code == 201  # $9.99
    assert api.post("/orders", json=order_body(euro_prices["sku"], currency="eur")).status_code == 201  # €8.99
    again = api.post("/orders", json=order_body(euro_prices["sku"], currency="eur"))  # €17.98 in the window
    assert again.status_code == 402 and again.json["error"]["code"] == "risk_blocked"
