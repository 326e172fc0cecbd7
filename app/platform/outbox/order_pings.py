"""Which orders a commit pings: live listeners (the SDK's status stream) hear that an order changed right after
the commit that changed it (app/platform/outbox/commit_signals.py sends the pings collected here). Best effort: the
stream also re-reads the order on a timer, so a lost message only costs latency, never correctness."""

from __future__ import annotations

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.extensions import db
from app.platform.db.core_writes import after_insert_at_once
from app.platform.outbox.commit_signals import ORDER_PINGS
from app.platform.outbox.events import Event


@sa_event.listens_for(Session, "before_flush")
def _collect(session: Session, _context, _instances) -> None:
    _collect_from(session, session.new)


@after_insert_at_once
def _collect_inserted(objects) -> None:
    _collect_from(db.session(), objects)


def _collect_from(session: Session, written) -> None:
    for obj in written:
        # The outbox row is the one signal every order change writes. An order's first event needs no ping: nobody
        # can be watching an order whose id its commit first gives out.
        if isinstance(obj, Event) and obj.order_id and obj.type != "order.created":
            session.info.setdefault(ORDER_PINGS, set()).add(obj.order_id)
