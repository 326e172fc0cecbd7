"""A business line's own channel settings through the API (issue #56): read, set, inherit, clear; checked input;
scoped by merchant and by a line-scoped key."""

from __future__ import annotations

import pytest

from tests.conftest import Api
from tests.merchants.test_line_scoped_keys import _scoped_key
from tests.web.api.test_openapi import check

ALL = ["sandbox_card", "sandbox_qr", "stripe", "wallet"]  # every built-in channel at the default priority, by code
WALLET_OFF = {"channels": [{"code": "wallet", "enabled": False}]}


def _line(api, code: str = "games") -> dict:
    made = api.post("/business_lines", json={"code": code, "name": code.title()})
    assert made.status_code == 201, made.get_json()
    return made.get_json()


def _channels(api, line: str):
    answer = api.get(f"/business_lines/{line}/channels")
    assert answer.status_code == 200, answer.get_json()
    return answer.get_json()


def _by_code(listing: dict) -> dict:
    return {channel["code"]: channel for channel in listing["data"]}


def test_a_line_inherits_the_merchants_channels_until_it_sets_its_own(app, api, merchant):
    from app.audit.models import AuditEntry
    from app.extensions import db
    from app.payments.channels.configs import configure_channel

    line = _line(api)
    listing = _channels(api, line["id"])
    assert listing["object"] == "list" and listing["business_line"] == line["id"]
    assert [c["code"] for c in listing["data"]] == ALL
    card = _by_code(listing)["sandbox_card"]
    assert card == {
        "object": "line_channel",
        "code": "sandbox_card",
        "name": "Card (sandbox)",
        "enabled": True,
        "priority": 100,
        "inherited": True,
        "overrides": {"enabled": None, "priority": None},
    }

    changed = api.put(
        f"/business_lines/{line['id']}/channels",
        json={"channels": [{"code": "sandbox_qr", "priority": 1}, {"code": "sandbox_card", "enabled": False}]},
    )
    assert changed.status_code == 200, changed.get_json()
    assert [c["code"] for c in changed.get_json()["data"]] == ["sandbox_qr", "sandbox_card", "stripe", "wallet"]
    shown = _by_code(_channels(api, "games"))  # by its code too
    assert shown["sandbox_qr"]["priority"] == 1 and shown["sandbox_qr"]["enabled"] is True
    assert shown["sandbox_qr"]["inherited"] is False
    assert shown["sandbox_qr"]["overrides"] == {"enabled": None, "priority": 1}
    assert shown["sandbox_card"]["enabled"] is False and shown["sandbox_card"]["priority"] == 100
    assert shown["wallet"]["inherited"] is True

    # A field left out keeps what it has; a merchant's change shows through what the line inherits.
    api.put(f"/business_lines/{line['id']}/channels", json={"channels": [{"code": "sandbox_qr", "enabled": True}]})
    with app.app_context():
        configure_channel(merchant.id, "sandbox_card", priority=7, enabled=True)
    shown = _by_code(_channels(api, line["id"]))
    assert shown["sandbox_qr"]["overrides"] == {"enabled": True, "priority": 1}
    assert shown["sandbox_card"]["priority"] == 7 and shown["sandbox_card"]["enabled"] is False  # the line's own

    # null clears: the line follows the merchant again.
    cleared = api.put(
        f"/business_lines/{line['id']}/channels",
        json={
            "channels": [
                {"code": "sandbox_qr", "enabled": None, "priority": None},
                {"code": "sandbox_card", "enabled": None},
            ]
        },
    ).get_json()["data"]
    assert all(c["inherited"] for c in cleared)
    assert [c["code"] for c in cleared] == ["sandbox_card", "sandbox_qr", "stripe", "wallet"]
    assert cleared[0]["priority"] == 7 and cleared[0]["enabled"] is True

    with app.app_context():
        actions = db.session.query(AuditEntry.action).filter_by(object_id=line["id"]).all()
        assert [a for (a,) in actions].count("business_line.channels") == 3


@pytest.mark.parametrize(
    "body, param, words",
    [
        ({"channels": [{"code": "carrier_pigeon", "enabled": True}]}, "channels[0].code", "unknown channel"),
        ({"channels": [{"code": "sandbox_card", "priority": 10_001}]}, "channels[0].priority", "at most 10000"),
        ({"channels": [{"code": "sandbox_card", "priority": -1}]}, "channels[0].priority", "at least 0"),
        ({"channels": [{"code": "sandbox_card", "priority": "1"}]}, "channels[0].priority", "integer"),
        ({"channels": [{"code": "sandbox_card", "enabled": "yes"}]}, "channels[0].enabled", "true or false"),
        ({"channels": [{"enabled": True}]}, "channels[0].code", "required"),
        (
            {"channels": [{"code": "wallet", "enabled": False}, {"code": "wallet", "priority": 3}]},
            "channels[1].code",
            "named twice",
        ),
        ({"channels": "all"}, "channels", "array"),
        ({}, "channels", "required"),
    ],
)
def test_bad_line_channels_are_refused_naming_the_field_and_change_nothing(api, body, param, words):
    line = _line(api)
    refused = api.put(f"/business_lines/{line['id']}/channels", json=body)
    assert refused.status_code == 400, refused.get_json()
    error = refused.get_json()["error"]
    assert error["param"] == param and words in error["message"], error
    assert error["code"] == ("resource_missing" if words == "unknown channel" else "parameter_invalid")
    assert all(c["inherited"] for c in _channels(api, line["id"])["data"])


def test_an_archived_lines_channels_are_read_but_not_changed(api):
    line = _line(api)
    api.post(f"/business_lines/{line['id']}/archive")
    refused = api.put(f"/business_lines/{line['id']}/channels", json=WALLET_OFF)
    assert refused.status_code == 400
    error = refused.get_json()["error"]
    assert (error["code"], error["param"]) == ("business_line_archived", "id") and "archived" in error["message"]
    assert _by_code(_channels(api, line["id"]))["wallet"]["inherited"] is True


def test_another_merchants_line_is_not_found_and_a_publishable_key_is_refused(api, client, other_merchant, pk_api):
    line = _line(api)
    rival = Api(client, other_merchant.secret_key)
    assert rival.get(f"/business_lines/{line['id']}/channels").status_code == 404
    assert rival.put(f"/business_lines/{line['id']}/channels", json=WALLET_OFF).status_code == 404
    assert api.get("/business_lines/bl_nothing/channels").status_code == 404
    assert pk_api.get(f"/business_lines/{line['id']}/channels").status_code == 403
    assert _by_code(_channels(api, line["id"]))["wallet"]["inherited"] is True


def test_a_line_scoped_key_touches_only_its_own_lines_channels(api, client, portal):
    games, music = _line(api, "games"), _line(api, "music")
    scoped = Api(client, _scoped_key(portal, games["id"]))
    body = {"channels": [{"code": "sandbox_qr", "enabled": False}]}
    assert scoped.get(f"/business_lines/{games['id']}/channels").status_code == 200
    assert scoped.put(f"/business_lines/{games['id']}/channels", json=body).status_code == 200
    assert scoped.get(f"/business_lines/{music['id']}/channels").status_code == 404
    assert scoped.put(f"/business_lines/{music['id']}/channels", json=body).status_code == 404
    assert scoped.put("/business_lines/music/channels", json=body).status_code == 404
    assert _by_code(_channels(api, music["id"]))["sandbox_qr"]["inherited"] is True
    assert _by_code(_channels(api, games["id"]))["sandbox_qr"]["enabled"] is False


def test_the_same_idempotency_key_replays_a_put(api):
    line = _line(api)
    body = {"channels": [{"code": "sandbox_qr", "priority": 2}]}
    headers = {"Idempotency-Key": "line-channels-1"}
    first = api.put(f"/business_lines/{line['id']}/channels", json=body, headers=headers)
    again = api.put(f"/business_lines/{line['id']}/channels", json=body, headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.headers.get("Idempotent-Replayed") == "true" and again.get_json() == first.get_json()


def test_line_channel_answers_match_the_api_document(api, client):
    spec = client.get("/api/v1/openapi.json").get_json()
    line = _line(api)
    path = "/business_lines/{id}/channels"
    check(spec, "get", path, api.get(f"/business_lines/{line['id']}/channels"))
    check(spec, "put", path, api.put(f"/business_lines/{line['id']}/channels", json=WALLET_OFF))
    check(spec, "put", path, api.put(f"/business_lines/{line['id']}/channels", json={"channels": [{"code": 1}]}))
    check(spec, "get", path, api.get("/business_lines/bl_nothing/channels"))
