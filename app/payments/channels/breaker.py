"""A circuit breaker per channel, with its state in Redis so every web and worker process agrees.

closed ──N consecutive provider errors──▶ open ──cool-down passed──▶ half_open (one trial call)
  ▲                                         ▲                            │
  └──────────────── trial succeeds ─────────┼──────── trial fails ───────┘

While open, routing hides the channel so shoppers are offered the next one by priority. Every
state change is logged. Each step is one Lua script, so concurrent processes cannot interleave.
"""

from __future__ import annotations

import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from flask import current_app

from app.extensions import redis_client
from app.payments.channels.interface import ProviderRefused, ProviderUnavailable
from app.payments.channels.registry import is_test_channel
from app.platform.observability import logs

log = logs.get("payments.breaker")

CLOSED, OPEN, HALF_OPEN = "closed", "open", "half_open"

# KEYS[1] = state hash; ARGV = now, threshold, cooldown. Returns the new state and whether it changed.
_FAILURE = """
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
local now, threshold, cooldown = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
if state == 'half_open' then
  redis.call('HSET', KEYS[1], 'state', 'open', 'opened_until', now + cooldown)
  return {'open', 1}
end
if state == 'open' then
  return {'open', 0}
end
local failures = redis.call('HINCRBY', KEYS[1], 'failures', 1)
if failures >= threshold then
  redis.call('HSET', KEYS[1], 'state', 'open', 'opened_until', now + cooldown)
  return {'open', 1}
end
return {'closed', 0}
"""

_SUCCESS = """
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
redis.call('DEL', KEYS[1])
return {'closed', state ~= 'closed' and 1 or 0}
"""

# Take the single trial call of an open circuit whose cool-down has passed. A closed circuit with no errors counted
# (no hash at all) answers 'clear': the call's success then has nothing to forget and costs no second round trip.
_ENTER = """
local state = redis.call('HGET', KEYS[1], 'state') or 'closed'
if state == 'closed' then return {redis.call('EXISTS', KEYS[1]) == 1 and 'closed' or 'clear', 0} end
if state == 'half_open' then
  if tonumber(ARGV[1]) < tonumber(redis.call('HGET', KEYS[1], 'trial_until') or 0) then return {'refused', 0} end
  -- The trial call vanished (its process died): allow another.
end
if state == 'open' and tonumber(ARGV[1]) < tonumber(redis.call('HGET', KEYS[1], 'opened_until') or 0) then
  return {'refused', 0}
end
redis.call('HSET', KEYS[1], 'state', 'half_open', 'trial_until', tonumber(ARGV[1]) + tonumber(ARGV[2]))
return {'half_open', state == 'open' and 1 or 0}
"""


class CircuitOpen(ProviderUnavailable):
    """The channel's circuit is open: no call was made."""


def _key(channel: str) -> str:
    return f"kassa:breaker:{channel}"


def for_mode(channel: str, livemode: bool) -> str:
    """The breaker that calls of ``livemode`` payments go through. A channel that takes both modes' payments keeps
    a breaker of its test calls apart: a provider's test environment failing (a load test running into its lower
    rate limit) must not hide the channel from live shoppers. A test-only channel has the one breaker."""
    return channel if livemode or is_test_channel(channel) else f"{channel}.test"


def _log_change(channel: str, state: str, why: str) -> None:
    log.warning("circuit %s for %s: %s", state, channel, why, extra={"fields": {"channel": channel, "breaker": state}})


def state(channel: str) -> str:
    """``closed``, ``open`` or ``half_open`` (an open circuit past its cool-down admits a trial)."""
    return view(channel).state


@dataclass(frozen=True)
class BreakerView:
    """What the breaker says of a channel now, for people: is it offered, and until when is it not."""

    state: str  # closed, open or half_open, as ``state()`` says
    offered: bool
    failures: int  # provider errors in a row while closed
    until: float | None  # unix time an open circuit's cool-down or a trial call's window ends


def view(channel: str) -> BreakerView:
    """The channel's breaker as ``/healthz`` explains it (one read of its state)."""
    data = {k.decode(): v.decode() for k, v in redis_client().hgetall(_key(channel)).items()}
    current, now = data.get("state", CLOSED), time.time()
    until = float(data.get("opened_until" if current == OPEN else "trial_until", 0)) or None
    shown = HALF_OPEN if current == OPEN and now >= (until or 0) else current
    return BreakerView(
        shown, _admits(data), int(data.get("failures", 0)), until if until is not None and until > now else None
    )


def admits(channel: str) -> bool:
    """May the channel be offered? (Does not take the trial slot of a half-open circuit.)"""
    return channel in admitting([channel])


# What admitting() read, kept a moment per process: routing asks on every order and pay, and a state change made
# elsewhere may reach this process's offers that much later (the call itself always goes through guard()).
_SEEN_FOR_SECONDS = 1.0
_seen: tuple[float, dict[str, dict[str, str]]] = (0.0, {})


def admitting(channels: list[str]) -> set[str]:
    """The channels that may be offered now, read in one round trip (routing asks for all of them at once)."""
    read_at, known = _seen
    if time.monotonic() - read_at > _SEEN_FOR_SECONDS or not all(channel in known for channel in channels):
        try:
            pipe = redis_client().pipeline(transaction=False)
            for channel in channels:
                pipe.hgetall(_key(channel))
            states = pipe.execute()
        except Exception:  # Redis down: fail open, the call itself will tell
            log.exception("breaker state unreadable", extra={"fields": {"channels": channels}})
            return set(channels)
        known = {channel: {k.decode(): v.decode() for k, v in raw.items()} for channel, raw in zip(channels, states)}
        _remember(known)
    return {channel for channel in channels if _admits(known[channel])}


def _remember(known: dict[str, dict[str, str]]) -> None:
    global _seen
    _seen = (time.monotonic(), known)


def forget_seen() -> None:
    """Read the breakers afresh next time (this process changed one; tests between cases)."""
    global _seen
    _seen = (0.0, {})


def _admits(data: dict[str, str]) -> bool:
    current, now = data.get("state", CLOSED), time.time()
    if current == OPEN:
        return now >= float(data.get("opened_until", 0))
    if current == HALF_OPEN:
        return now >= float(data.get("trial_until", 0))
    return True


def _run(script: str, channel: str, *args: float) -> tuple[str, bool]:
    try:
        # EVALSHA: the script's text crosses the wire only the first time Redis sees it.
        outcome, changed = redis_client().register_script(script)(keys=[_key(channel)], args=args)
    except Exception:  # Redis down: fail open rather than stop every payment
        log.exception("breaker state unavailable", extra={"fields": {"channel": channel}})
        return CLOSED, False
    if changed:
        forget_seen()  # this process's offers follow its own change at once
    return (outcome.decode() if isinstance(outcome, bytes) else outcome), bool(changed)


def record_failure(channel: str, why: str) -> None:
    """Count a provider error; the Nth in a row, or a failed trial, opens the circuit."""
    config = current_app.config
    new_state, changed = _run(
        _FAILURE, channel, time.time(), config["BREAKER_FAILURE_THRESHOLD"], config["BREAKER_COOLDOWN_SECONDS"]
    )
    if changed:
        _log_change(channel, new_state, why)


def record_success(channel: str) -> None:
    """A provider answer closes the circuit and forgets earlier errors."""
    _, changed = _run(_SUCCESS, channel)
    if changed:
        _log_change(channel, CLOSED, "the provider answered")


@contextmanager
def guard(channel: str) -> Iterator[None]:
    """Run one provider call through the breaker: refused while open, counted when it fails."""
    trial_window = max(30.0, 3 * float(current_app.config["CHANNEL_HTTP_TIMEOUT_SECONDS"]))
    entered, changed = _run(_ENTER, channel, time.time(), trial_window)
    if entered == "refused":
        raise CircuitOpen(f"{channel} is paused after repeated provider errors")
    if changed:
        _log_change(channel, HALF_OPEN, "cool-down over; one trial call allowed")
    # Nothing was counted when the call began: its success forgives nothing. An error another process counts
    # meanwhile stays counted until a call that began after it succeeds.
    forgives = entered != "clear"
    try:
        yield
    except ProviderRefused:
        if forgives:
            record_success(channel)  # a 4xx is a healthy provider saying no
        raise
    except ProviderUnavailable as exc:
        record_failure(channel, str(exc))
        raise
    if forgives:
        record_success(channel)
