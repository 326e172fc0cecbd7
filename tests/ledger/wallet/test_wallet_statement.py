"""A customer's wallet statement (issue 11): every movement — a top-up through the sandbox, a wallet payment and
its refund, a withdrawal paid out, transfers both ways, a cancelled reservation — with its kind, reference and the
running available and frozen balances, paged, filtered by date, and as CSV."""

from __future__ import annotations

import csv
import io
import time

from tests.ledger.wallet.test_wallet import CUSTOMER, top_up
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.books import decide_payout
from tests.support.wallet import books_are_clean, fund, held, withdraw, withdrawal_status


def _statement(api, query: str = "") -> dict:
    response = api.get(f"/customers/{CUSTOMER}/wallet/statement?currency=usd{query}")
    assert response.status_code == 200, response.json
    return response.json


def test_the_statement_lists_every_movement_with_running_balances(app, api, merchant, catalog, sandbox, worker):
    from app.extensions import db
    from app.ledger.wallet.services import cancel_wallet_payment, try_wallet_payment
    from app.platform.values.money import Money

    assert _statement(api)["data"] == []
    topup = top_up(api, sandbox, worker, 5000).json["topup"]
    order = create_order(api, catalog["sku"], 2)  # $19.98 from the wallet
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).status_code == 200
    refund = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500}).json["refund"]
    withdrawal = withdraw(api, CUSTOMER, 1000).json["withdrawal"]
    worker()
    decide_payout(sandbox, withdrawal["payout"]["id"], "paid")
    withdrawal_status(api, withdrawal["id"], "paid")
    # Answers give times to the second (API.md): the transfer starts a later second, which `from` below names.
    time.sleep(1.05)
    sent = api.post(f"/customers/{CUSTOMER}/transfers", json={"to": "cus_ben", "amount": 300, "currency": "usd"})
    fund(app, merchant.id, "cus_ben", 100)
    back = api.post("/customers/cus_ben/transfers", json={"to": CUSTOMER, "amount": 100, "currency": "usd"})
    with app.app_context():  # a reservation that is released (a payment the hub gave up on)
        try_wallet_payment(merchant.id, CUSTOMER, "pay_abandoned", Money(250, "usd"), livemode=False)
        cancel_wallet_payment(merchant.id, CUSTOMER, "pay_abandoned", Money(250, "usd"), livemode=False)
        db.session.remove()

    statement = _statement(api)
    assert (statement["customer"], statement["currency"], statement["has_more"]) == (CUSTOMER, "usd", False)
    rows = [
        (
            m["kind"],
            m["amount"],
            m["available_change"],
            m["frozen_change"],
            m["available_balance"],
            m["frozen_balance"],
            m["reference"]["type"],
            m["reference"]["id"],
        )
        for m in statement["data"]
    ]
    assert rows == [
        ("topup", 5000, 5000, 0, 5000, 0, "order", topup["id"]),
        ("payment_try", 1998, -1998, 1998, 3002, 1998, "order", order["id"]),
        ("payment_confirm", 1998, 0, -1998, 3002, 0, "order", order["id"]),
        ("refund", 500, 500, 0, 3502, 0, "refund", refund["id"]),
        ("withdrawal", 1000, -1000, 1000, 2502, 1000, "withdrawal", withdrawal["id"]),
        ("withdrawal_paid", 1000, 0, -1000, 2502, 0, "withdrawal", withdrawal["id"]),
        ("transfer_out", 300, -300, 0, 2202, 0, "transfer", sent.json["transfer"]["id"]),
        ("transfer_in", 100, 100, 0, 2302, 0, "transfer", back.json["transfer"]["id"]),
        ("payment_try", 250, -250, 250, 2052, 250, "order", "pay_abandoned"),
        ("payment_cancel", 250, 250, -250, 2302, 0, "order", "pay_abandoned"),
    ]
    assert held(api, CUSTOMER) == (2302, 0)  # the last running balance is the balance
    assert statement["data"][1]["order"] == order["id"]

    # Pages of two carry the running balance of everything before them.
    first = _statement(api, "&limit=2")
    second = _statement(api, f"&limit=2&starting_after={first['data'][-1]['id']}")
    assert first["has_more"] and [m["available_balance"] for m in second["data"]] == [3002, 3502]
    assert _statement(api, f"&starting_after={statement['data'][-1]['id']}")["data"] == []
    bad = api.get(f"/customers/{CUSTOMER}/wallet/statement?currency=usd&starting_after=je_nope")
    assert (bad.status_code, bad.json["error"]["param"]) == (400, "starting_after")
    # A period shows its movements with their true running balances.
    later = _statement(api, f"&from={statement['data'][6]['created_at']}")
    assert later["data"][0]["kind"] == "transfer_out" and later["data"][0]["available_balance"] == 2202
    assert _statement(api, f"&to={int(time.time()) - 3600}")["data"] == []
    assert api.get(f"/customers/{CUSTOMER}/wallet/statement?currency=usd&from=yesterday").status_code == 400

    exported = api.get(f"/customers/{CUSTOMER}/wallet/statement.csv?currency=usd")
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    lines = list(csv.reader(io.StringIO(exported.get_data(as_text=True))))
    header = lines.index(next(line for line in lines if line[:1] == ["movement"]))
    body = lines[header + 1 :]
    assert [line[2] for line in body] == [row[0] for row in rows]
    assert [int(line[10]) for line in body] == [row[4] for row in rows]
    assert body[4][3:5] == ["withdrawal", withdrawal["id"]] and body[-1][-1] == "$23.02"
    books_are_clean(app)
