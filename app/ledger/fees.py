"""Fee arithmetic: what a channel keeps of a capture, and what of it comes back when the capture is refunded.

A channel's fee is ``fixed + bps/10000 × amount`` (half up, never more than the amount). A refund gets back the part
of the fee proportional to what it refunds, counted cumulatively (round(fee × refunded so far / captured) minus what
earlier refunds got back), so refunding a capture in full always gives back exactly its whole fee, in any number of
parts. That is the ``proportional`` rule, the sandbox provider's (docs/sandbox.md "Fees"); reconciliation compares
the two. A provider that keeps its whole fee on refunds (Stripe) has the ``none`` rule: nothing comes back. Which rate
and rule apply to a merchant's channel is app/payments/channels/fees.py's business.
"""

from __future__ import annotations

# What a channel gives back of a capture's fee when the capture is refunded (a channel spec's
# ``fee_returned_on_refund``): its proportional part, or nothing.
FEE_RETURN_RULES = ("proportional", "none")


def _half_up(numerator: int, denominator: int) -> int:
    return (2 * numerator + denominator) // (2 * denominator)


def capture_fee(amount: int, *, bps: int, fixed: int) -> int:
    """The fee on a capture of ``amount`` minor units."""
    if amount <= 0:
        return 0
    return min(amount, fixed + _half_up(amount * bps, 10000))


def fee_back(fee: int, captured: int, refunded_before: int, refunding: int, *, rule: str) -> int:
    """The part of ``fee`` that a refund of ``refunding`` gets back by the channel's ``rule``, after
    ``refunded_before`` went back earlier."""
    if rule not in FEE_RETURN_RULES:
        raise ValueError(f"unknown fee return rule {rule!r}; known: {FEE_RETURN_RULES}")
    if rule == "none" or fee <= 0 or captured <= 0:
        return 0
    return _half_up(fee * (refunded_before + refunding), captured) - _half_up(fee * refunded_before, captured)
