"""The ``Kassa-Signature`` header: ``t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">``.

The timestamp is inside the signed text, so a receiver that checks its age also defeats replays.
"""
from __future__ import annotations

import hashlib
import hmac
import secrets

SECRET_PREFIX = "whsec_"


def new_endpoint_secret() -> str:
    """A fresh signing secret for an endpoint (192 random bits)."""
    return SECRET_PREFIX + secrets.token_urlsafe(24)


def signature_header(secret: str, body: bytes, timestamp: int) -> str:
    """The header value for ``body`` sent at ``timestamp``."""
    signed = f"{timestamp}.".encode() + body
    digest = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"
