"""Tell live listeners (the SDK's status stream) that an order changed, right after the commit
that changed it. Best effort: the stream also re-reads the order on a timer, so a lost
message only costs latency, never correctness."""
from __future__ import annotations

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app import logs

log = logs.get("orders.broadcast")

_PENDING = "kassa_order_pings"


def order_channel(order_id: str) -> str:
    """The Redis pub/sub channel that carries pings about one order."""
    return f"kassa:order:{order_id}"


@sa_event.listens_for(Session, "before_flush")
def _collect(session: Session, _context, _instances) -> None:
    from app.events import Event  # the outbox row is the one signal every order change writes

    for obj in session.new:
        if isinstance(obj, Event) and obj.order_id:
            session.info.setdefault(_PENDING, set()).add(obj.order_id)


@sa_event.listens_for(Session, "after_commit")
def _publish(session: Session) -> None:
    order_ids = session.info.pop(_PENDING, None)
    if not order_ids:
        return
    from app.extensions import redis_client

    try:
        pipe = redis_client().pipeline(transaction=False)
        for order_id in order_ids:
            pipe.publish(order_channel(order_id), "changed")
        pipe.execute()
    except Exception:  # Redis down or no app context: listeners fall back to their timer
        log.warning("could not publish order changes", exc_info=True)


@sa_event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    session.info.pop(_PENDING, None)
