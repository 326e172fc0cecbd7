"""Public identifiers: a type prefix plus a time-ordered random part (ULID-like).

Time ordering lets cursor pagination walk ids in creation order.
"""

from __future__ import annotations

import base64
import os
import time

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford base32, lowercase


def _b32(value: int, length: int) -> str:
    out = []
    for _ in range(length):
        value, rem = divmod(value, 32)
        out.append(_ALPHABET[rem])
    return "".join(reversed(out))


# RFC 4648's base32 digits mapped onto ours: the C encoder does the digit loop (every request makes several ids).
_FROM_RFC4648 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", _ALPHABET)


def new_id(prefix: str) -> str:
    """``prefix_`` + 10 chars of milliseconds + 16 random chars."""
    millis = (time.time_ns() // 1_000_000) & (1 << 50) - 1  # 10 base32 digits' worth, as _b32 keeps
    rand = int.from_bytes(os.urandom(10), "big")
    # 50 + 80 bits are 26 digits; shifted to 160 bits they are the first 26 of b32encode's 32 (no padding).
    digits = base64.b32encode((((millis << 80) | rand) << 30).to_bytes(20, "big")).decode("ascii")
    return f"{prefix}_{digits[:26].translate(_FROM_RFC4648)}"


def first_id_at(prefix: str, millis: int) -> str:
    """The smallest id ``prefix`` could have at ``millis``: a cursor meaning "everything made since then"."""
    return f"{prefix}_{_b32(millis, 10)}{_ALPHABET[0] * 16}"
