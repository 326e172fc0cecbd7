"""Clearing and order split (issue 11): a completed order's money is split among its partners by each line's
rule, the channel's and the platform's fees taken off first, every part exact; a refund after clearing reverses
the parts in proportion. Numbers below are worked out by hand, not by the code under test."""

from __future__ import annotations

from tests.support.books import add_partner, completed_order, ledger_sums, partner_lines, run_settlements, set_rule


def _platform_fee(app, merchant_id: str, bps: int) -> None:
    """The operator sets the platform's fee on the merchant, with the CLI."""
    result = app.test_cli_runner().invoke(args=["kassa", "platform-fee", "--merchant", merchant_id, "--bps", str(bps)])
    assert result.exit_code == 0, result.output


def test_an_order_of_two_partners_is_split_into_sub_orders_and_cleared_exactly(
    app, api, merchant, catalog, sandbox, worker
):
    studio = add_partner(api, "Northwind Studio")
    assert set_rule(api, catalog["sku"], [(studio["id"], 7000), ("self", 3000)]).status_code == 200
    _platform_fee(app, merchant.id, 100)  # 1 %

    order = completed_order(api, sandbox, worker, [(catalog["sku"], 2), (catalog["limited_sku"], 1)])
    assert order["status"] == "completed" and order["amount"]["total"] == 4498

    # The lines clear two ways, so the order carries two sub-orders: the studio's (its 70 % line) and the merchant's.
    subs = {s["partner"]: s for s in order["sub_orders"]}
    assert set(subs) == {studio["id"], "self"}
    assert [i["sku"] for i in subs[studio["id"]]["items"]] == [catalog["sku"]]
    assert subs[studio["id"]]["amount"]["total"] == 1998 and subs["self"]["amount"]["total"] == 2500

    # Sandbox fee 30 + 2.9 % of 4498 = 160 and platform fee 1 % = 45, spread over the lines 1998 : 2500 →
    # channel 71 + 89, platform 20 + 25. Line 1 (1998, fees 91) splits 70/30: shares 1399/599, fees 64/27.
    # Line 2 (2500, fees 114) is all the merchant's.
    assert partner_lines(app, merchant.id, studio["id"]) == 1399 - 64
    assert partner_lines(app, merchant.id, "self") == (599 - 27) + (2500 - 114)
    assert ledger_sums(app) == {"usd": 0}
    assert api.get("/balance").json["available"] == [{"amount": 572 + 2386, "currency": "usd"}]

    # Each partner's statement shows every line's gross share and its fee, by SKU and the line's sub-order (line 1
    # is in the studio's sub-order: its rule gives it the most).
    settlements = {s["partner"]: s for s in run_settlements(api, worker)}

    def statement(partner: str) -> list[tuple]:
        lines = api.get(f"/settlements/{settlements[partner]['id']}/lines").json["data"]
        return [(line["kind"], line["sku"], line["sub_order"], line["amount"]["amount"]) for line in lines]

    studio_sub, own_sub = subs[studio["id"]]["id"], subs["self"]["id"]
    assert statement(studio["id"]) == [
        ("share", catalog["sku"], studio_sub, 1399),
        ("fee", catalog["sku"], studio_sub, -64),
    ]
    assert statement("self") == [
        ("share", catalog["sku"], studio_sub, 599),
        ("fee", catalog["sku"], studio_sub, -27),
        ("share", catalog["limited_sku"], own_sub, 2500),
        ("fee", catalog["limited_sku"], own_sub, -114),
    ]


def test_a_refund_after_clearing_reverses_every_part_in_proportion(app, api, merchant, catalog, sandbox, worker):
    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 5000), ("self", 5000)])
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # $9.99, fee 30 + 29 = 59
    # 999 - 59 = 940 kept: the studio and the merchant get 500/499 gross and bear 30/29 of the fee: 470 each.
    assert partner_lines(app, merchant.id, studio["id"]) == 470
    assert partner_lines(app, merchant.id, "self") == 470

    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 500}).status_code == 201
    # The channel gives back round(59 × 500 / 999) = 30 of its fee; the other 470 comes from the two halves.
    assert partner_lines(app, merchant.id, studio["id"]) == 470 - 235
    assert partner_lines(app, merchant.id, "self") == 470 - 235
    assert api.post(f"/orders/{order['id']}/refunds", json={}).status_code == 201  # the rest
    assert partner_lines(app, merchant.id, studio["id"]) == 0
    assert partner_lines(app, merchant.id, "self") == 0
    assert ledger_sums(app) == {"usd": 0}
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"


def test_a_refund_before_completion_leaves_only_the_rest_to_clear(app, api, merchant, catalog, sandbox, worker):
    from tests.support.lifecycle import paid_order

    order = paid_order(api, sandbox, catalog["limited_sku"])  # $25.00, fee 30 + 73 = 103
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 1000}).status_code == 201
    worker()
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()
    # 1500 kept; the refund already got back round(103 × 1000 / 2500) = 41 of the fee, so 62 is left to bear.
    assert partner_lines(app, merchant.id, "self") == 1500 - 62


def test_an_order_is_cleared_once_whoever_asks(app, api, merchant, catalog, sandbox, worker):
    from app.payments.clearing import clear_orders, sweep_completed_orders

    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    with app.app_context():
        assert clear_orders([order["id"]]) == 0
        assert sweep_completed_orders() == 0 and sweep_completed_orders(within=None) == 0
    assert partner_lines(app, merchant.id, "self") == 999 - 59


def test_clearing_rules_are_checked_where_they_are_set(api, other_merchant, client, catalog):
    from tests.conftest import Api

    theirs = add_partner(Api(client, other_merchant.secret_key), "Their studio")
    cases = [
        ({"splits": [{"partner": "self", "share_bps": 6000}]}, "clearing.splits", "add up to 10000"),
        ({"splits": [{"partner": "ptn_nope", "share_bps": 10000}]}, "clearing.splits", "no partner"),
        ({"splits": [{"partner": theirs["id"], "share_bps": 10000}]}, "clearing.splits", "no partner"),
        ({"splits": [{"partner": "self", "share_bps": 10000}], "hold_days": 400}, "clearing.hold_days", "0 to 365"),
        ({"partner": "self", "ratio_bps": 10000}, "clearing", "splits"),
    ]
    for rule, param, message in cases:
        answer = api.patch(f"/skus/{catalog['sku']}", json={"clearing": rule})
        assert answer.status_code == 400, rule
        assert answer.json["error"]["param"] == param and message in answer.json["error"]["message"], answer.json


def test_partners_are_the_merchants_own(api, client, other_merchant):
    from tests.conftest import Api

    studio = add_partner(api, "Northwind Studio", cycle="weekly", reserve_bps=1000, reserve_days=30)
    assert studio["cycle"] == "weekly" and studio["reserve_bps"] == 1000
    listed = api.get("/partners").json["data"]
    assert [p["id"] for p in listed] == ["self", studio["id"]] and listed[0]["self"] is True
    assert Api(client, other_merchant.secret_key).get(f"/partners/{studio['id']}").status_code == 404
    bad = api.post("/partners", json={"name": "x", "payout_account": "!"})
    assert bad.status_code == 400 and bad.json["error"]["param"] == "payout_account"
    assert api.patch("/partners/self", json={"cycle": "hourly"}).json["error"]["param"] == "cycle"
    assert api.patch("/partners/self", json={"payout_account": "acct_me_0001"}).json["payout_account"] == "acct_me_0001"


def test_the_sweep_clears_an_order_whose_own_clearing_was_missed(
    app, api, merchant, catalog, sandbox, worker, monkeypatch
):
    """A refund was in flight when the order completed, so its order.completed handler had nothing to clear;
    the refund settles later (the order back to completed, with no new event) and the sweep clears it."""
    from app.payments.clearing import sweep_completed_orders
    from app.payments.refunds.sweep import resume_pending_refunds
    from tests.conftest import free_port
    from tests.support.lifecycle import paid_order

    order = paid_order(api, sandbox, catalog["sku"])
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 99}).json["refund"]["status"] == "pending"
    worker()  # order.completed is handled while the order is refunding: nothing is cleared
    assert partner_lines(app, merchant.id, "self") == 0
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    with app.app_context():
        assert resume_pending_refunds(older_than_seconds=0) == 1
        assert sweep_completed_orders() == 1
    # 999 - 99 kept; the sandbox's fee of 59 less the 6 its refund got back (round(59 × 99 / 999)).
    assert partner_lines(app, merchant.id, "self") == 900 - 53


def test_a_cheap_line_shared_three_ways_clears_no_partner_below_zero_and_refunds(
    app, api, merchant, catalog, sandbox, worker
):
    """A 32-cent item keeps 1 cent after the sandbox's 31-cent fee. Split 11/33/56 %, the shares are 3/11/18 and the
    fees, split by the same percentages, would be 4/10/17 (largest remainder on a smaller amount moves a unit the
    other way): the first partner netted -1, and every refund of the order then failed with a 500."""
    first, second = add_partner(api, "Northwind Studio"), add_partner(api, "Fabrikam Voices")
    assert api.patch(f"/skus/{catalog['sku']}", json={"price": {"amount": 32, "currency": "usd"}}).status_code == 200
    assert set_rule(api, catalog["sku"], [(first["id"], 1100), (second["id"], 3300), ("self", 5600)]).status_code == 200
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    owed = [partner_lines(app, merchant.id, p) for p in (first["id"], second["id"], "self")]
    assert sum(owed) == 1 and min(owed) >= 0  # what the order kept, and no partner owes for selling

    refund = api.post(f"/orders/{order['id']}/refunds", json={})
    assert refund.status_code == 201, refund.json
    assert [partner_lines(app, merchant.id, p) for p in (first["id"], second["id"], "self")] == [0, 0, 0]
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"
    assert ledger_sums(app) == {"usd": 0}
