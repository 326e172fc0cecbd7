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
from app.web.streams.snapshot import DECIDED, opening_snapshot, sse

# A client that reconnects by itself (a bare EventSource, not the SDK) asks again this long after the end:
# polling at that pace, not in a tight loop.
_POLL_RETRY = "retry: 5000\n\n"


def _stream_service() -> str:
    return current_app.config["STREAM_PUBLIC_URL"].rstrip("/")


@bp.get("/orders/<order_id>/stream")
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
