"""The subscription state machine: which status may follow which."""

from __future__ import annotations

STATUSES = ("pending", "trialing", "active", "past_due", "paused", "canceled", "expired")

TRANSITIONS: dict[str, frozenset[str]] = {
    # The first order is unpaid: paying activates, expiry of that order expires the contract.
    "pending": frozenset({"trialing", "active", "canceled", "expired"}),
    "trialing": frozenset({"active", "past_due", "paused", "canceled"}),
    "active": frozenset({"past_due", "paused", "canceled"}),
    "past_due": frozenset({"active", "paused", "canceled"}),
    "paused": frozenset({"trialing", "active", "canceled"}),  # trialing: resumed within its free trial
    "canceled": frozenset(),
    "expired": frozenset(),
}

# Contracts that have ended for good: nothing follows. Reaching one ends the contract's mandate
# (app/signing/contracts.py, app/signing/unsigning.py).
TERMINAL = frozenset(status for status, after in TRANSITIONS.items() if not after)

# Contracts that can still be charged or changed.
LIVE = frozenset({"trialing", "active", "past_due", "paused"})

# Contracts in good standing: their next period is opened when due and announced ahead (past_due is still being
# tried for the period already open, so it opens no new one).
CHARGEABLE = ("active", "trialing")


# Why a contract ends with its paid period (``cancel_at_period_end``): the customer or the merchant asked for it, which
# nothing undoes; or its mandate was revoked, so nothing could charge the next period, which a new mandate undoes.
ENDS_REQUESTED = "requested"
ENDS_MANDATE_REVOKED = "mandate_revoked"


def can_transition(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())
