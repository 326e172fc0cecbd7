"""``GET /orders/{id}/stream``: the order's status as server-sent events, for the SDK's
``waitForPayment`` and the embedded panel. Authorised by the order's client secret (an
EventSource cannot send an Authorization header).

Each stream is bounded (``ORDER_STREAM_SECONDS``) and ends with ``event: end`` so the client
reconnects. Here each open stream holds a gunicorn thread while it lasts; the stream process
(``app/streams``, STREAM_PUBLIC_URL) serves the same stream on a socket instead, for thousands at once. Changes arrive
through Redis pub/sub
(``app.platform.outbox.commit_signals``, published right after the commit; one listener per process,
``app/web/streams/ping_listener.py``); the order is also re-read every
``ORDER_STREAM_RECHECK_SECONDS`` so a lost ping only delays the news.
"""

from __future__ import annotations

import threading
import time
from typing import Iterator
from urllib.parse import urlencode

from flask import Flask, Response, current_app, request, stream_with_context, url_for
from sqlalchemy.exc import DBAPIError

from app.platform.observability import logs
from app.web.api import bp
from app.web.errors import database_outage
from app.web.streams.ping_listener import PingListener
from app.web.streams.snapshot import DECIDED, UNAVAILABLE_END, opening_snapshot, order_snapshot, sse

KEEPALIVE_SECONDS = 15.0
log = logs.get("streams")


def order_pings() -> PingListener:
    """This app's listener for order pings (one per process; started by the first stream)."""
    listener = current_app.extensions.get("kassa_order_pings")
    if listener is None:
        listener = current_app.extensions.setdefault(
            "kassa_order_pings",
            PingListener(current_app.config["REDIS_URL"], connect_timeout=current_app.config["REDIS_TIMEOUT_SECONDS"]),
        )
    return listener


def stop_order_pings(app: Flask) -> None:
    """Stop ``app``'s listener for order pings, if a stream started one (a worker shutting down: gunicorn.conf.py)."""
    listener = app.extensions.get("kassa_order_pings")
    if listener is not None:
        listener.stop()


def order_events(order_id: str, woken: threading.Event, first: dict, *, limit: float, recheck: float) -> Iterator[str]:
    """Status events, from ``first`` (read after ``woken`` was set up), until the order is decided (or gone),
    ``limit`` seconds pass or the database goes away, then ``end``."""
    started = last_sent = time.monotonic()
    last: dict | None = None
    snapshot: dict | None = first
    yield "retry: 1000\n\n"
    while True:
        if snapshot is None:  # the order's row is gone: nothing more will ever be said of it
            yield sse("end", {"reason": "gone"})
            return
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
        woken.wait(min(recheck, max(limit - (now - started), 0.01)))
        woken.clear()  # a ping from here on wakes the next wait, even one that comes during the read
        try:
            snapshot = order_snapshot(order_id)
        except DBAPIError as exc:
            if database_outage(exc) is None:
                raise
            log.warning("order stream ended: database unavailable (%s)", exc.__class__.__name__)
            yield UNAVAILABLE_END
            return


@bp.get("/orders/<order_id>/stream")
def orders_stream(order_id: str):
    pings = order_pings()
    woken = pings.watch(order_id)  # before the first read, so no change can slip between it and the first wait
    try:
        first = opening_snapshot(order_id, request.args.get("client_secret") or "")  # holds no connection after
    except Exception:
        pings.unwatch(order_id, woken)
        raise
    config = current_app.config
    body = order_events(
        order_id,
        woken,
        first,
        limit=float(config["ORDER_STREAM_SECONDS"]),
        recheck=float(config["ORDER_STREAM_RECHECK_SECONDS"]),
    )
    response = Response(stream_with_context(body), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    response.call_on_close(lambda: pings.unwatch(order_id, woken))  # also when the body never began
    return response


orders_stream.cors_publishable = True  # the client secret is the credential; any page holding it may listen


def order_stream_url(order_id: str, client_secret: str) -> str:
    """Where a page opens an order's stream: the stream process (STREAM_PUBLIC_URL) when there is one, which
    holds a waiting shopper on a socket instead of a web thread; else this route."""
    base = current_app.config["STREAM_PUBLIC_URL"].rstrip("/")
    if base:
        return f"{base}/api/v1/orders/{order_id}/stream?{urlencode({'client_secret': client_secret})}"
    return url_for("api.orders_stream", order_id=order_id, client_secret=client_secret)
