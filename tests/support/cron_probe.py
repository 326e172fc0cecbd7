"""A cron schedule for ``rq cron`` in tests: one heartbeat job a second, so a test sees within a second
or two whether the supervised cron (and the worker running its jobs) is alive."""

from __future__ import annotations

import os
import time

from redis import Redis
from rq import cron

BEAT_KEY = "kassa:test:cron-beat"


def beat() -> float:
    """Record when a cron-enqueued job last ran, under a key the test reads."""
    now = time.time()
    Redis.from_url(os.environ["REDIS_URL"]).set(BEAT_KEY, now)
    return now


cron.register(beat, queue_name="kassa", interval=1)
