"""``X-Request-Id`` on every response: the caller's own id if it sent a sane one, else a new one; bound to
every log line of the request and, for API errors, put in the error body (API.md, "Request ids and limits"),
so a merchant quoting it lets an operator find the request in the logs."""

from __future__ import annotations

import re

from flask import Flask, Response, g, has_request_context, request

from app.platform.observability import logs
from app.platform.values.ids import new_id

HEADER = "X-Request-Id"
# A caller's id is echoed into headers and logs: printable, short, no separators that could split a header.
_SANE = re.compile(r"[A-Za-z0-9._:/+=@-]{1,128}")


def init_app(app: Flask) -> None:
    app.before_request(_assign)
    app.after_request(_echo)


def current_request_id() -> str | None:
    """This request's id (assigned on first use, so errors raised before the hooks ran get one too)."""
    if not has_request_context():
        return None
    if "request_id" not in g:
        incoming = request.headers.get(HEADER, "")
        g.request_id = incoming if _SANE.fullmatch(incoming) else new_id("req")
    return g.request_id


def _assign() -> None:
    logs.bind(request_id=current_request_id())


def _echo(response: Response) -> Response:
    response.headers[HEADER] = current_request_id()
    return response
