"""Sliding-window counters in Redis for velocity rules: count and add in one Lua script, so fifty orders
arriving together against a limit of five let exactly five through."""
from __future__ import annotations

import time
import uuid

from app.extensions import redis_client

# KEYS[1] = the window's sorted set; ARGV = now (ms), window (ms), limit, weight, member.
# Members are "<weight>:<uuid>" scored by time; the sum of weights in the window is compared with the
# limit (weight 1 for counts, the amount for amount limits). Admitted orders are added; refused ones not.
_CHECK_AND_ADD = """
local now, window, limit, weight = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local total = 0
for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  total = total + tonumber(string.match(member, '^(%d+):'))
end
if total + weight > limit then
  return {0, total}
end
redis.call('ZADD', KEYS[1], now, weight .. ':' .. ARGV[5])
redis.call('PEXPIRE', KEYS[1], window)
return {1, total + weight}
"""


def admit(key: str, *, window_seconds: int, limit: int, weight: int) -> tuple[bool, int]:
    """Whether one more (of ``weight``) fits the window; if it does, it is counted. Returns (fits, total)."""
    script = redis_client().register_script(_CHECK_AND_ADD)
    fits, total = script(keys=[key], args=[int(time.time() * 1000), window_seconds * 1000, limit, weight,
                                           uuid.uuid4().hex])
    return bool(fits), int(total)
