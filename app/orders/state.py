"""The order state machine (DESIGN.md §3): which status may follow which.

A failed payment sends ``paying`` back to ``created`` so the shopper can try again until
the order expires; expiry, cancel and risk blocks close it. An order of nothing goes from ``created`` straight to
``paid``: there is no payment to wait for (app/payments/attempts/free_orders.py).
"""

from __future__ import annotations

STATUSES = ("created", "paying", "paid", "fulfilled", "completed", "refunding", "refunded", "closed")
# The statuses of an order whose money was taken (some may have been given back since).
PAID_STATUSES = ("paid", "fulfilled", "completed", "refunding", "refunded")

TRANSITIONS: dict[str, frozenset[str]] = {
    "created": frozenset({"paying", "paid", "closed"}),
    "paying": frozenset({"paid", "created", "closed"}),
    # Straight to refunded: a lost dispute gives back the rest of what refunds already gave
    # (app/payments/disputes/services.py).
    "paid": frozenset({"fulfilled", "refunding", "refunded"}),
    "fulfilled": frozenset({"completed", "refunding", "refunded"}),
    "completed": frozenset({"refunding", "refunded"}),
    # A partial refund returns the order to where it was; a full one ends it.
    "refunding": frozenset({"refunded", "paid", "fulfilled", "completed"}),
    "refunded": frozenset(),
    "closed": frozenset(),
}

TERMINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


# Moves that take no payment attempt: only an order of nothing may make them (anything else is paid through one).
WITHOUT_PAYMENT = frozenset({("created", "paid")})


def can_transition(current: str, target: str, *, total: int | None = None) -> bool:
    """Whether ``target`` may follow ``current`` for an order of ``total`` (None: not known, so no move that skips
    the payment)."""
    if (current, target) in WITHOUT_PAYMENT and total != 0:
        return False
    return target in TRANSITIONS.get(current, frozenset())
