"""API key format and hashing. Keys are 190 bits of randomness, so a plain SHA-256 is a safe
lookup hash (no salt needed: nothing to brute-force), and only the hash is stored."""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

_PREFIXES = {
    ("secret", "test"): "sk_test_",
    ("secret", "live"): "sk_live_",
    ("publishable", "test"): "pk_test_",
    ("publishable", "live"): "pk_live_",
}
_PREFIX = re.compile(r"^(sk|pk)_(test|live)_")
_SHAPE = re.compile(r"^(sk|pk)_(test|live)_[A-Za-z0-9]{32}$")


@dataclass(frozen=True)
class KeyShape:
    kind: str
    mode: str


def generate_key(kind: str, mode: str) -> str:
    """A new random key with its kind/mode prefix, e.g. ``sk_test_…``."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    return _PREFIXES[(kind, mode)] + "".join(secrets.choice(alphabet) for _ in range(32))


def hash_key(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def parse_key(raw: str) -> KeyShape | None:
    """Kind and mode from a well-formed key, or None when it cannot be a Kassa key."""
    match = _SHAPE.match(raw or "")
    if not match:
        return None
    return KeyShape("secret" if match.group(1) == "sk" else "publishable", match.group(2))


def malformed_key_message(raw: str) -> str:
    """What to fix in a string that cannot be a Kassa key: a key that starts as one but is cut short or mistyped is
    told so, rather than told to start with sk_ or pk_ (which it does)."""
    prefix = _PREFIX.match(raw)
    if prefix is None:
        return "the API key is malformed: keys start with sk_test_, sk_live_, pk_test_ or pk_live_"
    return (
        f"the API key is unknown: a {prefix.group(0)} key has 32 letters and digits after {prefix.group(0)}; "
        "copy it again from the portal (Developers → API keys)"
    )


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
