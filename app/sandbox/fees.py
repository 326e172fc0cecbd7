"""The provider's fee schedule: 30 minor units + 2.9 % of each capture, and the part of it a refund gives back.

The provider imports nothing of Kassa's, so this is its own copy of the published rate (docs/sandbox.md "Fees");
Kassa's books compute the same numbers on their side, and reconciliation compares the two.
"""
from __future__ import annotations

FIXED = 30
BASIS_POINTS = 290


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def capture_fee(amount: int) -> int:
    """What the provider keeps of a succeeded capture of ``amount``: never more than the capture itself."""
    if amount <= 0:
        return 0
    return min(amount, FIXED + _half_up(amount * BASIS_POINTS, 10000))


def fee_back(captured: int, refunded_before: int, refunding: int) -> int:
    """The part of a capture's fee a refund of ``refunding`` gives back, after ``refunded_before`` went back earlier.

    Counted cumulatively, so refunding the whole capture, in any number of parts, returns exactly the whole fee."""
    fee = capture_fee(captured)
    if fee <= 0:
        return 0
    return _half_up(fee * (refunded_before + refunding), captured) - _half_up(fee * refunded_before, captured)
