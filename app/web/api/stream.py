"""``GET /orders/{id}/stream``: the order's status as server-sent events, for the SDK's
``waitForPayment`` and the embedded panel. Authorised by the order's client secret (an
EventSource cannot send an Authorization header).

Each stream is bounded (``ORDER_STREAM_SECONDS``) and ends with ``event: end`` so the client
reconnects: a gunicorn thread is never held for long. Changes arrive through Redis pub/sub
(``app.orders.broadcast``, published right after the commit); the order is also re-read every
``ORDER_STREAM_RECHECK_SECONDS`` so a lost ping only delays the news.
"""
from __future__ import annotations

import json
import time
from typing import Iterator

from flask import Response, current_app, request, stream_with_context

from app import logs
from app.extensions import db, redis_client
from app.orders.broadcast import order_channel
from app.orders.models import Order
from app.orders.services import get_order_by_client_secret
from app.payments.hub import payments_for_order
from app.web.api import bp

log = logs.get("api.stream")

PAID = ("paid", "fulfilled", "completed", "refunding", "refunded")
KEEPALIVE_SECONDS = 15.0


def _snapshot(order_id: str) -> dict:
    """The order's status and its latest payment, read fresh, holding no connection afterwards."""
    try:
        order = db.session.get(Order, order_id, populate_existing=True)
        attempts = payments_for_order(order_id)
        last = attempts[-1] if attempts else None
        return {"order": order_id, "status": order.status,
                "payment": None if last is None else {"id": last.id, "channel": last.channel,
                                                      "status": last.status,
                                                      "failure_reason": last.failure_reason}}
    finally:
        db.session.remove()


def _sse(event: str, data: dict) -> str:
    return f"event: {event}\ndata: {json.dumps(data, separators=(',', ':'))}\n\n"


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
            snapshot = _snapshot(order_id)
            if snapshot != last:
                yield _sse("status", snapshot)
                last, last_sent = snapshot, time.monotonic()
            if snapshot["status"] in PAID or snapshot["status"] == "closed":
                yield _sse("end", {"reason": "decided"})
                return
            now = time.monotonic()
            if now - started >= limit:
                yield _sse("end", {"reason": "timeout", "reconnect": True})
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
