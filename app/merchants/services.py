"""Merchant services: create a merchant with its first user and keys, authenticate keys and users,
change a password."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import bindparam, select, update

from app.errors import AuthenticationFailed, Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.config_cache import remember_version
from app.merchants.key_usage import note_key_use
from app.merchants.keys import generate_key, hash_key, malformed_key_message, parse_key
from app.merchants.models import ApiKey, Merchant, MerchantUser
from app.merchants.passwords import check_without_a_user, hash_password, password_matches
from app.platform.values.ids import new_id

MIN_PASSWORD_LENGTH = 8
MAX_PASSWORD_LENGTH = 200


@dataclass(frozen=True)
class NewMerchant:
    merchant: Merchant
    secret_key: str
    publishable_key: str


@dataclass(frozen=True)
class Caller:
    """Who is calling the API: the merchant and which kind of key they used."""

    merchant_id: str
    kind: str
    mode: str
    key_id: str = ""
    last4: str = ""
    business_line: str | None = None  # the line id a scoped key is limited to (app/merchants/business_lines.py)

    @property
    def key_label(self) -> str:
        """How the audit log names the key: its prefix and last four characters (never the key)."""
        return f"{'sk' if self.is_secret else 'pk'}_{self.mode}_…{self.last4}"

    @property
    def is_secret(self) -> bool:
        return self.kind == "secret"

    @property
    def livemode(self) -> bool:
        """Live keys see and make live objects only; test keys test ones."""
        return self.mode == "live"


def issue_key(
    merchant_id: str, kind: str, mode: str, name: str | None = None, business_line_id: str | None = None
) -> tuple[ApiKey, str]:
    """Add a new key to the session (the caller commits); returns the row and the raw key."""
    raw = generate_key(kind, mode)
    key = ApiKey(
        id=new_id("key"),
        merchant_id=merchant_id,
        kind=kind,
        mode=mode,
        key_hash=hash_key(raw),
        last4=raw[-4:],
        public_value=raw if kind == "publishable" else None,
        name=name,
        business_line_id=business_line_id,
    )
    db.session.add(key)
    return key, raw


def check_new_password(password: object, *, param: str = "password") -> str:
    """The password if it is long enough (and not absurdly long), else a 400 naming ``param``."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidRequest(f"password must be at least {MIN_PASSWORD_LENGTH} characters", param=param)
    if len(password) > MAX_PASSWORD_LENGTH:
        raise InvalidRequest(f"password must be at most {MAX_PASSWORD_LENGTH} characters", param=param)
    return password


def create_merchant(name: str, email: str, password: str) -> NewMerchant:
    """Create a merchant, its owner user and a pair of test keys, in one transaction."""
    name, email = (name or "").strip(), (email or "").strip().lower()
    if not name:
        raise InvalidRequest("name must not be empty", param="name")
    if "@" not in email:
        raise InvalidRequest("email must be an email address", param="email")
    check_new_password(password)
    if db.session.scalar(select(MerchantUser.id).where(MerchantUser.email == email)):
        raise Conflict(f"a user with email {email} already exists", code="email_taken", param="email")
    merchant = Merchant(id=new_id("mch"), name=name, email=email)
    db.session.add(merchant)
    db.session.flush()
    db.session.add(
        MerchantUser(
            id=new_id("usr"), merchant_id=merchant.id, email=email, password_hash=hash_password(password), role="owner"
        )
    )
    _, secret = issue_key(merchant.id, "secret", "test")
    _, publishable = issue_key(merchant.id, "publishable", "test")
    db.session.commit()
    return NewMerchant(merchant, secret, publishable)


# Built once: a request binds only the key's hash (no statement to build, no cache key to compute), and reads
# the columns a Caller needs rather than loading an ApiKey into the session: plain table columns, run on the
# session's connection, so no ORM execution context either. The merchant's configuration version comes along:
# the request's cached configuration needs no query of its own.
_KEYS, _MERCHANTS = ApiKey.__table__.c, Merchant.__table__.c
_KEY_LOOKUP = (
    select(
        _KEYS.id,
        _KEYS.merchant_id,
        _KEYS.kind,
        _KEYS.mode,
        _KEYS.last4,
        _KEYS.revoked_at,
        _KEYS.business_line_id,
        _MERCHANTS.config_version,
    )
    .join_from(ApiKey.__table__, Merchant.__table__, _MERCHANTS.id == _KEYS.merchant_id)
    .where(_KEYS.key_hash == bindparam("key_hash"))
)


def authenticate_key(raw: str | None) -> Caller:
    """Resolve a bearer key to its merchant, or raise AuthenticationFailed (401)."""
    if not raw:
        raise AuthenticationFailed("no API key given: send Authorization: Bearer <key>", code="api_key_missing")
    shape = parse_key(raw)
    if shape is None:
        raise AuthenticationFailed(malformed_key_message(raw))
    key = db.session.connection().execute(_KEY_LOOKUP, {"key_hash": hash_key(raw)}).first()
    if key is None or key.revoked_at is not None:
        raise AuthenticationFailed(
            "the API key is unknown or revoked: copy a current key from the portal (Developers → API keys)"
        )
    remember_version(key.merchant_id, key.config_version)
    caller = Caller(
        merchant_id=key.merchant_id,
        kind=key.kind,
        mode=key.mode,
        key_id=key.id,
        last4=key.last4,
        business_line=key.business_line_id,
    )
    note_key_use(key.id)
    return caller


def user_by_email(email: object) -> MerchantUser | None:
    """The portal user with this sign-in email, if any (emails are unique across merchants)."""
    if not isinstance(email, str) or not email.strip():
        return None
    return db.session.scalar(select(MerchantUser).where(MerchantUser.email == email.strip().lower()))


def authenticate_user(email: str, password: str) -> MerchantUser | None:
    """The portal user for these credentials, or None."""
    user = db.session.scalar(select(MerchantUser).where(MerchantUser.email == (email or "").strip().lower()))
    if user is None:
        check_without_a_user(password or "")
        return None
    if not password_matches(user.password_hash, password or ""):
        return None
    return user


def end_sessions(user_id: str) -> None:
    """Sign a user out everywhere: the session id carries this version, so every cookie issued before
    (the one just signed out, and any copy of it) stops loading the user."""
    db.session.execute(
        update(MerchantUser).where(MerchantUser.id == user_id).values(session_version=MerchantUser.session_version + 1)
    )
    db.session.commit()


def change_password(user_id: str, *, current_password: object, new_password: object) -> MerchantUser:
    """Set a user's own password after checking the current one; other sessions end."""
    user = db.session.get(MerchantUser, user_id)
    if user is None:
        raise NotFound("no such user", param="id")
    if not isinstance(current_password, str) or not password_matches(user.password_hash, current_password):
        raise InvalidRequest("the current password is not correct", code="password_incorrect", param="current_password")
    new_password = check_new_password(new_password, param="new_password")
    if new_password == current_password:
        raise InvalidRequest("choose a password different from the current one", param="new_password")
    user.password_hash = hash_password(new_password)
    user.password_temporary = False
    # The session id carries this version: every session signed in before the change ends.
    user.session_version += 1
    db.session.commit()
    return user
