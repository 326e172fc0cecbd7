"""An API key scoped to a business line sees and makes only that line's orders, subscriptions and refunds."""

from __future__ import annotations

import re

from tests.conftest import Api


def _product(api, name: str, line: str | None, subscription: bool = False) -> str:
    sku = {"name": "One", "price": {"amount": 700, "currency": "usd"}}
    if subscription:
        sku["subscription"] = {"interval": "month"}
    body = {"name": name, "skus": [sku], **({"business_line": line} if line else {})}
    made = api.post("/products", json=body)
    assert made.status_code == 201, made.get_json()
    return made.get_json()["skus"][0]["id"]


def _scoped_key(portal, line_id: str) -> str:
    minted = portal.post("/portal/developers/keys", {"kind": "secret", "mode": "test", "business_line": line_id})
    assert minted.status_code == 200, minted.get_data(as_text=True)
    return re.search(r'id="new-key" type="text" readonly value="([^"]+)"', minted.get_data(as_text=True)).group(1)


def _order(api, sku: str, **extra):
    body = {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_scope"}, "agreement_accepted": True}
    return api.post("/orders", json=body | extra)


def test_a_key_scoped_to_a_line_sees_and_makes_only_that_lines_objects(app, client, merchant, api, portal):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    game, song, plain = _product(api, "Saga", "games"), _product(api, "Album", "music"), _product(api, "Gift", None)
    club = _product(api, "Music club", "music", subscription=True)
    scoped = Api(client, _scoped_key(portal, games["id"]))
    assert "line games only" in portal.text("/portal/developers")

    made = _order(scoped, plain)  # a product of no line, sold by the games key: a games order
    assert made.status_code == 201 and made.get_json()["business_line"] == games["id"]
    assert _order(scoped, game).get_json()["business_line"] == games["id"]
    assert _order(scoped, song).status_code == 400  # music's product in a games order
    assert _order(scoped, plain, business_line="music").get_json()["error"]["param"] == "business_line"
    assert (
        scoped.post(
            "/subscriptions", json={"sku": club, "customer": {"id": "c"}, "agreement_accepted": True}
        ).status_code
        == 400
    )

    foreign = _order(api, song).get_json()
    default = _order(api, plain).get_json()
    for order in (foreign, default):
        assert scoped.get(f"/orders/{order['id']}").status_code == 404
        assert scoped.post(f"/orders/{order['id']}/cancel").status_code == 404
        assert scoped.post(f"/orders/{order['id']}/refunds", json={}).status_code == 404
    assert api.get(f"/orders/{foreign['id']}").status_code == 200  # the whole merchant's key sees every line

    listed = {o["id"] for o in scoped.get("/orders").get_json()["data"]}
    assert made.get_json()["id"] in listed and foreign["id"] not in listed and default["id"] not in listed
    assert scoped.get("/orders?business_line=music").get_json()["data"] == []

    sub = api.post("/subscriptions", json={"sku": club, "customer": {"id": "c"}, "agreement_accepted": True})
    sub_id = sub.get_json()["subscription"]["id"]
    assert scoped.get(f"/subscriptions/{sub_id}").status_code == 404
    assert scoped.post(f"/subscriptions/{sub_id}/cancel", json={}).status_code == 404
    assert scoped.get("/subscriptions").get_json()["data"] == []


def test_a_key_scoped_to_a_line_reads_risk_rules_but_cannot_change_them(client, api, portal):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    rule = {"kind": "amount_limit", "action": "block", "params": {"max_amount": 5000, "currency": "usd"}}
    kept = api.post("/risk/rules", json=rule).get_json()
    entry = api.post("/risk/list_entries", json={"kind": "email", "value": "a@b.test", "action": "block"}).get_json()
    scoped = Api(client, _scoped_key(portal, games["id"]))

    # Rules and lists apply to every line's orders: a rule made with a games key would block music's shoppers.
    refused = [
        scoped.post("/risk/rules", json={**rule, "params": {**rule["params"], "business_line": "games"}}),
        scoped.patch(f"/risk/rules/{kept['id']}", json={"enabled": False}),
        scoped.delete(f"/risk/rules/{kept['id']}"),
        scoped.post("/risk/list_entries", json={"kind": "email", "value": "c@d.test", "action": "block"}),
        scoped.delete(f"/risk/list_entries/{entry['id']}"),
    ]
    for answer in refused:
        assert answer.status_code == 403, answer.get_json()
        assert answer.get_json()["error"]["code"] == "key_scoped_to_line"
        assert "whole business" in answer.get_json()["error"]["message"]
    imported = client.post(
        "/api/v1/risk/list_entries/import",
        data="kind,value,action\nemail,e@f.test,block\n",
        headers={"Authorization": f"Bearer {scoped.key}", "Content-Type": "text/csv"},
    )
    assert imported.status_code == 403

    assert [r["id"] for r in scoped.get("/risk/rules").get_json()["data"]] == [kept["id"]]
    after = api.get("/risk/rules").get_json()["data"]
    assert len(after) == 1 and after[0]["enabled"] is True
    assert [e["value"] for e in api.get("/risk/list_entries").get_json()["data"]] == ["a@b.test"]
