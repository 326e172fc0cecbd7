"""A business line's own settings through the API (issue #56): auto-confirm window and the name its shoppers see,
beside its order timeout; checked as the merchant's are, and a key scoped to a line reaches only its own line."""

from __future__ import annotations

from tests.conftest import Api
from tests.merchants.test_line_scoped_keys import _scoped_key


def test_a_line_answers_and_changes_its_own_settings(api, portal):
    made = api.post("/business_lines", json={"code": "games", "name": "Games"})
    line = made.get_json()
    assert made.status_code == 201
    assert (line["auto_confirm_minutes"], line["display_name"], line["order_timeout_minutes"]) == (None, None, None)

    changed = api.post(
        f"/business_lines/{line['id']}", json={"auto_confirm_minutes": 0, "display_name": "  Acme   Arcade "}
    )
    assert changed.status_code == 200, changed.get_json()
    answer = changed.get_json()
    assert answer["auto_confirm_minutes"] == 0  # at once: not the same as "the merchant's"
    assert answer["display_name"] == "Acme Arcade"
    assert answer["name"] == "Games" and answer["order_timeout_minutes"] is None  # left out: unchanged
    assert api.get("/business_lines/games").get_json()["display_name"] == "Acme Arcade"

    back = api.post(f"/business_lines/{line['id']}", json={"auto_confirm_minutes": None, "display_name": ""})
    assert back.status_code == 200
    assert (back.get_json()["auto_confirm_minutes"], back.get_json()["display_name"]) == (None, None)
    assert "business_line.update" in portal.text("/portal/audit?action=business_line.update")


def test_bad_line_settings_are_refused_with_what_to_fix(api):
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    for body, param in (
        ({"auto_confirm_minutes": -1}, "auto_confirm_minutes"),
        ({"auto_confirm_minutes": 129_601}, "auto_confirm_minutes"),
        ({"auto_confirm_minutes": "soon"}, "auto_confirm_minutes"),
        ({"display_name": "x" * 201}, "display_name"),
        ({"display_name": 7}, "display_name"),
    ):
        refused = api.post(f"/business_lines/{line['id']}", json=body)
        assert refused.status_code == 400, (body, refused.get_json())
        assert refused.get_json()["error"]["param"] == param, refused.get_json()
    unchanged = api.get(f"/business_lines/{line['id']}").get_json()
    assert (unchanged["auto_confirm_minutes"], unchanged["display_name"]) == (None, None)


def test_a_key_scoped_to_a_line_reaches_only_its_own_line(client, api, portal):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    music = api.post("/business_lines", json={"code": "music", "name": "Music"}).get_json()
    scoped = Api(client, _scoped_key(portal, games["id"]))

    assert [line["code"] for line in scoped.get("/business_lines").get_json()["data"]] == ["games"]
    assert scoped.get("/business_lines/games").status_code == 200
    assert scoped.get(f"/business_lines/{music['id']}").status_code == 404
    assert scoped.post("/business_lines/music", json={"display_name": "Not mine"}).status_code == 404
    assert api.get("/business_lines/music").get_json()["display_name"] is None

    own = scoped.post("/business_lines/games", json={"display_name": "Acme Arcade", "auto_confirm_minutes": 60})
    assert own.status_code == 200 and own.get_json()["display_name"] == "Acme Arcade"

    added = scoped.post("/business_lines", json={"code": "films", "name": "Films"})
    assert added.status_code == 403 and added.get_json()["error"]["code"] == "key_scoped_to_line"
    archived = scoped.post("/business_lines/games/archive")
    assert archived.status_code == 403 and archived.get_json()["error"]["code"] == "key_scoped_to_line"
    assert [line["code"] for line in api.get("/business_lines").get_json()["data"]] == ["games", "music"]
    assert api.get("/business_lines/games").get_json()["archived_at"] is None
