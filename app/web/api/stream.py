"""``GET /orders/{id}/stream``: the order's status as server-sent events, for the SDK's ``waitForPayment`` and the
order pages. Authorised by the order's client secret (an EventSource cannot send an Authorization header).

The web process holds no stream open: a stream waits for minutes, and each one held a gunicorn thread, so a few
dozen sockets stalled the whole web tier. With a stream process (STREAM_PUBLIC_URL; app/web/streams, the Procfile's
``stream``) this route answers ``307`` to the same path and query there; an EventSource follows it, and the stream
process answers any origin, ``null`` included (what a browser sends after a redirect across origins). Without one
it answers at once: ``retry``, the order's ``status``, then ``end`` (reason ``decided``, or ``poll``: no stream
here, poll the order), so the SDK and the pages poll instead.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from flask import Response, current_app, redirect, request

from app.web.api import bp
from app.web.api.models.events import OrderStatusEvent, OrderStreamEnd
from app.web.api.operation import operation
from app.web.streams.snapshot import DECIDED, opening_snapshot, sse

# A client that reconnects by itself (a bare EventSource, not the SDK) asks again this long after the end:
# polling at that pace, not in a tight loop.
_POLL_RETRY = "retry: 5000\n\n"


def _stream_service() -> str:
    return current_app.config["STREAM_PUBLIC_URL"].rstrip("/")


_REF = "#/components/schemas/{model}"


def _sse_event(name: str, model: type) -> dict:
    """One kind of server-sent event: its ``event:`` name and the JSON its ``data:`` line holds."""
    return {
        "type": "object",
        "required": ["event", "data"],
        "properties": {
            "event": {"const": name},
            "data": {
                "type": "string",
                "contentMediaType": "application/json",
                "contentSchema": {"$ref": _REF.format(model=model.__name__)},
            },
        },
    }


# The body is a stream of text; x-itemSchema says what each event in it is (OpenAPI 3.2's itemSchema).
_STREAM = {
    "type": "string",
    "description": "`retry: <ms>`, then `event: status` events (data: OrderStatusEvent) and a final `event: end` "
    "(data: OrderStreamEnd)",
    "x-itemSchema": {"oneOf": [_sse_event("status", OrderStatusEvent), _sse_event("end", OrderStreamEnd)]},
    "examples": [
        'retry: 5000\n\nevent: status\ndata: {"order":"ord_1a2b3c","status":"created","payment":null}\n\n'
        'event: end\ndata: {"reason":"poll"}\n\n'
    ],
}


@bp.get("/orders/<order_id>/stream")
@operation(
    "An order's status as server-sent events",
    description="Authorised by its client_secret (no key: an EventSource cannot send headers). `event: status` "
    "carries an OrderStatusEvent whenever the status or latest payment changes; `event: end` (an OrderStreamEnd) "
    "closes the stream once the order is paid or closed (reason `decided`), after ORDER_STREAM_SECONDS (reason "
    "`timeout`: the client reconnects), when the order no longer exists (reason `gone`) or when the database went "
    "away mid-stream (reason `unavailable`: poll the order meanwhile). The web process holds no stream: with a "
    "stream process (STREAM_PUBLIC_URL) it answers 307 to the same path and query there (an EventSource follows "
    "it); without one it answers at once with the order's `status` and `end` (reason `poll`: poll the order). The "
    "stream process caps open streams per order, per client address and in total: past a cap, 429 "
    "`too_many_streams` with Retry-After. CORS: any origin (`null` included, as after a redirect).",
    raw_answers={
        200: ("text/event-stream", _STREAM, "the order's status events and a final end event"),
        307: (
            "text/html",
            {"type": "string"},
            "the stream is on the stream process (Location: the same path and query there)",
        ),
    },
    errors={
        404: "resource_missing: no such order, or a missing or wrong client_secret",
        429: "too_many_streams: too many open streams (of this order, from this address, or in all); see Retry-After",
    },
    extra={
        "security": [],
        "parameters": [
            {
                "name": "id",
                "in": "path",
                "required": True,
                "schema": {"type": "string"},
                "description": "the order's id (ord_…)",
            },
            {
                "name": "client_secret",
                "in": "query",
                "required": True,
                "schema": {"type": "string"},
                "description": "the order's client secret (a wrong or missing one is a 404)",
            },
        ],
        # The events' schemas, as components the stream's description points at.
        "_components": (OrderStatusEvent, OrderStreamEnd),
    },
)
def orders_stream(order_id: str) -> Response:
    service = _stream_service()
    if service:
        # The same query, as received (the stream process reads and refuses it the same way).
        query = request.query_string.decode("latin-1")
        target = f"{service}/api/v1/orders/{quote(order_id, safe='')}/stream" + (f"?{query}" if query else "")
        response = redirect(target, code=307)
        response.headers["Cache-Control"] = "no-store"
        return response
    first = opening_snapshot(order_id, request.args.get("client_secret") or "")  # 404 for a wrong secret
    end = {"reason": "decided"} if first["status"] in DECIDED else {"reason": "poll"}
    response = Response(_POLL_RETRY + sse("status", first) + sse("end", end), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    return response


orders_stream.cors_publishable = True  # the client secret is the credential; any page holding it may listen


def order_stream_url(order_id: str, client_secret: str) -> str:
    """Where a page opens an order's stream: the stream process (STREAM_PUBLIC_URL); empty when there is none
    (the page polls)."""
    service = _stream_service()
    if not service:
        return ""
    return f"{service}/api/v1/orders/{order_id}/stream?{urlencode({'client_secret': client_secret})}"
