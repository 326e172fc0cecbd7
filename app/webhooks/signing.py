"""The ``Kassa-Signature`` header: ``t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">``.

The timestamp is inside the signed text, so a receiver that checks its age also defeats replays. While a
rolled secret is in its overlap the header carries one ``v1`` per secret, newest first
(``t=…,v1=<new>,v1=<old>``, as Stripe does): a receiver accepts the delivery if any ``v1`` matches.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Sequence

SECRET_PREFIX = "whsec_"


def new_endpoint_secret() -> str:
    """A fresh signing secret for an endpoint (192 random bits)."""
    return SECRET_PREFIX + secrets.token_urlsafe(24)


def signature_header(secrets_: str | Sequence[str], body: bytes, timestamp: int) -> str:
    """The header value for ``body`` sent at ``timestamp``, signed with the secret, or each of ``secrets_`` in turn."""
    if isinstance(secrets_, str):
        secrets_ = [secrets_]
    signed = f"{timestamp}.".encode() + body
    digests = [hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest() for secret in secrets_]
    return ",".join([f"t={timestamp}", *(f"v1={digest}" for digest in digests)])
