"""An order read while the provider's callback lands answers the order as it was at one moment: never the order
still paying beside its payment already failed. The test holds the read between its order and its payments
statements while the callback commits, on PostgreSQL and on the SQLite default."""
from __future__ import annotations

import threading

import pytest

from tests.conftest import wait_for
from tests.integration.test_payment_flow import create_order, pay

def _order_status(app, order_id: str) -> str:
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        try:
            return db.session.get(Order, order_id).status
        finally:
            db.session.remove()


def _read_while_declined(app, api, sandbox, catalog, path: str, held_at: str, first_look: bool = False) -> dict:
    """GET ``path`` (the order or the order list), held just before the statement reading ``held_at`` while the
    shopper's decline is applied and committed; its answer. ``first_look``: the rate limit has not read the key's
    merchant yet (a process's first request, then every half minute), so a read comes before the view's own."""
    from flask import has_request_context, request
    from sqlalchemy import event as sa_event

    from app.extensions import db
    from app.web.rate_limits import forget_budgets

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    reached, release = threading.Event(), threading.Event()

    def hold(conn, cursor, statement, parameters, context, executemany) -> None:
        if (has_request_context() and request.method == "GET" and request.path.startswith("/api/v1/orders")
                and held_at in statement and not reached.is_set()):
            reached.set()
            release.wait(20)

    answer: dict = {}
    with app.app_context():
        engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", hold)
    if first_look:
        forget_budgets()
    try:
        reader = threading.Thread(target=lambda: answer.update(response=api.get(path.format(id=order["id"]))))
        reader.start()
        assert reached.wait(10), f"the read never reached {held_at}"
        sandbox.simulate(payment["provider_reference"], "failed")
        wait_for(lambda: _order_status(app, order["id"]) == "created")  # the decline is committed
        release.set()
        reader.join(20)
    finally:
        release.set()
        sa_event.remove(engine, "before_cursor_execute", hold)
    response = answer["response"]
    assert response.status_code == 200, response.json
    return response.json


@pytest.mark.parametrize("first_look", [False, True], ids=["budget known", "budget read first"])
def test_an_order_read_while_the_callback_lands_is_the_order_at_one_moment(app, api, sandbox, catalog, first_look):
    shown = _read_while_declined(app, api, sandbox, catalog, "/orders/{id}", "FROM payment_attempts", first_look)
    assert (shown["status"], [p["status"] for p in shown["payments"]]) == ("paying", ["pending"])  # as it began
    again = api.get(f"/orders/{shown['id']}").json
    assert (again["status"], [p["status"] for p in again["payments"]]) == ("created", ["failed"])


def test_the_order_list_read_while_the_callback_lands_is_one_moment(app, api, sandbox, catalog):
    listed = _read_while_declined(app, api, sandbox, catalog, "/orders", "FROM payment_attempts")["data"]
    assert [(o["status"], [p["status"] for p in o["payments"]]) for o in listed] == [("paying", ["pending"])]



def cleared_while_read(app, api, sandbox, catalog, worker, path: str, read):
    """``read()`` (a GET of ``path``), held after its first sum of the merchant's postings while a completed order
    clears (its money moves from pending to available); its answer, and the balance after."""
    from flask import has_request_context, request
    from sqlalchemy import event as sa_event

    from app.extensions import db
    from tests.integration.lifecycle_support import paid_order

    order = paid_order(api, sandbox, catalog["sku"], quantity=3)  # $29.97
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200  # completed; cleared by the next worker run
    sums, reached, release = [0], threading.Event(), threading.Event()

    def hold(conn, cursor, statement, parameters, context, executemany) -> None:
        if has_request_context() and request.path == path and "posting_checkpoints" in statement:
            sums[0] += 1
            if sums[0] == 2:  # the available share is summed; the pending sum is next
                reached.set()
                release.wait(20)

    answer: dict = {}
    with app.app_context():
        engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", hold)
    try:
        reader = threading.Thread(target=lambda: answer.update(response=read()))
        reader.start()
        assert reached.wait(10), "the balance read never reached its second sum"
        worker()  # the order clears
        release.set()
        reader.join(20)
    finally:
        release.set()
        sa_event.remove(engine, "before_cursor_execute", hold)
    after = api.get("/balance").json
    assert after["available"] and not after["pending"]  # the order did clear meanwhile
    return answer["response"], after


def test_the_balance_read_while_an_order_clears_counts_its_money_once(app, api, sandbox, catalog, worker):
    """GET /balance sums the merchant's available share, then what is still pending, in separate statements. The
    order clears between them: the answer is the balance before the move or after it, never with the money in
    neither bucket (or in both)."""
    response, after = cleared_while_read(app, api, sandbox, catalog, worker, "/api/v1/balance",
                                         lambda: api.get("/balance"))
    buckets = (response.json["available"], response.json["pending"])
    assert buckets in [([], [{"amount": 2997, "currency": "usd"}]), (after["available"], [])], buckets

