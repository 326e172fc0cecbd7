"""What a commit owes Redis once it is durable, sent in ONE round trip: a request for an outbox dispatch run
when it wrote events (app/events.py), and a ping on the channel of each order it changed (app/orders/broadcast.py).

Both are best effort, as before they shared a pipeline: the periodic sweep dispatches events whose request was
lost, and the order streams re-read on a timer.
"""
from __future__ import annotations

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app import logs

log = logs.get("commit_signals")

NEW_EVENTS = "kassa_new_events"  # session.info: the transaction wrote outbox events
ORDER_PINGS = "kassa_order_pings"  # session.info: ids of the orders it changed


@sa_event.listens_for(Session, "after_commit")
def _signal(session: Session) -> None:
    new_events, order_ids = session.info.pop(NEW_EVENTS, False), session.info.pop(ORDER_PINGS, None)
    if not new_events and not order_ids:
        return
    from app.extensions import redis_client
    from app.orders.broadcast import order_channel
    from app.queueing import ask_for_dispatch, enqueue  # jobs sit above the domain

    try:
        pipe = redis_client().pipeline(transaction=False)
        if new_events:
            ask_for_dispatch(pipe)
        for order_id in sorted(order_ids or ()):
            pipe.publish(order_channel(order_id), "changed")
        answers = pipe.execute()
        if new_events and answers[0]:  # no run was waiting: queue one
            enqueue("app.jobs.dispatch_events")
    except Exception:  # Redis down or no app context: the sweep and the streams' timers cover it
        log.warning("could not signal the commit (dispatch request, order pings)", exc_info=True)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(NEW_EVENTS, None)
    session.info.pop(ORDER_PINGS, None)
