"""A risk rule may name a business line (issue #56): it then applies only to that line's orders."""

from __future__ import annotations


def _sku(api, line: str | None, price: int) -> str:
    body = {"name": f"Item {line}", "skus": [{"name": "One", "price": {"amount": price, "currency": "usd"}}]}
    made = api.post("/products", json=body | ({"business_line": line} if line else {}))
    assert made.status_code == 201, made.get_json()
    return made.get_json()["skus"][0]["id"]


def _order(api, sku: str):
    body = {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_risk_line"}, "agreement_accepted": True}
    return api.post("/orders", json=body)


def test_a_rule_naming_a_line_blocks_only_that_lines_orders(api):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    rule = api.post(
        "/risk/rules",
        json={"kind": "amount_limit", "params": {"max_amount": 1000, "business_line": "games"}, "action": "block"},
    )
    assert rule.status_code == 201, rule.get_json()
    assert rule.get_json()["params"]["business_line"] == games["id"]

    assert _order(api, _sku(api, "games", 1500)).status_code == 402
    assert _order(api, _sku(api, "music", 1500)).status_code == 201
    assert _order(api, _sku(api, None, 1500)).status_code == 201
    assert _order(api, _sku(api, "games", 900)).status_code == 201

    unknown = api.post(
        "/risk/rules",
        json={"kind": "amount_limit", "params": {"max_amount": 1, "business_line": "films"}, "action": "block"},
    )
    assert unknown.status_code == 400 and unknown.get_json()["error"]["param"] == "params.business_line"


def test_a_rule_naming_no_line_still_applies_to_every_order(api):
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    api.post("/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 1000}, "action": "block"})
    assert _order(api, _sku(api, "games", 1500)).status_code == 402
    assert _order(api, _sku(api, None, 1500)).status_code == 402
