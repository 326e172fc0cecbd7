"""The payment attempt and refund state machines: which status may follow which.

The hub, the janitor and refunds move rows only along these tables (their conditional UPDATEs take the
allowed "from" statuses from here), and the portal draws its workflow diagrams from them, so the code and
the pictures cannot drift apart.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Mapping

# An attempt starts ``pending``. A create call that got no clear answer makes it ``unknown`` until the
# janitor learns the truth (back to ``pending`` while the provider still waits for the shopper). A capture
# is final; a failed or canceled attempt can still be captured: the provider took the money after Kassa
# gave up, and that money must be recorded (then kept, or returned).
ATTEMPT_STATUSES = ("pending", "unknown", "succeeded", "failed", "canceled")
ATTEMPT_INITIAL = "pending"
ATTEMPT_TRANSITIONS: dict[str, frozenset[str]] = {
    "pending": frozenset({"unknown", "succeeded", "failed", "canceled"}),
    "unknown": frozenset({"pending", "succeeded", "failed", "canceled"}),
    "failed": frozenset({"succeeded"}),
    "canceled": frozenset({"succeeded"}),
    "succeeded": frozenset(),
}

# A refund starts ``pending`` (sent, or about to be); the provider's verdict settles it. A failed refund
# may be tried again, which makes it pending once more.
REFUND_STATUSES = ("pending", "succeeded", "failed")
REFUND_INITIAL = "pending"
REFUND_TRANSITIONS: dict[str, frozenset[str]] = {
    "pending": frozenset({"succeeded", "failed"}),
    "failed": frozenset({"pending"}),
    "succeeded": frozenset(),
}


def _sources(table: Mapping[str, frozenset[str]], target: str) -> tuple[str, ...]:
    return tuple(status for status, following in table.items() if target in following)


def attempt_may_become(current: str, target: str) -> bool:
    """Whether an attempt in ``current`` may move to ``target``."""
    return target in ATTEMPT_TRANSITIONS.get(current, frozenset())


def attempt_sources(target: str) -> tuple[str, ...]:
    """The attempt statuses from which ``target`` may follow (the WHERE of a conditional UPDATE)."""
    return _sources(ATTEMPT_TRANSITIONS, target)


def refund_may_become(current: str, target: str) -> bool:
    """Whether a refund in ``current`` may move to ``target``."""
    return target in REFUND_TRANSITIONS.get(current, frozenset())


def refund_sources(target: str) -> tuple[str, ...]:
    """The refund statuses from which ``target`` may follow (the WHERE of a conditional UPDATE)."""
    return _sources(REFUND_TRANSITIONS, target)


# How long Kassa waits before asking a provider again about an outcome it could not learn (an unknown attempt, a
# refund the sweep could not send): 5 min, 1 h, then daily.
CHECK_DELAYS = (timedelta(minutes=5), timedelta(hours=1), timedelta(days=1))


def next_check_delay(checks_done: int) -> timedelta:
    """The wait before the next look at an outcome still unknown after ``checks_done`` looks."""
    return CHECK_DELAYS[min(checks_done, len(CHECK_DELAYS) - 1)]
