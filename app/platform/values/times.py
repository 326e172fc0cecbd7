"""Times at the API's edge: one way to write them in an answer or event, one way to read them from a request.

API.md: every time in an answer is an ISO 8601 UTC string ending in ``Z`` (whole seconds); a time in a request may
be ISO 8601 or unix seconds."""

from __future__ import annotations

from datetime import datetime, timezone

from app.errors import InvalidRequest


def iso_time(value: datetime | None) -> str | None:
    """``2026-11-27T15:07:48Z``: the time in UTC, to the second (None stays None)."""
    if value is None:
        return None
    return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def read_time(value: datetime | str | None) -> datetime | None:
    """An answer's time (or one already read) back as an aware UTC datetime, for code that consumes events."""
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(timezone.utc)


def request_time(value: object, param: str) -> datetime:
    """A time a client sent: unix seconds (a whole number, or its digits as a string) or an ISO 8601 string (with
    ``Z`` or an offset; without one it is UTC). Anything else is a 400 naming ``param``."""
    try:
        if type(value) is int:
            return datetime.fromtimestamp(value, timezone.utc)
        if isinstance(value, str) and value.isascii() and value.removeprefix("-").isdecimal():
            return datetime.fromtimestamp(int(value), timezone.utc)  # before 1970 too, as in a JSON body
        if isinstance(value, str):
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace("z", "+00:00"))
            # In UTC here: an offset that takes it past year 9999 is refused, not a 500 where it is stored.
            return parsed.astimezone(timezone.utc) if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
    except (ValueError, OverflowError, OSError):
        pass
    raise InvalidRequest(f"{param} must be unix seconds or an ISO 8601 time such as 2026-11-27T15:07:48Z", param=param)
