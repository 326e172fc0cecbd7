"""Wallet Try–Confirm–Cancel: each phase once, no overdraft, no hanging reservation."""

from __future__ import annotations

import threading

import pytest

from app.errors import Conflict
from app.extensions import db
from app.ledger.journal import account_balance
from app.ledger.wallet.services import (
    InsufficientBalance,
    cancel_wallet_payment,
    confirm_wallet_payment,
    credit_topup,
    try_wallet_payment,
    wallet_balance,
    wallet_phases,
)
from app.platform.values.money import Money

M, C = "mch_wallet", "cus_ada"


def usd(amount: int) -> Money:
    return Money(amount, "usd")


def fund(amount: int, reference: str = "ord_seed") -> None:
    credit_topup(M, C, usd(amount), reference=reference, livemode=False)
    db.session.commit()


def balance() -> tuple[int, int]:
    b = wallet_balance(M, C, livemode=False)
    return b.available.get("usd", 0), b.frozen.get("usd", 0)


def test_try_then_confirm_moves_money_to_the_merchant_once(ctx):
    fund(1000)
    fund(1000)  # the same top-up reference credits once
    assert balance() == (1000, 0)

    assert try_wallet_payment(M, C, "pay_1", usd(400), livemode=False) is True
    assert try_wallet_payment(M, C, "pay_1", usd(400), livemode=False) is False  # a retried try is a no-op
    assert balance() == (600, 400)

    assert confirm_wallet_payment(M, C, "pay_1", usd(400), livemode=False) is True
    assert confirm_wallet_payment(M, C, "pay_1", usd(400), livemode=False) is False
    assert balance() == (600, 0)
    assert account_balance(M, f"merchant:{M}:receivable", "usd") == 400

    with pytest.raises(Conflict, match="already captured"):
        cancel_wallet_payment(M, C, "pay_1", usd(400), livemode=False)
    assert balance() == (600, 0)


def test_cancel_after_try_unfreezes_once(ctx):
    fund(1000)
    try_wallet_payment(M, C, "pay_1", usd(300), livemode=False)
    assert cancel_wallet_payment(M, C, "pay_1", usd(300), livemode=False) is True
    assert cancel_wallet_payment(M, C, "pay_1", usd(300), livemode=False) is False
    assert balance() == (1000, 0)
    with pytest.raises(Conflict, match="canceled"):
        confirm_wallet_payment(M, C, "pay_1", usd(300), livemode=False)
    assert balance() == (1000, 0)


def test_a_cancel_before_its_try_refuses_the_late_try(ctx):
    fund(1000)
    # only a marker: nothing to unfreeze
    assert cancel_wallet_payment(M, C, "pay_late", usd(300), livemode=False) is True
    assert balance() == (1000, 0)
    with pytest.raises(Conflict) as refused:
        try_wallet_payment(M, C, "pay_late", usd(300), livemode=False)
    assert refused.value.code == "payment_canceled"
    assert balance() == (1000, 0)
    assert wallet_phases("pay_late") == {"cancel"}


def test_confirm_needs_a_try(ctx):
    fund(1000)
    with pytest.raises(Conflict) as refused:
        confirm_wallet_payment(M, C, "pay_x", usd(100), livemode=False)
    assert refused.value.code == "wallet_funds_not_reserved"
    assert balance() == (1000, 0)


def test_insufficient_balance_is_refused_with_nothing_frozen(ctx):
    fund(500)
    with pytest.raises(InsufficientBalance) as refused:
        try_wallet_payment(M, C, "pay_big", usd(501), livemode=False)
    assert refused.value.status == 422 and refused.value.code == "insufficient_balance"
    assert "$5.00" in refused.value.message
    assert balance() == (500, 0)
    assert wallet_phases("pay_big") == set()
    # Money in another currency does not count.
    with pytest.raises(InsufficientBalance):
        try_wallet_payment(M, C, "pay_eur", Money(100, "eur"), livemode=False)


@pytest.mark.postgres_only
def test_concurrent_tries_never_overdraw(app, ctx):
    fund(1000)
    outcomes: list[str] = []
    start = threading.Barrier(10)

    def shopper(n: int) -> None:
        with app.app_context():
            start.wait()
            try:
                try_wallet_payment(M, C, f"pay_{n}", usd(300), livemode=False)
                outcomes.append("frozen")
            except InsufficientBalance:
                outcomes.append("refused")
            finally:
                db.session.remove()

    threads = [threading.Thread(target=shopper, args=(n,)) for n in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)

    assert sorted(outcomes) == ["frozen"] * 3 + ["refused"] * 7
    db.session.expire_all()
    assert balance() == (100, 900)


def test_test_and_live_money_of_one_customer_are_separate_wallets(ctx):
    fund(1000)  # test mode
    with pytest.raises(InsufficientBalance):
        try_wallet_payment(M, C, "pay_live", usd(100), livemode=True)
    credit_topup(M, C, usd(300), reference="ord_live_seed", livemode=True)
    db.session.commit()
    assert try_wallet_payment(M, C, "pay_live", usd(300), livemode=True) is True
    assert confirm_wallet_payment(M, C, "pay_live", usd(300), livemode=True) is True
    assert balance() == (1000, 0)
    live = wallet_balance(M, C, livemode=True)
    assert (live.available, live.frozen) == ({"usd": 0}, {"usd": 0})
    assert account_balance(M, "live:merchant:mch_wallet:receivable", "usd") == 300
    assert account_balance(M, "merchant:mch_wallet:receivable", "usd") == 0
