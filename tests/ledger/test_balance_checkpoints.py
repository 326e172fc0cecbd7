"""Balances read from the checkpoint plus what was posted since (app/ledger/checkpoints.py) are exactly the sums of
every posting, whenever the checkpoint moved, whatever came due since, and while payments are still posting."""

from __future__ import annotations

import random
import threading
import time
from datetime import datetime, timedelta, timezone

import pytest

START = datetime(2026, 6, 1, tzinfo=timezone.utc)


def _every_posting(merchant_id: str, livemode: bool, now: datetime) -> tuple:
    """The merchant's balance and accounts summed from every posting: what they were before checkpoints."""
    from sqlalchemy import func, or_, select

    from app.extensions import db
    from app.ledger.accounts import partner_account, receivable_account, refunds_in_flight_account
    from app.ledger.models import Posting

    def sums(*where) -> dict:
        rows = db.session.execute(
            select(Posting.currency, func.sum(Posting.amount))
            .where(Posting.merchant_id == merchant_id, *where)
            .group_by(Posting.currency)
        )
        return {currency: int(total) for currency, total in rows if total}

    due = or_(Posting.available_at.is_(None), Posting.available_at <= now)
    own = Posting.account == partner_account("self", livemode=livemode)
    available = sums(own, due)
    held = sums(own, ~due)
    captured = sums(Posting.account == receivable_account(merchant_id, livemode=livemode))
    pending = {c: captured.get(c, 0) + held.get(c, 0) for c in {*captured, *held}}
    live = Posting.account.like("live:%")
    accounts = db.session.execute(
        select(Posting.account, Posting.currency, func.sum(Posting.amount))
        .where(Posting.merchant_id == merchant_id, live if livemode else ~live)
        .group_by(Posting.account, Posting.currency)
        .order_by(Posting.account, Posting.currency)
    ).all()
    return (
        {
            "available": available,
            "pending": {c: a for c, a in pending.items() if a},
            "frozen": sums(Posting.account == refunds_in_flight_account(merchant_id, livemode=livemode)),
            "wallets": sums(Posting.account.like("live:wallet:%" if livemode else "wallet:%")),
        },
        [(a, c, int(t)) for a, c, t in accounts],
    )


def _read(merchant_id: str, livemode: bool, now: datetime) -> tuple:
    from app.ledger.balance import account_balances, merchant_balance

    balance = merchant_balance(merchant_id, livemode=livemode, now=now)
    return (
        {
            "available": balance.available,
            "pending": balance.pending,
            "frozen": balance.frozen,
            "wallets": balance.wallets,
        },
        account_balances(merchant_id, livemode=livemode),
    )


def _random_entry(rng: random.Random, merchant_id: str, now: datetime, n: int) -> None:
    """A balanced entry over the accounts a balance reads (and one it does not), some lines held for days."""
    from app.ledger.accounts import partner_account, receivable_account, refunds_in_flight_account
    from app.ledger.journal import Leg, post_journal_entry

    livemode = rng.random() < 0.3
    currency = rng.choice(["usd", "eur"])
    amount = rng.randint(1, 50_000)
    accounts = [
        partner_account("self", livemode=livemode),
        receivable_account(merchant_id, livemode=livemode),
        refunds_in_flight_account(merchant_id, livemode=livemode),
        ("live:" if livemode else "") + f"wallet:cus_{rng.randint(1, 4)}:available",
        ("live:" if livemode else "") + "channel:sandbox_card:clearing",
    ]
    debit, credit = rng.sample(accounts, 2)
    held = now + timedelta(days=rng.choice([-2, 1, 3, 7])) if rng.random() < 0.5 else None
    post_journal_entry(
        merchant_id,
        "test.random",
        f"r{n}",
        [
            Leg(debit, amount, currency, available_at=held if debit.endswith("payable") else None),
            Leg(credit, -amount, currency, available_at=held if credit.endswith("payable") else None),
        ],
    )


def test_balances_through_the_checkpoint_equal_the_sums_of_every_posting(app, merchant, other_merchant):
    from app.extensions import db
    from app.ledger.checkpoints import advance_checkpoint

    rng = random.Random(12)
    now = START
    with app.app_context():
        for n in range(120):
            _random_entry(rng, rng.choice([merchant.id, other_merchant.id]), now, n)
            db.session.commit()
            moved = rng.random() < 0.15
            if moved:
                assert advance_checkpoint(now=now) >= 0
            if rng.random() < 0.2:
                now += timedelta(days=rng.choice([1, 2, 5]))  # held lines come due, between cuts and after
            if not moved and rng.random() > 0.25:
                continue
            for merchant_id in (merchant.id, other_merchant.id):
                for livemode in (False, True):
                    for at in (now, now + timedelta(days=4), now + timedelta(days=10)):
                        assert _read(merchant_id, livemode, at) == _every_posting(merchant_id, livemode, at), (n, at)
        assert advance_checkpoint(now=now + timedelta(days=30)) > 0  # everything held has come due by then
        for livemode in (False, True):
            later = now + timedelta(days=30)
            assert _read(merchant.id, livemode, later) == _every_posting(merchant.id, livemode, later)


def test_the_api_balance_is_the_same_before_and_after_the_checkpoint_job(api, app, merchant):
    from app.extensions import db
    from app.jobs import advance_balance_checkpoint
    from app.ledger.accounts import partner_account, receivable_account
    from app.ledger.journal import Leg, post_journal_entry

    soon = datetime.now(timezone.utc) + timedelta(seconds=2)
    with app.app_context():
        post_journal_entry(
            merchant.id,
            "test.capture",
            "c1",
            [
                Leg(receivable_account(merchant.id, livemode=False), 2500, "usd"),
                Leg("channel:sandbox_card:clearing", -2500, "usd"),
            ],
        )
        post_journal_entry(
            merchant.id,
            "test.clear",
            "c2",
            [
                Leg(partner_account("self", livemode=False), 1200, "usd", available_at=soon),
                Leg(partner_account("self", livemode=False), 800, "usd"),
                Leg(receivable_account(merchant.id, livemode=False), -2000, "usd"),
            ],
        )
        db.session.commit()
    before = api.get("/balance").json
    assert before["available"] == [{"amount": 800, "currency": "usd"}]
    assert before["pending"] == [{"amount": 500 + 1200, "currency": "usd"}]
    with app.app_context():
        assert advance_balance_checkpoint() > 0
    assert api.get("/balance").json == before
    # The line on hold comes due after the cut: it is available without another run of the job.
    time.sleep(max((soon - datetime.now(timezone.utc)).total_seconds(), 0) + 0.1)
    after = api.get("/balance").json
    assert after["available"] == [{"amount": 2000, "currency": "usd"}]
    assert after["pending"] == [{"amount": 500, "currency": "usd"}]


@pytest.mark.postgres_only
def test_a_cut_waits_for_postings_still_being_written_and_never_skips_them(app, merchant):
    """A payment's entry inserted but not yet committed when the job runs: the cut cannot be taken past it (the
    job tries again next time), and once it commits both the balance and the next cut count it once."""
    from app.extensions import db
    from app.ledger import checkpoints
    from app.ledger.accounts import receivable_account
    from app.ledger.balance import merchant_balance
    from app.ledger.journal import Leg, post_journal_entry

    inserted, release, done = threading.Event(), threading.Event(), threading.Event()

    def payment() -> None:
        with app.app_context():
            post_journal_entry(
                merchant.id,
                "test.capture",
                "slow",
                [
                    Leg(receivable_account(merchant.id, livemode=False), 700, "usd"),
                    Leg("channel:sandbox_card:clearing", -700, "usd"),
                ],
            )
            db.session.flush()
            inserted.set()
            release.wait(10)
            db.session.commit()
            done.set()

    with app.app_context():
        post_journal_entry(
            merchant.id,
            "test.capture",
            "early",
            [
                Leg(receivable_account(merchant.id, livemode=False), 300, "usd"),
                Leg("channel:sandbox_card:clearing", -300, "usd"),
            ],
        )
        db.session.commit()
        writer = threading.Thread(target=payment)
        writer.start()
        assert inserted.wait(10)
        try:
            assert checkpoints.advance_checkpoint() == -1  # the cut would have to wait for the payment
        finally:
            release.set()
            writer.join(10)
        assert done.is_set()
        assert merchant_balance(merchant.id, livemode=False).pending == {"usd": 1000}
        assert checkpoints.advance_checkpoint() > 0
        assert merchant_balance(merchant.id, livemode=False).pending == {"usd": 1000}
        assert _read(merchant.id, False, datetime.now(timezone.utc)) == _every_posting(
            merchant.id, False, datetime.now(timezone.utc)
        )


def test_two_checkpoint_runs_at_once_add_each_posting_once(app, merchant):
    from app.extensions import db
    from app.ledger.checkpoints import advance_checkpoint

    rng = random.Random(3)
    with app.app_context():
        for n in range(20):
            _random_entry(rng, merchant.id, START, n)
        db.session.commit()

    results: list[int] = []

    def run() -> None:
        with app.app_context():
            results.append(advance_checkpoint(now=START + timedelta(days=2)))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert len(results) == 2 and min(results) >= 0
    with app.app_context():
        for livemode in (False, True):
            for at in (START, START + timedelta(days=8)):
                assert _read(merchant.id, livemode, at) == _every_posting(merchant.id, livemode, at)


def test_a_read_that_straddles_a_move_of_the_cut_reads_again(app, merchant, monkeypatch):
    """The cut moves between a balance's two reads (the cut, then the sums): the sums would count the postings
    it moved twice, once in the checkpoint and once as posted after the old cut. The read notices and starts again."""
    from app.extensions import db
    from app.ledger import checkpoints

    rng = random.Random(5)
    with app.app_context():
        for n in range(10):
            _random_entry(rng, merchant.id, START, n)
        db.session.commit()
        assert checkpoints.advance_checkpoint(now=START) > 0
        for n in range(10, 20):
            _random_entry(rng, merchant.id, START, n)
        db.session.commit()
        stale = checkpoints._cut()
        assert checkpoints.advance_checkpoint(now=START + timedelta(days=1)) > 0
        real, reads = checkpoints._cut, iter([stale])
        monkeypatch.setattr(checkpoints, "_cut", lambda: next(reads, None) or real())
        for livemode in (False, True):
            reads = iter([stale])
            at = START + timedelta(days=5)
            assert _read(merchant.id, livemode, at) == _every_posting(merchant.id, livemode, at)
