"""Capture every ``/api/v1`` request made with a merchant's key for the request log (app/request_log).

On the hot path this only collects references (the request's cached body, the response's bytes, a few
headers) into one small object, handed to the log writer in the response's ``close``, which the WSGI server
calls after the last byte went out; redacting and writing it run on the writer's thread. So the caller never
waits for the log, and nothing the log does can change the answer.
"""

from __future__ import annotations

import time
from functools import partial

from flask import Flask, Response, current_app, g, request

from app.merchants.services import Caller
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.values.ids import new_id
from app.request_log.models import ID_PREFIX
from app.request_log.recording import CapturedRequest, queue_captured
from app.web.request_ids import current_request_id

log = logs.get("request_log")

# Headers a developer debugging an integration wants to see; nothing else is kept (no Authorization, no cookie).
_REQUEST_HEADERS = ("Idempotency-Key", "User-Agent", "Content-Type", "Origin")
_RESPONSE_HEADERS = ("Idempotent-Replayed", "Content-Type")


def init_app(app: Flask) -> None:
    app.before_request(_start_clock)
    app.after_request(_capture)


def attribute(caller: Caller) -> None:
    """Name the merchant and key of this request as soon as the key is known, so the log keeps requests
    refused after that (a publishable key on a secret route, a page outside the allowed origins)."""
    g.request_log_caller = caller


def _start_clock() -> None:
    g.request_log_started = time.perf_counter()


def _capture(response: Response) -> Response:
    caller: Caller | None = g.get("request_log_caller")
    if caller is None or request.blueprint != "api":
        return response
    try:
        started = g.get("request_log_started")
        captured = CapturedRequest(
            id=new_id(ID_PREFIX),
            merchant_id=caller.merchant_id,
            livemode=caller.livemode,
            key_id=caller.key_id,
            key_label=caller.key_label,
            method=request.method,
            path=request.path,
            query=request.query_string.decode("latin-1"),
            status_code=response.status_code,
            duration_ms=round((time.perf_counter() - started) * 1000) if started is not None else None,
            request_id=current_request_id(),
            ip=request.remote_addr,
            created_at=utcnow(),
            request_headers=_pick(request.headers, _REQUEST_HEADERS),
            response_headers=_pick(response.headers, _RESPONSE_HEADERS),
            request_body=_request_body(),
        )
        if response.is_streamed:
            captured.note = "[a stream: not recorded]"
        else:
            captured.response_body = response.get_data()
        response.call_on_close(partial(queue_captured, current_app._get_current_object(), captured))
    except Exception:  # never let the log change the answer
        log.exception("could not capture the request for the API request log")
    return response


def _pick(headers, names: tuple[str, ...]) -> dict:
    return {name: headers[name][:255] for name in names if name in headers}


def _request_body() -> bytes | None:
    """The body the view already read (cached by Werkzeug); a body over the limit was never read and is not now."""
    limit = request.max_content_length
    if request.content_length and limit and request.content_length > limit:
        return f"[{request.content_length} bytes: over the size limit, not read]".encode()
    return request.get_data(cache=True) or None
