"""Whether the pub/sub connection of an order-ping listener is still alive. A Redis that vanished without closing
the connection (host gone, a partition, a firewall dropping the flow, a frozen server) sends nothing, which on
a subscription looks exactly like a quiet shop: the listener would wait for ever and its streams hear of payments
only from their periodic re-read. So a quiet connection is PINGed, and one that does not answer in time is dead.

redis-py's ``health_check_interval`` sends such a PING but swallows its answer and never waits for it, so it
cannot tell a silent Redis from a quiet one; TCP keepalive cannot either when the host's kernel still answers.
"""

from __future__ import annotations

import time

PING_AFTER_SECONDS = 5.0  # a connection that said nothing this long is asked to say something
_MIN_WAIT_SECONDS = 0.05  # a read given no time at all could give up on a message half arrived


class SilentRedis(ConnectionError):
    """Redis did not answer a PING on the pub/sub connection in time."""


class Quiet:
    """How long a pub/sub connection has been quiet: when to PING it, and when to give it up for dead.
    A silent Redis is noticed at most ``ping_after + answer_within`` seconds after it last spoke."""

    def __init__(self, *, ping_after: float, answer_within: float) -> None:
        self.ping_after, self.answer_within = ping_after, answer_within
        self.heard()

    def heard(self) -> None:
        """Anything arrived (a ping, a subscription, a PING's answer): Redis is there."""
        self._since, self._pinged_at = time.monotonic(), None

    def pinged(self) -> None:
        self._pinged_at = time.monotonic()

    def wait_seconds(self) -> float:
        """How long the next read may wait: until a PING is due, or until the PING sent is overdue."""
        due = self._since + self.ping_after if self._pinged_at is None else self._pinged_at + self.answer_within
        return max(due - time.monotonic(), _MIN_WAIT_SECONDS)

    def ping_due(self) -> bool:
        return self._pinged_at is None and time.monotonic() - self._since >= self.ping_after

    def check(self) -> None:
        """Raise ``SilentRedis`` when the PING went unanswered for ``answer_within`` seconds."""
        if self._pinged_at is not None and time.monotonic() - self._pinged_at >= self.answer_within:
            raise SilentRedis(f"no answer to PING within {self.answer_within:g} s")
