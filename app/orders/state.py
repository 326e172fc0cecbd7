"""The order state machine (DESIGN.md §3): which status may follow which.

A failed payment sends ``paying`` back to ``created`` so the shopper can try again until
the order expires; expiry, cancel and risk blocks close it.
"""
from __future__ import annotations

STATUSES = ("created", "paying", "paid", "fulfilled", "completed", "refunding", "refunded", "closed")

TRANSITIONS: dict[str, frozenset[str]] = {
    "created": frozenset({"paying", "closed"}),
    "paying": frozenset({"paid", "created", "closed"}),
    "paid": frozenset({"fulfilled", "refunding"}),
    "fulfilled": frozenset({"completed", "refunding"}),
    "completed": frozenset({"refunding"}),
    # A partial refund returns the order to where it was; a full one ends it.
    "refunding": frozenset({"refunded", "paid", "fulfilled", "completed"}),
    "refunded": frozenset(),
    "closed": frozenset(),
}

TERMINAL = frozenset(s for s, nxt in TRANSITIONS.items() if not nxt)


def can_transition(current: str, target: str) -> bool:
    """Whether ``target`` may follow ``current``."""
    return target in TRANSITIONS.get(current, frozenset())
