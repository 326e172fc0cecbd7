"""Wallet money that moves without an order: a withdrawal to the customer's payout account, and a transfer from
one customer to another of the same merchant. The postings, in the mode's book:

- ``wallet.withdrawal`` (withdrawal id): available → frozen, under the wallet's lock and only if covered;
- ``wallet.withdrawal_paid``: frozen → payouts in transit, when its payout is paid (the payout's own
  ``payout.paid`` entry takes the money on to the payout channel's clearing, as for a settlement's payout);
- ``wallet.withdrawal_returned``: frozen → available, when the payout failed for good or review rejected it;
- ``wallet.transfer`` (transfer id): the sender's available → the recipient's available, both wallets locked in
  a fixed order, the sender's balance checked under the lock: one balanced entry.

The withdrawal's frozen money is its own: only its paid or returned entry takes it out, once, so neither needs
the lock (nothing can be overspent by money leaving ``frozen`` or arriving in ``available``).
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from app.errors import InvalidRequest
from app.ledger.accounts import available_account, frozen_account, payouts_in_transit_account
from app.ledger.journal import post_journal_entry
from app.ledger.wallet.services import locked_wallets, require_covered, require_positive
from app.platform.values.money import Money


@contextmanager
def withdrawal_hold(
    merchant_id: str, customer_id: str, withdrawal_id: str, amount: Money, *, livemode: bool
) -> Iterator[None]:
    """Freeze ``amount`` of the customer's available balance for a withdrawal, under the wallet's lock, in the
    caller's transaction: the caller writes the withdrawal and commits inside the block. InsufficientBalance
    (422) when the balance does not cover it, and nothing moves."""
    require_positive(amount)
    with locked_wallets(merchant_id, [customer_id], amount.currency):
        require_covered(merchant_id, customer_id, amount, livemode=livemode)
        post_journal_entry(
            merchant_id,
            "wallet.withdrawal",
            withdrawal_id,
            [
                (available_account(customer_id, livemode=livemode), -amount.amount, amount.currency),
                (frozen_account(customer_id, livemode=livemode), amount.amount, amount.currency),
            ],
        )
        yield


def post_withdrawal_paid(
    merchant_id: str, customer_id: str, withdrawal_id: str, amount: Money, *, livemode: bool
) -> None:
    """The withdrawal's payout was paid: its frozen money leaves the wallet for payouts in transit (caller's
    transaction; once per withdrawal)."""
    post_journal_entry(
        merchant_id,
        "wallet.withdrawal_paid",
        withdrawal_id,
        [
            (frozen_account(customer_id, livemode=livemode), -amount.amount, amount.currency),
            (payouts_in_transit_account(livemode=livemode), amount.amount, amount.currency),
        ],
    )


def post_withdrawal_returned(
    merchant_id: str, customer_id: str, withdrawal_id: str, amount: Money, *, livemode: bool
) -> None:
    """The withdrawal will not be paid: its frozen money is available to the customer again (caller's
    transaction; once per withdrawal)."""
    post_journal_entry(
        merchant_id,
        "wallet.withdrawal_returned",
        withdrawal_id,
        [
            (frozen_account(customer_id, livemode=livemode), -amount.amount, amount.currency),
            (available_account(customer_id, livemode=livemode), amount.amount, amount.currency),
        ],
    )


@contextmanager
def transfer_hold(
    merchant_id: str, sender: str, recipient: str, transfer_id: str, amount: Money, *, livemode: bool
) -> Iterator[None]:
    """Move ``amount`` from the sender's available balance to the recipient's, both wallets locked, in the caller's
    transaction: the caller records the transfer and commits inside the block. InsufficientBalance (422) when the
    sender's balance does not cover it; a transfer to oneself is a 400."""
    require_positive(amount)
    if sender == recipient:
        raise InvalidRequest("a transfer needs two different customers: to names the sender", param="to")
    with locked_wallets(merchant_id, [sender, recipient], amount.currency):
        require_covered(merchant_id, sender, amount, livemode=livemode)
        post_journal_entry(
            merchant_id,
            "wallet.transfer",
            transfer_id,
            [
                (available_account(sender, livemode=livemode), -amount.amount, amount.currency),
                (available_account(recipient, livemode=livemode), amount.amount, amount.currency),
            ],
        )
        yield
