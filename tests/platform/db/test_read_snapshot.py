"""A read that answers from several statements answers one moment of the database, whatever commits between them:
never an order still paying beside its payment already failed, never a balance with an order's money in neither
bucket. Each test holds a real read between two of its statements while a commit lands (the provider's decline,
an order clearing), on PostgreSQL and on the SQLite default."""

from __future__ import annotations

import threading
from typing import Callable

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay


def held_read(app, path: str, marker: str, nth: int, read: Callable, meanwhile: Callable[[], None]):
    """``read()`` (a request for ``path``), held before its ``nth`` statement containing ``marker`` while
    ``meanwhile()`` commits; its response."""
    from flask import has_request_context, request
    from sqlalchemy import event as sa_event

    from app.extensions import db

    seen, reached, release = [0], threading.Event(), threading.Event()

    def hold(conn, cursor, statement, parameters, context, executemany) -> None:
        if has_request_context() and request.path == path and marker in statement:
            seen[0] += 1
            if seen[0] == nth:
                reached.set()
                release.wait(20)

    answer: dict = {}
    with app.app_context():
        engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", hold)
    try:
        reader = threading.Thread(target=lambda: answer.update(response=read()))
        reader.start()
        assert reached.wait(10), f"the read of {path} never reached {marker} #{nth}"
        meanwhile()
        release.set()
        reader.join(20)
    finally:
        release.set()
        sa_event.remove(engine, "before_cursor_execute", hold)
    return answer["response"]


def order_status(app, order_id: str) -> str:
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        try:
            return db.session.get(Order, order_id).status
        finally:
            db.session.remove()


def _read_while_declined(app, api, sandbox, catalog, path: str, first_look: bool = False) -> dict:
    """GET ``path`` (the order or the order list), held between its order and payments statements while the
    shopper's decline is applied and committed; its answer. ``first_look``: the rate limit has not read the key's
    merchant yet (a process's first request, then every half minute), so a read comes before the view's own."""
    from app.web.rate_limits import forget_budgets

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])

    def decline() -> None:
        sandbox.simulate(payment["provider_reference"], "failed")
        wait_for(lambda: order_status(app, order["id"]) == "created")  # the decline is committed

    if first_look:
        forget_budgets()
    path = path.format(id=order["id"])
    response = held_read(app, f"/api/v1{path}", "FROM payment_attempts", 1, lambda: api.get(path), decline)
    assert response.status_code == 200, response.json
    return response.json


@pytest.mark.parametrize("first_look", [False, True], ids=["budget known", "budget read first"])
def test_an_order_read_while_the_callback_lands_is_the_order_at_one_moment(app, api, sandbox, catalog, first_look):
    shown = _read_while_declined(app, api, sandbox, catalog, "/orders/{id}", first_look)
    assert (shown["status"], [p["status"] for p in shown["payments"]]) == ("paying", ["pending"])  # as it began
    again = api.get(f"/orders/{shown['id']}").json
    assert (again["status"], [p["status"] for p in again["payments"]]) == ("created", ["failed"])


def test_the_order_list_read_while_the_callback_lands_is_one_moment(app, api, sandbox, catalog):
    listed = _read_while_declined(app, api, sandbox, catalog, "/orders")["data"]
    assert [(o["status"], [p["status"] for p in o["payments"]]) for o in listed] == [("paying", ["pending"])]


def cleared_while_read(app, api, sandbox, catalog, worker, path: str, read: Callable):
    """``read()`` (a GET of ``path``), held after its first sum of the merchant's postings (the available share)
    while a completed $29.97 order clears, its money moving from pending to available; its response, and the
    balance after."""
    from tests.support.lifecycle import paid_order

    order = paid_order(api, sandbox, catalog["sku"], quantity=3)
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200  # completed; cleared by the next worker run
    response = held_read(app, path, "posting_checkpoints", 2, read, worker)
    after = api.get("/balance").json
    assert after["available"] and not after["pending"]  # the order did clear meanwhile
    return response, after


def test_the_balance_read_while_an_order_clears_counts_its_money_once(app, api, sandbox, catalog, worker):
    """GET /balance sums the merchant's available share, then what is still pending, in separate statements. The
    order clears between them: the answer is the balance before the move or after it, never with the money in
    neither bucket (or in both)."""
    response, after = cleared_while_read(
        app, api, sandbox, catalog, worker, "/api/v1/balance", lambda: api.get("/balance")
    )
    buckets = (response.json["available"], response.json["pending"])
    assert buckets in [([], [{"amount": 2997, "currency": "usd"}]), (after["available"], [])], buckets


def test_a_settlement_read_while_its_payout_lands_is_one_moment(app, api, sandbox, catalog, worker):
    """A settlement and its payout are two statements: the bank's answer committing between them gave a settlement
    still being paid beside its payout already paid."""
    from tests.support.books import completed_order, decide_payout, run_settlements

    api.patch("/partners/self", json={"payout_account": "acct_acme_0001"})
    completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    [settlement] = run_settlements(api, worker)
    before = (settlement["status"], settlement["payout"]["status"])

    def bank_pays() -> None:
        decide_payout(sandbox, settlement["payout"]["id"], "paid")
        wait_for(lambda: api.get(f"/settlements/{settlement['id']}").json["status"] == "paid")

    path = f"/settlements/{settlement['id']}"
    shown = held_read(app, f"/api/v1{path}", "FROM payouts", 1, lambda: api.get(path), bank_pays).json
    after = api.get(path).json
    assert (shown["status"], shown["payout"]["status"]) == before, (shown, after)
    assert (after["status"], after["payout"]["status"]) != before


def test_a_subscription_read_while_it_renews_is_one_moment(app, api, sandbox, catalog, worker):
    """A subscription's row and its renewals are separate statements: a renewal committing between them showed
    February's period beside March's renewal already paid, a contract that never existed."""
    from tests.signing.renewals.test_renewals import START, active_subscription, advance, unix
    from tests.support.signing import make_recurring

    clock = api.post("/test_clocks", json={"frozen_time": int(START.timestamp())}).json["id"]
    make_recurring(app, catalog["sku"], "month")
    sub = active_subscription(api, sandbox, worker, catalog["sku"], clock)
    path = f"/subscriptions/{sub['id']}"
    shown = held_read(
        app,
        f"/api/v1{path}",
        "FROM subscription_renewals",
        1,
        lambda: api.get(path),
        lambda: advance(api, worker, clock, unix(2027, 3, 1)),
    )
    after = api.get(path).json
    before = (sub["current_period_end"], [r["status"] for r in sub["renewals"]])
    assert (after["current_period_end"], [r["status"] for r in after["renewals"]]) != before  # it renewed meanwhile
    assert (shown.json["current_period_end"], [r["status"] for r in shown.json["renewals"]]) == before
