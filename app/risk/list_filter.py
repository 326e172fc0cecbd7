"""A Bloom filter of a merchant's listed values: the assessment asks the database only when a shopper's value
may be listed.

Most shoppers are on no list, so most lookups can end in memory: "not in the filter" is certain, "in the
filter" is confirmed by the indexed query (which also applies expiry). At 1 % false positives the filter of
100,000 entries takes 117 KiB and answers in microseconds; it is rebuilt, like the rest of a merchant's cached
configuration, when the merchant's lists change (app/merchants/config_cache.py).
"""

from __future__ import annotations

import hashlib
import math
from typing import Iterable

FALSE_POSITIVE_RATE = 0.01


class ListedValues:
    """The (kind, value) pairs of a merchant's exact-value entries, as a Bloom filter."""

    def __init__(self, pairs: Iterable[tuple[str, str]], count: int) -> None:
        self.size = max(64, math.ceil(-max(count, 1) * math.log(FALSE_POSITIVE_RATE) / math.log(2) ** 2))
        self.hashes = max(1, round(self.size / max(count, 1) * math.log(2)))
        self.bits = bytearray((self.size + 7) // 8)
        for pair in pairs:
            for index in self._indexes(pair):
                self.bits[index >> 3] |= 1 << (index & 7)

    def _indexes(self, pair: tuple[str, str]) -> Iterable[int]:
        # Double hashing (Kirsch and Mitzenmacher): two 64-bit halves of one digest make every index.
        digest = hashlib.blake2b(f"{pair[0]}\0{pair[1]}".encode(), digest_size=16).digest()
        first, second = int.from_bytes(digest[:8], "little"), int.from_bytes(digest[8:], "little") | 1
        return ((first + i * second) % self.size for i in range(self.hashes))

    def __contains__(self, pair: tuple[str, str]) -> bool:
        return all(self.bits[index >> 3] & (1 << (index & 7)) for index in self._indexes(pair))
