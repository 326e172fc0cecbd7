"""Business lines through the API (issue #56): add, list, read, rename, archive; scoped by merchant."""

from __future__ import annotations

from tests.conftest import Api


def test_a_merchant_adds_renames_and_archives_lines(api):
    assert api.get("/business_lines").get_json()["data"] == []

    made = api.post("/business_lines", json={"code": "games", "name": "Games"})
    assert made.status_code == 201, made.get_json()
    line = made.get_json()
    assert line["id"].startswith("bl_") and line["code"] == "games" and line["archived_at"] is None
    api.post("/business_lines", json={"code": "music", "name": "Music"})

    listed = api.get("/business_lines").get_json()["data"]
    assert [found["code"] for found in listed] == ["games", "music"]
    assert api.get(f"/business_lines/{line['id']}").get_json()["name"] == "Games"
    assert api.get("/business_lines/games").get_json()["id"] == line["id"]

    renamed = api.post(f"/business_lines/{line['id']}", json={"name": "Games & apps"})
    assert renamed.status_code == 200 and renamed.get_json()["name"] == "Games & apps"
    assert renamed.get_json()["code"] == "games"

    archived = api.post(f"/business_lines/{line['id']}/archive")
    assert archived.status_code == 200 and archived.get_json()["archived_at"].endswith("Z")
    assert len(api.get("/business_lines").get_json()["data"]) == 2


def test_bad_lines_are_refused_with_what_to_fix(api):
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    again = api.post("/business_lines", json={"code": "games", "name": "More games"})
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "business_line_exists"
    bad_code = api.post("/business_lines", json={"code": "Games!", "name": "Games"})
    assert bad_code.status_code == 400 and bad_code.get_json()["error"]["param"] == "code"
    no_name = api.post("/business_lines", json={"code": "music", "name": "  "})
    assert no_name.status_code == 400 and no_name.get_json()["error"]["param"] == "name"
    assert api.get("/business_lines/bl_nothing").status_code == 404


def test_another_merchants_line_is_not_found(api, client, other_merchant, pk_api):
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    rival = Api(client, other_merchant.secret_key)
    assert rival.get(f"/business_lines/{line['id']}").status_code == 404
    assert rival.post(f"/business_lines/{line['id']}", json={"name": "Mine"}).status_code == 404
    assert rival.post(f"/business_lines/{line['id']}/archive").status_code == 404
    assert rival.get("/business_lines").get_json()["data"] == []
    assert pk_api.get("/business_lines").status_code == 403


def test_a_line_may_have_its_own_order_timeout(api):
    from datetime import datetime

    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    changed = api.post(f"/business_lines/{line['id']}", json={"order_timeout_minutes": 60})
    assert changed.status_code == 200 and changed.get_json()["order_timeout_minutes"] == 60
    assert changed.get_json()["name"] == "Games"
    too_long = api.post(f"/business_lines/{line['id']}", json={"order_timeout_minutes": 5000})
    assert too_long.status_code == 400 and too_long.get_json()["error"]["param"] == "order_timeout_minutes"

    made = api.post(
        "/products", json={"name": "Saga", "skus": [{"name": "One", "price": {"amount": 500, "currency": "usd"}}]}
    ).get_json()
    body = {
        "items": [{"sku": made["skus"][0]["id"], "quantity": 1}],
        "customer": {"id": "c"},
        "agreement_accepted": True,
    }

    def minutes_open(order: dict) -> float:
        opened, expires = (
            datetime.fromisoformat(order[k].replace("Z", "+00:00")) for k in ("created_at", "expires_at")
        )
        return (expires - opened).total_seconds() / 60

    assert round(minutes_open(api.post("/orders", json=body | {"business_line": "games"}).get_json())) == 60
    assert round(minutes_open(api.post("/orders", json=body).get_json())) == 15  # the merchant's default
    api.post(f"/business_lines/{line['id']}", json={"order_timeout_minutes": None})
    assert round(minutes_open(api.post("/orders", json=body | {"business_line": "games"}).get_json())) == 15
