"""What a provider's dispute news may carry into Kassa's tables and books: a field outside these bounds in a signed
body is refused (CallbackRejected, 400) rather than stored or booked; it was once a 500 the provider retried for
ever."""

from __future__ import annotations

from datetime import datetime, timezone

from app.payments.channels.interface import CallbackRejected
from app.platform.values.money import MAX_DIGITS

# The longest provider id Kassa stores (disputes.provider_dispute_id, payment_attempts.provider_reference).
MAX_REFERENCE_LENGTH = 100
LARGEST_AMOUNT = 10**MAX_DIGITS - 1  # of any currency (app/money.max_amount); the order's own total bounds it later


def provider_reference(value: object, what: str) -> str:
    """An id the database can look up: a string of 1 to 100 characters without NUL."""
    if not isinstance(value, str) or not 0 < len(value) <= MAX_REFERENCE_LENGTH or "\x00" in value:
        raise CallbackRejected(f"{what} must be a string of 1 to {MAX_REFERENCE_LENGTH} characters")
    return value


def disputed_amount(value: object, what: str) -> int:
    """A whole number of minor units the ledger can book."""
    if type(value) is not int or not 0 < value <= LARGEST_AMOUNT:
        raise CallbackRejected(f"{what} must be a whole number from 1 to {LARGEST_AMOUNT}")
    return value


def unix_moment(value: object, what: str) -> datetime | None:
    """A unix time the provider sent, or None when it sent none; one no calendar holds is refused."""
    if type(value) is not int:
        return None
    try:
        return datetime.fromtimestamp(value, timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise CallbackRejected(f"{what} is no time: {value}") from None
