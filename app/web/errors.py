"""One place that turns errors into responses: JSON for the API and hooks, pages elsewhere."""

from __future__ import annotations

from flask import Flask, jsonify, make_response, render_template, request
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from sqlalchemy.exc import DBAPIError, OperationalError
from werkzeug.exceptions import HTTPException

from app.errors import KassaError, ServiceUnavailable
from app.extensions import db
from app.platform.observability import logs
from app.web.body_limits import too_large_message
from app.web.fragments import is_htmx
from app.web.request_ids import current_request_id

log = logs.get("web")

RETRY_AFTER_SECONDS = "5"
# What an operator looks for when statements keep running past their bound: usually a lock another session holds.
_LOCK_WAIT_HINT = (
    " (a statement ran past DB_STATEMENT_TIMEOUT_SECONDS: if this repeats, look in PostgreSQL's "
    "pg_stat_activity for a session holding a lock, e.g. 'idle in transaction' for long)"
)

_HTTP_CODES = {
    400: "bad_request",
    404: "resource_missing",
    405: "method_not_allowed",
    413: "request_too_large",
    415: "unsupported_media_type",
    429: "rate_limited",
}


def database_outage(error: DBAPIError) -> ServiceUnavailable | None:
    """The 503 for a database that went away under the request (a restart, a failover: app/platform/db/pool.py) or
    could not
    serve it now (a deadlock, SQLite's write lock past its wait): rolled back, and the same call may succeed soon.
    None for any other database error, which is a bug."""
    if not (error.connection_invalidated or isinstance(error, OperationalError)):
        return None
    # Not "nothing changed": a pay that lost its connection after asking the provider has its attempt committed
    # (the poller settles it), and its retry is told a payment is in progress.
    return ServiceUnavailable(
        "Kassa's database could not serve this request just now; what it had not saved was "
        "rolled back. Please try again in a moment."
    )


def _wants_json() -> bool:
    return request.path.startswith(("/api/", "/hooks/"))


def _json_error(status: int, type_: str, code: str, message: str, param: str | None = None):
    body = {"error": {"type": type_, "code": code, "message": message}}
    if param:
        body["error"]["param"] = param
    return jsonify(with_request_id(body)), status


def with_request_id(body: dict) -> dict:
    """An API error body with ``error.request_id``, the id this response carries in ``X-Request-Id``."""
    body["error"]["request_id"] = current_request_id()
    return body


def page_error(status: int, message: str):
    """An error page, or for an htmx request the error alone, put in the page's #page-alert: the part the request
    would have swapped (a summary, a panel) is left as it was instead of holding a whole page."""
    if not is_htmx():
        return make_response(render_template("error.html", status=status, message=message), status)
    response = make_response(render_template("error_alert.html", status=status, message=message), status)
    response.headers["HX-Retarget"], response.headers["HX-Reswap"] = "#page-alert", "innerHTML"
    response.headers["HX-Reselect"] = "#page-alert-message"  # whatever part of the answer the element selects
    return response


def register(app: Flask) -> None:
    @app.errorhandler(KassaError)
    def kassa_error(error: KassaError):
        db.session.rollback()
        if _wants_json():
            response = jsonify(with_request_id(error.to_json()))
        else:
            response = page_error(error.status, error.message)
        if error.status == 503:
            response.headers["Retry-After"] = RETRY_AFTER_SECONDS  # busy or Redis down: the same call may succeed soon
        return response, error.status

    @app.errorhandler(RedisConnectionError)
    @app.errorhandler(RedisTimeoutError)
    def redis_unreachable(error: Exception):
        # Whatever needed Redis beyond the locks (which say so themselves): 503, never a 500.
        log.warning("Redis unreachable on %s %s: %s", request.method, request.path, error.__class__.__name__)
        return kassa_error(
            ServiceUnavailable("Kassa cannot reach Redis, a service it needs for this; please try again in a moment.")
        )

    @app.errorhandler(DBAPIError)
    def database_error(error: DBAPIError):
        unavailable = database_outage(error)
        if unavailable is None:
            return unexpected(error)
        cause = error.orig if error.orig is not None else error
        # The driver's own words say what an operator fixes ("database or disk is full", "connection refused").
        said = (str(cause).strip().splitlines() or [""])[0][:200]
        log.warning(
            "database unavailable on %s %s: %s%s%s",
            request.method,
            request.path,
            type(cause).__name__,
            f" ({said})" if said else "",
            _LOCK_WAIT_HINT if type(cause).__name__ == "QueryCanceled" else "",
        )
        return kassa_error(unavailable)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if _wants_json():
            type_ = "rate_limit_error" if error.code == 429 else "invalid_request_error"
            message = {
                404: f"no route {request.method} {request.path}",
                405: f"{request.method} is not allowed on {request.path}",
                413: too_large_message(),
            }.get(error.code, error.description)
            response, status = _json_error(error.code, type_, _HTTP_CODES.get(error.code, "http_error"), message)
        else:
            message = (
                too_large_message()[0].upper() + too_large_message()[1:] + "."
                if error.code == 413
                else error.description
            )
            response, status = page_error(error.code, message), error.code
        # The exception's own headers (a 405's Allow, which RFC 9110 requires), all but its body's type.
        for name, value in error.get_headers():
            if name.lower() != "content-type":
                response.headers[name] = value
        return response, status

    @app.errorhandler(Exception)
    def unexpected(error: Exception):
        db.session.rollback()
        # Flask calls this while the exception is being handled, so the log line carries its traceback.
        log.exception("unhandled error on %s %s", request.method, request.path)  # noqa: LOG004
        if _wants_json():
            return _json_error(
                500, "api_error", "internal_error", "something went wrong on our side; it has been logged"
            )
        return page_error(500, "Something went wrong on our side.")
