"""The stream process's HTTP side: a Starlette app (sse-starlette for the event stream) that uvicorn serves
(``asgi.py``, the Procfile's ``stream``). ``GET /api/v1/orders/{id}/stream?client_secret=…`` says what the API promises
(API.md, docs/api.md: ``retry``, ``status`` events, keepalives, ``end``; a query the API refuses, such as
``client_secret`` given twice, refused with the same 400; a database outage a 503 with ``Retry-After``). Each open
stream is a coroutine waiting on its socket, so one process holds thousands; ``caps.py`` bounds them per order, per
client address and in total (429 ``too_many_streams`` past a cap). ``GET /healthz`` says it is up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
import time
from typing import AsyncIterator, Callable
from urllib.parse import parse_qsl

from flask import Flask
from sqlalchemy.exc import DBAPIError
from sse_starlette.sse import EventSourceResponse, ServerSentEvent
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send
from werkzeug.datastructures import MultiDict

from app.errors import InvalidRequest, KassaError, NotFound
from app.web.errors import RETRY_AFTER_SECONDS, database_outage
from app.web.query_args import refuse_nul_in_url, refuse_repeated_query_params
from app.web.streams.caps import RETRY_AFTER_SECONDS as CAPPED_RETRY_AFTER_SECONDS
from app.web.streams.caps import OpenStreams, StreamCaps, TooManyStreams, client_address
from app.web.streams.snapshot import DECIDED, UNAVAILABLE_END, opening_snapshot, order_snapshot, sse
from app.web.streams.watch import StreamHub
from app.web.url_text import not_utf8_query_message, not_utf8_query_param

log = logging.getLogger("kassa.streams")

KEEPALIVE_SECONDS = 15.0
_ORDER_ID = re.compile(r"[A-Za-z0-9_]{1,60}")


def read_query(raw: bytes, order_id: str) -> MultiDict:
    """The query as the web route reads it, refused as the web route refuses it (the same 400: not UTF-8, a
    parameter given twice, a NUL), so a client hears the same from either server. ``raw``: as received."""
    name = not_utf8_query_param(raw)
    if name is not None:
        raise InvalidRequest(not_utf8_query_message(name), param=name or None)
    args = MultiDict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    refuse_repeated_query_params(args)
    refuse_nul_in_url({"order_id": order_id}, args)
    return args


def _cors(origin: str | None) -> dict[str, str]:
    # The client secret is the credential: any page holding it may listen (as on the web route). An EventSource
    # that followed the web route's redirect across origins sends "Origin: null"; that is echoed too.
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin else {}


def _error(exc: KassaError, origin: str | None) -> JSONResponse:
    """The API's JSON error, readable by the page that asked (a 503 or a 429 says when to try again)."""
    retry = {503: RETRY_AFTER_SECONDS, 429: str(CAPPED_RETRY_AFTER_SECONDS)}.get(exc.status)
    headers = {**({"Retry-After": retry} if retry else {}), **_cors(origin)}
    return JSONResponse(exc.to_json(), status_code=exc.status, headers=headers)


class _HeldStream(EventSourceResponse):
    """An event stream that gives its slot back when it is over, however it ends (decided, timed out, the client
    gone, the server stopping)."""

    def __init__(self, *args, ended: Callable[[], None], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._ended = ended

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await super().__call__(scope, receive, send)
        finally:
            self._ended()


def stream_app(flask_app: Flask) -> Starlette:
    """The stream process's ASGI app, reading orders through ``flask_app``'s database and Redis settings."""
    config = flask_app.config
    hub = StreamHub(flask_app, recheck_seconds=float(config["ORDER_STREAM_RECHECK_SECONDS"]))
    open_streams = OpenStreams(
        StreamCaps(
            per_order=int(config["STREAM_CAP_PER_ORDER"]),
            per_address=int(config["STREAM_CAP_PER_ADDRESS"]),
            total=int(config["STREAM_CAP_TOTAL"]),
        )
    )
    limit = float(config["ORDER_STREAM_SECONDS"])
    trusted_proxies = int(config["TRUSTED_PROXY_COUNT"])

    async def events(order_id: str, woken: asyncio.Event, first: dict) -> AsyncIterator[bytes]:
        """Status events from ``first`` until the order is decided (or gone), the stream's time is up or the
        database goes away; then ``end``. Keepalives come from EventSourceResponse's ping."""
        started = time.monotonic()
        last: dict | None = None
        snapshot: dict | None = first
        yield b"retry: 1000\n\n"
        while True:
            if snapshot is None:  # the order's row is gone: nothing more will ever be said of it
                yield sse("end", {"reason": "gone"}).encode()
                return
            if snapshot != last:
                yield sse("status", snapshot).encode()
                last = snapshot
            if snapshot["status"] in DECIDED:
                yield sse("end", {"reason": "decided"}).encode()
                return
            remaining = limit - (time.monotonic() - started)
            if remaining <= 0:
                yield sse("end", {"reason": "timeout", "reconnect": True}).encode()
                return
            try:
                await asyncio.wait_for(woken.wait(), timeout=remaining)
            except asyncio.TimeoutError:
                continue
            woken.clear()  # before the read: a change during it wakes the next wait at once
            try:
                snapshot = await hub.read(order_snapshot, order_id)
            except DBAPIError as exc:
                if database_outage(exc) is None:
                    raise
                log.warning("order stream ended: database unavailable (%s)", exc.__class__.__name__)
                yield UNAVAILABLE_END.encode()
                return

    async def order_stream(request: Request) -> Response:
        origin = request.headers.get("origin")
        order_id = request.path_params["order_id"]
        if not _ORDER_ID.fullmatch(order_id):
            return _error(NotFound("not found"), origin)
        if request.method == "OPTIONS":
            headers = {**_cors(origin), "Access-Control-Allow-Methods": "GET", "Access-Control-Max-Age": "600"}
            return Response(status_code=204, headers=headers)
        try:
            secret = read_query(request.scope["query_string"], order_id).get("client_secret", "")
        except KassaError as exc:
            return _error(exc, origin)
        address = client_address(
            request.client.host if request.client else None, request.headers.get("x-forwarded-for"), trusted_proxies
        )
        try:
            open_streams.take(order_id, address)
        except TooManyStreams as exc:
            return _error(exc, origin)
        woken = hub.register(order_id)  # before the first read: a change during it wakes the first wait

        def ended() -> None:
            hub.unregister(order_id, woken)
            open_streams.give_back(order_id, address)

        try:
            first = await hub.read(opening_snapshot, order_id, secret)  # the secret checked with it
        except KassaError as exc:
            ended()
            return _error(exc, origin)
        except DBAPIError as exc:  # the database is down: the web route's 503, not a connection closed unanswered
            ended()
            unavailable = database_outage(exc)
            if unavailable is None:
                raise
            log.warning("order stream not opened: database unavailable (%s)", exc.__class__.__name__)
            return _error(unavailable, origin)
        except BaseException:
            ended()
            raise
        return _HeldStream(
            events(order_id, woken, first),
            ended=ended,
            headers={"Content-Type": "text/event-stream", "Cache-Control": "no-cache", **_cors(origin)},
            ping=KEEPALIVE_SECONDS,
            ping_message_factory=lambda: ServerSentEvent(comment="keepalive", sep="\n"),
            sep="\n",
        )

    async def healthz(request: Request) -> Response:
        return JSONResponse({"status": "ok", "open_streams": hub.open_streams})

    async def not_found(request: Request, exc: Exception) -> Response:
        return _error(NotFound("not found"), request.headers.get("origin"))

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(hub.listen()), asyncio.create_task(hub.recheck())]
        log.info("order streams ready")
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/api/v1/orders/{order_id}/stream", order_stream, methods=["GET", "OPTIONS"]),
        ],
        exception_handlers={404: not_found, 405: not_found},
        lifespan=lifespan,
    )
