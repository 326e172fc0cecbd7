"""Public identifiers: a type prefix plus a time-ordered random part (ULID-like).

Time ordering lets cursor pagination walk ids in creation order.
"""
from __future__ import annotations

import os
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lowercase


def _b32(value: int, length: int) -> str:
    out = []
    for _ in range(length):
        value, rem = divmod(value, 32)
        out.append(_ALPHABET[rem])
    return "".join(reversed(out))


def new_id(prefix: str) -> str:
    """``prefix_`` + 10 chars of milliseconds + 16 random chars."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    return f"{prefix}_{_b32(millis, 10)}{_b32(rand, 16)}"


def first_id_at(prefix: str, millis: int) -> str:
    """The smallest id ``prefix`` could have at ``millis``: a cursor meaning "everything made since then"."""
    return f"{prefix}_{_b32(millis, 10)}{_ALPHABET[0] * 16}"
