"""Short critical sections across processes: a redis-py ``Lock`` that fails in the safe direction.

A lock that cannot be taken means "do not proceed": when another holder keeps it the caller's own
"busy" error is raised, and when Redis refuses the connection or does not answer in time (it is down,
restarting or hung) ``ServiceUnavailable`` is raised (503: retry shortly), before anything is written.
Releasing never fails the work done under the lock: a lock that cannot be released expires by itself.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Callable, Iterator

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import LockError, RedisError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.errors import KassaError, ServiceUnavailable
from app.extensions import redis_client
from app.platform.observability import logs

log = logs.get("locks")

REDIS_UNREACHABLE = (RedisConnectionError, RedisTimeoutError)

UNAVAILABLE_MESSAGE = (
    "Kassa cannot reach Redis, which it needs to {action}; nothing was changed. Please try again in a moment."
)


@contextmanager
def held_lock(
    name: str,
    *,
    busy: KassaError,
    action: str,
    timeout: float = 15,
    blocking_timeout: float = 10,
    before_wait: Callable[[], None] | None = None,
) -> Iterator[None]:
    """Hold the Redis lock ``name`` for the block: ``busy`` if another process keeps it longer than
    ``blocking_timeout``, ServiceUnavailable (saying it could not ``action``) if Redis cannot be reached.
    ``before_wait`` runs only when another holder has it, before waiting for them."""
    lock = redis_client().lock(name, timeout=timeout, blocking_timeout=blocking_timeout)
    try:
        acquired = lock.acquire(blocking=False)  # the usual case, free: one round trip, as a blocking try
        if not acquired:
            if before_wait is not None:
                before_wait()
            acquired = lock.acquire()
    except REDIS_UNREACHABLE as exc:
        log.warning("lock %s unavailable: %s", name, exc.__class__.__name__, extra={"fields": {"lock": name}})
        raise ServiceUnavailable(UNAVAILABLE_MESSAGE.format(action=action)) from exc
    if not acquired:
        raise busy
    try:
        yield
    finally:
        try:
            lock.release()
        except LockError:
            log.warning("lock %s expired before release", name, extra={"fields": {"lock": name}})
        except RedisError as exc:  # Redis went away meanwhile: the lock expires by its timeout
            log.warning("lock %s not released: %s", name, exc.__class__.__name__, extra={"fields": {"lock": name}})
