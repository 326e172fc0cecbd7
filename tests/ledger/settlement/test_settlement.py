"""Settlement and payouts (issue 11): each partner's cleared lines of a period are added up into a statement
and paid out through the sandbox provider's payout API; a refund after settlement is a negative line of the
next one; a refused payout is retried and, in the end, given back; two runs at once settle each line once."""

from __future__ import annotations

import csv
import io
import threading

import pytest
import requests
from sqlalchemy import select, update

from tests.conftest import wait_for
from tests.support.books import (
    add_partner,
    completed_order,
    decide_payout,
    ledger_sums,
    partner_lines,
    run_settlements,
    set_rule,
)


def _by_partner(settlements: list[dict]) -> dict[str, dict]:
    return {s["partner"]: s for s in settlements}


def test_a_settlement_adds_up_a_partners_lines_and_is_paid_out(app, api, merchant, catalog, sandbox, worker):
    studio = add_partner(api, "Northwind Studio", payout_account="acct_northwind_01")
    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    set_rule(api, catalog["sku"], [(studio["id"], 7000), ("self", 3000)])
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # 999, fee 59

    settled = _by_partner(run_settlements(api, worker))
    mine = settled[studio["id"]]
    # gross 70 % of 999 = 699 (largest remainder), fee 70 % of 59 = 41
    assert (mine["gross"], mine["fees"], mine["refunds"], mine["net"]) == (699, 41, 0, 658)
    assert mine["status"] == "paying" and mine["payout"]["status"] == "pending"
    assert mine["payout"]["destination"] == "acct_northwind_01" and mine["payout"]["amount"] == 658

    lines = api.get(f"/settlements/{mine['id']}/lines").json["data"]
    assert sorted((line["kind"], line["amount"]["amount"]) for line in lines) == [("fee", -41), ("share", 699)]
    assert {line["order"] for line in lines} == {order["id"]} and {line["sku"] for line in lines} == {catalog["sku"]}

    statement = api.get(f"/settlements/{mine['id']}/statement.csv")
    assert statement.status_code == 200 and statement.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(statement.get_data(as_text=True))))
    assert ["net", "658", "usd", "$6.58"] in rows and sum(1 for r in rows if r[:1] and r[0].isdigit()) == 2

    decide_payout(sandbox, mine["payout"]["id"], "paid")
    wait_for(lambda: api.get(f"/settlements/{mine['id']}").json["status"] == "paid")
    assert partner_lines(app, merchant.id, studio["id"]) == 0  # all paid out
    assert "settlement.paid" in {e["type"] for e in api.get("/events").json["data"]}
    assert run_settlements(api, worker) == []  # nothing left to settle
    assert ledger_sums(app) == {"usd": 0}


def test_a_share_and_its_fee_come_on_one_page_of_a_settlements_lines(app, api, merchant, catalog, sandbox, worker):
    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 7000), ("self", 3000)])
    first = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    second = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    mine = _by_partner(run_settlements(api, worker))[studio["id"]]
    assert mine["line_count"] == 4

    def page(**query) -> tuple[list[tuple], bool]:
        got = api.get(f"/settlements/{mine['id']}/lines", query_string=query).json
        return [(line["order"], line["kind"], line["amount"]["amount"]) for line in got["data"]], got["has_more"]

    # Three lines would split the second order's share from its fee: the page stops after the first order.
    lines, more = page(limit=3)
    assert (lines, more) == ([(first["id"], "share", 699), (first["id"], "fee", -41)], True)
    after = api.get(f"/settlements/{mine['id']}/lines", query_string={"limit": 3}).json["data"][-1]["id"]
    assert page(limit=3, starting_after=after) == ([(second["id"], "share", 699), (second["id"], "fee", -41)], False)
    assert page(limit=1) == ([(first["id"], "share", 699), (first["id"], "fee", -41)], True)  # never half a line
    assert page(limit=4)[0] == page(limit=100)[0] and len(page(limit=100)[0]) == 4
    # A cursor no line id can be (past 64 bits) is refused, not sent to the database.
    overflowing = api.get(f"/settlements/{mine['id']}/lines", query_string={"starting_after": "9" * 40})
    assert overflowing.status_code == 400 and overflowing.json["error"]["param"] == "starting_after"

    rows = list(csv.reader(io.StringIO(api.get(f"/settlements/{mine['id']}/statement.csv").get_data(as_text=True))))
    assert [(r[1], r[4], int(r[6])) for r in rows if r[:1] and r[0].isdigit()] == page(limit=100)[0]


def test_a_refund_after_settlement_is_a_negative_line_of_the_next_one(app, api, merchant, catalog, sandbox, worker):
    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    first = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # studio: 999 - 59 = 940
    assert _by_partner(run_settlements(api, worker))[studio["id"]]["net"] == 940

    assert api.post(f"/orders/{first['id']}/refunds", json={"amount": 500}).status_code == 201
    # fee back round(59 × 500 / 999) = 30: the studio gives back 470. Alone that nets below zero: carried.
    assert studio["id"] not in _by_partner(run_settlements(api, worker, days_ahead=2))
    completed_order(api, sandbox, worker, [(catalog["sku"], 2)], customer="cus_second")  # 1998, fee 88: 1910
    second = _by_partner(run_settlements(api, worker, days_ahead=3))[studio["id"]]
    assert (second["gross"], second["fees"], second["refunds"], second["net"]) == (1998, 88, 470, 1910 - 470)
    kinds = [line["kind"] for line in api.get(f"/settlements/{second['id']}/lines").json["data"]]
    assert kinds.count("refund") == 1


def test_a_refused_payout_is_retried_then_given_back_and_can_be_sent_again(
    app, api, merchant, catalog, sandbox, worker
):
    from datetime import timedelta

    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow

    studio = add_partner(api, "Northwind Studio", payout_account="acct_closed_0001")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
    payout_id = settlement["payout"]["id"]
    with app.app_context():
        db.session.execute(update(Payout).where(Payout.id == payout_id).values(max_tries=2))
        db.session.commit()

    decide_payout(sandbox, payout_id, "failed")  # the first try: retried under a new reference after a back-off
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["payout"]["tries"] == 2)
    with app.app_context():
        assert resolve_payouts(now=utcnow() + timedelta(minutes=10)) == 1  # try 2 goes out as <id>.2
    decide_payout(sandbox, payout_id, "failed", reference=f"{payout_id}.2")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "failed")
    assert partner_lines(app, merchant.id, studio["id"]) == 940  # the money is the studio's again
    assert "payout.failed" in {e["type"] for e in api.get("/events").json["data"]}

    api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_northwind_02"})
    again = api.post(f"/settlements/{settlement['id']}/retry_payout")
    assert again.status_code == 200 and again.json["payout"]["tries"] == 3
    decide_payout(sandbox, payout_id, "paid", reference=f"{payout_id}.3")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")
    assert partner_lines(app, merchant.id, studio["id"]) == 0
    with app.app_context():
        assert db.session.scalar(select(Payout.status).where(Payout.id == payout_id)) == "paid"
    assert ledger_sums(app) == {"usd": 0}


def test_held_lines_wait_for_their_day_and_a_reserve_is_held_back(app, api, merchant, catalog, sandbox, worker):
    studio = add_partner(api, "Northwind Studio", reserve_bps=1000, reserve_days=30)
    set_rule(api, catalog["sku"], [(studio["id"], 10000)], hold_days=7)
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # 940 for the studio, from day 7
    assert studio["id"] not in _by_partner(run_settlements(api, worker, days_ahead=1))
    settled = _by_partner(run_settlements(api, worker, days_ahead=8))[studio["id"]]
    # 10 % of 940 is held back for 30 days: paid 846 now, 94 in a later settlement.
    assert (settled["net"], settled["reserve_held"], settled["payout"]["amount"]) == (940, 94, 846)
    released = _by_partner(run_settlements(api, worker, days_ahead=40))[studio["id"]]
    # The released reserve is paid out whole: a reserve holds back new takings, never a reserve again.
    assert (released["adjustments"], released["net"], released["reserve_held"]) == (94, 94, 0)
    assert released["payout"]["amount"] == 94


def test_a_reserve_is_held_on_new_takings_only_when_a_release_comes_in_the_same_window(
    app, api, merchant, catalog, sandbox, worker
):
    studio = add_partner(api, "Northwind Studio", reserve_bps=1000, reserve_days=30)
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)], customer="cus_first")  # 940, due now
    first = _by_partner(run_settlements(api, worker))[studio["id"]]
    assert (first["net"], first["reserve_held"]) == (940, 94)  # 94 back in 30 days

    set_rule(api, catalog["sku"], [(studio["id"], 10000)], hold_days=33)
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)], customer="cus_second")  # 940, due on day 33
    both = _by_partner(run_settlements(api, worker, days_ahead=40))[studio["id"]]
    # The window holds the released 94 and the new 940: 10 % of the new 940 is held, the 94 is paid.
    assert (both["adjustments"], both["net"], both["reserve_held"]) == (94, 1034, 94)
    assert both["payout"]["amount"] == 940
    assert ledger_sums(app) == {"usd": 0}


@pytest.mark.postgres_only
def test_two_settlement_runs_at_once_settle_every_line_once(app, api, merchant, catalog, sandbox, worker):
    from app.extensions import db
    from app.ledger.books_models import Settlement
    from app.payments.payouts.settling import settle_due

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 6000), ("self", 4000)])
    for n in range(3):
        completed_order(api, sandbox, worker, [(catalog["sku"], 1)], customer=f"cus_{n}")
    owed = {p: partner_lines(app, merchant.id, p) for p in (studio["id"], "self")}

    from datetime import timedelta

    from app.platform.db.types import utcnow

    barrier, cut = threading.Barrier(2), []

    def run() -> None:
        with app.app_context():
            barrier.wait()
            cut.extend(settle_due(merchant_id=merchant.id, livemode=False, until=utcnow() + timedelta(days=1)))
            db.session.remove()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    with app.app_context():
        settled = {s.partner_id: s.net for s in db.session.scalars(select(Settlement))}
    assert len(cut) == 2 and settled == owed


def test_a_payout_whose_answer_was_lost_is_looked_up_and_never_sent_twice(
    app, api, merchant, catalog, sandbox, worker, monkeypatch
):
    from datetime import timedelta

    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow
    from tests.support.faulty_provider import FaultyProvider

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.5)
    with FaultyProvider(sandbox.url, "slow", delay=1.5) as provider:  # the payout is made; its answer comes too late
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
    assert settlement["payout"]["status"] == "unknown" and settlement["status"] == "pending"
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    with app.app_context():
        assert resolve_payouts(now=utcnow() + timedelta(minutes=10)) == 1  # looked up by its reference
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payouts",
        params={"reference": settlement["payout"]["id"]},
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
        timeout=10,
    ).json()
    assert len(found["data"]) == 1  # one payout at the provider, not two
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["status"] == "pending"
    decide_payout(sandbox, settlement["payout"]["id"], "paid")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")


def test_a_payout_answered_with_json_that_is_not_a_payout_is_an_unknown_outcome_looked_up_once_readable(
    app, api, merchant, catalog, sandbox, worker, monkeypatch, caplog
):
    """The provider made the payout but what came back was JSON of something else (another service at its address):
    reading it broke the payout sweep with a traceback on every run. Now the merchant sees the outcome is unknown and
    why, in one line, and the sweep looks it up by its reference once the provider answers properly."""
    import logging
    from datetime import timedelta

    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow
    from tests.support.faulty_provider import FaultyProvider

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    with FaultyProvider(sandbox.url, "misshapen") as provider, caplog.at_level(logging.WARNING):
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
        payout = settlement["payout"]
        assert (payout["status"], settlement["status"]) == ("unknown", "pending")
        assert "cannot read as a payout" in payout["failure_reason"]
        with app.app_context():
            assert resolve_payouts(now=utcnow() + timedelta(minutes=10)) == 1  # its look-up is unreadable too
        payout = api.get(f"/settlements/{settlement['id']}").json["payout"]
        assert payout["status"] == "unknown" and "cannot read as a list of payouts" in payout["failure_reason"]
    assert not [r for r in caplog.records if r.exc_info]  # no traceback for an answer it cannot read
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    with app.app_context():
        assert resolve_payouts(now=utcnow() + timedelta(hours=1)) == 1
    assert len(_sent_to(app, sandbox, payout["id"])) == 1  # found by its reference, never sent twice
    assert api.get(f"/settlements/{settlement['id']}").json["payout"]["status"] == "pending"


def test_a_live_settlement_is_never_paid_out_through_a_test_channel(app, api, merchant, catalog):
    """Live money waits for a live payout channel rather than being "paid" by the sandbox."""
    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import send_payout
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id

    with app.app_context():
        payout = Payout(
            id=new_id("po"),
            merchant_id=merchant.id,
            livemode=True,
            purpose="settlement",
            amount=500,
            currency="usd",
            destination="acct_live_0001",
            channel="sandbox_card",
            status="pending",
            next_try_at=utcnow(),
            created_at=utcnow(),
            updated_at=utcnow(),
        )
        db.session.add(payout)
        db.session.commit()
        waiting = send_payout(payout.id)
        assert (waiting.status, waiting.next_try_at, waiting.provider_payout_id) == ("pending", None, None)
        assert "moves no real money" in waiting.failure_reason


def _refused_settlement(app, api, catalog, sandbox, worker) -> tuple[dict, dict]:
    """A studio's settlement whose one payout try the bank refused for good: (the studio, the settlement)."""
    from app.extensions import db
    from app.ledger.books_models import Payout

    studio = add_partner(api, "Northwind Studio", payout_account="acct_closed_0001")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
    with app.app_context():
        db.session.execute(update(Payout).where(Payout.id == settlement["payout"]["id"]).values(max_tries=1))
        db.session.commit()
    decide_payout(sandbox, settlement["payout"]["id"], "failed")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "failed")
    return studio, settlement


def _sent_to(app, sandbox, reference: str) -> list[str]:
    """Where the provider was asked to send the payout of this reference."""
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payouts",
        params={"reference": reference},
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
        timeout=10,
    ).json()
    return [p["destination"] for p in found["data"]]


def test_a_payout_sent_again_after_the_account_was_fixed_goes_to_the_fixed_account(
    app, api, merchant, catalog, sandbox, worker
):
    """The bank refused the partner's account; finance fixes it and sends again: the money must go to the new
    account (the portal's confirmation says so), not back to the one the bank just refused."""
    studio, settlement = _refused_settlement(app, api, catalog, sandbox, worker)
    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_northwind_02"}).status_code == 200
    again = api.post(f"/settlements/{settlement['id']}/retry_payout")
    assert again.status_code == 200 and again.json["payout"]["destination"] == "acct_northwind_02"
    assert _sent_to(app, sandbox, f"{settlement['payout']['id']}.2") == ["acct_northwind_02"]


def test_a_payout_sent_again_while_the_partner_has_no_account_waits_for_one(
    app, api, merchant, catalog, sandbox, worker
):
    from app.payments.payouts.services import resolve_payouts

    studio, settlement = _refused_settlement(app, api, catalog, sandbox, worker)
    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": None}).status_code == 200
    again = api.post(f"/settlements/{settlement['id']}/retry_payout")
    assert again.status_code == 200 and again.json["payout"]["status"] == "pending"
    assert again.json["payout"]["destination"] is None  # nothing goes to the refused account
    assert _sent_to(app, sandbox, f"{settlement['payout']['id']}.2") == []
    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_northwind_02"}).status_code == 200
    with app.app_context():
        resolve_payouts()
    assert _sent_to(app, sandbox, f"{settlement['payout']['id']}.2") == ["acct_northwind_02"]
    assert partner_lines(app, merchant.id, studio["id"]) == 0 and ledger_sums(app) == {"usd": 0}


def test_a_refused_payout_waiting_for_its_next_try_goes_to_the_account_fixed_meanwhile(
    app, api, merchant, catalog, sandbox, worker
):
    """The bank refused the first try; finance fixes the partner's account before the next try: that try goes to
    the fixed account (at once), not four more times to the refused one."""
    from datetime import timedelta

    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow

    studio = add_partner(api, "Northwind Studio", payout_account="acct_closed_0001")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
    payout_id = settlement["payout"]["id"]
    decide_payout(sandbox, payout_id, "failed")  # try 2 waits for its back-off
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["payout"]["tries"] == 2)

    assert api.patch(f"/partners/{studio['id']}", json={"payout_account": "acct_northwind_02"}).status_code == 200
    with app.app_context():
        resolve_payouts(now=utcnow() + timedelta(minutes=10))
    assert _sent_to(app, sandbox, f"{payout_id}.2") == ["acct_northwind_02"]
    decide_payout(sandbox, payout_id, "paid", reference=f"{payout_id}.2")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")
    assert partner_lines(app, merchant.id, studio["id"]) == 0 and ledger_sums(app) == {"usd": 0}


def test_a_payout_whose_sending_breaks_waits_its_back_off_and_the_sweep_sends_the_others(
    app, api, merchant, catalog, sandbox, worker, monkeypatch, caplog
):
    """The payout sweep handles the longest-waiting payouts first. One whose sending broke (its channel no longer
    installed) stopped the sweep, and as it kept its place at the head of every later run, the payouts behind it
    were never sent: the partners were never paid."""
    import logging
    from datetime import timedelta

    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import resolve_payouts
    from app.platform.db.types import utcnow
    from tests.conftest import free_port

    retired, healthy = add_partner(api, "Retired Studio"), add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(retired["id"], 5000), (healthy["id"], 5000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")  # neither reaches it
    settled = _by_partner(run_settlements(api, worker))
    stuck, behind = settled[retired["id"]]["payout"], settled[healthy["id"]]["payout"]
    assert [stuck["status"], behind["status"]] == ["pending", "pending"]
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    sweep_at = utcnow() + timedelta(minutes=10)
    with app.app_context():  # the stuck one went out through a channel since removed, and waits longest
        db.session.execute(
            update(Payout)
            .where(Payout.id == stuck["id"])
            .values(channel="sandbox_retired", next_try_at=utcnow() - timedelta(minutes=1))
        )
        db.session.commit()
        with caplog.at_level(logging.ERROR, logger="kassa.payments.payouts"):
            assert resolve_payouts(now=sweep_at) == 2
    broken = [
        r.fields["payout_id"]
        for r in caplog.records
        if r.name == "kassa.payments.payouts" and r.levelno >= logging.ERROR
    ]
    assert broken == [stuck["id"]]  # logged once, by its id
    assert len(_sent_to(app, sandbox, behind["id"])) == 1  # the partner behind it is paid out
    assert api.get(f"/settlements/{settled[healthy['id']]['id']}").json["payout"]["provider_reference"]
    assert _sent_to(app, sandbox, stuck["id"]) == []

    with app.app_context():  # it waits its back-off instead of heading the next sweep
        payout = db.session.get(Payout, stuck["id"])
        assert payout.status == "pending" and payout.next_try_at > sweep_at
        assert "could not be sent or looked up" in payout.failure_reason
        assert resolve_payouts(now=sweep_at) <= 1
        assert db.session.scalar(select(Payout.next_try_at).where(Payout.id == stuck["id"])) > sweep_at
    assert ledger_sums(app) == {"usd": 0}


def test_a_payout_whose_sending_keeps_breaking_waits_twice_as_long_each_time(
    app, api, merchant, catalog, sandbox, worker, monkeypatch
):
    """The wait after each break doubles (5, 10, 20, 40 min …), counted on the payout itself. It was read back from
    the row as next_try_at - updated_at, where next_try_at came from the sweep's clock (the moment it started) and
    updated_at from the wall clock when it got to the payout: the two drifted apart, and anything else that wrote
    updated_at shortened the wait, down to 5 minutes for good."""
    from datetime import timedelta

    from app.extensions import db
    from app.ledger.books_models import Payout
    from app.payments.payouts.services import resolve_payouts

    studio = add_partner(api, "Northwind Studio")
    set_rule(api, catalog["sku"], [(studio["id"], 10000)])
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    monkeypatch.setitem(app.config, "PAYOUT_CHANNEL", "sandbox_retired")  # a channel no longer installed
    settlement = _by_partner(run_settlements(api, worker))[studio["id"]]
    payout_id = settlement["payout"]["id"]

    waits = []
    with app.app_context():
        for _ in range(5):  # each sweep comes when the payout is due again, as the cron's next tick would
            due = db.session.scalar(select(Payout.next_try_at).where(Payout.id == payout_id))
            assert resolve_payouts(now=due) == 1
            waits.append(db.session.scalar(select(Payout.next_try_at).where(Payout.id == payout_id)) - due)
            db.session.rollback()
    assert waits == [timedelta(minutes=m) for m in (10, 20, 40, 80, 160)]  # the first break came in the worker

    with app.app_context():  # the channel is back: the next sweep sends it, and the partner is paid
        db.session.execute(update(Payout).where(Payout.id == payout_id).values(channel="sandbox_card"))
        db.session.commit()
        resolve_payouts(now=due + waits[-1])
        assert db.session.get(Payout, payout_id).sweep_failures == 0
    decide_payout(sandbox, payout_id, "paid")
    wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")
    assert ledger_sums(app) == {"usd": 0}
