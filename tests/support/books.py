"""Steps the books' tests share: partners and clearing rules set up through the API, an order taken from
checkout to completed (and so cleared), settlements run, and the sandbox's payouts decided."""

from __future__ import annotations

import time

import requests
from sqlalchemy import func, select

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of

DAY = 86_400


def add_partner(api, name: str, payout_account: str | None = "acct_studio_0001", **extra) -> dict:
    created = api.post("/partners", json={"name": name, "payout_account": payout_account, **extra})
    assert created.status_code == 201, created.json
    return created.json


def set_rule(api, sku: str, splits: list[tuple[str, int]], hold_days: int = 0):
    return api.patch(
        f"/skus/{sku}",
        json={"clearing": {"splits": [{"partner": p, "share_bps": bps} for p, bps in splits], "hold_days": hold_days}},
    )


def completed_order(
    api, sandbox, worker, items: list[tuple[str, int]], customer: str = "cus_books", currency: str | None = None
) -> dict:
    """An order paid through the sandbox, fulfilled, confirmed and cleared (the worker runs the outbox); in
    ``currency`` when given (the SKUs' price in it), else their default prices."""
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": s, "quantity": q} for s, q in items],
            "customer": {"id": customer},
            "agreement_accepted": True,
            **({"currency": currency} if currency else {}),
        },
    )
    assert created.status_code == 201, created.json
    order = created.json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # order.completed → cleared
    return api.get(f"/orders/{order['id']}").json


def run_settlements(api, worker, *, days_ahead: float = 1) -> list[dict]:
    """Cut every settlement up to ``days_ahead`` from now and send their payouts; the settlements."""
    ran = api.post("/settlements/run", json={"until": int(time.time() + days_ahead * DAY)})
    assert ran.status_code == 202, ran.json
    worker()  # send the payouts
    return [api.get(f"/settlements/{sid}").json for sid in ran.json["settlements"]]


def decide_payout(sandbox, payout_id: str, outcome: str, reference: str | None = None) -> dict:
    """The sandbox's bank pays or refuses a payout (by our reference, as Kassa sent it)."""
    answer = requests.post(
        f"{sandbox.url}/sandbox/api/payouts/{reference or payout_id}/simulate", json={"outcome": outcome}, timeout=10
    )
    assert answer.status_code == 200, answer.text
    return answer.json()


def partner_lines(app, merchant_id: str, partner: str) -> int:
    """What a partner's payable account holds, straight from the postings."""
    from app.extensions import db
    from app.ledger.accounts import partner_account
    from app.ledger.models import Posting

    with app.app_context():
        return int(
            db.session.scalar(
                select(func.coalesce(func.sum(Posting.amount), 0)).where(
                    Posting.merchant_id == merchant_id, Posting.account == partner_account(partner, livemode=False)
                )
            )
        )


def ledger_sums(app) -> dict[str, int]:
    from app.extensions import db
    from app.ledger.models import Posting

    with app.app_context():
        return dict(
            db.session.execute(select(Posting.currency, func.sum(Posting.amount)).group_by(Posting.currency)).all()
        )
