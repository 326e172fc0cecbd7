"""Each channel's health in words an operator reads at a glance: ``available`` or ``suspended``, why, and until
when. It explains the circuit breaker (app/payments/channels/breaker.py) and the platform's ``channel_off`` switches
without their jargon; ``/healthz`` shows it beside the raw breaker states monitors already read."""

from __future__ import annotations

import math
from datetime import datetime, timezone

from flask import current_app

from app.payments.channels import breaker
from app.platform.switches import PLATFORM, ActiveSwitch

AVAILABLE, SUSPENDED = "available", "suspended"


def _at(unix: float | None) -> str | None:
    """The pause's end in whole seconds, rounded up: a channel still paused never shows an end already past."""
    return None if unix is None else datetime.fromtimestamp(math.ceil(unix), timezone.utc).isoformat()


def _from_breaker(view: breaker.BreakerView) -> dict:
    if view.state == breaker.CLOSED:
        return {"status": AVAILABLE, "reason": None, "until": None}
    if view.state == breaker.OPEN:
        return {
            "status": SUSPENDED,
            "until": _at(view.until),
            "reason": f"the provider failed {current_app.config['BREAKER_FAILURE_THRESHOLD']} times in a row; "
            "shoppers are offered the next channel until the pause ends, then one payment tests it",
        }
    if view.offered:
        return {
            "status": AVAILABLE,
            "until": None,
            "reason": "recovering from provider errors: the next payment tests whether the provider is back",
        }
    return {
        "status": SUSPENDED,
        "until": _at(view.until),
        "reason": "one test payment is checking whether the provider is back after repeated errors",
    }


def channel_health(
    codes: list[str], *, switches: list[ActiveSwitch], breakers: dict[str, breaker.BreakerView] | None
) -> dict[str, dict]:
    """``{code: {status, reason, until}}``: a platform-wide switch wins, then the breaker (``breakers`` is None
    when Redis, where breakers live, cannot be read)."""
    switched_off = {s.channel: s for s in switches if s.scope == PLATFORM and s.kind == "channel_off"}
    health = {}
    for code in codes:
        if code in switched_off:
            health[code] = {
                "status": SUSPENDED,
                "until": None,
                "reason": f"switched off by an operator: {switched_off[code].reason}",
            }
        elif breakers is None:
            health[code] = {
                "status": AVAILABLE,
                "until": None,
                "reason": "Redis is unreachable, so provider errors are not being counted; the channel "
                "is offered and each payment finds out for itself",
            }
        else:
            health[code] = _from_breaker(breakers[code])
    return health
