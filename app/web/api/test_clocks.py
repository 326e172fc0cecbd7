"""Test clock routes (test keys only): create, read, list and advance a merchant's simulated time."""

from __future__ import annotations

from flask import jsonify

from app.platform.values.times import iso_time
from app.signing import test_clocks
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.test_clocks import (
    TestClock,
    TestClockAdvance,
    TestClockInput,
    TestClockList,
    TestClockListQuery,
)
from app.web.api.operation import operation

_ID = {"id": "the test clock's id (clock_…)"}
_MISSING = "resource_missing: no such test clock (live keys have none)"


def clock_json(clock) -> dict:
    return {
        "id": clock.id,
        "object": "test_clock",
        "frozen_time": iso_time(clock.frozen_time),
        "status": clock.status,
        "created_at": iso_time(clock.created_at),
    }


@bp.post("/test_clocks")
@requires_key(secret=True)
@idempotent
@operation(
    "Create a test clock",
    description="Test secret keys only. A subscription created with test_clock lives on it.",
    body=TestClockInput,
    answers={201: TestClock},
    errors={
        400: "parameter_invalid: frozen_time is neither ISO 8601 nor unix seconds, or not between the years 2000 "
        "and 2200; livemode_mismatch: test clocks are for test keys only",
    },
)
def test_clocks_create(body: TestClockInput):
    who = caller()
    clock = test_clocks.create_clock(who.merchant_id, frozen_time=body.frozen_time, livemode=who.livemode)
    return jsonify(clock_json(clock)), 201


@bp.get("/test_clocks/<clock_id>")
@requires_key(secret=True)
@operation("Retrieve a test clock", path=_ID, answers={200: TestClock}, errors={404: _MISSING})
def test_clocks_show(clock_id: str):
    who = caller()
    return jsonify(clock_json(test_clocks.get_clock(who.merchant_id, clock_id, livemode=who.livemode)))


@bp.get("/test_clocks")
@requires_key(secret=True)
@operation(
    "List test clocks, newest first",
    description="Empty for live keys.",
    query=TestClockListQuery,
    answers={200: TestClockList},
)
def test_clocks_index(query: TestClockListQuery):
    who = caller()
    if who.livemode:
        return jsonify({"object": "list", "data": [], "has_more": False})
    clocks, has_more = test_clocks.list_clocks(who.merchant_id, limit=query.limit, starting_after=query.starting_after)
    return jsonify({"object": "list", "data": [clock_json(c) for c in clocks], "has_more": has_more})


@bp.post("/test_clocks/<clock_id>/advance")
@requires_key(secret=True)
@idempotent
@operation(
    "Advance a test clock",
    description="Move the clock forward: the worker runs every renewal notice, renewal, dunning try and expiry that "
    "falls due, in time order (status advancing), then reports ready.",
    path=_ID,
    body=TestClockAdvance,
    answers={200: TestClock},
    errors={
        400: "parameter_invalid: to is neither ISO 8601 nor unix seconds, not between the years 2000 and 2200, not "
        "after frozen_time, or more than two years on",
        404: _MISSING,
        409: "clock_advancing: wait until the clock is ready",
    },
)
def test_clocks_advance(clock_id: str, body: TestClockAdvance):
    who = caller()
    clock = test_clocks.advance(who.merchant_id, clock_id, to=body.to, livemode=who.livemode)
    return jsonify(clock_json(clock))
