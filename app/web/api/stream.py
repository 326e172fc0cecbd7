"""``GET /orders/{id}/stream``: the order's status as server-sent events, for the SDK's
``waitForPayment`` and the embedded panel. Authorised by the order's client secret (an
EventSource cannot send an Authorization header).

Each stream is bounded (``ORDER_STREAM_SECONDS``) and ends with ``event: end`` so the client
reconnects. Here each open stream holds a gunicorn thread while it lasts; the stream process
(``app/streams``, STREAM_PUBLIC_URL) serves the same stream on a socket instead, for thousands at once. Changes arrive through Redis pub/sub
(``app.orders.broadcast``, published right after the commit); the order is also re-read every
``ORDER_STREAM_RECHECK_SECONDS`` so a lost ping only delays the news.
"""
from __future__ import annotations

import time
from typing import Iterator
from urllib.parse import urlencode

from flask import Response, current_app, request, stream_with_context, url_for

from app import logs
from app.extensions import db, redis_client
from app.orders.broadcast import order_channel
from app.orders.services import get_order_by_client_secret
from app.streams.snapshot import DECIDED, order_snapshot, sse
from app.web.api import bp

log = logs.get("api.stream")

KEEPALIVE_SECONDS = 15.0


def _subscribe(order_id: str):
    try:
        pubsub = redis_client().pubsub(ignore_subscribe_messages=True)
        pubsub.subscribe(order_channel(order_id))
        return pubsub
    except Exception:  # no Redis: the timer alone carries the stream
        log.warning("order stream without pub/sub", exc_info=True)
        return None


def _wait_for_ping(pubsub, seconds: float) -> None:
    if pubsub is None:
        time.sleep(seconds)
        return
    try:
        pubsub.get_message(timeout=seconds)
    except Exception:
        time.sleep(seconds)


def order_events(order_id: str, *, limit: float, recheck: float) -> Iterator[str]:
    """Status events until the order is decided or ``limit`` seconds pass, then ``end``."""
    pubsub = _subscribe(order_id)  # before the first read, so no change can slip between them
    started = last_sent = time.monotonic()
    last: dict | None = None
    try:
        yield "retry: 1000\n\n"
        while True:
            snapshot = order_snapshot(order_id)
            if snapshot != last:
                yield sse("status", snapshot)
                last, last_sent = snapshot, time.monotonic()
            if snapshot["status"] in DECIDED:
                yield sse("end", {"reason": "decided"})
                return
            now = time.monotonic()
            if now - started >= limit:
                yield sse("end", {"reason": "timeout", "reconnect": True})
                return
            if now - last_sent >= KEEPALIVE_SECONDS:
                yield ": keepalive\n\n"
                last_sent = now
            _wait_for_ping(pubsub, min(recheck, max(limit - (now - started), 0.01)))
    finally:
        if pubsub is not None:
            pubsub.close()


@bp.get("/orders/<order_id>/stream")
def orders_stream(order_id: str):
    found = get_order_by_client_secret(order_id, request.args.get("client_secret") or "").id
    db.session.remove()  # a stream must not hold a pooled connection between reads
    config = current_app.config
    body = order_events(found, limit=float(config["ORDER_STREAM_SECONDS"]),
                        recheck=float(config["ORDER_STREAM_RECHECK_SECONDS"]))
    response = Response(stream_with_context(body), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


orders_stream.cors_publishable = True  # the client secret is the credential; any page holding it may listen


def order_stream_url(order_id: str, client_secret: str) -> str:
    """Where a page opens an order's stream: the stream process (STREAM_PUBLIC_URL) when there is one, which
    holds a waiting shopper on a socket instead of a web thread; else this route."""
    base = current_app.config["STREAM_PUBLIC_URL"].rstrip("/")
    if base:
        return f"{base}/api/v1/orders/{order_id}/stream?{urlencode({'client_secret': client_secret})}"
    return url_for("api.orders_stream", order_id=order_id, client_secret=client_secret)
