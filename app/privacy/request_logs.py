"""The API request log as an erasure sees it: the requests that carried a customer's data (their id or an email
in the body or query, a path about them or one of their orders, subscriptions or checkout sessions), and which of
those the shopper's own browser made (a publishable key: its address and user agent are the shopper's)."""

from __future__ import annotations

from urllib.parse import quote

from sqlalchemy import and_, exists, literal, or_, select, update

from app.extensions import db
from app.privacy.scrubbing import Personal
from app.request_log.models import ApiRequestLog

_API = "/api/v1/"
_BROWSER_HEADER = "User-Agent"


def _about(collection: str, ids) -> object:
    """A condition: the logged path is one of ``ids`` (a select of one id column) under ``collection``: the
    object itself or a route below it."""
    path = literal(f"{_API}{collection}/") + ids.selected_columns[0]
    return exists(ids.where(or_(ApiRequestLog.path == path, ApiRequestLog.path.startswith(path + "/"))))


def carried(merchant_id: str, modes: tuple[bool, ...], personal: Personal, objects: dict) -> object:
    """A condition on the log: the merchant's requests of these modes that carried the customer's data.
    ``objects``: {path collection: a select of the customer's ids in it}."""
    needles = personal.needles()
    matched = [
        column.contains(needle, autoescape=True)
        for needle in needles
        for column in (ApiRequestLog.request_body, ApiRequestLog.response_body)
    ]
    matched += [
        ApiRequestLog.query.contains(f"customer={quote(value, safe='')}", autoescape=True)
        for value in {personal.customer_id, *personal.emails}
    ]
    matched += [ApiRequestLog.path.contains(f"/customers/{personal.customer_id}/", autoescape=True)]
    matched += [_about(collection, ids) for collection, ids in objects.items()]
    return and_(ApiRequestLog.merchant_id == merchant_id, ApiRequestLog.livemode.in_(modes), or_(*matched))


def _from_browser() -> object:
    return ApiRequestLog.key_label.startswith("pk_")


def shopper_addresses(condition) -> set[str]:
    """The addresses the shopper's browser called from, in the requests ``condition`` picks."""
    return set(
        db.session.scalars(
            select(ApiRequestLog.ip).distinct().where(condition, _from_browser(), ApiRequestLog.ip.is_not(None))
        )
    )


def blank_request_logs(condition) -> int:
    """The requests keep their method, path, status and timing; their bodies and query go, and of the
    shopper's own calls also the address and the browser they came from."""
    blanked = db.session.execute(
        update(ApiRequestLog)
        .where(
            condition,
            ~_from_browser(),
            or_(
                ApiRequestLog.request_body.is_not(None),
                ApiRequestLog.response_body.is_not(None),
                ApiRequestLog.query.is_not(None),
            ),
        )
        .values(request_body=None, response_body=None, query=None)
        .execution_options(synchronize_session=False)
    ).rowcount
    # The headers are JSON (no portable way to drop one key in SQL): the browser's rows, a row at a time.
    for row in db.session.scalars(select(ApiRequestLog).where(condition, _from_browser())):
        headers = {name: value for name, value in (row.request_headers or {}).items() if name != _BROWSER_HEADER}
        if (row.request_body, row.response_body, row.query, row.ip, row.request_headers or {}) != (
            None,
            None,
            None,
            None,
            headers,
        ):
            row.request_body = row.response_body = row.query = row.ip = None
            row.request_headers = headers
            blanked += 1
    return blanked
