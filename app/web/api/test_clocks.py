"""Test clock routes (test keys only): create, read, list and advance a merchant's simulated time."""

from __future__ import annotations

from flask import jsonify

from app.platform.values.times import iso_time
from app.signing import test_clocks
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param


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
def test_clocks_create():
    who = caller()
    clock = test_clocks.create_clock(who.merchant_id, frozen_time=json_body().get("frozen_time"), livemode=who.livemode)
    return jsonify(clock_json(clock)), 201


@bp.get("/test_clocks/<clock_id>")
@requires_key(secret=True)
def test_clocks_show(clock_id: str):
    who = caller()
    return jsonify(clock_json(test_clocks.get_clock(who.merchant_id, clock_id, livemode=who.livemode)))


@bp.get("/test_clocks")
@requires_key(secret=True)
def test_clocks_index():
    who = caller()
    if who.livemode:
        return jsonify({"object": "list", "data": [], "has_more": False})
    clocks, has_more = test_clocks.list_clocks(
        who.merchant_id, limit=limit_param(), starting_after=cursor_param("clock")
    )
    return jsonify({"object": "list", "data": [clock_json(c) for c in clocks], "has_more": has_more})


@bp.post("/test_clocks/<clock_id>/advance")
@requires_key(secret=True)
@idempotent
def test_clocks_advance(clock_id: str):
    who = caller()
    clock = test_clocks.advance(who.merchant_id, clock_id, to=json_body().get("to"), livemode=who.livemode)
    return jsonify(clock_json(clock))
