"""Merchant services: create a merchant with its first user and keys, authenticate keys."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from werkzeug.security import check_password_hash, generate_password_hash

from app.errors import AuthenticationFailed, Conflict, InvalidRequest
from app.extensions import db
from app.ids import new_id
from app.merchants.keys import generate_key, hash_key, parse_key
from app.merchants.models import ApiKey, Merchant, MerchantUser


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

    @property
    def is_secret(self) -> bool:
        return self.kind == "secret"


def _issue_key(merchant_id: str, kind: str, mode: str) -> str:
    raw = generate_key(kind, mode)
    db.session.add(ApiKey(id=new_id("key"), merchant_id=merchant_id, kind=kind, mode=mode,
                          key_hash=hash_key(raw), last4=raw[-4:]))
    return raw


def create_merchant(name: str, email: str, password: str) -> NewMerchant:
    """Create a merchant, its owner user and a pair of test keys, in one transaction."""
    name, email = (name or "").strip(), (email or "").strip().lower()
    if not name:
        raise InvalidRequest("name must not be empty", param="name")
    if "@" not in email:
        raise InvalidRequest("email must be an email address", param="email")
    if len(password or "") < 8:
        raise InvalidRequest("password must be at least 8 characters", param="password")
    if db.session.scalar(select(MerchantUser.id).where(MerchantUser.email == email)):
        raise Conflict(f"a user with email {email} already exists", code="email_taken", param="email")
    merchant = Merchant(id=new_id("mch"), name=name, email=email)
    db.session.add(merchant)
    db.session.flush()
    db.session.add(MerchantUser(id=new_id("usr"), merchant_id=merchant.id, email=email,
                                password_hash=generate_password_hash(password), role="owner"))
    secret = _issue_key(merchant.id, "secret", "test")
    publishable = _issue_key(merchant.id, "publishable", "test")
    db.session.commit()
    return NewMerchant(merchant, secret, publishable)


def authenticate_key(raw: str | None) -> Caller:
    """Resolve a bearer key to its merchant, or raise AuthenticationFailed (401)."""
    if not raw:
        raise AuthenticationFailed("no API key given: send Authorization: Bearer <key>",
                                   code="api_key_missing")
    shape = parse_key(raw)
    if shape is None:
        raise AuthenticationFailed("the API key is malformed; keys start with sk_ or pk_")
    key = db.session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(raw)))
    if key is None or key.revoked_at is not None:
        raise AuthenticationFailed("the API key is unknown or revoked")
    return Caller(merchant_id=key.merchant_id, kind=key.kind, mode=key.mode)


def authenticate_user(email: str, password: str) -> MerchantUser | None:
    """The portal user for these credentials, or None."""
    user = db.session.scalar(select(MerchantUser).where(MerchantUser.email == (email or "").strip().lower()))
    if user is None or not check_password_hash(user.password_hash, password or ""):
        return None
    return user
