"""The stream process's HTTP side: ``GET /api/v1/orders/{id}/stream?client_secret=…`` answered exactly as the
web route answers it (``app/web/api/stream.py``: ``retry``, ``status`` events, keepalives, ``end``; a query the API
refuses, such as ``client_secret`` given twice, refused with the same 400), but each
open stream is a coroutine waiting on its socket, so one process holds thousands. ``GET /healthz`` says it is up.

HTTP/1.1 without keep-alive: the answer's body runs until the stream ends, then the connection closes (an
EventSource reconnects by itself). Requests are a request line and headers of at most 8 KB, read within 10 s.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from urllib.parse import parse_qsl

from sqlalchemy.exc import DBAPIError
from werkzeug.datastructures import MultiDict

from app.errors import InvalidRequest, KassaError
from app.web.errors import RETRY_AFTER_SECONDS, database_outage
from app.web.query_args import refuse_nul_in_url, refuse_repeated_query_params
from app.web.streams.snapshot import DECIDED, UNAVAILABLE_END, opening_snapshot, order_snapshot, sse
from app.web.streams.watch import StreamHub
from app.web.url_text import not_utf8_query_message, not_utf8_query_param

log = logging.getLogger("kassa.streams")

KEEPALIVE_SECONDS = 15.0
_HEAD_LIMIT, _HEAD_SECONDS = 8192, 10.0
_ROUTE = re.compile(r"/api/v1/orders/([A-Za-z0-9_]{1,60})/stream")


def _head(status: str, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status}", *(f"{k}: {v}" for k, v in headers.items()), "Connection: close", "", ""]
    return "\r\n".join(lines).encode("latin-1")


def read_query(query: str, order_id: str) -> MultiDict:
    """The query as the web route reads it, refused as the web route refuses it (the same 400: not UTF-8, a
    parameter given twice, a NUL), so a client hears the same from either server. ``query``: as received, Latin-1."""
    raw = query.encode("latin-1")
    name = not_utf8_query_param(raw)
    if name is not None:
        raise InvalidRequest(not_utf8_query_message(name), param=name or None)
    args = MultiDict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True))
    refuse_repeated_query_params(args)
    refuse_nul_in_url({"order_id": order_id}, args)
    return args


def _cors(origin: str | None) -> dict[str, str]:
    # The client secret is the credential: any page holding it may listen (as on the web route).
    return {"Access-Control-Allow-Origin": origin, "Vary": "Origin"} if origin else {}


def _error(exc: KassaError, origin: str | None) -> bytes:
    """The API's JSON error, readable by the page that asked (a 503 says when to try again, as the web's does)."""
    retry = {"Retry-After": RETRY_AFTER_SECONDS} if exc.status == 503 else {}
    return (
        _head(f"{exc.status} Error", {"Content-Type": "application/json", **retry, **_cors(origin)})
        + json.dumps(exc.to_json()).encode()
    )


class StreamServer:
    """Serves order status streams from one asyncio loop."""

    def __init__(self, hub: StreamHub, *, limit_seconds: float) -> None:
        self.hub, self.limit_seconds = hub, limit_seconds

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), _HEAD_SECONDS)
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, asyncio.TimeoutError, ConnectionError):
            writer.close()
            return
        try:
            request_line, *header_lines = head.decode("latin-1").split("\r\n")
            method, target, _ = request_line.split(" ", 2)
            headers = {k.strip().lower(): v.strip() for k, _, v in (h.partition(":") for h in header_lines if h)}
            await self._answer(method, target, headers, reader, writer)
        except (ConnectionError, ValueError):
            pass  # the client went away, or sent no HTTP request line
        except Exception:  # e.g. the database is down: this stream ends, the browser retries
            log.exception("order stream failed")
        finally:
            writer.close()

    async def _answer(self, method: str, target: str, headers: dict, reader, writer) -> None:
        path, _, query = target.partition("?")
        origin = headers.get("origin")
        if path == "/healthz" and method == "GET":
            writer.write(
                _head("200 OK", {"Content-Type": "application/json"})
                + json.dumps({"status": "ok", "open_streams": self.hub.open_streams}).encode()
            )
            return
        route = _ROUTE.fullmatch(path)
        if route is None or method not in ("GET", "OPTIONS"):
            writer.write(
                _head("404 Not Found", {"Content-Type": "application/json"})
                + b'{"error":{"type":"invalid_request_error","code":"resource_missing","message":"not found"}}'
            )
            return
        if method == "OPTIONS":
            writer.write(
                _head(
                    "204 No Content",
                    {**_cors(origin), "Access-Control-Allow-Methods": "GET", "Access-Control-Max-Age": "600"},
                )
            )
            return
        order_id = route.group(1)
        try:
            secret = read_query(query, order_id).get("client_secret", "")
        except KassaError as exc:
            writer.write(_error(exc, origin))
            return
        woken = self.hub.register(order_id)  # before the first read: a change during it wakes the first wait
        try:
            try:
                first = await self.hub.read(opening_snapshot, order_id, secret)  # the secret checked with it
            except KassaError as exc:
                writer.write(_error(exc, origin))
                return
            except DBAPIError as exc:  # the database is down: the web route's 503, not a connection closed unanswered
                unavailable = database_outage(exc)
                if unavailable is None:
                    raise
                log.warning("order stream not opened: database unavailable (%s)", exc.__class__.__name__)
                writer.write(_error(unavailable, origin))
                return
            writer.write(
                _head(
                    "200 OK",
                    {
                        "Content-Type": "text/event-stream",
                        "Cache-Control": "no-cache",
                        "X-Accel-Buffering": "no",
                        **_cors(origin),
                    },
                )
            )
            await self._stream(order_id, woken, first, reader, writer)
        finally:
            self.hub.unregister(order_id, woken)

    async def _stream(
        self,
        order_id: str,
        woken: asyncio.Event,
        first: dict,
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
    ) -> None:
        """Status events from ``first`` until the order is decided or the stream's time is up, or the database goes
        away; then ``end``."""
        gone = asyncio.ensure_future(reader.read(1))  # the client went away (EOF) while we wait
        started = last_sent = time.monotonic()
        last: dict | None = None
        snapshot: dict | None = first
        try:
            writer.write(b"retry: 1000\n\n")
            while True:
                if snapshot is None:  # the order's row is gone: nothing more will ever be said of it
                    writer.write(sse("end", {"reason": "gone"}).encode())
                    return
                if snapshot != last:
                    writer.write(sse("status", snapshot).encode())
                    last, last_sent = snapshot, time.monotonic()
                if snapshot["status"] in DECIDED:
                    writer.write(sse("end", {"reason": "decided"}).encode())
                    return
                now = time.monotonic()
                if now - started >= self.limit_seconds:
                    writer.write(sse("end", {"reason": "timeout", "reconnect": True}).encode())
                    return
                if now - last_sent >= KEEPALIVE_SECONDS:
                    writer.write(b": keepalive\n\n")
                    last_sent = now
                await writer.drain()
                wait = min(KEEPALIVE_SECONDS, self.limit_seconds - (now - started))
                woke = asyncio.ensure_future(woken.wait())
                done, _ = await asyncio.wait({woke, gone}, timeout=max(wait, 0.01), return_when=asyncio.FIRST_COMPLETED)
                woke.cancel()
                if gone in done:
                    return
                woken.clear()  # before the read: a change during it wakes the next wait at once
                try:
                    snapshot = await self.hub.read(order_snapshot, order_id)
                except DBAPIError as exc:
                    if database_outage(exc) is None:
                        raise
                    log.warning("order stream ended: database unavailable (%s)", exc.__class__.__name__)
                    writer.write(UNAVAILABLE_END.encode())
                    return
        finally:
            gone.cancel()
            try:
                await writer.drain()
            except ConnectionError:
                pass


async def serve(app, host: str, port: int) -> None:
    """Run the stream server until cancelled."""
    hub = StreamHub(app, recheck_seconds=float(app.config["ORDER_STREAM_RECHECK_SECONDS"]))
    server = StreamServer(hub, limit_seconds=float(app.config["ORDER_STREAM_SECONDS"]))
    listening = await asyncio.start_server(server.handle, host, port, limit=_HEAD_LIMIT, backlog=4096)
    log.info("order streams on %s:%s", host, port)
    async with listening:
        await asyncio.gather(listening.serve_forever(), hub.listen(), hub.recheck())
