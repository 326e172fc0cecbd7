"""Degradation switches: turn a channel off, put Kassa (or one merchant) in maintenance, make the portal
read-only — at once, without a deploy.

- ``channel_off`` hides a channel from routing and refuses payments through it (merchant-wide or
  platform-wide); orders in flight on it still get their callbacks and polling.
- ``maintenance`` refuses new orders and checkout sessions with 503 ``maintenance`` and shows shoppers a
  friendly page; reads, payments of orders already open, provider callbacks, polling and jobs go on.
- Both also stop money a channel would move outside an order: with the wallet switched off or maintenance on,
  wallet transfers and withdrawals are refused with 503 (``refuse_money_movement``).
- ``read_only_portal`` (platform only) refuses every portal change but signing in and out.

Switches live in the database (they survive restarts and Redis outages). Each process re-reads the
small table at most once per ``SWITCH_CACHE_SECONDS`` (1 s), so a switch takes effect everywhere within
a second. Every change is logged; merchant switches are also in the merchant's audit log.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Collection

from sqlalchemy import delete, select

from app.errors import InvalidRequest, KassaError
from app.extensions import db
from app.platform.observability import logs
from app.platform.switch_models import Switch
from app.platform.values.ids import new_id

log = logs.get("operations.switches")

PLATFORM = "platform"
KINDS = ("maintenance", "read_only_portal", "channel_off")
SWITCH_CACHE_SECONDS = 1.0


class InMaintenance(KassaError):
    """New orders are refused while maintenance is on (503); the caller may retry later."""

    status = 503
    type = "api_error"
    code = "maintenance"


class ChannelSwitchedOff(KassaError):
    """Money would move through a channel that is switched off (503); the caller may retry once it is on."""

    status = 503
    type = "api_error"
    code = "channel_unavailable"


@dataclass(frozen=True)
class ActiveSwitch:
    scope: str
    kind: str
    channel: str
    reason: str
    set_by: str
    set_at: str


_cache: tuple[float, list[ActiveSwitch]] = (0.0, [])
_cache_lock = threading.Lock()


def active() -> list[ActiveSwitch]:
    """Every switch that is on, read at most once per second per process."""
    global _cache
    fetched_at, switches = _cache
    if time.monotonic() - fetched_at < SWITCH_CACHE_SECONDS:
        return switches
    with _cache_lock:
        rows = db.session.scalars(select(Switch).order_by(Switch.set_at)).all()
        switches = [ActiveSwitch(r.scope, r.kind, r.channel, r.reason, r.set_by, r.set_at.isoformat()) for r in rows]
        _cache = (time.monotonic(), switches)
    return switches


def forget_cache() -> None:
    """Make this process see a change at once (the process that made it)."""
    global _cache
    _cache = (0.0, [])


def _find(kind: str, merchant_id: str | None, channel: str = "") -> ActiveSwitch | None:
    for switch in active():
        if switch.kind == kind and switch.channel == channel and switch.scope in (PLATFORM, merchant_id):
            return switch
    return None


def maintenance_for(merchant_id: str | None) -> ActiveSwitch | None:
    return _find("maintenance", merchant_id)


def refuse_new_orders(merchant_id: str) -> None:
    """Raise 503 ``maintenance`` while maintenance is on for Kassa or this merchant."""
    switch = maintenance_for(merchant_id)
    if switch is not None:
        raise InMaintenance(
            "Kassa is in maintenance and takes no new orders right now: "
            f"{switch.reason}. Orders already open can still be paid; try again later."
        )


def channel_off_reason(merchant_id: str, channel: str) -> str | None:
    """Why ``channel`` is switched off for this merchant, in words for the caller; None when it is on."""
    switch = _find("channel_off", merchant_id, channel)
    if switch is None:
        return None
    who = "Kassa's operator" if switch.scope == PLATFORM else "the merchant"
    return f"{channel} is switched off by {who} ({switch.reason})"


def refuse_money_movement(merchant_id: str, channel: str) -> None:
    """Raise 503 while maintenance is on or ``channel`` is switched off: a transfer or withdrawal of its money would
    go around the switch an operator turned to stop that money moving. The message is the one a payment gets."""
    switch = maintenance_for(merchant_id)
    if switch is not None:
        raise InMaintenance(
            f"Kassa is in maintenance and moves no {channel} money right now: {switch.reason}. Try again later."
        )
    off = channel_off_reason(merchant_id, channel)
    if off is not None:
        raise ChannelSwitchedOff(off)


def portal_read_only() -> ActiveSwitch | None:
    return _find("read_only_portal", None)


def switch_on(
    scope: str, kind: str, *, reason: str, set_by: str, channel: str = "", channels: Collection[str] = ()
) -> bool:
    """Turn a switch on (idempotent: False when it already was). Commits. A ``channel_off`` names one of
    ``channels``, the installed channels' codes (the caller knows them; the platform reads no channel registry)."""
    _check(scope, kind, channel, reason, channels)
    exists = db.session.scalar(
        select(Switch.id).where(Switch.scope == scope, Switch.kind == kind, Switch.channel == channel)
    )
    if exists:
        return False
    db.session.add(
        Switch(id=new_id("sw"), scope=scope, kind=kind, channel=channel, reason=reason.strip(), set_by=set_by)
    )
    db.session.commit()
    forget_cache()
    log.warning(
        "switch on", extra={"scope": scope, "kind": kind, "channel": channel, "reason": reason, "set_by": set_by}
    )
    return True


def switch_off(scope: str, kind: str, *, set_by: str, channel: str = "", channels: Collection[str] = ()) -> bool:
    """Turn a switch off (idempotent: False when it already was off). Commits. ``channels`` as for ``switch_on``."""
    _check(scope, kind, channel, "-", channels)
    removed = db.session.execute(
        delete(Switch).where(Switch.scope == scope, Switch.kind == kind, Switch.channel == channel)
    ).rowcount
    db.session.commit()
    forget_cache()
    if removed:
        log.warning("switch off", extra={"scope": scope, "kind": kind, "channel": channel, "set_by": set_by})
    return bool(removed)


def _check(scope: str, kind: str, channel: str, reason: str, channels: Collection[str]) -> None:
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
    if kind == "read_only_portal" and scope != PLATFORM:
        raise InvalidRequest("the read-only portal is a platform switch", param="scope")
    if kind == "channel_off" and channel not in channels:
        raise InvalidRequest(f"channel must be one of {', '.join(channels)}", param="channel")
    if kind != "channel_off" and channel:
        raise InvalidRequest("only channel_off names a channel", param="channel")
    if not reason.strip() or len(reason) > 500:
        raise InvalidRequest("say why, in 1 to 500 characters (shoppers and colleagues see it)", param="reason")


def for_merchant(merchant_id: str) -> list[ActiveSwitch]:
    """The switches that affect this merchant (its own and the platform's)."""
    return [s for s in active() if s.scope in (PLATFORM, merchant_id)]
