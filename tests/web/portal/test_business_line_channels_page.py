"""Settings → Business lines → Channels: a line's own channel settings in the portal, audited, with errors by the
field they are about."""

from __future__ import annotations

from tests.conftest import Api


def _form(**fields: str) -> dict:
    """Every channel on the merchant's setting (as the page first shows), with ``fields`` changed."""
    form = {f"inherit-{code}": "yes" for code in ("sandbox_card", "sandbox_qr", "stripe", "wallet")}
    form |= {f"priority-{code}": "" for code in ("sandbox_card", "sandbox_qr", "stripe", "wallet")}
    for name, value in fields.items():
        if value is None:
            form.pop(name, None)
        else:
            form[name] = value
    return form


def _line_channels(api, line_id: str) -> dict:
    return {c["code"]: c for c in api.get(f"/business_lines/{line_id}/channels").get_json()["data"]}


def test_a_merchant_sets_and_clears_a_lines_channels_in_the_portal(app, merchant, portal, api):
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    listing = portal.text("/portal/settings/business_lines")
    assert f'href="/portal/settings/business_lines/{line["id"]}/channels"' in listing

    page = portal.text(f"/portal/settings/business_lines/{line['id']}/channels")
    assert "Channels of the business line Games" in page
    assert "Use the merchant's setting for Card (sandbox)" in page
    assert 'id="inherit-sandbox_card" name="inherit-sandbox_card" value="yes" checked' in page

    saved = portal.post(
        f"/portal/settings/business_lines/{line['id']}/channels",
        _form(
            **{
                "inherit-sandbox_qr": None,
                "enabled-sandbox_qr": "yes",
                "priority-sandbox_qr": "1",
                "inherit-sandbox_card": None,  # unchecked "Offer …": off in this line
            }
        ),
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)
    shown = _line_channels(api, line["id"])
    assert shown["sandbox_qr"]["overrides"] == {"enabled": True, "priority": 1}
    assert shown["sandbox_card"]["overrides"] == {"enabled": False, "priority": None}
    assert shown["wallet"]["inherited"] is True
    page = portal.text(saved.headers["Location"])
    assert "Saved the channels of the business line Games." in page
    assert page.index('id="inherit-sandbox_qr"') < page.index('id="inherit-sandbox_card"')  # the line's order
    assert 'name="priority-sandbox_qr" value="1"' in page

    cleared = portal.post(f"/portal/settings/business_lines/{line['id']}/channels", _form())
    assert cleared.status_code == 302
    assert all(c["inherited"] for c in _line_channels(api, line["id"]).values())
    audit = portal.text("/portal/audit?action=business_line.channels")
    assert audit.count("business_line.channels") >= 2


def test_a_bad_priority_is_said_next_to_its_field_and_saves_nothing(app, merchant, portal, api):
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    for typed in ("first", "10001", "-3"):
        refused = portal.post(
            f"/portal/settings/business_lines/{line['id']}/channels",
            _form(**{"inherit-wallet": None, "enabled-wallet": "yes", "priority-wallet": typed}),
        )
        assert refused.status_code == 422
        page = refused.get_data(as_text=True)
        assert 'id="priority-wallet-error"' in page and "Priority must be a whole number from 0" in page
        assert f'name="priority-wallet" value="{typed}"' in page  # what was typed stays to be fixed
        assert 'id="inherit-wallet" name="inherit-wallet" value="yes" checked' not in page
    assert _line_channels(api, line["id"])["wallet"]["inherited"] is True


def test_an_archived_line_and_another_merchants_line(app, merchant, other_merchant, portal, api, client):
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    api.post(f"/business_lines/{line['id']}/archive")
    assert "This line is archived" in portal.text(f"/portal/settings/business_lines/{line['id']}/channels")
    refused = portal.post(f"/portal/settings/business_lines/{line['id']}/channels", _form(**{"inherit-wallet": None}))
    assert refused.status_code == 422 and "is archived: its channels cannot change" in refused.get_data(as_text=True)

    theirs = Api(client, other_merchant.secret_key).post("/business_lines", json={"code": "x", "name": "X"}).get_json()
    assert portal.get(f"/portal/settings/business_lines/{theirs['id']}/channels").status_code == 404
    assert portal.post(f"/portal/settings/business_lines/{theirs['id']}/channels", _form()).status_code == 404
