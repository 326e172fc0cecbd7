"""Journal entries for money that moves at a provider: a capture and a refund of a card or QR payment.

Each is posted in the same transaction as the state change that records it (the attempt becoming
``succeeded``, the refund becoming ``succeeded``), once per attempt or refund id. Wallet payments are not
posted here: the wallet's own entries (app/ledger/wallet.py) already move the money inside Kassa.
"""
from __future__ import annotations

from app.ledger.accounts import channel_clearing_account, owner_account
from app.ledger.journal import post_journal_entry

WALLET = "wallet"


def post_capture(*, merchant_id: str, attempt_id: str, channel: str, amount: int, currency: str,
                 order_kind: str, livemode: bool) -> None:
    """The provider took ``amount`` for this attempt: channel clearing → the order's owner. A capture on an
    order Kassa had closed is posted too: the money arrived, and its compensation refund posts it back."""
    if channel == WALLET:
        return
    post_journal_entry(merchant_id, "payment.capture", attempt_id, [
        (channel_clearing_account(channel, livemode=livemode), -amount, currency),
        (owner_account(merchant_id, order_kind, livemode=livemode), amount, currency)])


def post_refund(*, merchant_id: str, refund_id: str, channel: str, amount: int, currency: str,
                order_kind: str, livemode: bool) -> None:
    """The provider gave ``amount`` back to the shopper: the order's owner → channel clearing."""
    if channel == WALLET:
        return
    post_journal_entry(merchant_id, "payment.refund", refund_id, [
        (owner_account(merchant_id, order_kind, livemode=livemode), -amount, currency),
        (channel_clearing_account(channel, livemode=livemode), amount, currency)])
