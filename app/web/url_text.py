"""A request's address is UTF-8 text, or the request is a 400 saying so, before anything reads it.

Werkzeug decodes the query string strictly: a raw byte that is no UTF-8 in the request line (``?status=\\xff``,
as a script or an old client sends Latin-1) made ``request.args`` raise, so the first reader of a query value (the
NUL checks, any view) answered a 500, on the API, the portal and the checkout alike. A percent-encoded one
(``?customer=%FF``) was kept as the three characters ``%FF`` and searched for, an empty list that looked like an
answer. In the path gunicorn hands such a byte through (``/api/v1/orders/ord_%FF``) and Werkzeug shows it as
U+FFFD. Each is refused here, app-wide and first, naming the query parameter that holds it."""

from __future__ import annotations

from urllib.parse import unquote_to_bytes

from flask import request
from flask_babel import gettext
from werkzeug.datastructures import ImmutableMultiDict

from app.errors import InvalidRequest


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def not_utf8_query_param(query: bytes) -> str | None:
    """The name of the first query parameter whose name or value (as sent, or percent-decoded) is no UTF-8: ``""``
    when the name itself is not readable; None when the whole query string is text."""
    for pair in query.split(b"&"):
        name, _, value = pair.partition(b"=")
        decoded = [unquote_to_bytes(part.replace(b"+", b" ")) for part in (name, value)]
        if not all(_is_utf8(part) for part in (name, value, *decoded)):
            return decoded[0].decode("utf-8") if _is_utf8(decoded[0]) else ""
    return None


def _path_bytes() -> bytes | None:
    """The path as the server received it, percent-decoded (WSGI hands it over as Latin-1 text)."""
    try:
        return request.environ.get("PATH_INFO", "").encode("latin-1")
    except UnicodeEncodeError:  # not WSGI's Latin-1 form: already text, nothing to check
        return None


def _refused(api_message: str, param: str | None = None) -> InvalidRequest:
    """The 400: in the API's words for a program (API, hooks), in a reader's words (translated) on a page."""
    if request.path.startswith(("/api/", "/hooks/")):
        return InvalidRequest(api_message, param=param)
    return InvalidRequest(
        gettext(
            "This address holds characters that are not valid text (UTF-8). Check the link, "
            "or open the page again from where you found it."
        ),
        param=param,
    )


def refuse_non_utf8_url() -> None:
    """before_request, app-wide and before any hook that reads the query: a path or query that is no UTF-8 is a
    400 (JSON on the API and hooks, a page elsewhere)."""
    path = _path_bytes()
    name = not_utf8_query_param(request.query_string)
    if name is None and (path is None or _is_utf8(path)):
        return
    # The error page, the request log and the response hooks may read the query: give them an empty one to read.
    request.args = ImmutableMultiDict()
    if name is None:
        raise _refused("the URL path must be UTF-8: percent-encode the UTF-8 bytes of its text (é is %C3%A9)")
    raise _refused(not_utf8_query_message(name), param=name or None)


def not_utf8_query_message(name: str) -> str:
    """The API's words for a query whose parameter ``name`` (``""``: a name) is no UTF-8; the stream process
    (app/web/streams/server.py) says the same."""
    which = f"the value of {name}" if name else "a parameter name"
    return (
        f"the query string must be UTF-8, and {which} is not: percent-encode the UTF-8 bytes of the text (é is %C3%A9)"
    )
