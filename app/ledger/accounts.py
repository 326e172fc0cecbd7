"""The chart of accounts: every account name the ledger posts to, in one place.

Sign convention (DESIGN.md §5): a positive posting adds to what an account holds for its owner. Money
arriving at a provider for us is a negative posting on that channel's clearing account (the provider
owes it to us) and a positive one on whoever it belongs to: the merchant's receivable for a purchase,
the top-up suspense account for a top-up until it is credited to the customer's wallet.

Live and test money never share an account: live names carry the ``live:`` prefix (``in_book``).
"""

from __future__ import annotations

LIVE_BOOK = "live:"


def in_book(account: str, *, livemode: bool) -> str:
    """The account's name in the mode's book: live accounts carry the ``live:`` prefix."""
    return LIVE_BOOK + account if livemode else account


def wallet_accounts_prefix(*, livemode: bool) -> str:
    """What every wallet account of one mode (and none of the other) begins with."""
    return in_book("wallet:", livemode=livemode)


def available_account(customer_id: str, *, livemode: bool) -> str:
    """What the customer may spend from their wallet."""
    return in_book(f"wallet:{customer_id}:available", livemode=livemode)


def frozen_account(customer_id: str, *, livemode: bool) -> str:
    """What a wallet payment has reserved (tried, not yet confirmed or cancelled)."""
    return in_book(f"wallet:{customer_id}:frozen", livemode=livemode)


def receivable_account(merchant_id: str, *, livemode: bool) -> str:
    """What the merchant has earned and not yet cleared to its partners."""
    return in_book(f"merchant:{merchant_id}:receivable", livemode=livemode)


def topup_clearing_account(*, livemode: bool) -> str:
    """A top-up's money between its capture and its credit to the customer's wallet."""
    return in_book("clearing:topups", livemode=livemode)


def channel_clearing_account(channel: str, *, livemode: bool) -> str:
    """What the provider behind ``channel`` holds for us (captured, not yet settled or refunded)."""
    return in_book(f"channel:{channel}:clearing", livemode=livemode)


def channel_fee_account(channel: str, *, livemode: bool) -> str:
    """What the provider behind ``channel`` kept as its fee (net of fees it gave back on refunds)."""
    return in_book(f"channel:{channel}:fees", livemode=livemode)


def platform_fee_account(*, livemode: bool) -> str:
    """The platform operator's fee on what its merchants sell."""
    return in_book("platform:fees", livemode=livemode)


def partner_account(partner_id: str, *, livemode: bool) -> str:
    """What a partner of the merchant (``self`` for the merchant itself) is owed from cleared orders and has not
    been paid out. Its clearing lines carry ``available_at``: before then the money is pending, after it
    available (app/ledger/balance.py)."""
    return in_book(f"partner:{partner_id}:payable", livemode=livemode)


def refunds_in_flight_account(merchant_id: str, *, livemode: bool) -> str:
    """Money set aside for a refund that the provider has not confirmed yet (the merchant's frozen balance)."""
    return in_book(f"merchant:{merchant_id}:refunds_in_flight", livemode=livemode)


def payouts_in_transit_account(*, livemode: bool) -> str:
    """Payouts sent to the provider and not yet confirmed paid."""
    return in_book("payouts:in_transit", livemode=livemode)


def owner_account(merchant_id: str, order_kind: str, *, livemode: bool) -> str:
    """Whose money a capture of this kind of order is: the merchant's, or the customer's top-up in suspense."""
    if order_kind == "topup":
        return topup_clearing_account(livemode=livemode)
    return receivable_account(merchant_id, livemode=livemode)
