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


def same_secret(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())
