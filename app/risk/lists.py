"""Block, allow and review lists: one value per entry (a customer, an email, a domain, an address or CIDR
range, a device, a card fingerprint), with an optional expiry and note.

Each mode has its own lists (``livemode``): a key reads and changes its mode's, and an order is matched against
its mode's only, so a test key or a test run never blocks or lets through a live shopper.

Lookups are at most one indexed query per order whatever the list's size, and usually none: a Bloom filter of
the merchant's values in that mode (app/risk/list_filter.py) rules out most shoppers in memory; a value it may
hold is looked up by the unique (merchant, mode, kind, value) index. CIDR ranges are few and matched in Python.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Callable, Iterator

from sqlalchemy import ColumnElement, delete, or_, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.config_cache import bump, cached
from app.platform.db.types import utcnow
from app.platform.values.csv_export import spreadsheet_safe, unmark_spreadsheet_safe
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first
from app.platform.values.times import request_time
from app.risk.list_filter import ListedValues
from app.risk.models import RiskListEntry

KINDS = ("customer", "email", "email_domain", "ip", "device", "card_fingerprint")
ACTIONS = ("block", "allow", "review")
MAX_IMPORT_LINES = 200_000


def normalise(kind: object, value: object) -> tuple[str, str]:
    """(kind, value) as stored and matched; raises InvalidRequest naming what to fix."""
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 320:
        raise InvalidRequest("value must be a non-empty string of at most 320 characters", param="value")
    _refuse_nul(value, "value")
    value = value.strip()
    if kind in ("email", "email_domain", "customer", "device", "card_fingerprint"):
        value = value.lower() if kind in ("email", "email_domain") else value
    if kind == "email" and "@" not in value:
        raise InvalidRequest("an email entry needs a full address (name@domain)", param="value")
    if kind == "email_domain":
        value = value.lstrip("@")
        if "." not in value or "@" in value:
            raise InvalidRequest("an email_domain entry is a domain such as example.com", param="value")
    if kind == "ip":
        try:
            value = str(ipaddress.ip_network(value, strict=False)) if "/" in value else str(ipaddress.ip_address(value))
        except ValueError:
            raise InvalidRequest(
                "an ip entry is an address (203.0.113.7) or a CIDR range (203.0.113.0/24)", param="value"
            ) from None
    return kind, value


def _refuse_nul(text: str, param: str) -> None:
    """A NUL (a file saved by another program, a bad paste) is no list value: PostgreSQL cannot store it. The
    JSON API refuses it in the body already; an imported CSV line reaches here with it."""
    if "\x00" in text:
        raise InvalidRequest(f"{param} holds an invisible NUL character: remove it", param=param)


def _expiry(value: object) -> datetime | None:
    if value in (None, ""):
        return None
    if type(value) is int and not 0 < value < 10**11:  # no calendar holds it: refused before it is made a time
        raise InvalidRequest("expires_at must be a time in the future", param="expires_at")
    # The API hands a time it parsed already; a CSV line and the portal's form, the text as typed.
    when = value if isinstance(value, datetime) else request_time(value, "expires_at")
    if when <= utcnow():
        raise InvalidRequest("expires_at must be a time in the future", param="expires_at")
    return when


def _entry(merchant_id: str, body: dict, livemode: bool) -> RiskListEntry:
    kind, value = normalise(body.get("kind"), body.get("value"))
    action = body.get("action")
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}", param="action")
    note = body.get("note")
    if note is not None and (not isinstance(note, str) or len(note) > 500):
        raise InvalidRequest("note is a string of at most 500 characters", param="note")
    if note:
        _refuse_nul(note, "note")
    return RiskListEntry(
        id=new_id("rle"),
        merchant_id=merchant_id,
        livemode=livemode,
        kind=kind,
        value=value,
        action=action,
        expires_at=_expiry(body.get("expires_at")),
        note=note or None,
        is_range=kind == "ip" and "/" in value,
    )


def _of_mode(merchant_id: str, livemode: bool) -> ColumnElement[bool]:
    """The merchant's entries of one mode (an equality, so the (merchant, mode, …) indexes serve it)."""
    return (RiskListEntry.merchant_id == merchant_id) & (RiskListEntry.livemode == livemode)


def add_entry(merchant_id: str, body: dict, *, livemode: bool) -> RiskListEntry:
    """Add one entry to the lists of the mode (commits); the same kind and value twice in it is a 409 naming the
    existing entry."""
    entry = _entry(merchant_id, body, livemode)
    existing = db.session.scalar(
        select(RiskListEntry).where(
            _of_mode(merchant_id, livemode), RiskListEntry.kind == entry.kind, RiskListEntry.value == entry.value
        )
    )
    if existing is not None:
        raise Conflict(
            f"{entry.kind} {entry.value} is already listed ({existing.id}, {existing.action}); "
            "delete it first to change it",
            code="resource_exists",
            param="value",
        )
    db.session.add(entry)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(f"{entry.kind} {entry.value} is already listed", code="resource_exists", param="value") from None
    return entry


def list_entries(
    merchant_id: str,
    *,
    livemode: bool,
    kind: str | None = None,
    value: str | None = None,
    limit: int = 100,
    starting_after: str | None = None,
) -> tuple[list[RiskListEntry], bool]:
    """One page of the mode's entries, newest first, optionally of one kind and value."""
    query = select(RiskListEntry).where(_of_mode(merchant_id, livemode))
    if kind:
        if kind not in KINDS:
            raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
        query = query.where(RiskListEntry.kind == kind)
        if value:
            query = query.where(RiskListEntry.value == normalise(kind, value)[1])
    elif value:
        query = query.where(RiskListEntry.value == value.strip().lower())
    return newest_first(query, RiskListEntry.id, limit=limit, starting_after=starting_after)


def entry_of(merchant_id: str, entry_id: str, *, livemode: bool) -> RiskListEntry:
    """The mode's entry ``entry_id``; another merchant's or the other mode's is a 404."""
    entry = db.session.scalar(
        select(RiskListEntry).where(RiskListEntry.id == entry_id, _of_mode(merchant_id, livemode))
    )
    if entry is None:
        raise NotFound(f"no list entry {entry_id}", param="id")
    return entry


def delete_entry(merchant_id: str, entry_id: str, *, livemode: bool) -> str:
    """Remove the mode's entry ``entry_id`` (commits); one of the other mode is a 404 and stays."""
    removed = db.session.execute(
        delete(RiskListEntry).where(RiskListEntry.id == entry_id, _of_mode(merchant_id, livemode))
    ).rowcount
    if removed:
        bump(merchant_id)
    db.session.commit()
    if not removed:
        raise NotFound(f"no list entry {entry_id}", param="id")
    return entry_id


@dataclass
class ImportReport:
    imported: int
    skipped: int
    errors: list[dict]


# A line as an editor counts it: up to and with its LF, CRLF or CR alone (Excel for Mac), or the last, unended one.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _lines(text: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """Each record with the number of the line it starts on (a quoted field may hold line breaks), or the csv.Error
    the reader raised on it. After an error the reader starts again on the next line, so one unreadable line is
    that line's error and the lines after it are read each on its own, not the import's error."""
    lines = _LINE.findall(text)
    start = 0  # index of the line the reader starts on
    while start < len(lines):
        # strict: a quote left open is an error at the end of the data, not a value that silently swallows every
        # line after it (imported as one long note, or refused as a line of too few fields, the rest never read).
        reader = csv.reader((lines[i] for i in range(start, len(lines))), strict=True)
        while True:
            number = start + reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield number, exc
                start = number  # the line after the one the unreadable record began on
                break
            yield number, fields


def _unreadable(exc: csv.Error) -> str:
    reason = str(exc)
    if "field limit" in reason:
        return (
            f"a field is longer than {csv.field_size_limit()} characters: a value is at most 320 characters and "
            "a note 500 (a quote left open runs on into the lines after it)"
        )
    if "unexpected end of data" in reason:
        return (
            'a quote (") on this line is never closed, so the lines after it would be read as part of one value: '
            'close it, and write a quote inside a value twice ("")'
        )
    if "expected after" in reason:
        return (
            "a quoted value goes on after its closing quote: end the value at the quote, or write a quote "
            'inside a value twice ("")'
        )
    return f"not readable as CSV: {reason}"


def import_csv(merchant_id: str, text: str, *, livemode: bool) -> ImportReport:
    """Add every good line of ``kind,value,action[,expires_at][,note]`` to the mode's lists in one transaction; a
    bad line is reported by its number and skipped, a value already listed in the mode is skipped."""
    existing = {
        (k, v)
        for k, v in db.session.execute(
            select(RiskListEntry.kind, RiskListEntry.value).where(_of_mode(merchant_id, livemode))
        )
    }
    rows, errors, skipped = [], [], 0
    for number, fields in _lines(text):
        if number > MAX_IMPORT_LINES:
            errors.append({"line": number, "message": f"only {MAX_IMPORT_LINES} lines are read per import"})
            break
        if isinstance(fields, csv.Error):
            errors.append({"line": number, "message": _unreadable(fields)})
            continue
        if not fields or (number == 1 and [f.strip().lower() for f in fields[:3]] == ["kind", "value", "action"]):
            continue  # blank line, or the header
        if len(fields) < 3 or len(fields) > 5:
            errors.append({"line": number, "message": "expected kind,value,action[,expires_at][,note]"})
            continue
        # The export's cells are spreadsheet-safe ('=…): read back as they were typed.
        body = dict(
            zip(("kind", "value", "action", "expires_at", "note"), (unmark_spreadsheet_safe(f.strip()) for f in fields))
        )
        try:
            entry = _entry(merchant_id, body, livemode)
        except InvalidRequest as exc:
            errors.append({"line": number, "message": exc.message})
            continue
        if (entry.kind, entry.value) in existing:
            skipped += 1
            continue
        existing.add((entry.kind, entry.value))
        rows.append(
            {
                "id": entry.id,
                "merchant_id": merchant_id,
                "livemode": livemode,
                "kind": entry.kind,
                "value": entry.value,
                "action": entry.action,
                "expires_at": entry.expires_at,
                "note": entry.note,
                "is_range": entry.is_range,
                "created_at": utcnow(),
            }
        )
    for start in range(0, len(rows), 5000):
        db.session.execute(RiskListEntry.__table__.insert(), rows[start : start + 5000])
    if rows:
        bump(merchant_id)
    db.session.commit()
    return ImportReport(imported=len(rows), skipped=skipped, errors=errors)


def export_csv(merchant_id: str, *, livemode: bool) -> str:
    """The mode's entries in the import's format."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["kind", "value", "action", "expires_at", "note"])
    for entry in db.session.scalars(
        select(RiskListEntry).where(_of_mode(merchant_id, livemode)).order_by(RiskListEntry.kind, RiskListEntry.value)
    ):
        # A value or note is someone's text (a shopper's customer id): no cell a spreadsheet runs as a formula.
        writer.writerow(
            [
                entry.kind,
                spreadsheet_safe(entry.value),
                entry.action,
                int(entry.expires_at.timestamp()) if entry.expires_at else "",
                spreadsheet_safe(entry.note),
            ]
        )
    return out.getvalue()


def _has_entries(livemode: bool) -> Callable[[Session, str], bool]:
    def load(session: Session, merchant_id: str) -> bool:
        return session.scalar(select(RiskListEntry.id).where(_of_mode(merchant_id, livemode)).limit(1)) is not None

    return load


def matches(merchant_id: str, values: dict[str, str | None], *, livemode: bool) -> list[RiskListEntry]:
    """Unexpired entries of the mode matching any of ``values`` ({kind: value}); ip also matches listed ranges. They
    come in the order of ``values``' kinds (an exact address before the ranges holding it), never in the order the
    database happens to return rows: an order's risk reasons read the same every time."""
    wanted = []
    for kind, value in values.items():
        if value:
            try:
                wanted.append(normalise(kind, value))
            except InvalidRequest:
                continue
    mode = "live" if livemode else "test"
    if not wanted or not cached(merchant_id, f"risk.has_list_entries.{mode}", _has_entries(livemode)):
        return []
    now = utcnow()
    listed = cached(merchant_id, f"risk.listed_values.{mode}", _listed_values(livemode))
    maybe = [pair for pair in wanted if pair in listed]
    # One row-value IN (a single cached statement whatever the number of values), served by the unique index.
    found = (
        list(
            db.session.scalars(
                select(RiskListEntry).where(
                    _of_mode(merchant_id, livemode),
                    tuple_(RiskListEntry.kind, RiskListEntry.value).in_(maybe),
                    or_(RiskListEntry.expires_at.is_(None), RiskListEntry.expires_at > now),
                )
            )
        )
        if maybe
        else []
    )
    ip = next((v for k, v in wanted if k == "ip"), None)
    if ip:
        address = ipaddress.ip_address(ip)
        # The merchant's ranges, parsed once per change of its lists (app/merchants/config_cache.py).
        found += [
            entry
            for network, entry in cached(merchant_id, f"risk.ranges.{mode}", _ranges(livemode))
            if address in network and (entry.expires_at is None or entry.expires_at > now)
        ]
    checked = {kind: position for position, (kind, _) in enumerate(wanted)}
    return sorted(found, key=lambda entry: (checked.get(entry.kind, len(checked)), entry.is_range, entry.value))


def _listed_values(livemode: bool) -> Callable[[Session, str], ListedValues]:
    def load(session: Session, merchant_id: str) -> ListedValues:
        pairs = session.execute(
            select(RiskListEntry.kind, RiskListEntry.value).where(
                _of_mode(merchant_id, livemode), RiskListEntry.is_range.is_(False)
            )
        ).all()
        return ListedValues(pairs, len(pairs))

    return load


def _ranges(livemode: bool) -> Callable[[Session, str], tuple]:
    def load(session: Session, merchant_id: str) -> tuple:
        entries = session.scalars(
            select(RiskListEntry).where(_of_mode(merchant_id, livemode), RiskListEntry.is_range.is_(True))
        ).all()
        return tuple((ipaddress.ip_network(entry.value), entry) for entry in entries)

    return load
