"""Business lines of a merchant: added, renamed, archived, and found by id or code.

No line is the merchant's default: everything that carries a line (products, orders and the money records after
them) carries NULL for a merchant who defines none, which is exactly how Kassa behaved before lines existed."""

from __future__ import annotations

import re

from sqlalchemy import func, or_, select

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.business_line_models import BusinessLine
from app.merchants.settings import auto_confirm_minutes, timeout_minutes
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

MAX_LINES = 100
_CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


def _name(value: object) -> str:
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > 200:
        raise InvalidRequest("name is required: 1 to 200 characters", param="name")
    return value.strip()


def _display_name(value: object) -> str | None:
    """The name shoppers see, as given; None or blank: the merchant's name."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str) or len(value.strip()) > 200:
        raise InvalidRequest(
            "display_name is at most 200 characters (empty or null: shoppers see the merchant's name)",
            param="display_name",
        )
    return " ".join(value.split())  # one line: it heads pages and an email's From


def create_line(merchant_id: str, *, code: object, name: object) -> BusinessLine:
    """A new line of the merchant; its code is unique among the merchant's lines, archived ones included."""
    if not isinstance(code, str) or not _CODE.match(code):
        raise InvalidRequest(
            "code is 1 to 40 lowercase letters, digits, - or _, starting with a letter or digit (e.g. games)",
            param="code",
        )
    clean_name = _name(name)
    lines = db.session.scalars(select(BusinessLine).where(BusinessLine.merchant_id == merchant_id)).all()
    if any(line.code == code for line in lines):
        raise Conflict(
            f"the merchant already has a business line with code {code!r}: choose another code",
            code="business_line_exists",
            param="code",
        )
    if len(lines) >= MAX_LINES:
        raise InvalidRequest(f"a merchant has at most {MAX_LINES} business lines", param="code")
    line = BusinessLine(id=new_id("bl"), merchant_id=merchant_id, code=code, name=clean_name, created_at=utcnow())
    db.session.add(line)
    db.session.commit()
    return line


def list_lines(merchant_id: str, *, include_archived: bool = True) -> list[BusinessLine]:
    """The merchant's lines, oldest first."""
    query = select(BusinessLine).where(BusinessLine.merchant_id == merchant_id)
    if not include_archived:
        query = query.where(BusinessLine.archived_at.is_(None))
    return list(db.session.scalars(query.order_by(BusinessLine.created_at, BusinessLine.id)))


def has_lines(merchant_id: str) -> bool:
    """Whether the merchant defined any line (archived ones count: their orders still carry them)."""
    found = db.session.scalar(
        select(func.count()).select_from(BusinessLine).where(BusinessLine.merchant_id == merchant_id)
    )
    return bool(found)


def get_line(merchant_id: str, ref: str, *, param: str = "business_line") -> BusinessLine:
    """The merchant's line named by its id (bl_…) or its code; another merchant's is not found."""
    line = db.session.scalar(
        select(BusinessLine).where(
            BusinessLine.merchant_id == merchant_id, or_(BusinessLine.id == ref, BusinessLine.code == ref)
        )
    )
    if line is None:
        raise NotFound(f"no business line {ref!r}", param=param)
    return line


def line_for_new_record(merchant_id: str, ref: object, *, param: str = "business_line") -> str | None:
    """The id of the line a new product or order is put in (None: the merchant's default); an unknown or archived
    line is a 400 naming ``param``."""
    if ref is None:
        return None
    if not isinstance(ref, str) or not ref:
        raise InvalidRequest(f"{param} is a business line's id (bl_…) or code", param=param)
    try:
        line = get_line(merchant_id, ref, param=param)
    except NotFound:
        raise InvalidRequest(f"{param}: the merchant has no business line {ref!r}", param=param) from None
    if line.archived_at is not None:
        raise InvalidRequest(f"{param}: business line {line.code!r} is archived", param=param)
    return line.id


def rename_line(merchant_id: str, line_id: str, *, name: object) -> BusinessLine:
    """The line with its new name (its code stays: orders and reports are filtered by it)."""
    line = get_line(merchant_id, line_id, param="id")
    line.name = _name(name)
    db.session.commit()
    return line


def update_line(merchant_id: str, line_id: str, fields: dict) -> BusinessLine:
    """The line with the given fields changed (a field left out stays): ``name``; ``order_timeout_minutes`` (the
    line's own timeout for unpaid orders), ``auto_confirm_minutes`` (its own wait before a fulfilled order completes
    itself) and ``display_name`` (the name its shoppers see), each None for the merchant's."""
    line = get_line(merchant_id, line_id, param="id")
    if "name" in fields:
        line.name = _name(fields["name"])
    if "order_timeout_minutes" in fields:
        minutes = fields["order_timeout_minutes"]
        line.order_timeout_minutes = None if minutes is None else timeout_minutes(minutes)
    if "auto_confirm_minutes" in fields:
        minutes = fields["auto_confirm_minutes"]
        line.auto_confirm_minutes = None if minutes is None else auto_confirm_minutes(minutes)
    if "display_name" in fields:
        line.display_name = _display_name(fields["display_name"])
    db.session.commit()
    return line


def order_timeout_of(merchant_id: str, line_id: str | None, default: int) -> int:
    """How long an unpaid order of the line stays open: the line's own timeout, else ``default`` (the merchant's)."""
    if line_id is None:
        return default
    own = db.session.scalar(
        select(BusinessLine.order_timeout_minutes).where(
            BusinessLine.id == line_id, BusinessLine.merchant_id == merchant_id
        )
    )
    return own or default


def auto_confirm_of(merchant_id: str, line_id: str | None, default: int) -> int:
    """How long a fulfilled order of the line waits before it completes itself: the line's own wait (0: at once),
    else ``default`` (the merchant's)."""
    if line_id is None:
        return default
    own = db.session.scalar(
        select(BusinessLine.auto_confirm_minutes).where(
            BusinessLine.id == line_id, BusinessLine.merchant_id == merchant_id
        )
    )
    return default if own is None else own


def display_name_of(merchant_id: str, line_id: str | None, default: str) -> str:
    """The name a shopper of the line's order sees (checkout, receipt): the line's display name, else ``default``
    (the merchant's name)."""
    if line_id is None:
        return default
    own = db.session.scalar(
        select(BusinessLine.display_name).where(BusinessLine.id == line_id, BusinessLine.merchant_id == merchant_id)
    )
    return own or default


def archive_line(merchant_id: str, line_id: str) -> BusinessLine:
    """The line archived (again a no-op): it takes no new orders or products; what it has stays on it."""
    line = get_line(merchant_id, line_id, param="id")
    if line.archived_at is None:
        line.archived_at = utcnow()
    db.session.commit()
    return line


def line_codes(merchant_id: str) -> dict[str, str]:
    """Each of the merchant's line ids with its code, to name lines in answers."""
    rows = db.session.execute(select(BusinessLine.id, BusinessLine.code).where(BusinessLine.merchant_id == merchant_id))
    return {line_id: code for line_id, code in rows}


def line_json(line: BusinessLine) -> dict:
    """The BusinessLine object of the API."""
    return {
        "id": line.id,
        "object": "business_line",
        "code": line.code,
        "name": line.name,
        "created_at": iso_time(line.created_at),
        "archived_at": iso_time(line.archived_at),
        "order_timeout_minutes": line.order_timeout_minutes,
        "auto_confirm_minutes": line.auto_confirm_minutes,
        "display_name": line.display_name,
    }
