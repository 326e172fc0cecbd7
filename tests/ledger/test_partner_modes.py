"""A test secret key never steers live money. Test keys end up in CI configs and with contractors, so what they
change must stay in the test world: a partner's payout account and rolling reserve are kept per mode (a test key
reads and writes the test ones, live settlements pay to the live account), and a test settlement run cannot push
its cursor to where no later test line is ever settled."""

from __future__ import annotations

from datetime import timedelta

from tests.ledger.settlement.test_settlement import _sent_to
from tests.support.books import add_partner, completed_order, run_settlements, set_rule
from tests.web.api.test_livemode import credit, live_key

CUSTOMER = "cus_both_worlds"  # the customer test_livemode's ``credit`` fills the wallet of


def _live_completed_order(app, live, merchant, sku: str, worker) -> dict:
    """A live order paid from the customer's live wallet, fulfilled, confirmed and cleared."""
    credit(app, merchant.id, True, 5000)
    order = live.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": CUSTOMER}, "agreement_accepted": True},
    ).json
    assert live.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    worker()  # fulfilled
    assert live.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared
    return live.get(f"/orders/{order['id']}").json


def _live_settlements(app, merchant) -> list[str]:
    """The settlement sweep cuts the live settlements due by tomorrow (as the cron does once their day is over)."""
    from app.payments.payouts.settling import settle_due
    from app.platform.db.types import utcnow

    with app.app_context():
        return settle_due(merchant_id=merchant.id, livemode=True, until=utcnow() + timedelta(days=1))


def _live_payout(live, partner: str) -> dict:
    found = live.get("/settlements", query_string={"partner": partner}).json["data"]
    assert len(found) == 1, found
    return found[0]


def test_a_test_key_changing_a_partners_payout_account_never_redirects_its_live_payouts(
    app, client, api, merchant, catalog, sandbox, worker
):
    live = live_key(app, client, merchant, "secret")
    studio = add_partner(live, "Northwind Studio", payout_account="acct_northwind_live")
    set_rule(live, catalog["sku"], [(studio["id"], 10000)])
    # A leaked test key tries to send the studio's money elsewhere: it changes the test account only.
    changed = api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_thief_0001"})
    assert changed.status_code == 200 and changed.json["payout_account"] == "acct_thief_0001"
    assert api.get(f"/partners/{studio['id']}").json["payout_account"] == "acct_thief_0001"
    assert live.get(f"/partners/{studio['id']}").json["payout_account"] == "acct_northwind_live"
    assert {p["id"]: p["payout_account"] for p in live.get("/partners").json["data"]}[
        studio["id"]
    ] == "acct_northwind_live"

    _live_completed_order(app, live, merchant, catalog["sku"], worker)
    assert len(_live_settlements(app, merchant)) == 1
    assert _live_payout(live, studio["id"])["payout"]["destination"] == "acct_northwind_live"

    # Test settlements pay the test account, at the sandbox.
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    (settled,) = run_settlements(api, worker)
    assert settled["payout"]["destination"] == "acct_thief_0001"
    assert _sent_to(app, sandbox, settled["payout"]["id"]) == ["acct_thief_0001"]


def test_a_partner_a_test_key_adds_has_no_live_account_and_a_test_key_never_releases_a_live_payout(
    app, client, api, merchant, catalog, worker
):
    live = live_key(app, client, merchant, "secret")
    studio = add_partner(api, "Contractor Studio", payout_account="acct_contractor_1")
    assert live.get(f"/partners/{studio['id']}").json["payout_account"] is None
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])  # SKU clearing is shared by both modes

    _live_completed_order(app, live, merchant, catalog["sku"], worker)
    assert len(_live_settlements(app, merchant)) == 1
    waiting = _live_payout(live, studio["id"])["payout"]
    assert (waiting["destination"], waiting["status"]) == (None, "pending")  # live money waits for a live account

    # Giving it a payout account under a test key releases test payouts only: the live one still waits.
    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_thief_0002"}).status_code == 200
    assert _live_payout(live, studio["id"])["payout"]["destination"] is None
    assert live.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_studio_live"}).status_code == 200
    assert _live_payout(live, studio["id"])["payout"]["destination"] == "acct_studio_live"


def test_a_failed_live_payout_sent_again_goes_to_the_live_account_not_the_one_a_test_key_set(
    app, client, api, merchant, catalog, worker
):
    """'Send again' takes the partner's account as it is now: of the settlement's mode, never the test one."""
    from sqlalchemy import update

    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.channels.interface import PayoutResult
    from app.payments.payouts.services import apply_payout_result

    live = live_key(app, client, merchant, "secret")
    studio = add_partner(live, "Northwind Studio", payout_account="acct_closed_live")
    set_rule(live, catalog["sku"], [(studio["id"], 10000)])
    _live_completed_order(app, live, merchant, catalog["sku"], worker)
    _live_settlements(app, merchant)
    payout = _live_payout(live, studio["id"])["payout"]
    with app.app_context():  # the live provider's bank refuses the account for good
        db.session.execute(update(Payout).where(Payout.id == payout["id"]).values(max_tries=1))
        db.session.commit()
        apply_payout_result(
            PayoutResult("pp_live_1", payout["id"], "failed", payout["amount"], "usd", "account closed")
        )
    assert _live_payout(live, studio["id"])["status"] == "failed"

    # Finance fixes the live account; then a test key sets an account of its own, and finance sends again.
    assert live.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_northwind_live"}).status_code == 200
    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_thief_0003"}).status_code == 200
    settlement = _live_payout(live, studio["id"])["id"]
    assert api.post(f"/settlements/{settlement}/retry_payout").status_code == 404  # a test key sees no live one
    again = live.post(f"/settlements/{settlement}/retry_payout")
    assert again.status_code == 200 and again.json["payout"]["destination"] == "acct_northwind_live"


def test_a_test_key_sets_the_test_reserve_and_live_settlements_hold_back_the_live_one(
    app, client, api, merchant, catalog, sandbox, worker
):
    live = live_key(app, client, merchant, "secret")
    studio = add_partner(
        live, "Northwind Studio", payout_account="acct_northwind_live", reserve_bps=1000, reserve_days=30
    )
    set_rule(live, catalog["sku"], [(studio["id"], 10000)])
    # A test key holding back all of a studio's live money for a year, or dropping the merchant's reserve: test only.
    held = api.patch(f"/partners/{studio['id']}", json={"reserve_bps": 10000, "reserve_days": 365})
    assert (held.json["reserve_bps"], held.json["reserve_days"]) == (10000, 365)
    shown = live.get(f"/partners/{studio['id']}").json
    assert (shown["reserve_bps"], shown["reserve_days"]) == (1000, 30)

    order = _live_completed_order(app, live, merchant, catalog["sku"], worker)
    _live_settlements(app, merchant)
    settled = _live_payout(live, studio["id"])
    assert (
        settled["reserve_held"] == settled["net"] // 10
        and settled["payout"]["amount"] == settled["net"] - settled["net"] // 10
    ), order["id"]

    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    (test_settled,) = run_settlements(api, worker)
    assert test_settled["reserve_held"] == test_settled["net"] and test_settled["payout"] is None


def test_a_test_settlement_run_far_in_the_future_is_refused_and_later_test_orders_still_settle(
    app, client, api, merchant, catalog, sandbox, worker
):
    live = live_key(app, client, merchant, "secret")
    api.patch("/partners/self", json={"payout_account": "acct_acme_test"})
    live.patch("/partners/self", json={"payout_account": "acct_acme_live"})
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    _live_completed_order(app, live, merchant, catalog["sku"], worker)

    for far in ("9999-12-31T23:59:59Z", 253402300799, "2200-01-01T00:00:00Z"):
        refused = api.post("/settlements/run", json={"until": far})
        assert refused.status_code == 400 and refused.json["error"]["param"] == "until", (far, refused.json)
    assert len(run_settlements(api, worker, days_ahead=700)) == 1  # a hold or reserve of a year or two can be seen

    # The test cursor stands 700 days ahead: a later test order settles once a run reaches past it.
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)], customer="cus_later")
    assert run_settlements(api, worker, days_ahead=1) == []
    assert len(run_settlements(api, worker, days_ahead=701)) == 1
    # Live settlements were never touched by the test runs: today's live order is cut by the live sweep.
    assert len(_live_settlements(app, merchant)) == 1


def test_a_test_key_cannot_use_up_the_partners_live_mode_may_add(api, app, client, merchant, monkeypatch):
    from app.ledger import partners

    monkeypatch.setattr(partners, "MAX_PARTNERS", 3)
    for n in range(3):
        add_partner(api, f"CI studio {n}", payout_account=None)
    refused = api.post("/partners", json={"name": "CI studio 3", "payout_account": None})
    assert refused.status_code == 400 and "at most 3 partners in test mode" in refused.json["error"]["message"]

    live = live_key(app, client, merchant, "secret")
    studio = live.post("/partners", json={"name": "Real studio", "payout_account": "acct_studio_0001"})
    assert studio.status_code == 201, studio.json
    assert len(live.get("/partners").json["data"]) == 5  # self, the three test ones and the live one: one list
