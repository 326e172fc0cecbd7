"""The books in the portal, as a merchant's finance staff use them: add a partner, give an option a revenue split,
see an order's clearing, settle in test mode, read a settlement and download its statement, send a failed payout
again after confirming, and drill from the balance into an account's postings."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta, timezone

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.support.books import completed_order, decide_payout, set_rule


def _partner_id(api, name: str) -> str:
    return next(p["id"] for p in api.get("/partners").json["data"] if p["name"] == name)


def test_finance_adds_a_partner_and_splits_an_option_with_it(api, member, catalog, sandbox, worker):
    finance = member("finance")
    page = finance.text("/portal/partners")
    assert "Acme Games (you)" in page and "Clearing defaults" in page
    refused = finance.post("/portal/partners", {"name": "Northwind Studio", "payout_account": "!"})
    assert refused.status_code == 422 and "is the receiving account" in refused.get_data(as_text=True)
    added = finance.post(
        "/portal/partners",
        {
            "name": "Northwind Studio",
            "payout_account": "acct_northwind_01",
            "cycle": "weekly",
            "reserve_bps": "0",
            "reserve_days": "0",
        },
    )
    assert added.status_code == 302
    studio = _partner_id(api, "Northwind Studio")

    owner = member("owner")
    form = {
        "name": "30 days",
        "price": "9.99",
        "currency": "usd",
        "status": "active",
        "clearing_hold_days": "0",
        "clearing_split": "Northwind Studio: 60\nyou: 30",
    }
    short = owner.post(f"/portal/skus/{catalog['sku']}", form)
    assert short.status_code == 422 and "must add up to 10000" in short.get_data(as_text=True)
    saved = owner.post(f"/portal/skus/{catalog['sku']}", {**form, "clearing_split": "Northwind Studio: 60\nyou: 40"})
    assert saved.status_code == 302
    rule = api.get(f"/products/{catalog['product']}").json["skus"]
    assert any(
        s.get("clearing")
        == {"splits": [{"partner": studio, "share_bps": 6000}, {"partner": "self", "share_bps": 4000}], "hold_days": 0}
        for s in rule
    )

    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    shown = finance.text(f"/portal/orders/{order['id']}")
    assert "Cleared" in shown and studio in shown and "share" in shown


def _settled_in_the_portal(api, finance, catalog, sandbox, worker, account: str) -> dict:
    """The merchant's own settlement of one order, cut from the portal and its payout sent to ``account``."""
    api.patch("/partners/self", json={"payout_account": account})
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    assert finance.post("/portal/settlements/run").status_code == 302
    worker()
    return api.get("/settlements").json["data"][0]


def _refused_for_good(api, finance, sandbox, settlement: dict) -> None:
    """The bank refuses the settlement's payout, and it is not tried again by itself."""
    from sqlalchemy import update

    from app.extensions import db
    from app.ledger.books_models import Payout

    with finance.client.application.app_context():
        db.session.execute(update(Payout).values(max_tries=1))
        db.session.commit()
    decide_payout(sandbox, settlement["payout"]["id"], "failed")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "failed")


def test_a_settlement_is_read_downloaded_and_its_failed_payout_sent_again(api, member, catalog, sandbox, worker):
    finance = member("finance")
    settlement = _settled_in_the_portal(api, finance, catalog, sandbox, worker, "acct_acme_0001")
    page = finance.text(f"/portal/settlements/{settlement['id']}")
    assert "$9.99" in page and "$0.59" in page and "$9.40" in page  # gross, the sandbox's fee, net
    statement = finance.get(f"/portal/settlements/{settlement['id']}/statement.csv")
    assert statement.status_code == 200 and "net,940,usd,$9.40" in statement.get_data(as_text=True)

    _refused_for_good(api, finance, sandbox, settlement)
    ask = finance.get(f"/portal/settlements/{settlement['id']}/retry")
    assert ask.status_code == 200 and "Confirm: send again" in ask.get_data(as_text=True)
    assert finance.post(f"/portal/settlements/{settlement['id']}/retry").status_code == 302
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["tries"] == 2
    assert "settlement.retry_payout" in finance.text("/portal/audit")


def test_a_statement_runs_no_formula_in_a_spreadsheet(app, api, portal, merchant):
    # A partner named "=HYPERLINK(...)" (typed in the portal or sent by any holder of the API key) was written into the
    # statement as it was: the finance team, or the partner it is sent to, ran it opening the CSV.
    from tests.support.portal import _books_world

    with app.app_context():
        partner, settlement, _ = _books_world(merchant.id)
    evil = '=HYPERLINK("http://evil.example","statement")'
    assert api.patch(f"/partners/{partner}", json={"name": evil}).status_code == 200
    for statement in (
        portal.get(f"/portal/settlements/{settlement}/statement.csv").get_data(as_text=True),
        api.get(f"/settlements/{settlement}/statement.csv").get_data(as_text=True),
    ):
        rows = list(csv.reader(io.StringIO(statement)))
        assert rows[1] == ["partner", partner, "'" + evil], rows[1]


def test_the_balance_drills_down_to_postings(api, member, merchant, catalog, sandbox, worker):
    finance = member("finance")
    assert "No money has moved yet." in finance.text("/portal/balance")
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    page = finance.text("/portal/balance")
    assert "$9.40" in page and "partner:self:payable" in page
    account = finance.text("/portal/balance/accounts/partner:self:payable")
    assert order["id"] in account and "clearing" in account
    assert "Your share, to be paid out to you</h1>" in account  # the account in words, its ledger name below
    assert "$9.40" in account and "net of $0.59 fees" in account  # the share line is net; it says of what
    assert finance.get("/portal/balance/accounts/partner:nobody:payable").status_code == 404


def test_only_money_roles_see_the_books(member):
    developer = member("developer")
    for path in ("/portal/balance", "/portal/settlements", "/portal/partners"):
        assert developer.get(path).status_code == 403
    operator = member("operator")
    assert operator.post("/portal/partners", {"name": "x"}).status_code == 403


def test_finance_reconciles_a_day_and_resolves_what_it_found_with_a_note(api, member, catalog, sandbox, worker):
    import requests

    from tests.reconciliation.test_reconciliation import paid_order, today

    finance = member("finance")
    assert "Nothing to look at" in finance.text("/portal/reconciliation")
    _, payment = paid_order(api, sandbox, catalog["sku"])
    requests.post(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/tamper", json={"amount": 1}, timeout=10
    ).raise_for_status()

    refused = finance.post("/portal/reconciliation/runs", {"channel": "sandbox_card", "date": "2999-01-01"})
    assert refused.status_code == 422 and "in the future" in refused.get_data(as_text=True)
    started = finance.post("/portal/reconciliation/runs", {"channel": "sandbox_card", "date": today()})
    assert started.status_code == 302
    assert "still reading the statement" in finance.text(started.headers["Location"])
    worker()
    run_page = finance.text(started.headers["Location"])
    assert "Amount differs" in run_page and payment["id"] in run_page

    queue = finance.text("/portal/reconciliation")
    assert payment["id"] in queue and "$0.01" in queue and "$9.99" in queue
    [found] = api.get(
        f"/reconciliation_runs/{api.get('/reconciliation_runs').json['data'][0]['id']}/discrepancies"
    ).json["data"]
    resolve = f"/portal/reconciliation/discrepancies/{found['id']}/resolve"
    silent = finance.post(resolve, {"resolution": "accepted", "note": ""})
    assert silent.status_code == 422 and "3 to 500 characters" in silent.get_data(as_text=True)
    chosen = {"resolution": "accepted", "note": "Provider's test data, confirmed by mail"}
    asked = finance.post(resolve, chosen)
    assert asked.status_code == 200 and "Mark this discrepancy resolved?" in asked.get_data(as_text=True)
    assert finance.post(resolve, {**chosen, "confirmed": "yes"}).status_code == 302
    again = finance.post(resolve, {"resolution": "accepted", "note": "twice"})
    assert again.status_code == 422 and "already resolved" in again.get_data(as_text=True)

    assert "Nothing to look at" in finance.text("/portal/reconciliation")
    resolved = finance.text("/portal/reconciliation?status=resolved")
    assert "confirmed by mail" in resolved and "accepted" in resolved
    assert "discrepancy.resolve" in member("owner").text("/portal/audit")

    operator = member("operator")
    assert operator.get("/portal/reconciliation").status_code == 403


def test_the_portal_balance_read_while_an_order_clears_counts_its_money_once(
    app, api, sandbox, catalog, worker, portal
):
    """The portal's Balance page sums the buckets the API does, under one snapshot too."""
    from tests.platform.db.test_read_snapshot import cleared_while_read

    response, _ = cleared_while_read(
        app, api, sandbox, catalog, worker, "/portal/balance", lambda: portal.get("/portal/balance")
    )
    page = response.get_data(as_text=True)
    shown = tuple(
        re.sub(r"<[^>]+>", "", re.search(rf"<dt>{label} .*?</dt>\s*<dd>(.*?)</dd>", page, re.S).group(1))
        for label in ("Available", "Pending")
    )
    nothing_yet = "Nothing yet: see when pending money becomes available"
    assert shown in [(nothing_yet, "$29.97"), ("$28.80", "Nothing")], shown


def test_a_number_too_long_for_any_setting_is_refused_beside_its_field(api, member):
    """Thousands of digits in a reserve or a hold were a 500 (int() refuses a string of more than 4300 digits)."""
    finance = member("finance")
    huge = "9" * 5000
    for field in ("reserve_bps", "reserve_days"):
        refused = finance.post(
            "/portal/partners", {"name": "Longwind Studio", "payout_account": "acct_long_0001", field: huge}
        )
        assert refused.status_code == 422, field
        refused = finance.post("/portal/partners/self", {"payout_account": "acct_acme_0001", field: huge})
        assert refused.status_code == 422, field
    refused = finance.post(
        "/portal/partners/defaults",
        {"default_split": "you: 100", "default_hold_days": huge, "split_strategy": "partner"},
    )
    assert refused.status_code == 422 and "hold_days" in refused.get_data(as_text=True)
    assert "Longwind Studio" not in finance.text("/portal/partners")


def test_a_failed_payout_sent_again_without_an_account_says_it_waits_for_one(api, member, catalog, sandbox, worker):
    finance = member("finance")
    settlement = _settled_in_the_portal(api, finance, catalog, sandbox, worker, "acct_closed_0001")
    _refused_for_good(api, finance, sandbox, settlement)
    assert finance.post("/portal/partners/self", {"payout_account": ""}).status_code == 302  # the account is closed
    assert "no account yet" in finance.text(f"/portal/settlements/{settlement['id']}/retry")
    assert finance.post(f"/portal/settlements/{settlement['id']}/retry").status_code == 302
    page = finance.text(f"/portal/settlements/{settlement['id']}")
    assert "goes out as soon as the partner has a payout account" in page
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["destination"] is None

    assert finance.post("/portal/partners/self", {"payout_account": "acct_acme_0002"}).status_code == 302
    worker()
    with finance.client.application.app_context():
        from app.payments.payouts.services import resolve_payouts

        resolve_payouts()
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["destination"] == "acct_acme_0002"


def test_settlements_cut_while_redis_is_away_are_reported_cut_and_paid_by_the_sweep(
    app, api, member, catalog, sandbox, worker, monkeypatch
):
    """Redis went away after the settlements were committed: the portal answered 503 ("try again") for a run that
    had cut them, and trying again found nothing due."""
    from redis import Redis

    from app.payments.payouts.services import resolve_payouts
    from tests.conftest import free_port

    finance = member("finance")
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    redis = app.extensions["kassa_redis"]
    monkeypatch.setitem(
        app.extensions, "kassa_redis", Redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    )
    ran = finance.post("/portal/settlements/run")
    assert ran.status_code == 302
    assert "Cut 1 settlement" in finance.text("/portal/settlements")
    monkeypatch.setitem(app.extensions, "kassa_redis", redis)
    with app.app_context():
        assert resolve_payouts() == 1  # the cron sweep, once Redis is back
    assert api.get("/settlements").json["data"][0]["payout"]["provider_reference"]


def test_the_partner_pages_show_and_change_the_payout_account_of_the_portals_mode(app, client, api, merchant, member):
    """A partner's payout account and reserve are kept per mode: in test mode the portal edits the test ones (as a
    test key does), and only in live mode does it show or change where live settlements pay real money."""
    from tests.web.api.test_livemode import live_key

    live = live_key(app, client, merchant, "secret")
    live.patch("/partners/self", json={"payout_account": "acct_acme_live", "reserve_bps": 500, "reserve_days": 30})
    finance = member("finance")
    assert (
        finance.post(
            "/portal/partners/self",
            {"payout_account": "acct_acme_test", "cycle": "daily", "reserve_bps": "0", "reserve_days": "0"},
        ).status_code
        == 302
    )
    shown = live.get("/partners/self").json
    assert (shown["payout_account"], shown["reserve_bps"], shown["reserve_days"]) == ("acct_acme_live", 500, 30)
    assert api.get("/partners/self").json["payout_account"] == "acct_acme_test"
    page = finance.text("/portal/partners/self")
    assert "Test payouts" in page and "acct_acme_live" not in page and 'value="acct_acme_test"' in page
    assert "acct_acme_test" in finance.text("/portal/partners")

    assert finance.post("/portal/mode", {"mode": "live"}).status_code == 302
    page = finance.text("/portal/partners/self")
    assert "Live payouts" in page and 'value="acct_acme_live"' in page and 'value="500"' in page
    assert "acct_acme_test" not in finance.text("/portal/partners")
    assert (
        finance.post(
            "/portal/partners/self",
            {"payout_account": "acct_acme_live_2", "cycle": "daily", "reserve_bps": "500", "reserve_days": "30"},
        ).status_code
        == 302
    )
    assert live.get("/partners/self").json["payout_account"] == "acct_acme_live_2"
    assert api.get("/partners/self").json["payout_account"] == "acct_acme_test"

    # A partner added in test mode has no live account: live settlements to it wait until live mode sets one.
    assert finance.post("/portal/mode", {"mode": "test"}).status_code == 302
    assert (
        finance.post(
            "/portal/partners",
            {
                "name": "Contractor Studio",
                "payout_account": "acct_contractor_1",
                "reserve_bps": "0",
                "reserve_days": "0",
            },
        ).status_code
        == 302
    )
    added = next(p for p in live.get("/partners").json["data"] if p["name"] == "Contractor Studio")
    assert added["payout_account"] is None


def test_the_balance_says_on_which_day_held_money_and_waiting_orders_become_available(
    app, api, member, catalog, sandbox, worker
):
    """Pending money with a date: the day a hold ends, and the moment the next fulfilled order completes by itself
    (before, the page gave only the rule and the auto-confirm delay)."""
    finance = member("finance")
    assert "Nothing is waiting" in finance.text("/portal/balance")

    set_rule(api, catalog["sku"], [("self", 10000)], hold_days=3)
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    held_until = (datetime.now(timezone.utc) + timedelta(days=3)).strftime("%a %d %b %Y")
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", finance.text("/portal/balance")))
    pending = re.search(r"Pending — [^$]*(\$[\d.,]+)", page).group(1)
    assert f"{pending} becomes available on {held_until}" in page  # all of it: the one order's share, held

    fulfilled = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "customer": {"id": "cus_w"},
            "agreement_accepted": True,
        },
    ).json
    sandbox.simulate(pay(api, fulfilled["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, fulfilled["id"]) == "paid")
    unfulfilled_page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", finance.text("/portal/balance")))
    assert "1 paid order not fulfilled yet: no date until it is" in unfulfilled_page
    worker()  # fulfilled: the auto-confirm clock starts
    with app.app_context():
        from app.extensions import db
        from app.orders.models import Order

        when = db.session.get(Order, fulfilled["id"]).auto_confirm_at.strftime("%a %d %b %Y, %H:%M")
    page = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", finance.text("/portal/balance")))
    total = f"${fulfilled['amount']['total'] / 100:.2f}"
    assert f"1 fulfilled order waits to complete; the next {total} completes automatically on {when} UTC" in page


def test_the_balance_names_a_business_lines_own_auto_confirm_window(api, member):
    """A line's orders complete on the line's own wait: the Balance page's "when pending money becomes available"
    says so beside the merchant's own, instead of quoting only the merchant's."""
    line = api.post("/business_lines", json={"code": "tickets", "name": "Tickets"}).json
    finance = member("finance")
    assert "Tickets" not in finance.text("/portal/balance")  # the line keeps the merchant's wait: nothing to add
    changed = api.post(f"/business_lines/{line['id']}", json={"auto_confirm_minutes": 2 * 24 * 60})
    assert changed.status_code == 200, changed.json
    page = re.sub(r"\s+", " ", finance.text("/portal/balance"))
    wording = (
        "or 7 days after it is fulfilled (your auto-confirm, under Settings; orders of the business line Tickets: 2"
    )
    assert wording + " days after) — and then" in page
