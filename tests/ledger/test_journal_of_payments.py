"""Every movement of money through Kassa is a balanced journal entry (issue 8 item 18): a card capture and
a card refund post to the channel's clearing account and the merchant's receivable (a refund through the
refunds-in-flight account it is held in until the provider confirms it), a card top-up waits in
the top-up suspense account until the wallet is credited, and the database itself refuses to rewrite a
posting or an entry."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from tests.conftest import wait_for
from tests.ledger.wallet.test_wallet import top_up
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of


def entries(app, kind: str) -> dict[str, dict[str, int]]:
    """{reference: {account: amount}} of every entry of ``kind``."""
    from app.extensions import db
    from app.ledger.models import JournalEntry, Posting

    with app.app_context():
        rows = db.session.execute(
            select(JournalEntry.reference, Posting.account, Posting.amount)
            .join(Posting, Posting.entry_id == JournalEntry.id)
            .where(JournalEntry.kind == kind)
        ).all()
    found: dict[str, dict[str, int]] = {}
    for reference, account, amount in rows:
        found.setdefault(reference, {})[account] = amount
    return found


def ledger_totals(app) -> dict[str, int]:
    from app.extensions import db
    from app.ledger.models import Posting

    with app.app_context():
        return dict(
            db.session.execute(select(Posting.currency, func.sum(Posting.amount)).group_by(Posting.currency)).all()
        )


def test_a_card_capture_and_a_partial_refund_are_in_the_journal(app, api, merchant, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
    refund = api.post(f"/orders/{order['id']}/refunds", json={"amount": 300})
    assert refund.status_code == 201, refund.json
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["refunded_amount"] == 300)

    receivable, clearing = f"merchant:{merchant.id}:receivable", "channel:sandbox_card:clearing"
    in_flight = f"merchant:{merchant.id}:refunds_in_flight"
    refund_id = refund.json["refund"]["id"]
    assert entries(app, "payment.capture") == {payment["id"]: {clearing: -999, receivable: 999}}
    # The refund's money is set aside when it starts, and leaves when the provider confirms it.
    assert entries(app, "refund.hold") == {f"{refund_id}:1": {receivable: -300, in_flight: 300}}
    assert entries(app, "payment.refund") == {refund_id: {in_flight: -300, clearing: 300}}
    assert ledger_totals(app) == {"usd": 0}


def test_a_failed_payment_moves_nothing(app, api, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "failed")
    wait_for(lambda: status_of(api, order["id"]) == "created")
    assert entries(app, "payment.capture") == {}


def test_a_card_top_up_waits_in_suspense_until_the_wallet_is_credited(app, api, sandbox, worker):
    top_up(api, sandbox, worker, 2500, customer="cus_journal")
    captured = entries(app, "payment.capture")
    assert list(captured.values()) == [{"channel:sandbox_card:clearing": -2500, "clearing:topups": 2500}]
    credited = list(entries(app, "wallet.topup").values())
    assert credited == [{"clearing:topups": -2500, "wallet:cus_journal:available": 2500}]
    assert ledger_totals(app) == {"usd": 0}


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE postings SET amount = amount + 1",
        "DELETE FROM postings",
        "UPDATE journal_entries SET reference = 'rewritten'",
        "DELETE FROM journal_entries",
    ],
)
def test_the_database_refuses_to_rewrite_the_ledger(app, api, catalog, sandbox, statement):
    order = create_order(api, catalog["sku"])
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
    before = entries(app, "payment.capture")
    assert before

    from app.extensions import db

    with app.app_context():
        with pytest.raises(DBAPIError, match="append-only"):
            db.session.execute(text(statement))
        db.session.rollback()
    assert entries(app, "payment.capture") == before
