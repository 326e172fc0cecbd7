"""A moving-window rate limit counted and reported in ONE Redis round trip (a Lua script).

The ``limits`` library needs two (take an entry, then read the window for the RateLimit-* headers); this
script does both on the same list, with the same layout (``LIMITS:LIMITER/…``: newest timestamp first, at most
``limit`` entries, expiring with the window), so budgets counted before an upgrade still count after it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from limits import RateLimitItem
from redis import Redis

# KEYS[1]: the window's list. ARGV: now, limit, window seconds. Returns {taken (1|0), oldest entry, entries}.
_SCRIPT = """
local now, limit, expiry = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local taken = 0
local last = redis.call('lindex', KEYS[1], limit - 1)
if not (last and tonumber(last) >= now - expiry) then
    redis.call('lpush', KEYS[1], ARGV[1])
    redis.call('ltrim', KEYS[1], 0, limit - 1)
    redis.call('expire', KEYS[1], expiry)
    taken = 1
end
-- the entries still in the window: binary search for the oldest (the list is newest first)
local low, high, found = 0, redis.call('llen', KEYS[1]) - 1, nil
while low <= high do
    local mid = math.floor((low + high) / 2)
    local value = tonumber(redis.call('lindex', KEYS[1], mid))
    if value and value >= now - expiry then
        found = mid
        low = mid + 1
    else
        high = mid - 1
    end
end
if found == nil then
    return {taken, ARGV[1], 0}
end
return {taken, redis.call('lindex', KEYS[1], found), found + 1}
"""


@dataclass(frozen=True)
class Counted:
    allowed: bool
    remaining: int
    reset_at: float  # unix time the oldest entry leaves the window


class MovingWindow:
    """Takes one entry from a limit's window if it has room, and says what is left, in one call."""

    def __init__(self, redis: Redis) -> None:
        self._script = redis.register_script(_SCRIPT)

    def hit(self, limit: RateLimitItem, *identifiers: str) -> Counted:
        expiry = limit.get_expiry()
        now = time.time()
        taken, oldest, entries = self._script(
            keys=[f"LIMITS:{limit.key_for(*identifiers)}"], args=[repr(now), limit.amount, expiry]
        )
        return Counted(bool(taken), limit.amount - int(entries), float(oldest) + expiry)
