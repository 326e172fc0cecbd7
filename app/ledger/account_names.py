"""Plain-language names for the chart of accounts (app/ledger/accounts.py), for people reading their balance: a
merchant new to Kassa read ``merchant:mch_…:receivable`` and could not tell what it held."""

from __future__ import annotations

from app.ledger.accounts import LIVE_BOOK

# The last part of an account's name → what it holds, said to the merchant whose books these are.
_BY_KIND = {
    ("merchant", "receivable"): "Captured, waiting for its orders to complete",
    ("merchant", "refunds_in_flight"): "Refunds waiting for the provider to confirm them",
    ("channel", "clearing"): "Held by the payment provider ({0})",
    ("channel", "fees"): "Payment provider fees ({0})",
    ("wallet", "available"): "Customer {0}'s wallet",
    ("wallet", "frozen"): "Customer {0}'s wallet, reserved for a payment",
}
_WHOLE = {
    "platform:fees": "Platform fees",
    "payouts:in_transit": "Payouts on their way to the bank",
    "clearing:topups": "Wallet top-ups being credited",
    "partner:self:payable": "Your share, to be paid out to you",
}


def describe_account(account: str) -> str:
    """What an account holds, in words (its ledger name when it is of no known kind)."""
    name = account.removeprefix(LIVE_BOOK)
    if name in _WHOLE:
        return _WHOLE[name]
    kind, _, rest = name.partition(":")
    owner, _, part = rest.rpartition(":")
    if kind == "partner" and part == "payable":
        return f"Owed to partner {owner}"
    template = _BY_KIND.get((kind, part))
    return template.format(owner) if template and owner else account
