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


def test_a_rule_naming_a_line_judges_that_lines_orders_again_when_they_are_paid(api, sandbox):
    """A rule added after the orders were made still judges their payments by each order's line: the games order's
    payment is refused (402, nothing charged, still payable), the music order's goes to the provider."""
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    game, song = _order(api, _sku(api, "games", 1500)).get_json(), _order(api, _sku(api, "music", 1500)).get_json()
    rule = {"kind": "amount_limit", "params": {"max_amount": 1000, "business_line": "games"}, "action": "block"}
    assert api.post("/risk/rules", json=rule).status_code == 201

    refused = api.post(f"/orders/{game['id']}/pay", json={"channel": "sandbox_card"})
    assert refused.status_code == 402, refused.get_json()
    assert api.get(f"/orders/{game['id']}").get_json()["status"] == "created"
    started = api.post(f"/orders/{song['id']}/pay", json={"channel": "sandbox_card"})
    assert started.status_code == 200, started.get_json()
    assert api.get(f"/orders/{song['id']}").get_json()["status"] == "paying"


def test_a_rule_naming_a_line_is_tried_on_that_lines_orders_only(api):
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    for line in ("games", "music", "music", None):
        assert _order(api, _sku(api, line, 1500)).status_code == 201
    rule = {"kind": "amount_limit", "params": {"max_amount": 1000}, "action": "block"}
    every = api.post("/risk/rules/preview", json=rule).get_json()
    assert (every["orders"], every["would_flag"]) == (4, 4)
    music = api.post("/risk/rules/preview", json=rule | {"params": {"max_amount": 1000, "business_line": "music"}})
    assert (music.get_json()["orders"], music.get_json()["would_flag"]) == (2, 2)
    unknown = api.post("/risk/rules/preview", json=rule | {"params": {"max_amount": 1000, "business_line": "films"}})
    assert unknown.status_code == 400 and unknown.get_json()["error"]["param"] == "params.business_line"
    assert api.get("/risk/rules").get_json()["data"] == []  # nothing saved
