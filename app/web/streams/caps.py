"""How many order streams the stream process holds open: per order, per client address and in total. A shopper needs
one stream (a few when the order is open in several tabs); past a cap the caller hears ``429 too_many_streams``
with ``Retry-After`` instead of holding a socket, so one address cannot use up the process's sockets or memory.

The client address is the socket's peer unless TRUSTED_PROXY_COUNT names proxies in front (then the address those
proxies put in ``X-Forwarded-For``, read as the web app's ProxyFix reads it: a client cannot forge it past them).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.errors import KassaError

RETRY_AFTER_SECONDS = 5  # a stream ends within ORDER_STREAM_SECONDS, and others end sooner: try again then


class TooManyStreams(KassaError):
    """A cap on open streams was reached (429): nothing was opened; try again later, or poll the order."""

    status = 429
    type = "rate_limit_error"
    code = "too_many_streams"


@dataclass(frozen=True)
class StreamCaps:
    per_order: int
    per_address: int
    total: int


class OpenStreams:
    """The streams open now, counted by order and by client address; ``take`` a slot before a stream opens and
    ``give_back`` it when the stream ends (one asyncio loop: no lock needed)."""

    def __init__(self, caps: StreamCaps) -> None:
        self.caps = caps
        self.by_order: Counter[str] = Counter()
        self.by_address: Counter[str] = Counter()
        self.total = 0

    def take(self, order_id: str, address: str) -> None:
        """Count one more stream of ``order_id`` from ``address``, or raise ``TooManyStreams`` (nothing counted)."""
        if self.total >= self.caps.total:
            raise TooManyStreams(
                f"this server holds its most open streams ({self.caps.total}); poll the order or try again shortly"
            )
        if self.by_address[address] >= self.caps.per_address:
            raise TooManyStreams(
                f"too many open streams from your address (at most {self.caps.per_address}); close some, or poll"
                " the order"
            )
        if self.by_order[order_id] >= self.caps.per_order:
            raise TooManyStreams(
                f"too many open streams of this order (at most {self.caps.per_order}); close another, or poll the order"
            )
        self.by_order[order_id] += 1
        self.by_address[address] += 1
        self.total += 1

    def give_back(self, order_id: str, address: str) -> None:
        for counts, key in ((self.by_order, order_id), (self.by_address, address)):
            counts[key] -= 1
            if counts[key] <= 0:
                del counts[key]
        self.total -= 1


def client_address(peer: str | None, forwarded_for: str | None, trusted_proxies: int) -> str:
    """The caller's address: the socket's ``peer``, or with ``trusted_proxies`` in front the address the outermost
    of them saw (the ``trusted_proxies``-th entry of ``X-Forwarded-For`` from the right, as ProxyFix reads it)."""
    if trusted_proxies and forwarded_for:
        hops = [hop.strip() for hop in forwarded_for.split(",")]
        if len(hops) >= trusted_proxies and hops[-trusted_proxies]:
            return hops[-trusted_proxies]
    return peer or ""
