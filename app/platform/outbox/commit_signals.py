"""What a commit owes Redis once it is durable, sent in ONE round trip: a request for an outbox dispatch run
when it wrote events (app/platform/outbox/events.py), and a ping on the channel of each order it changed
(``order_channel``; app/platform/outbox/order_pings.py collects them).

Both are best effort, as before they shared a pipeline: the periodic sweep dispatches events whose request was
lost, and the order streams re-read on a timer.

Inside a dispatch run (``dispatch_run``) a commit that wrote events asks for no other run: the run claims them
itself before it ends, so a handler's events (the fulfilment's ``order.fulfilled``) cost no second job.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Callable, Iterable, Iterator

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.extensions import redis_client
from app.platform.observability import logs
from app.platform.queueing import PAYMENTS, ask_for_dispatch, enqueue

log = logs.get("commit_signals")

NEW_EVENTS = "kassa_new_events"  # session.info: the transaction wrote outbox events
ORDER_PINGS = "kassa_order_pings"  # session.info: ids of the orders it changed

# Set while a dispatch run works: whether a commit since its last look wrote events.
_RUN_WROTE: ContextVar[list[bool] | None] = ContextVar("kassa_dispatch_run", default=None)


def order_channel(order_id: str) -> str:
    """The Redis pub/sub channel that carries pings about one order."""
    return f"kassa:order:{order_id}"


@contextmanager
def dispatch_run() -> Iterator[Callable[[], bool]]:
    """For an outbox dispatch run: commits made inside write their events for the run to claim, without asking for
    another run. Yields ``wrote_events()``: did a commit write events since it was last called? A run that fails
    asks for a run for what its handlers wrote, as those commits would have."""
    wrote = [False]
    token = _RUN_WROTE.set(wrote)

    def wrote_events() -> bool:
        answer, wrote[0] = wrote[0], False
        return answer

    try:
        yield wrote_events
    except BaseException:
        if wrote[0]:
            _send(True, ())
        raise
    finally:
        _RUN_WROTE.reset(token)


@sa_event.listens_for(Session, "after_commit")
def _signal(session: Session) -> None:
    new_events, order_ids = session.info.pop(NEW_EVENTS, False), session.info.pop(ORDER_PINGS, None)
    run = _RUN_WROTE.get()
    if new_events and run is not None:  # the dispatch run at work claims them (see dispatch_run)
        run[0], new_events = True, False
    if new_events or order_ids:
        _send(new_events, order_ids or ())


def _send(new_events: bool, order_ids: Iterable[str]) -> None:
    try:
        pipe = redis_client().pipeline(transaction=False)
        if new_events:
            ask_for_dispatch(pipe)
        for order_id in sorted(order_ids):
            pipe.publish(order_channel(order_id), "changed")
        answers = pipe.execute()
        if new_events and answers[0]:  # no run was waiting: queue one
            enqueue("app.jobs.dispatch_events", lane=PAYMENTS)
    except Exception:  # Redis down or no app context: the sweep and the streams' timers cover it
        log.warning("could not signal the commit (dispatch request, order pings)", exc_info=True)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(NEW_EVENTS, None)
    session.info.pop(ORDER_PINGS, None)
