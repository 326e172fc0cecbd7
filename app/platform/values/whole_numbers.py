"""Whole numbers that arrive as text (a form field, a query parameter, a header, a statement's reference).

``str.isdecimal`` alone is not enough before ``int()``: Python refuses to convert a string of more than 4,300
digits (a ValueError, so a 500 where the caller meant a 400), and no count, page, amount, id or timestamp Kassa
takes has more than 19 digits, as many as the largest 64-bit row id (each caller checks its own range)."""

from __future__ import annotations

MAX_DIGITS = 19


def parse_whole_number(raw: str | None) -> int | None:
    """``raw`` as an int when it is only digits, and few enough for any number Kassa keeps; else None."""
    return int(raw) if raw and raw.isdecimal() and len(raw) <= MAX_DIGITS else None
