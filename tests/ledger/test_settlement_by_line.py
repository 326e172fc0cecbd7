"""A settlement of a merchant with business lines says what each line made (issue #56); the books stay balanced."""

from __future__ import annotations

from tests.support.books import completed_order, ledger_sums, run_settlements


def _product(api, name: str, line: str | None, price: int) -> str:
    body = {"name": name, "skus": [{"name": "One", "price": {"amount": price, "currency": "usd"}}]}
    if line:
        body["business_line"] = line
    made = api.post("/products", json=body)
    assert made.status_code == 201, made.get_json()
    return made.get_json()["skus"][0]["id"]


def test_a_settlement_is_split_by_line_and_adds_up(app, api, sandbox, worker):
    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    music = api.post("/business_lines", json={"code": "music", "name": "Music"}).get_json()
    game = _product(api, "Dragon saga", "games", 2000)
    song = _product(api, "Album", "music", 1000)
    plain = _product(api, "Gift card", None, 500)
    for sku in (game, song, plain):
        completed_order(api, sandbox, worker, [(sku, 1)])

    settlements = run_settlements(api, worker)
    assert len(settlements) == 1  # the merchant is paid once a cycle, whatever lines its money came from
    settlement = settlements[0]
    parts = {part["business_line"]: part for part in settlement["business_lines"]}
    assert set(parts) == {None, games["id"], music["id"]}
    assert parts[games["id"]]["gross"] == 2000 and parts[music["id"]]["gross"] == 1000 and parts[None]["gross"] == 500
    assert sum(part["net"] for part in parts.values()) == settlement["net"]
    assert all(
        part["net"] == part["gross"] - part["fees"] - part["refunds"] + part["adjustments"] for part in parts.values()
    )
    assert all(total == 0 for total in ledger_sums(app).values())


def test_a_merchant_without_lines_gets_its_settlement_as_before(app, api, sandbox, worker, catalog):
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    (settlement,) = run_settlements(api, worker)
    assert "business_lines" not in settlement


def test_the_dashboard_and_settlement_pages_show_one_line(app, merchant, api, sandbox, worker, portal):
    from datetime import datetime, timezone

    from app.payments.reports.dashboard import dashboard_report

    games = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    game = _product(api, "Dragon saga", "games", 2000)
    plain = _product(api, "Gift card", None, 500)
    completed_order(api, sandbox, worker, [(game, 1)])
    completed_order(api, sandbox, worker, [(plain, 1)])

    today = datetime.now(timezone.utc).date()
    with app.app_context():
        everything = dashboard_report(merchant.id, today, today, livemode=False)
        only_games = dashboard_report(merchant.id, today, today, livemode=False, business_line=games["id"])
    assert (everything.orders, everything.gmv) == (2, {"usd": 2500})
    assert (only_games.orders, only_games.gmv) == (1, {"usd": 2000})
    assert [(c.channel, c.attempts) for c in only_games.channels] == [("sandbox_card", 1)]
    page = portal.get(f"/portal/dashboard?range=today&business_line={games['id']}")
    assert page.status_code == 200 and "Show line" in page.get_data(as_text=True)

    (settlement,) = run_settlements(api, worker)
    shown = portal.text(f"/portal/settlements/{settlement['id']}")
    assert "By business line" in shown and "Games (games)" in shown and "No line (the whole business)" in shown
