"""Steps the wallet tests share: money put in a wallet through the ledger's top-up credit (the top-up itself is
tested elsewhere), balances read through the API, a withdrawal asked for, and the books checked."""

from __future__ import annotations

from tests.conftest import wait_for


def fund(app, merchant_id: str, customer: str, amount: int, *, livemode: bool = False) -> None:
    """Credit ``amount`` cents to the customer's wallet as a paid top-up would."""
    from app.extensions import db
    from app.ledger.wallet.services import credit_topup
    from app.platform.values.money import Money

    with app.app_context():
        credit_topup(
            merchant_id, customer, Money(amount, "usd"), reference=f"seed_{customer}_{amount}", livemode=livemode
        )
        db.session.commit()


def held(api, customer: str) -> tuple[int, int]:
    """(available, frozen) in USD, from GET /customers/{id}/balance."""
    body = api.get(f"/customers/{customer}/balance").json
    pick = lambda bucket: next((m["amount"] for m in body[bucket] if m["currency"] == "usd"), 0)  # noqa: E731
    return pick("available"), pick("frozen")


def withdraw(api, customer: str, amount: int, destination: str = "acct_ada_0001", **headers):
    return api.post(
        f"/customers/{customer}/withdrawals",
        json={"amount": amount, "currency": "usd", "destination": destination},
        headers=headers,
    )


def withdrawal_status(api, withdrawal_id: str, status: str) -> dict:
    """Wait until the withdrawal has ``status`` (its payout's outcome arrives by callback); the withdrawal."""
    return wait_for(lambda: (w := api.get(f"/withdrawals/{withdrawal_id}").json)["status"] == status and w)


def books_are_clean(app) -> None:
    """The ledger integrity check finds nothing: every entry balances and the books sum to zero."""
    from app.payments.integrity import run_check

    with app.app_context():
        check = run_check()
        assert check.ok, check.findings
