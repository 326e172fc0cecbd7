"""The order's lock: every decision about one order's money (a payment's outcome, a refund, a dispute) is taken
under it, so web and worker processes never decide about the same order at once."""

from __future__ import annotations

from contextlib import AbstractContextManager

from app.errors import KassaError
from app.extensions import end_read_only_transaction
from app.platform.locks import held_lock


class OrderBusy(KassaError):
    """Another process holds the order's lock; the caller should retry shortly (503)."""

    status = 503
    type = "api_error"
    code = "order_locked"


def order_lock(order_id: str) -> AbstractContextManager[None]:
    """Serialise decisions about one order across web and worker processes. Without Redis no decision is
    made: ServiceUnavailable (503), so a provider retries its callback and a shopper presses Pay again. A
    caller that has only read so far does not wait for the holder inside its transaction."""
    return held_lock(
        f"kassa:lock:order:{order_id}",
        busy=OrderBusy(f"order {order_id} is being updated; retry"),
        action="change this order",
        before_wait=end_read_only_transaction,
    )
