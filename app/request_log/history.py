"""Reading and forgetting the API request log: a merchant's requests, newest first, with filters."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import Select, delete, select

from app.errors import NotFound
from app.extensions import db
from app.platform.db.types import after_day, utcnow
from app.platform.values.pagination import newest_first_both_ways
from app.request_log.models import ApiRequestLog
from app.request_log.redaction import storable

STATUS_CLASSES = ("2xx", "3xx", "4xx", "5xx")
REAP_BATCH = 5000


@dataclass(frozen=True)
class RequestFilter:
    """What the Logs page narrows the list to; empty fields do not filter."""

    status_class: str | None = None
    method: str | None = None
    path_contains: str | None = None
    key_id: str | None = None
    request_id: str | None = None
    since: date | None = None  # inclusive, UTC days
    until: date | None = None  # inclusive


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


@dataclass(frozen=True)
class RequestPage:
    rows: list[ApiRequestLog]
    has_older: bool
    has_newer: bool


def _filtered(merchant_id: str, where: RequestFilter) -> Select:
    query = select(ApiRequestLog).where(ApiRequestLog.merchant_id == merchant_id)
    if where.status_class in STATUS_CLASSES:
        low = int(where.status_class[0]) * 100
        query = query.where(ApiRequestLog.status_code >= low, ApiRequestLog.status_code < low + 100)
    if where.method:
        query = query.where(ApiRequestLog.method == where.method.upper())
    if where.path_contains:
        # A literal substring: % and _ typed by the developer are not wildcards.
        query = query.where(ApiRequestLog.path.contains(where.path_contains.strip(), autoescape=True))
    if where.key_id:
        query = query.where(ApiRequestLog.key_id == where.key_id)
    if where.request_id:
        query = query.where(ApiRequestLog.request_id == where.request_id.strip())
    if where.since:
        query = query.where(ApiRequestLog.created_at >= _day_start(where.since))
    if where.until:
        query = query.where(ApiRequestLog.created_at < after_day(where.until))
    return query


def page_api_requests(
    merchant_id: str,
    where: RequestFilter,
    *,
    limit: int = 50,
    starting_after: str | None = None,
    ending_before: str | None = None,
) -> RequestPage:
    """One page of the merchant's requests, newest first; ``starting_after`` (a row id) pages older,
    ``ending_before`` newer. Keyset on the time-ordered id: a page costs the same however deep it is."""
    rows, has_older, has_newer = newest_first_both_ways(
        _filtered(merchant_id, where),
        ApiRequestLog.id,
        limit=limit,
        starting_after=starting_after,
        ending_before=ending_before,
    )
    return RequestPage(rows, has_older=has_older, has_newer=has_newer)


def readable(body: str | None) -> tuple[str | None, object]:
    """A stored body for reading: indented when it is JSON (also returned parsed), as stored otherwise."""
    if body is None:
        return None, None
    try:
        parsed = json.loads(body)
    except ValueError:
        return body, None
    # A stored ``\\ud800`` (a hostile body's lone surrogate) parses back to one: shown escaped, as it was sent.
    return storable(json.dumps(parsed, indent=2, ensure_ascii=False)), parsed


def get_api_request(merchant_id: str, log_id: str) -> ApiRequestLog:
    """One of the merchant's logged requests; another merchant's is not found."""
    row = db.session.scalar(
        select(ApiRequestLog).where(ApiRequestLog.id == log_id, ApiRequestLog.merchant_id == merchant_id)
    )
    if row is None:
        raise NotFound(f"no logged API request {log_id!r}", param="id")
    return row


# Paths that name one object, and which kind: /api/v1/orders/ord_… (and its sub-resources), and so on.
_OBJECT_PATHS = (
    ("order", re.compile(r"^/api/v1/orders/(ord_[A-Za-z0-9]+)")),
    ("subscription", re.compile(r"^/api/v1/subscriptions/(sub_[A-Za-z0-9]+)")),
    ("product", re.compile(r"^/api/v1/products/([A-Za-z0-9_]+)")),
)
# A POST that creates one answers with its id.
_CREATED_BY = {"/api/v1/orders": "order", "/api/v1/subscriptions": "subscription", "/api/v1/products": "product"}


def linked_object(row: ApiRequestLog, response_json: object) -> tuple[str, str] | None:
    """The object a request was about, as (kind, id): named in its path, or created by it."""
    for kind, pattern in _OBJECT_PATHS:
        if match := pattern.match(row.path):
            return kind, match.group(1)
    kind = _CREATED_BY.get(row.path.rstrip("/"))
    if kind and row.method == "POST" and row.status_code < 300 and isinstance(response_json, dict):
        created = response_json.get(kind) if isinstance(response_json.get(kind), dict) else response_json
        if isinstance(created.get("id"), str):
            return kind, created["id"]
    return None


def reap_api_requests(retention_days: int, now: datetime | None = None) -> int:
    """Delete requests older than the retention, in batches that keep each transaction short; returns how many."""
    cutoff = (now or utcnow()) - timedelta(days=retention_days)
    total = 0
    while True:
        batch = select(ApiRequestLog.id).where(ApiRequestLog.created_at < cutoff).limit(REAP_BATCH)
        removed = db.session.execute(delete(ApiRequestLog).where(ApiRequestLog.id.in_(batch))).rowcount
        db.session.commit()
        total += removed
        if removed < REAP_BATCH:
            return total
