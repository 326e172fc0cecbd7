"""Sliding-window counters in Redis for velocity rules: every rule's window of one order is checked and
added in ONE Lua script (one round trip however many rules), so fifty orders arriving together against a
limit of five let exactly five through."""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass
from typing import Iterable

from flask import current_app

from app.extensions import redis_client

PREFIX = "kassa:risk:velocity"
# What a rule may count by that is a person's own (a customer id is the merchant's reference for them).
PERSONAL_BY = ("email", "ip", "device")

# KEYS = one sorted set per rule window; ARGV = now (ms), member, then (window ms, limit, weight) per key.
# Members are "<weight>:<uuid>" scored by time; the sum of weights in the window is compared with the limit
# (weight 1 for counts, the amount for amount limits). A window the order fits is added to; one it would
# overflow is not. Returns 1/0 per key.
_CHECK_AND_ADD = """
local now, member = tonumber(ARGV[1]), ARGV[2]
local results = {}
for i, key in ipairs(KEYS) do
  local base = 2 + (i - 1) * 3
  local window, limit, weight = tonumber(ARGV[base + 1]), tonumber(ARGV[base + 2]), tonumber(ARGV[base + 3])
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local total = 0
  for _, m in ipairs(redis.call('ZRANGE', key, 0, -1)) do
    total = total + tonumber(string.match(m, '^(%d+):'))
  end
  if total + weight > limit then
    results[i] = 0
  else
    redis.call('ZADD', key, now, weight .. ':' .. member)
    redis.call('PEXPIRE', key, window)
    results[i] = 1
  end
end
return results
"""


@dataclass(frozen=True)
class Window:
    key: str
    window_seconds: int
    limit: int
    weight: int


def admit(windows: list[Window]) -> list[bool]:
    """For each window, whether one more (of its weight) fits; where it does, it is counted."""
    if not windows:
        return []
    script = redis_client().register_script(_CHECK_AND_ADD)  # EVALSHA: the script is sent once per server
    args: list = [int(time.time() * 1000), uuid.uuid4().hex]
    for w in windows:
        args += [w.window_seconds * 1000, w.limit, w.weight]
    return [bool(fit) for fit in script(keys=[w.key for w in windows], args=args)]


def window_key(merchant_id: str, rule_id: str, by: str, value: str, currency: str | None = None) -> str:
    """The sorted set that counts one value for one rule; an amount rule counts each currency apart. The value is
    named by a keyed digest, not itself: Redis holds no one's email, address or device, and an erasure still finds
    the windows of the values it knows."""
    return f"{PREFIX}:{merchant_id}:{rule_id}:{by}:{_digest(value)}" + (f":{currency}" if currency else "")


def _digest(value: str) -> str:
    return hmac.new(current_app.config["SECRET_KEY"].encode(), value.lower().encode(), hashlib.sha256).hexdigest()[:32]


def forget(merchant_id: str, values: Iterable[str], *, keep_rules: Iterable[str] = ()) -> int:
    """Drop the merchant's windows that count one of ``values`` (an erased customer's emails, addresses and
    devices), except those of ``keep_rules`` (another mode's rules): how many were dropped."""
    wanted, kept = {_digest(value) for value in values}, set(keep_rules)
    if not wanted:
        return 0
    client, start, doomed = redis_client(), f"{PREFIX}:{merchant_id}:", []
    for key in client.scan_iter(match=f"{start}*", count=1000):
        key = key.decode() if isinstance(key, bytes) else key
        rule_id, by, counted = (key[len(start) :].split(":", 2) + ["", ""])[:3]
        if rule_id not in kept and by in PERSONAL_BY and counted.split(":", 1)[0] in wanted:
            doomed.append(key)
    return client.delete(*doomed) if doomed else 0
