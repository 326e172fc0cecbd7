"""The chart of accounts: every account name the ledger posts to, in one place.

Sign convention (DESIGN.md §5): a positive posting adds to what an account holds for its owner. Money
arriving at a provider for us is a negative posting on that channel's clearing account (the provider
owes it to us) and a positive one on whoever it belongs to: the merchant's receivable for a purchase,
the top-up suspense account for a top-up until it is credited to the customer's wallet.

Live and test money never share an account: live names carry the ``live:`` prefix (``in_book``).
"""
from __future__ import annotations

from app.ledger.wallet import in_book, receivable_account, topup_clearing_account

__all__ = ["channel_clearing_account", "receivable_account", "topup_clearing_account", "owner_account"]


def channel_clearing_account(channel: str, *, livemode: bool) -> str:
    """What the provider behind ``channel`` holds for us (captured, not yet settled or refunded)."""
    return in_book(f"channel:{channel}:clearing", livemode=livemode)


def owner_account(merchant_id: str, order_kind: str, *, livemode: bool) -> str:
    """Whose money a capture of this kind of order is: the merchant's, or the customer's top-up in suspense."""
    if order_kind == "topup":
        return topup_clearing_account(livemode=livemode)
    return receivable_account(merchant_id, livemode=livemode)
