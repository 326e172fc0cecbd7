"""Event routes: the merchant's event log, and one order's event stream for polling clients."""

from __future__ import annotations

from flask import jsonify

from app.platform.outbox.history import events_for_order, list_events
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.models.events import EventList, EventListQuery, OrderEventsQuery
from app.web.api.operation import operation
from app.web.api.orders import order_of_caller
from app.web.api.representations import event_json


@bp.get("/events")
@requires_key(secret=True)
@operation("List events, newest first", query=EventListQuery, answers={200: EventList})
def events_index(query: EventListQuery):
    who = caller()
    events, has_more = list_events(
        who.merchant_id,
        livemode=who.livemode,
        type_=query.type,
        limit=query.limit,
        starting_after=query.starting_after,
    )
    return jsonify({"object": "list", "data": [event_json(e) for e in events], "has_more": has_more})


@bp.get("/orders/<order_id>/events")
@requires_key(secret=False)
@operation(
    "One order's events, oldest first",
    description="With a secret key, or with a publishable key and the order's client_secret (a publishable key "
    "reads each object as a shopper may see it).",
    query=OrderEventsQuery,
    answers={200: EventList},
    errors={
        404: "resource_missing: no such order of the key's mode, or (publishable key) a missing or wrong client_secret"
    },
    path={"order_id": "the order's id (ord_…)"},
)
def order_events_index(order_id: str, query: OrderEventsQuery):
    order = order_of_caller(order_id, query.client_secret)
    shopper = not caller().is_secret
    return jsonify(
        {
            "object": "list",
            "data": [event_json(e, shopper=shopper) for e in events_for_order(order.merchant_id, order.id)],
            "has_more": False,
        }
    )
