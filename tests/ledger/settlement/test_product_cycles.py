"""Per-product settlement cycles (issue #56): a product settled T+N waits N days after its order completes,
whatever its clearing rule says (the longer hold counts), and the partner's cycle then pays it with the rest; an
order of a T+N product and an ordinary one settles the ordinary part now and the other later."""

from __future__ import annotations

from tests.support.books import completed_order, ledger_sums, run_settlements, set_rule


def _mine(settlements: list[dict]) -> dict | None:
    return next((s for s in settlements if s["partner"] == "self"), None)


def _settle_t_plus(api, days: int | None) -> None:
    answer = api.patch("/products/prod_test_membership", json={"settlement_delay_days": days})
    assert answer.status_code == 200, answer.json
    assert answer.json["settlement_delay_days"] == days


def test_a_product_settled_t_plus_3_waits_three_days_after_its_order_completes(app, api, catalog, sandbox, worker):
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    _settle_t_plus(api, 3)
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # 999, the sandbox's fee 59

    assert _mine(run_settlements(api, worker, days_ahead=2)) is None  # day 2: nothing of it is due
    settled = _mine(run_settlements(api, worker, days_ahead=3.1))
    assert (settled["gross"], settled["fees"], settled["net"]) == (999, 59, 940)
    assert _mine(run_settlements(api, worker, days_ahead=10)) is None  # settled once
    assert ledger_sums(app) == {"usd": 0}


def test_the_longer_of_the_rule_hold_and_the_products_t_plus_n_counts(app, api, catalog, sandbox, worker):
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    set_rule(api, catalog["sku"], [("self", 10000)], hold_days=5)
    _settle_t_plus(api, 2)
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    assert _mine(run_settlements(api, worker, days_ahead=4)) is None
    assert _mine(run_settlements(api, worker, days_ahead=5.1))["net"] == 940


def test_an_order_of_a_t_plus_n_product_and_an_ordinary_one_settles_in_two_parts(app, api, catalog, sandbox, worker):
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    _settle_t_plus(api, 7)
    ordinary = api.post(
        "/products",
        json={"name": "Soundtrack", "skus": [{"name": "Download", "price": {"amount": 500, "currency": "usd"}}]},
    )
    assert ordinary.status_code == 201, ordinary.json
    assert ordinary.json["settlement_delay_days"] is None
    completed_order(api, sandbox, worker, [(catalog["sku"], 1), (ordinary.json["skus"][0]["id"], 1)])

    now = _mine(run_settlements(api, worker, days_ahead=1))
    later = _mine(run_settlements(api, worker, days_ahead=7.1))
    assert (now["gross"], later["gross"]) == (500, 999)  # each line on its own day
    assert now["net"] + later["net"] + now["fees"] + later["fees"] == 1499  # the whole order, once
    assert ledger_sums(app) == {"usd": 0}


def test_a_t_plus_n_that_is_not_a_number_of_days_is_refused_with_what_to_send(api, catalog):
    for wrong in (-1, 366, "3", 2.5, True):
        refused = api.patch("/products/prod_test_membership", json={"settlement_delay_days": wrong})
        assert refused.status_code == 400, (wrong, refused.json)
        assert refused.json["error"]["param"] == "settlement_delay_days", refused.json
    assert api.get("/products/prod_test_membership").json["settlement_delay_days"] is None
    _settle_t_plus(api, 0)
    _settle_t_plus(api, None)  # back to the clearing rule's hold


def test_the_portal_product_form_sets_the_t_plus_n(api, portal, catalog):
    editor = portal
    page = editor.text("/portal/products/prod_test_membership")
    assert "Settle T+N" in page
    fields = {"name": "Pro membership", "description": "", "attributes": "", "status": "active"}
    refused = editor.post("/portal/products/prod_test_membership", {**fields, "settlement_delay_days": "400"})
    assert refused.status_code == 422 and "from 0 to 365" in refused.get_data(as_text=True)
    saved = editor.post("/portal/products/prod_test_membership", {**fields, "settlement_delay_days": "14"})
    assert saved.status_code == 302
    assert api.get("/products/prod_test_membership").json["settlement_delay_days"] == 14
    cleared = editor.post("/portal/products/prod_test_membership", {**fields, "settlement_delay_days": ""})
    assert cleared.status_code == 302
    assert api.get("/products/prod_test_membership").json["settlement_delay_days"] is None
