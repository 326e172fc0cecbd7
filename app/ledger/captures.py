"""Journal entries for money that moves at a provider: a capture and a refund of a card or QR payment.

Each is posted in the same transaction as the state change that records it (the attempt becoming
``succeeded``, the refund becoming ``succeeded``), once per attempt or refund id. Wallet payments are not
posted here: the wallet's own entries (app/ledger/wallet/services.py) already move the money inside Kassa.
"""

from __future__ import annotations

from app.ledger.accounts import channel_clearing_account, owner_account, refunds_in_flight_account
from app.ledger.journal import Leg, claimed_entry_rows, post_journal_entry
from app.ledger.refund_holds import was_held

WALLET = "wallet"


def capture_entry(
    *,
    merchant_id: str,
    attempt_id: str,
    order_id: str,
    channel: str,
    amount: int,
    currency: str,
    order_kind: str,
    livemode: bool,
    business_line_id: str | None = None,
) -> list:
    """The provider took ``amount`` for this attempt: channel clearing → the order's owner, as the rows of a new
    entry the caller writes in its transaction (with the order's move). A capture on an order Kassa had closed is
    posted too: the money arrived, and its compensation refund posts it back. For the transaction whose conditional
    UPDATE made the attempt ``succeeded``, which happens once per attempt (the status is final): the entry is new.
    No rows for the wallet's payment (the wallet books it) or a payment of nothing (a trial's signing moves none)."""
    if channel == WALLET or amount == 0:
        return []
    return claimed_entry_rows(
        merchant_id,
        "payment.capture",
        attempt_id,
        [
            Leg(channel_clearing_account(channel, livemode=livemode), -amount, currency, order_id=order_id),
            Leg(owner_account(merchant_id, order_kind, livemode=livemode), amount, currency, order_id=order_id),
        ],
        business_line_id=business_line_id,
    )


def refund_source(merchant_id: str, refund_id: str, provider_attempt: int, order_kind: str, *, livemode: bool) -> str:
    """Where a confirmed refund's money leaves from: the refunds-in-flight account its hold filled
    (app/ledger/refund_holds.py), or the order's owner for a top-up or a refund started before holds existed."""
    if order_kind != "topup" and was_held(refund_id, provider_attempt):
        return refunds_in_flight_account(merchant_id, livemode=livemode)
    return owner_account(merchant_id, order_kind, livemode=livemode)


def post_refund(
    *,
    merchant_id: str,
    refund_id: str,
    provider_attempt: int,
    order_id: str,
    channel: str,
    amount: int,
    currency: str,
    order_kind: str,
    livemode: bool,
    business_line_id: str | None = None,
) -> None:
    """The provider gave ``amount`` back to the shopper: out of the refund's source, into channel clearing."""
    if channel == WALLET:
        return
    source = refund_source(merchant_id, refund_id, provider_attempt, order_kind, livemode=livemode)
    post_journal_entry(
        merchant_id,
        "payment.refund",
        refund_id,
        [
            Leg(source, -amount, currency, order_id=order_id),
            Leg(channel_clearing_account(channel, livemode=livemode), amount, currency, order_id=order_id),
        ],
        business_line_id=business_line_id,
    )
