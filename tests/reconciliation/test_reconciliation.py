"""Reconciliation the way a merchant's finance team meets it: payments through the sandbox provider, the provider's
statement of the day (with each kind of discrepancy injected at the provider), a run through the API on a real RQ
worker, and what the run and its discrepancy queue then say."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta, timezone

import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of


def today() -> str:
    return datetime.now(timezone.utc).date().isoformat()


def tomorrow_morning() -> datetime:
    """03:00 UTC tomorrow, when the daily sweep reconciles today (a clock 27 hours on would name tomorrow after
    21:00, a day that has not happened yet)."""
    return datetime.combine(datetime.now(timezone.utc).date() + timedelta(days=1), time(3), tzinfo=timezone.utc)


def paid_order(api, sandbox, sku: str, *, quantity: int = 1, callback: str = "normal") -> tuple[dict, dict]:
    created = api.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": quantity}], "customer": {"id": "cus_rec"}, "agreement_accepted": True},
    )
    assert created.status_code == 201, created.json
    payment = pay(api, created.json["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback)
    if callback == "normal":
        wait_for(lambda: status_of(api, created.json["id"]) in ("paid", "fulfilled"))
    return created.json, payment


def reconcile(api, worker, day: str | None = None, channel: str = "sandbox_card") -> dict:
    started = api.post("/reconciliation_runs", json={"channel": channel, "date": day or today()})
    assert started.status_code == 201, started.json
    assert started.json["status"] == "running"
    worker()
    run = api.get(f"/reconciliation_runs/{started.json['id']}").json
    assert run["status"] == "done", run
    return run


def discrepancies(api, run: dict, **filters) -> list[dict]:
    listed = api.get(f"/reconciliation_runs/{run['id']}/discrepancies", query_string=filters)
    assert listed.status_code == 200, listed.json
    return listed.json["data"]


def found(run: dict) -> dict:
    return {kind: count for kind, count in run["discrepancies"].items() if count}


def tamper(sandbox, provider_reference: str, **changes) -> None:
    answer = requests.post(f"{sandbox.url}/sandbox/api/payments/{provider_reference}/tamper", json=changes, timeout=10)
    assert answer.status_code == 200, answer.text


def test_a_clean_day_matches_every_line_and_finds_nothing(api, sandbox, worker, catalog):
    order, _ = paid_order(api, sandbox, catalog["sku"])
    paid_order(api, sandbox, catalog["sku"], quantity=2)
    refunded = api.post(f"/orders/{order['id']}/refunds", json={"amount": 100})
    assert refunded.status_code == 201, refunded.json
    worker()
    wait_for(lambda: [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["succeeded"])

    run = reconcile(api, worker)
    assert found(run) == {}
    assert run["lines"] == run["matched"] == 3  # two captures and the refund
    assert discrepancies(api, run) == []


def test_an_amount_the_provider_books_differently_is_an_amount_mismatch(api, sandbox, worker, catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], amount=payment["amount"] + 500)

    run = reconcile(api, worker)
    assert found(run) == {"amount_mismatch": 1}
    [mismatch] = discrepancies(api, run)
    assert mismatch["kassa_object"] == payment["id"] and mismatch["line_type"] == "capture"
    assert mismatch["kassa"]["amount"] == payment["amount"]
    assert mismatch["provider"]["amount"] == payment["amount"] + 500
    assert mismatch["status"] == "open"


def one_open_amount_mismatch(api, worker, payment: dict) -> tuple[dict, dict]:
    """Reconcile today: the payment's capture is the day's one discrepancy, an open amount_mismatch, nothing
    matched or resolved by itself; (the run, the discrepancy)."""
    run = reconcile(api, worker)
    assert found(run) == {"amount_mismatch": 1} and run["matched"] == 0 and run["auto_resolved"] == 0
    [mismatch] = discrepancies(api, run)
    assert mismatch["kassa_object"] == payment["id"] and mismatch["status"] == "open"
    return run, mismatch


def portal_row(portal, page: str, payment: dict) -> str:
    """The row of a reconciliation page about ``payment``."""
    [row] = [row for row in re.findall(r"<tr>.*?</tr>", portal.text(page), re.S) if payment["id"] in row]
    return row


def test_a_fee_the_provider_kept_other_than_kassa_booked_is_an_amount_mismatch(api, sandbox, worker, catalog, portal):
    """The provider kept 89 on the 9.99 capture where its published fee (and Kassa's books, and so the merchant's
    settlement) say 59: amount, currency and status agreed, so the line was matched and the 30 went unseen."""
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], fee=89)

    _, mismatch = one_open_amount_mismatch(api, worker, payment)
    assert mismatch["kassa"] == {"amount": 999, "currency": "usd", "status": "succeeded", "fee": 59}
    assert mismatch["provider"] == {"amount": 999, "currency": "usd", "status": "succeeded", "fee": 89}
    row = portal_row(portal, "/portal/reconciliation", payment)
    assert re.search(
        r"\$9\.99 <span class=\"muted\">\(fee \$0\.59\)</span>.*\$9\.99 <span class=\"muted\">"
        r"\(fee \$0\.89\)</span>",
        row,
        re.S,
    ), row

    tamper(sandbox, payment["provider_reference"], fee=59)  # the provider corrected its statement
    assert found(reconcile(api, worker)) == {}


def test_a_capture_the_provider_booked_in_another_currency_is_an_amount_mismatch(api, sandbox, worker, catalog, portal):
    """The provider listed the 9.99 USD capture as 9.99 EUR: the amounts were equal, so the line was matched and the
    merchant never learned the provider booked another currency."""
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], currency="eur")

    run, mismatch = one_open_amount_mismatch(api, worker, payment)
    assert mismatch["kassa"] == {"amount": 999, "currency": "usd", "status": "succeeded", "fee": 59}
    assert mismatch["provider"] == {"amount": 999, "currency": "eur", "status": "succeeded", "fee": 59}

    for page in ("/portal/reconciliation", f"/portal/reconciliation/runs/{run['id']}"):
        row = portal_row(portal, page, payment)
        assert re.search(r"\$9\.99 USD.*€9\.99 EUR", row, re.S), (page, row)


def test_a_capture_kassa_had_as_unknown_in_another_currency_settles_its_status_but_not_its_currency(
    app, api, sandbox, worker, catalog
):
    from app.payments.attempts.unknown_outcomes import mark_outcome_unknown

    order, payment = paid_order(api, sandbox, catalog["sku"], callback="drop")
    with app.app_context():
        mark_outcome_unknown(payment["id"], "the create call timed out")
    tamper(sandbox, payment["provider_reference"], currency="eur")

    run = reconcile(api, worker)
    assert found(run) == {"status_mismatch": 1, "amount_mismatch": 1} and run["auto_resolved"] == 1
    settled = {d["kind"]: d["status"] for d in discrepancies(api, run)}
    # The provider confirms the capture; which currency it took is for a person to find out.
    assert settled == {"status_mismatch": "resolved", "amount_mismatch": "open"}
    assert status_of(api, order["id"]) in ("paid", "fulfilled")


def test_a_provider_writing_currency_codes_in_capitals_still_matches(app, api, sandbox, catalog, merchant):
    from app.extensions import db
    from app.payments.channels.interface import StatementLine
    from app.reconciliation import matching

    _, payment = paid_order(api, sandbox, catalog["sku"])
    line = StatementLine(
        "capture", payment["provider_reference"], payment["id"], "succeeded", 999, 59, "USD", datetime.now(timezone.utc)
    )
    with app.app_context():
        matching.stage([line])
        compared = matching.compare(merchant.id, "sandbox_card")
        db.session.rollback()
    assert compared == (1, 1, [])


def test_a_capture_the_statement_calls_failed_stays_open_for_a_person(api, sandbox, worker, catalog):
    order, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], status="failed")

    run = reconcile(api, worker)
    assert found(run) == {"status_mismatch": 1} and run["auto_resolved"] == 0
    [mismatch] = discrepancies(api, run)
    assert (mismatch["kassa"]["status"], mismatch["provider"]["status"]) == ("succeeded", "failed")
    # The provider's own API still says succeeded: nothing is provable, the order is untouched.
    assert mismatch["status"] == "open" and status_of(api, order["id"]) in ("paid", "fulfilled")


def test_a_capture_listed_twice_is_a_duplicate(api, sandbox, worker, catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], duplicate=True)

    run = reconcile(api, worker)
    assert found(run) == {"duplicate": 1}
    assert discrepancies(api, run)[0]["kassa_object"] == payment["id"]


def test_a_capture_kassa_never_asked_for_is_missing_in_kassa(app, api, sandbox, worker, catalog):
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_rec"},
            "agreement_accepted": True,
        },
    ).json
    orphan = requests.post(
        f"{sandbox.url}/sandbox/api/orphans",
        timeout=10,
        json={"amount": 1234, "currency": "usd", "reference": created["id"]},
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    )
    assert orphan.status_code == 201, orphan.text

    run = reconcile(api, worker)
    assert found(run) == {"missing_in_kassa": 1}
    [missing] = discrepancies(api, run)
    assert missing["kassa_object"] == created["id"] and missing["provider"]["amount"] == 1234
    assert missing["kassa"] == {"amount": None, "currency": None, "status": None, "fee": None}
    assert missing["provider"]["currency"] == "usd"


def test_a_capture_the_provider_does_not_list_is_missing_at_the_provider(api, sandbox, worker, catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], omit=True)

    run = reconcile(api, worker)
    assert found(run) == {"missing_at_provider": 1}
    [missing] = discrepancies(api, run)
    assert missing["kassa_object"] == payment["id"] and missing["kassa"]["currency"] == "usd"
    assert missing["provider"] == {"amount": None, "currency": None, "status": None, "fee": None}


def test_a_capture_kassa_had_as_unknown_is_resolved_by_asking_the_provider(app, api, sandbox, worker, catalog):
    from app.payments.attempts.unknown_outcomes import mark_outcome_unknown

    order, payment = paid_order(api, sandbox, catalog["sku"], callback="drop")
    with app.app_context():
        mark_outcome_unknown(payment["id"], "the create call timed out")
    assert status_of(api, order["id"]) == "paying"

    run = reconcile(api, worker)
    assert found(run) == {"status_mismatch": 1} and run["auto_resolved"] == 1
    [settled] = discrepancies(api, run)
    assert settled["status"] == "resolved" and settled["resolution"] == "auto"
    assert "confirmed" in settled["resolution_note"]
    assert status_of(api, order["id"]) in ("paid", "fulfilled")


def test_running_a_day_again_does_not_double_the_queue(api, sandbox, worker, catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], amount=1)
    first = reconcile(api, worker)
    second = reconcile(api, worker)
    assert found(first) == found(second) == {"amount_mismatch": 1}
    assert [d["id"] for d in discrepancies(api, first)] == [d["id"] for d in discrepancies(api, second)]
    listed = api.get("/reconciliation_runs").json["data"]
    assert [r["id"] for r in listed][:2] == [second["id"], first["id"]]


def test_each_discrepancy_is_an_event_for_the_merchants_webhooks(api, sandbox, worker, catalog):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    tamper(sandbox, payment["provider_reference"], amount=1)
    reconcile(api, worker)
    events = api.get("/events", query_string={"type": "reconciliation.discrepancy"}).json["data"]
    assert [e["data"]["object"]["kind"] for e in events] == ["amount_mismatch"]


def test_a_run_that_stops_on_an_error_inside_kassa_says_it_failed(api, sandbox, worker, catalog, monkeypatch):
    """An error other than an unreadable statement (a bug, a lost database) left the run "running": one started by
    hand said so forever. It now fails with a reason, and the same day can be run again."""
    from app.reconciliation import matching

    paid_order(api, sandbox, catalog["sku"])

    def broken(*args, **kwargs):
        raise RuntimeError("a bug in matching")

    with monkeypatch.context() as patched:
        patched.setattr(matching, "compare", broken)
        started = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": today()}).json
        worker()
    run = api.get(f"/reconciliation_runs/{started['id']}").json
    assert run["status"] == "failed" and "error inside Kassa" in run["failure_reason"], run
    assert reconcile(api, worker)["matched"] == 1  # started again, it runs


def test_a_run_asks_for_a_channel_with_statements_and_a_past_day(api, other_merchant, client):
    assert (
        api.post("/reconciliation_runs", json={"channel": "wallet", "date": today()}).json["error"]["param"]
        == "channel"
    )
    for day in ("2026-13-01", "yesterday", None):
        answer = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": day})
        assert answer.status_code == 400 and answer.json["error"]["param"] == "date", day
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=2)).date().isoformat()
    answer = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": tomorrow})
    assert answer.status_code == 400 and "future" in answer.json["error"]["message"]

    mine = api.post("/reconciliation_runs", json={"channel": "sandbox_card", "date": today()}).json
    theirs = client.get(
        f"/api/v1/reconciliation_runs/{mine['id']}", headers={"Authorization": f"Bearer {other_merchant.secret_key}"}
    )
    assert theirs.status_code == 404


def test_the_daily_sweep_runs_yesterday_once_per_merchant_and_channel(app, api, sandbox, worker, catalog, merchant):
    from app.reconciliation.runs import reconcile_yesterday

    paid_order(api, sandbox, catalog["sku"])
    morning = tomorrow_morning()
    with app.app_context():
        started = reconcile_yesterday(now=morning)
        assert reconcile_yesterday(now=morning) == []  # already running: not twice
    assert len(started) == 1
    # Its worker dies before it runs (the job is lost): an hour on, the sweep runs the day again.
    from app.extensions import db
    from app.reconciliation.models import ReconciliationRun

    with app.app_context():
        lost = db.session.get(ReconciliationRun, started[0])
        lost.created_at -= timedelta(hours=2)
        db.session.commit()
        retried = reconcile_yesterday(now=morning)
        assert len(retried) == 1 and retried != started
    worker()
    run = api.get(f"/reconciliation_runs/{retried[0]}").json
    assert run["status"] == "done" and run["date"] == today() and run["matched"] >= 1


def test_the_daily_sweep_reconciles_a_day_whose_only_movement_was_a_refund(app, api, sandbox, worker, catalog):
    from sqlalchemy import update

    from app.extensions import db
    from app.payments.models import PaymentAttempt
    from app.reconciliation.runs import reconcile_yesterday

    order, _ = paid_order(api, sandbox, catalog["sku"])
    with app.app_context():  # captured a week ago; only its refund is on today's statement
        db.session.execute(update(PaymentAttempt).values(updated_at=datetime.now(timezone.utc) - timedelta(days=7)))
        db.session.commit()
    assert api.post(f"/orders/{order['id']}/refunds", json={"amount": 100}).status_code == 201
    worker()
    wait_for(lambda: [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["succeeded"])
    with app.app_context():
        started = reconcile_yesterday(now=tomorrow_morning())
    assert len(started) == 1
    worker()
    assert api.get(f"/reconciliation_runs/{started[0]}").json["status"] == "done"


def test_a_refund_try_kassa_took_for_refused_but_the_provider_made_is_never_auto_resolved(
    app, api, sandbox, worker, catalog, monkeypatch
):
    """The provider made refund try 1 but answered it as refused, so Kassa released the hold and retried (try 2,
    pending). The statement lists try 1 succeeded: a second refund of the same money is coming. The run asked the
    provider about try 2, saw the record succeed and closed the discrepancy as 'auto' ("Kassa now agrees") — the
    double refund marked as matched."""
    from werkzeug.wrappers import Response

    from tests.support.faulty_provider import FaultyProvider

    class RefusesAfterRefunding(FaultyProvider):
        """Forwards everything; a refund is made at the provider and then answered as a refusal."""

        def _forward(self, request):
            answer = super()._forward(request)
            if request.method == "POST" and request.path.endswith("/refunds") and self.behaviour == "forward":
                return Response(
                    '{"error": {"message": "declined by the issuer"}}', status=402, content_type="application/json"
                )
            return answer

    order, _ = paid_order(api, sandbox, catalog["sku"])
    with RefusesAfterRefunding(sandbox.url, "forward") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        answer = api.post(f"/orders/{order['id']}/refunds", json={"amount": 300})
        assert answer.status_code == 201 and answer.json["refund"]["status"] == "failed", answer.json
        refund = answer.json["refund"]["id"]
        provider.behaviour = "error"  # the retry's answer is lost: Kassa waits on try 2
        retried = api.post(f"/refunds/{refund}/retry", json={})
        assert retried.status_code == 200, retried.json
        assert api.get(f"/orders/{order['id']}").json["refunds"][0]["status"] == "pending"
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)

    run = reconcile(api, worker)
    [mismatch] = [d for d in discrepancies(api, run) if d["reference"] == refund]
    assert mismatch["kind"] == "status_mismatch" and mismatch["provider"]["status"] == "succeeded"
    assert mismatch["status"] == "open", mismatch  # try 1 was refunded at the provider: a person must look
    assert run["auto_resolved"] == 0
