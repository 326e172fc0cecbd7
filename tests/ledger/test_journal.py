"""The double-entry journal: only balanced entries, integer amounts, balances summed from postings."""

from __future__ import annotations

import pytest

from app.extensions import db
from app.ledger.journal import UnbalancedEntry, account_balance, account_balances, post_journal_entry
from app.ledger.models import JournalEntry, Posting


def test_an_unbalanced_entry_is_refused_and_writes_nothing(ctx):
    with pytest.raises(UnbalancedEntry, match="do not balance"):
        post_journal_entry("mch_a", "test.move", "r1", [("cash", 100, "usd"), ("sales", -99, "usd")])
    db.session.rollback()
    assert db.session.query(JournalEntry).count() == 0
    assert db.session.query(Posting).count() == 0


def test_entries_balance_per_currency_not_in_total(ctx):
    with pytest.raises(UnbalancedEntry):
        post_journal_entry("mch_a", "test.fx", "r1", [("cash", 100, "usd"), ("cash", -100, "eur")])


@pytest.mark.parametrize("amount", [10.0, "10", True])
def test_amounts_must_be_integer_minor_units(ctx, amount):
    with pytest.raises(UnbalancedEntry, match="int of minor units"):
        post_journal_entry("mch_a", "test.float", "r1", [("cash", amount, "usd"), ("sales", -10, "usd")])


def test_balances_are_derived_from_postings_and_entries_post_once(ctx):
    post_journal_entry("mch_a", "test.sale", "r1", [("cash", 700, "usd"), ("sales", -700, "usd")])
    post_journal_entry("mch_a", "test.sale", "r2", [("cash", 300, "usd"), ("sales", -300, "usd")])
    post_journal_entry("mch_a", "test.sale", "r3", [("cash", 50, "eur"), ("sales", -50, "eur")])
    first = post_journal_entry("mch_a", "test.refund", "r4", [("cash", -200, "usd"), ("sales", 200, "usd")])
    again = post_journal_entry("mch_a", "test.refund", "r4", [("cash", -200, "usd"), ("sales", 200, "usd")])
    db.session.commit()

    assert again.id == first.id  # (kind, reference) is the idempotency key
    assert account_balance("mch_a", "cash", "usd") == 800
    assert account_balances("mch_a", ["cash", "sales"]) == {
        ("cash", "usd"): 800,
        ("sales", "usd"): -800,
        ("cash", "eur"): 50,
        ("sales", "eur"): -50,
    }
    # Another merchant's books are separate.
    assert account_balance("mch_b", "cash", "usd") == 0


def test_a_claimed_entry_posted_twice_fails_instead_of_moving_the_money_again(ctx):
    """A caller that claims its entry skips the look-up; should it ever post the same (kind, reference) twice,
    the second write fails with its transaction and the books keep the first entry only."""
    from sqlalchemy.exc import IntegrityError

    post_journal_entry("mch_a", "test.capture", "pay_1", [("clearing", -500, "usd"), ("owner", 500, "usd")])
    db.session.commit()
    with pytest.raises(IntegrityError):
        post_journal_entry(
            "mch_a", "test.capture", "pay_1", [("clearing", -500, "usd"), ("owner", 500, "usd")], claimed=True
        )
    db.session.rollback()
    assert db.session.query(JournalEntry).count() == 1
    assert account_balance("mch_a", "owner", "usd") == 500


def test_the_database_refuses_a_posting_whose_entry_does_not_exist(ctx):
    from sqlalchemy.exc import DBAPIError

    with pytest.raises(DBAPIError, match="journal entry that does not exist"):
        db.session.execute(
            Posting.__table__.insert().values(
                entry_id="je_missing", merchant_id="mch_a", account="cash", amount=100, currency="usd"
            )
        )
    db.session.rollback()
    assert db.session.query(Posting).count() == 0
