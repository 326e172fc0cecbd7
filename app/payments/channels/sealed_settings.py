"""A merchant's settings for a payment tool as they rest in the database: one Fernet token per merchant and tool.

Fernet (``cryptography``) is AES-128-CBC with an HMAC-SHA256, so a changed row fails to decrypt rather than
decrypting to something else. The keys come from ``CHANNEL_CREDENTIALS_KEYS``, newest first; a MultiFernet encrypts
with the first and decrypts with any, which is how keys are rotated (docs/channels.md). Nothing here knows a tool's
settings schema: the registry reads settings back to build an adapter, and app/payments/channels/credentials.py checks
what a merchant enters. Values are never logged.
"""

from __future__ import annotations

import base64
import hashlib
import json

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from flask import current_app
from sqlalchemy import select

from app.config import ConfigError
from app.extensions import db
from app.payments.channels.credential_models import ChannelCredentials
from app.platform.observability import logs

log = logs.get("payments.credentials")


def configured_keys() -> list[str]:
    """The configured Fernet keys, newest first; outside production an empty setting derives one key from
    SECRET_KEY so a local run works without setup (production refuses to start without real keys)."""
    configured = [k.strip() for k in current_app.config.get("CHANNEL_CREDENTIALS_KEYS", "").split(",") if k.strip()]
    if not configured:
        digest = hashlib.sha256(b"kassa-channel-credentials:" + current_app.config["SECRET_KEY"].encode()).digest()
        configured = [base64.urlsafe_b64encode(digest).decode()]
    return configured


def sealing_keys() -> MultiFernet:
    """The configured keys as one MultiFernet: seals with the newest, opens with any."""
    configured = configured_keys()
    try:
        return MultiFernet([Fernet(key) for key in configured])
    except ValueError as exc:
        raise ConfigError(
            "CHANNEL_CREDENTIALS_KEYS must be Fernet keys (32 url-safe base64-encoded bytes), comma-separated"
        ) from exc


def saved_row(merchant_id: str, code: str) -> ChannelCredentials | None:
    """The merchant's sealed settings for a channel, if any are saved."""
    return db.session.scalar(
        select(ChannelCredentials).where(ChannelCredentials.merchant_id == merchant_id, ChannelCredentials.code == code)
    )


def unseal(row: ChannelCredentials) -> dict:
    """A row's settings in clear; empty (and an error in the log) when no configured key opens it."""
    try:
        return json.loads(sealing_keys().decrypt(row.ciphertext.encode()))
    except InvalidToken:
        # Never the value in the log: only which row could not be read (a key removed before rotating?).
        log.error(
            "channel settings cannot be decrypted with CHANNEL_CREDENTIALS_KEYS",
            extra={"fields": {"merchant_id": row.merchant_id, "channel": row.code}},
        )
        return {}


def merchant_settings(merchant_id: str, code: str) -> dict:
    """The merchant's decrypted settings for a channel; empty when none are saved (or they cannot be read)."""
    row = saved_row(merchant_id, code)
    return unseal(row) if row is not None else {}
