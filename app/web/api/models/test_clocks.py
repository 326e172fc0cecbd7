"""Test clocks (test keys only): a merchant's simulated time, which subscriptions created on it live by."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.signing.test_clocks import EARLIEST, LATEST
from app.web.api.models.fields import Answer, Cursor, Limit, QueryModel, RequestModel, RequestTime, Time, page_of


def _out_of_range() -> PydanticCustomError:
    return PydanticCustomError("kassa", f"{{param}} must be between the years {EARLIEST.year} and {LATEST.year}")


def _seconds_in_range(value: object) -> object:
    # Checked in seconds first: a year past 9999 cannot even be made a datetime, yet it is no less out of range.
    if type(value) is int and not EARLIEST.timestamp() <= value < LATEST.timestamp():
        raise _out_of_range()
    return value


def _in_range(value: datetime) -> datetime:
    if not EARLIEST <= value < LATEST:
        raise _out_of_range()
    return value


def ClockTime(description: str) -> object:  # noqa: N802 (a type, named as one)
    """A time a clock is set to: ISO 8601 or unix seconds, from 2000 up to (not including) 2200."""
    return Annotated[
        RequestTime,
        BeforeValidator(_seconds_in_range),
        AfterValidator(_in_range),
        WithJsonSchema(
            {
                "anyOf": [
                    {"type": "string", "format": "date-time", "pattern": "^(?:20|21)[0-9]{2}-"},
                    {
                        "type": "integer",
                        "minimum": int(EARLIEST.timestamp()),
                        "maximum": int(LATEST.timestamp()) - 1,
                    },
                ],
                "description": description,
                "examples": ["2026-11-27T15:07:48Z", 1795792068],
            }
        ),
    ]


class TestClockInput(RequestModel):
    """A new clock."""

    __test__ = False  # not a pytest class, whatever its name

    frozen_time: ClockTime("ISO 8601 or unix seconds, years 2000 to 2200")


class TestClockAdvance(RequestModel):
    """Where to move the clock."""

    __test__ = False

    to: ClockTime("ISO 8601 or unix seconds, after frozen_time and at most two years later")


class TestClockListQuery(QueryModel):
    __test__ = False

    limit: Limit()
    starting_after: Cursor("clock") | None = None


class TestClock(Answer):
    """A test clock: ready, or advancing while the worker runs what falls due."""

    __test__ = False

    id: str
    object: Literal["test_clock"]
    frozen_time: Time
    status: Literal["ready", "advancing"] = Field(description="advancing while the worker runs what falls due")
    created_at: Time


TestClockList = page_of(TestClock, "TestClockList")
