"""Settings → Business lines in the portal: empty state, add, rename, archive after a confirmation."""

from __future__ import annotations

from tests.conftest import Api


def test_a_merchant_manages_lines_in_the_portal(app, merchant, portal):
    empty = portal.text("/portal/settings/business_lines")
    assert "No business lines yet." in empty

    refused = portal.post("/portal/settings/business_lines", {"code": "Games!", "name": "Games"})
    assert refused.status_code == 422 and "code is 1 to 40 lowercase letters" in refused.get_data(as_text=True)
    assert portal.post("/portal/settings/business_lines", {"code": "games", "name": "Games"}).status_code == 302
    page = portal.text("/portal/settings/business_lines")
    assert "<code>games</code>" in page and "No business lines yet." not in page
    line_id = page.split('id="rename-')[1].split('"')[0]

    assert portal.post(f"/portal/settings/business_lines/{line_id}/rename", {"name": "Games & apps"}).status_code == 302
    assert "Games &amp; apps" in portal.text("/portal/settings/business_lines")

    asked = portal.post(f"/portal/settings/business_lines/{line_id}/archive", {})
    assert asked.status_code == 200 and "Archive the business line" in asked.get_data(as_text=True)
    assert "active" in portal.text("/portal/settings/business_lines")
    done = portal.post(f"/portal/settings/business_lines/{line_id}/archive", {"confirmed": "yes"})
    assert done.status_code == 302
    assert "archived" in portal.text("/portal/settings/business_lines")
    assert "business_line.archive" in portal.text("/portal/audit?action=business_line.archive")


def test_another_merchants_line_is_not_found_in_the_portal(app, merchant, other_merchant, portal, client):
    line = Api(client, other_merchant.secret_key).post("/business_lines", json={"code": "x", "name": "X"}).get_json()
    assert portal.get(f"/portal/settings/business_lines/{line['id']}/archive").status_code == 404
