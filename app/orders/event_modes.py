"""An event about an order is of the order's mode: its row and its object say ``livemode``.

Services record payment, refund and fulfilment events with objects that do not carry the mode; rather
than have every one of them look the order up, this ``before_flush`` hook gives each new event without
a mode the mode of the order it names (test when it names none), and puts it in the event's object, so
``GET /events`` can filter by mode and every webhook delivery says which world it comes from.
"""

from __future__ import annotations

from sqlalchemy import event as sa_event
from sqlalchemy.orm import Session

from app.orders.models import Order
from app.platform.outbox.events import Event


@sa_event.listens_for(Session, "before_flush")
def _settle_event_modes(session: Session, flush_context, instances) -> None:
    for event in [obj for obj in session.new if isinstance(obj, Event)]:
        if event.livemode is None:
            order = None
            if event.order_id:
                with session.no_autoflush:
                    order = session.get(Order, event.order_id)
            event.livemode = bool(order and order.livemode)
        obj = (event.data or {}).get("object")
        if isinstance(obj, dict) and "livemode" not in obj:
            event.data = {**event.data, "object": {**obj, "livemode": event.livemode}}
