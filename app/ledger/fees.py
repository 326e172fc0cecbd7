"""Fee arithmetic: what a channel keeps of a capture, and what of it comes back when the capture is refunded.

A channel's fee is ``fixed + bps/10000 × amount`` (half up, never more than the amount). A refund gets back the part
of the fee proportional to what it refunds, counted cumulatively (round(fee × refunded so far / captured) minus what
earlier refunds got back), so refunding a capture in full always gives back exactly its whole fee, in any number of
parts. The sandbox provider publishes the same schedule (docs/sandbox.md); reconciliation compares the two. Which
rate applies to a merchant is app/payments/fees.py's business.
"""
from __future__ import annotations


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def capture_fee(amount: int, *, bps: int, fixed: int) -> int:
    """The fee on a capture of ``amount`` minor units."""
    if amount <= 0:
        return 0
    return min(amount, fixed + _half_up(amount * bps, 10000))


def fee_back(fee: int, captured: int, refunded_before: int, refunding: int) -> int:
    """The part of ``fee`` that a refund of ``refunding`` gets back, after ``refunded_before`` went back earlier."""
    if fee <= 0 or captured <= 0:
        return 0
    return _half_up(fee * (refunded_before + refunding), captured) - _half_up(fee * refunded_before, captured)
