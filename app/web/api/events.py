"""Event routes: the merchant's event log, and one order's event stream for polling clients."""

from __future__ import annotations

from flask import jsonify, request

from app.errors import InvalidRequest
from app.platform.outbox.history import events_for_order, list_events
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.orders import order_of_caller
from app.web.api.params import cursor_param, limit_param
from app.web.api.representations import event_json
from app.webhooks.event_types import is_known_type


@bp.get("/events")
@requires_key(secret=True)
def events_index():
    type_ = request.args.get("type") or None
    if type_ is not None and not is_known_type(type_):
        raise InvalidRequest(f"type {type_!r} is not an event type Kassa sends", param="type")
    who = caller()
    events, has_more = list_events(
        who.merchant_id, livemode=who.livemode, type_=type_, limit=limit_param(), starting_after=cursor_param("evt")
    )
    return jsonify({"object": "list", "data": [event_json(e) for e in events], "has_more": has_more})


@bp.get("/orders/<order_id>/events")
@requires_key(secret=False)
def order_events_index(order_id: str):
    order = order_of_caller(order_id, request.args.get("client_secret"))
    shopper = not caller().is_secret
    return jsonify(
        {
            "object": "list",
            "data": [event_json(e, shopper=shopper) for e in events_for_order(order.merchant_id, order.id)],
            "has_more": False,
        }
    )
