"""``/healthz``: is the database and Redis reachable? 200 when both are, 503 otherwise (each check bounded
by its connection timeout, so a hung Redis makes it answer 503, not hang).

It also says of each channel whether it is ``available`` or ``suspended``, why and until when
(``channel_health``), beside the raw circuit-breaker state monitors read (``channels``); a suspended channel is
not an outage of Kassa.
"""

from __future__ import annotations

from flask import Blueprint, jsonify
from sqlalchemy import text

from app.extensions import db, redis_client
from app.ledger.integrity import latest_check
from app.payments.channels import breaker
from app.payments.channels.health import channel_health
from app.payments.channels.registry import channel_codes
from app.platform.switches import PLATFORM, active

bp = Blueprint("health", __name__)


def _check_database() -> str:
    try:
        db.session.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # any failure means "down", and says why
        db.session.rollback()
        return f"error: {exc.__class__.__name__}"


def _check_redis() -> str:
    try:
        redis_client().ping()
        return "ok"
    except Exception as exc:
        return f"error: {exc.__class__.__name__}"


def _channels(redis_state: str, database_state: str) -> tuple[dict, dict]:
    """Each channel's raw breaker state (what monitors read) and its health in words (what people read)."""
    codes = channel_codes()
    switches = active() if database_state == "ok" else []
    if redis_state != "ok":  # their state lives in Redis: do not wait for it once per channel
        return (
            {code: "unknown: redis unavailable" for code in codes},
            channel_health(codes, switches=switches, breakers=None),
        )
    try:
        views = {code: breaker.view(code) for code in codes}
    except Exception as exc:
        unknown = {
            "status": "unknown",
            "reason": f"its state could not be read ({exc.__class__.__name__})",
            "until": None,
        }
        return {code: f"unknown: {exc.__class__.__name__}" for code in codes}, {code: unknown for code in codes}
    return ({code: v.state for code, v in views.items()}, channel_health(codes, switches=switches, breakers=views))


@bp.get("/healthz")
def healthz():
    checks = {"database": _check_database(), "redis": _check_redis()}
    healthy = all(v == "ok" for v in checks.values())
    breakers, health_in_words = _channels(checks["redis"], checks["database"])
    return jsonify(
        {
            "status": "ok" if healthy else "degraded",
            "checks": checks,
            "channel_health": health_in_words,
            "channels": breakers,
            "switches": _switches(checks["database"]),
            "ledger": _ledger(checks["database"]),
        }
    ), 200 if healthy else 503


def _ledger(database_state: str) -> dict | None:
    """The latest run of the books' integrity check (app/ledger/integrity.py): a problem in the books is not an
    outage, so it never turns the answer into a 503, but it is shown here for monitoring to alert on."""
    if database_state != "ok":
        return None
    check = latest_check()
    if check is None:
        return {"status": "not_checked_yet"}
    return {
        "status": "balanced" if check.ok else "findings",
        "checked_at": check.ran_at.isoformat(),
        "findings": len(check.findings),
        "entries_checked": check.entries_checked,
        "orders_checked": check.orders_checked,
    }


def _switches(database_state: str) -> dict:
    """Platform switches in full; a merchant's own switches only counted (their reasons are theirs)."""
    if database_state != "ok":
        return {"platform": [], "merchants_with_switches_on": None}
    switches = active()
    return {
        "platform": [
            {"kind": s.kind, "channel": s.channel or None, "reason": s.reason, "since": s.set_at}
            for s in switches
            if s.scope == PLATFORM
        ],
        "merchants_with_switches_on": len({s.scope for s in switches if s.scope != PLATFORM}),
    }
