"""An amount limit is money in one currency: a Japanese merchant's "orders above 1000" means ¥1,000, and says
nothing about its dollar or dinar orders (1000 minor units are $10.00 and 1.000 KWD)."""

from __future__ import annotations

from tests.risk.test_risk_api import order_body


def _order(api, sku: str, currency: str, quantity: int = 1, customer: str = "cus_limits"):
    return api.post("/orders", json={**order_body(sku, customer=customer, quantity=quantity), "currency": currency})


def test_an_amount_limit_typed_in_yen_holds_yen_orders_only(member, api, catalog):
    prices = [{"amount": 1500, "currency": "jpy"}, {"amount": 1200, "currency": "kwd"}]
    assert api.patch(f"/skus/{catalog['sku']}", json={"prices": prices}).status_code == 200
    operator = member("operator")
    added = operator.post(
        "/portal/risk/rules", {"kind": "amount_limit", "max_amount": "1000", "currency": "JPY", "action": "block"}
    )
    assert added.status_code == 302, added.get_data(as_text=True)
    assert api.get("/risk/rules").json["data"][0]["params"] == {"max_amount": 1000, "currency": "jpy"}
    assert "Orders above ¥1,000" in operator.text("/portal/risk")

    assert _order(api, catalog["sku"], "jpy").status_code == 402  # ¥1,500
    assert _order(api, catalog["sku"], "usd", quantity=2).status_code == 201  # $19.98: 1998 minor units
    assert _order(api, catalog["sku"], "kwd").status_code == 201  # 1.200 KWD

    # In dinars the limit is typed in dinars, to the fils.
    added = operator.post(
        "/portal/risk/rules",
        {"kind": "first_purchase_limit", "max_amount": "1.100", "currency": "kwd", "action": "block"},
    )
    assert added.status_code == 302, added.get_data(as_text=True)
    assert "First purchases above 1.100 KWD" in operator.text("/portal/risk")
    assert _order(api, catalog["sku"], "kwd", customer="cus_new").status_code == 402
    assert _order(api, catalog["sku"], "usd", quantity=2, customer="cus_new").status_code == 201


def test_an_amount_without_its_currency_or_with_a_thousands_comma_is_refused_beside_the_form(member, api):
    operator = member("operator")
    bare = operator.post("/portal/risk/rules", {"kind": "amount_limit", "max_amount": "10000", "action": "block"})
    assert bare.status_code == 422 and "Name the currency of the amount" in bare.get_data(as_text=True)
    comma = operator.post(
        "/portal/risk/rules", {"kind": "amount_limit", "max_amount": "1,500", "currency": "kwd", "action": "block"}
    )
    assert comma.status_code == 422 and "“1,500” could be 1500 or 1.500" in comma.get_data(as_text=True)
    fraction = operator.post(
        "/portal/risk/rules", {"kind": "amount_limit", "max_amount": "99.5", "currency": "jpy", "action": "block"}
    )
    assert fraction.status_code == 422 and "Enter the amount in JPY, e.g. 10000." in fraction.get_data(as_text=True)
    assert api.get("/risk/rules").json["data"] == []


def test_a_limit_in_something_that_is_no_currency_is_a_400_not_a_rule_that_never_applies(api):
    for currency in ("xyz", "yen", 392):
        refused = api.post(
            "/risk/rules",
            json={"kind": "amount_limit", "action": "block", "params": {"max_amount": 10000, "currency": currency}},
        )
        assert refused.status_code == 400 and refused.json["error"]["param"] == "params.currency", refused.json
        assert "ISO 4217" in refused.json["error"]["message"]
    mismatch = api.post(
        "/risk/rules",
        json={"kind": "currency_country_mismatch", "action": "review", "params": {"currencies": {"yen": ["JP"]}}},
    )
    assert mismatch.status_code == 400 and "'yen' is not a three-letter ISO 4217" in mismatch.json["error"]["message"]
    assert api.get("/risk/rules").json["data"] == []


def test_an_amount_velocity_rule_in_yen_counts_yen_orders_only(api, catalog):
    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 1500, "currency": "jpy"}]}).status_code == 200
    )
    rule = api.post(
        "/risk/rules",
        json={
            "kind": "velocity",
            "action": "block",
            "params": {"by": "customer", "window_seconds": 3600, "max_amount": 2000, "currency": "jpy"},
        },
    )
    assert rule.status_code == 201 and rule.json["params"]["currency"] == "jpy"
    assert _order(api, catalog["sku"], "jpy").status_code == 201  # ¥1,500 of ¥2,000
    for _ in range(3):  # $9.99 each: dollars are not counted against a yen limit
        assert _order(api, catalog["sku"], "usd").status_code == 201
    assert _order(api, catalog["sku"], "jpy").status_code == 402  # ¥3,000


def test_trying_an_amount_rule_on_past_orders_counts_each_currency_apart(api, catalog):
    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 1500, "currency": "jpy"}]}).status_code == 200
    )
    assert _order(api, catalog["sku"], "usd").status_code == 201  # $9.99
    assert _order(api, catalog["sku"], "jpy").status_code == 201  # ¥1,500: not 2,499 of anything with the dollars

    def tried(**params) -> int:
        answer = api.post(
            "/risk/rules/preview",
            json={
                "kind": "velocity",
                "action": "block",
                "params": {"by": "customer", "window_seconds": 3600, "max_amount": 1200, **params},
            },
        )
        assert answer.status_code == 200, answer.json
        return answer.json["would_flag"]

    assert tried() == 1  # ¥1,500 is above 1200 minor units; $9.99 is not
    assert tried(currency="usd") == 0 and tried(currency="jpy") == 1
    assert tried(max_amount=2000) == 0
