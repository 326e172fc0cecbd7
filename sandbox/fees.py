"""The provider's fee schedule: 2.9 % of each capture plus a fixed part of about 30 US cents in the capture's
currency (30 minor units of a two-decimal currency, else the table's amount), and the part of it a refund gives back.

The provider imports nothing of Kassa's, so this is its own copy of the published rate (docs/sandbox.md "Fees");
Kassa's books compute the same numbers on their side, and reconciliation compares the two.
"""

from __future__ import annotations

FIXED = 30
# 30 minor units are $0.30 but ¥30 and 0.030 KWD: where that is far from 30 cents, the fixed part is its own.
FIXED_BY_CURRENCY = {
    "jpy": 40,
    "krw": 400,
    "vnd": 8_000,
    "clp": 300,
    "isk": 40,
    "idr": 500_000,
    "bhd": 100,
    "kwd": 100,
    "jod": 200,
    "omr": 100,
    "tnd": 1_000,
}
BASIS_POINTS = 290


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def capture_fee(amount: int, currency: str) -> int:
    """What the provider keeps of a succeeded capture of ``amount``: never more than the capture itself."""
    if amount <= 0:
        return 0
    fixed = FIXED_BY_CURRENCY.get(currency.lower(), FIXED)
    return min(amount, fixed + _half_up(amount * BASIS_POINTS, 10000))


def fee_back(captured: int, refunded_before: int, refunding: int, currency: str) -> int:
    """The part of a capture's fee a refund of ``refunding`` gives back, after ``refunded_before`` went back earlier.

    Counted cumulatively, so refunding the whole capture, in any number of parts, returns exactly the whole fee."""
    fee = capture_fee(captured, currency)
    if fee <= 0:
        return 0
    return _half_up(fee * (refunded_before + refunding), captured) - _half_up(fee * refunded_before, captured)
