"""A coupon's options beyond its discount: the payment channels it is limited to, whether it is an automatic
promotion (no code to type), and how long it discounts a subscription (``duration``)."""

from __future__ import annotations

from collections.abc import Collection

from app.catalog.coupon_models import DURATIONS
from app.errors import InvalidRequest

MAX_CHANNELS = 20
# A repeating coupon discounts at most this many renewals (a hundred years of months).
MAX_PERIODS = 1200


def _channels(value: object, known: Collection[str] | None) -> list[str]:
    if value is None or value == "":
        return []
    if (
        not isinstance(value, list)
        or len(value) > MAX_CHANNELS
        or not all(isinstance(code, str) and 0 < len(code) <= 40 for code in value)
    ):
        raise InvalidRequest(f"channels must be a list of at most {MAX_CHANNELS} channel codes", param="channels")
    unknown = sorted({code for code in value if known is not None and code not in known})
    if unknown:
        raise InvalidRequest(
            f"channels names unknown channel(s) {', '.join(unknown)}; known: {', '.join(sorted(known or ()))}",
            param="channels",
        )
    return list(dict.fromkeys(value))  # in the merchant's order, each once


def coupon_options(fields: dict, *, known_channels: Collection[str] | None = None) -> dict:
    """Validate channels, automatic and duration; returns column values (the defaults when left out)."""
    automatic = fields.get("automatic") or False
    if not isinstance(automatic, bool):
        raise InvalidRequest("automatic must be true or false", param="automatic")
    duration = fields.get("duration") or "once"
    if duration not in DURATIONS:
        raise InvalidRequest(f"duration must be one of {', '.join(DURATIONS)}", param="duration")
    periods = fields.get("duration_in_periods")
    if periods in (None, ""):
        periods = None
    if duration == "repeating":
        if type(periods) is not int or not 1 <= periods <= MAX_PERIODS:
            raise InvalidRequest(
                f"a repeating coupon needs duration_in_periods: how many renewals it discounts, 1 to {MAX_PERIODS}",
                param="duration_in_periods",
            )
    elif periods is not None:
        raise InvalidRequest(
            "duration_in_periods applies to a repeating coupon only; set duration to repeating or leave it out",
            param="duration_in_periods",
        )
    return {
        "channels": _channels(fields.get("channels"), known_channels),
        "automatic": automatic,
        "duration": duration,
        "duration_in_periods": periods,
    }
