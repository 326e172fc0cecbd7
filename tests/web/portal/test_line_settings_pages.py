"""Business lines in the portal, past their list (issue #56): a line's own settings, risk rules for one line, and
the subscriptions list filtered by line, as a merchant's team uses them."""

from __future__ import annotations

import re

from app.web.portal import subscriptions_views
from tests.conftest import Api


def _line(api, code: str) -> dict:
    return api.post("/business_lines", json={"code": code, "name": code.title()}).get_json()


def _sku(api, line: str | None, price: int = 500, *, subscription: bool = False) -> str:
    sku = {"name": "One", "price": {"amount": price, "currency": "usd"}}
    if subscription:
        sku["subscription"] = {"interval": "month"}
    body = {"name": f"Item {line}", "skus": [sku], **({"business_line": line} if line else {})}
    made = api.post("/products", json=body)
    assert made.status_code == 201, made.get_json()
    return made.get_json()["skus"][0]["id"]


def test_a_merchant_sets_a_lines_own_settings(portal, api):
    games = _line(api, "games")
    listed = portal.text("/portal/settings/business_lines")
    edit_url = f"/portal/settings/business_lines/{games['id']}/edit"
    assert f'href="{edit_url}"' in listed and "Settings of games" in listed

    form = portal.text(edit_url)
    assert 'value="Games"' in form and "Name shoppers see" in form
    assert "Empty: your order policy (15 minutes)" in form and "(10080 minutes)" in form

    refused = portal.post(
        edit_url, {"name": "", "display_name": "x", "order_timeout_minutes": "0", "auto_confirm_minutes": "soon"}
    )
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "Enter the line&#39;s name." in page and "Use 1 to 1440 minutes" in page
    assert "Not a valid integer value." in page and 'aria-invalid="true"' in page
    assert api.get(f"/business_lines/{games['id']}").get_json()["display_name"] is None  # nothing saved

    saved = portal.post(
        edit_url,
        {
            "name": "Games & apps",
            "display_name": "Acme Arcade",
            "order_timeout_minutes": "30",
            "auto_confirm_minutes": "0",
        },
    )
    assert saved.status_code == 302, saved.get_data(as_text=True)
    line = api.get(f"/business_lines/{games['id']}").get_json()
    assert (line["name"], line["display_name"], line["order_timeout_minutes"], line["auto_confirm_minutes"]) == (
        "Games & apps",
        "Acme Arcade",
        30,
        0,
    )
    listed = portal.text("/portal/settings/business_lines")
    assert "Saved the settings of the business line Games &amp; apps." in listed
    assert "Shoppers see Acme Arcade" in listed
    again = portal.text(edit_url)
    assert 'value="Acme Arcade"' in again and 'value="30"' in again and 'value="0"' in again

    cleared = portal.post(
        edit_url, {"name": "Games", "display_name": "", "order_timeout_minutes": "", "auto_confirm_minutes": ""}
    )
    assert cleared.status_code == 302
    line = api.get(f"/business_lines/{games['id']}").get_json()
    assert (line["display_name"], line["order_timeout_minutes"], line["auto_confirm_minutes"]) == (None, None, None)
    assert "business_line.update" in portal.text("/portal/audit?action=business_line.update")


def test_another_merchants_line_has_no_settings_page(portal, client, other_merchant):
    line = Api(client, other_merchant.secret_key).post("/business_lines", json={"code": "x", "name": "X"}).get_json()
    assert portal.get(f"/portal/settings/business_lines/{line['id']}/edit").status_code == 404
    assert portal.post(f"/portal/settings/business_lines/{line['id']}/edit", {"name": "Mine"}).status_code == 404


def test_a_risk_rule_for_one_line_is_made_in_the_portal_and_judges_that_lines_orders_only(portal, api):
    assert 'name="business_line"' not in portal.text("/portal/risk")  # no lines: no line to choose
    games, music = _line(api, "games"), _line(api, "music")
    form = portal.text("/portal/risk")
    assert 'name="business_line"' in form and "Games (games)" in form and "Every line" in form

    def order(sku: str):
        body = {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_line_rule"}, "agreement_accepted": True}
        return api.post("/orders", json=body)

    game, song = _sku(api, "games", 1500), _sku(api, "music", 1500)
    assert order(game).status_code == 201 and order(song).status_code == 201  # last 30 days, one order each
    rule = {"kind": "amount_limit", "max_amount": "10.00", "currency": "usd", "action": "block"}
    tried = portal.post("/portal/risk/rules", {**rule, "business_line": games["id"], "preview": "1"})
    assert tried.status_code == 200
    assert re.search(r"would have\s+blocked <strong>1</strong>\s+of 1 orders", tried.get_data(as_text=True))

    assert portal.post("/portal/risk/rules", {**rule, "business_line": games["id"]}).status_code == 302
    [saved] = api.get("/risk/rules").get_json()["data"]
    assert saved["params"]["business_line"] == games["id"]
    assert "Business line Games (<code>games</code>) only" in portal.text("/portal/risk")

    assert order(game).status_code == 402  # the games line's order is blocked
    assert order(song).status_code == 201  # music's, and one of no line, are not judged by it
    assert order(_sku(api, None, 1500)).status_code == 201

    foreign = portal.post("/portal/risk/rules", {**rule, "business_line": "bl_not_mine"})
    assert foreign.status_code == 422 and "no business line" in foreign.get_data(as_text=True)
    assert len(api.get("/risk/rules").get_json()["data"]) == 1
    assert f'<option value="{music["id"]}">Music (music)</option>' in form  # any active line may have rules


def test_the_subscriptions_list_filters_by_line_and_keeps_it_across_pages(portal, api, monkeypatch):
    assert 'name="business_line"' not in portal.text("/portal/subscriptions")  # no lines: no filter
    games, _ = _line(api, "games"), _line(api, "music")
    club, album = _sku(api, "games", subscription=True), _sku(api, "music", subscription=True)

    def subscribe(sku: str, customer: str) -> str:
        made = api.post("/subscriptions", json={"sku": sku, "customer": {"id": customer}, "agreement_accepted": True})
        assert made.status_code == 201, made.get_json()
        return made.get_json()["subscription"]["id"]

    first_game, song, second_game = subscribe(club, "c1"), subscribe(album, "c2"), subscribe(club, "c3")
    listed = portal.text("/portal/subscriptions")
    assert all(s in listed for s in (first_game, song, second_game)) and '<th scope="col">Business line</th>' in listed

    monkeypatch.setattr(subscriptions_views, "PAGE_SIZE", 1)
    first_page = portal.text(f"/portal/subscriptions?business_line={games['id']}")
    assert second_game in first_page and song not in first_page and first_game not in first_page
    older = re.search(r'<a href="([^"]+)" rel="next">', first_page).group(1).replace("&amp;", "&")
    assert f"business_line={games['id']}" in older
    second_page = portal.text(older)
    assert first_game in second_page and song not in second_page

    unknown = portal.text("/portal/subscriptions?business_line=bl_not_mine")  # not offered: filters nothing
    assert second_game in unknown
