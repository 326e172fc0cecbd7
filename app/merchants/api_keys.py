"""API keys in the portal: list, create, roll (replace) and revoke. A new secret is returned once."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from app.errors import Conflict, InvalidRequest, NotFound, PermissionDenied
from app.extensions import db
from app.merchants.business_lines import line_for_new_record
from app.merchants.models import ApiKey
from app.merchants.permissions import can, roles_with
from app.merchants.services import issue_key
from app.platform.db.types import utcnow

KINDS = ("secret", "publishable")
MODES = ("test", "live")
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class IssuedKey:
    """A key just made: the row, and the raw key to show the merchant this one time."""

    key: ApiKey
    raw: str


def list_api_keys(merchant_id: str) -> list[ApiKey]:
    """The merchant's keys: active ones first, newest first within each group."""
    return list(
        db.session.scalars(
            select(ApiKey)
            .where(ApiKey.merchant_id == merchant_id)
            .order_by(ApiKey.revoked_at.is_not(None), ApiKey.id.desc())
        )
    )


def get_api_key(merchant_id: str, key_id: str) -> ApiKey:
    """One of the merchant's keys; another merchant's key is not found."""
    key = db.session.scalar(select(ApiKey).where(ApiKey.id == key_id, ApiKey.merchant_id == merchant_id))
    if key is None:
        raise NotFound(f"no API key {key_id!r}", param="id")
    return key


def parse_key_name(name: object) -> str | None:
    """The merchant's label for a key, trimmed; empty means none. Printable text only, at most 100 characters."""
    if name is None:
        return None
    if not isinstance(name, str):
        raise InvalidRequest("name must be text", param="name")
    name = " ".join(name.split())  # tabs, newlines and runs of spaces become one space
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidRequest(f"name must be at most {MAX_NAME_LENGTH} characters", param="name")
    if not name.isprintable():
        raise InvalidRequest("name must contain only printable characters", param="name")
    return name or None


def may_mint(role: str | None, kind: str) -> bool:
    """Whether a user of ``role`` may create, roll or revoke a key of ``kind``: a key is never stronger than its maker,
    and revoking the secret key takes the merchant's server off the API."""
    return kind != "secret" or can(role, "api_keys.secret")


def _check_may_mint(role: str | None, kind: str) -> None:
    if not may_mint(role, kind):
        raise PermissionDenied(
            f"only {' or '.join(roles_with('api_keys.secret'))} users create, roll or revoke secret keys: a secret key "
            f"can do everything by API (refunds, customer data exports and erasures), more than your role ({role}) may",
            code="secret_key_not_allowed",
            param="kind",
        )


def create_api_key(
    merchant_id: str,
    *,
    kind: object,
    mode: object,
    name: object = None,
    role: str | None,
    business_line: object = None,
) -> IssuedKey:
    """A new key of ``kind`` (secret | publishable) and ``mode`` (test | live), with an optional ``name``, made by a
    user of ``role``; ``business_line`` (a line's id or code) limits it to that line's orders."""
    if kind not in KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(KINDS)}", param="kind")
    if mode not in MODES:
        raise InvalidRequest(f"mode must be one of {', '.join(MODES)}", param="mode")
    _check_may_mint(role, kind)
    line_id = line_for_new_record(merchant_id, business_line or None)
    key, raw = issue_key(merchant_id, kind, mode, parse_key_name(name), line_id)
    db.session.commit()
    return IssuedKey(key, raw)


def _revoke(merchant_id: str, key_id: str, **values: object) -> None:
    # Conditional: a key revoked twice (two tabs, a double click) is one revocation and a 409.
    changed = db.session.execute(
        update(ApiKey)
        .where(ApiKey.id == key_id, ApiKey.merchant_id == merchant_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=utcnow(), **values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if changed != 1:
        get_api_key(merchant_id, key_id)  # a foreign or unknown id is a 404
        db.session.rollback()
        raise Conflict("this key is already revoked", code="api_key_revoked", param="id")


def revoke_api_key(merchant_id: str, key_id: str, *, role: str | None) -> ApiKey:
    """Revoke a key: from now on it is refused with 401. Revoking a secret key needs the role that may mint one."""
    _check_may_mint(role, get_api_key(merchant_id, key_id).kind)
    _revoke(merchant_id, key_id)
    db.session.commit()
    return db.session.get(ApiKey, key_id, populate_existing=True)


def roll_api_key(merchant_id: str, key_id: str, *, name: object = None, role: str | None) -> IssuedKey:
    """Replace a key by a new one of the same kind and mode, in one transaction; the new key takes ``name``,
    or keeps the old key's name when none is given. A roll mints a key, so ``role`` must be allowed to."""
    old = get_api_key(merchant_id, key_id)
    _check_may_mint(role, old.kind)
    key, raw = issue_key(merchant_id, old.kind, old.mode, parse_key_name(name) or old.name, old.business_line_id)
    db.session.flush()
    _revoke(merchant_id, key_id, replaced_by=key.id)
    db.session.commit()
    return IssuedKey(key, raw)


def embed_key(merchant_id: str, mode: str = "test") -> ApiKey | None:
    """The newest active publishable key whose full value is known (for embed snippets)."""
    return db.session.scalar(
        select(ApiKey)
        .where(
            ApiKey.merchant_id == merchant_id,
            ApiKey.kind == "publishable",
            ApiKey.mode == mode,
            ApiKey.revoked_at.is_(None),
            ApiKey.public_value.is_not(None),
        )
        .order_by(ApiKey.id.desc())
        .limit(1)
    )
