"""Amounts in a shopper's locale, also away from their request (a job's receipt email): ``speaking`` renders a
block in the shopper's language, and ``money`` writes an amount their way while it does. The shopper-facing pages
choose the locale per request (app/web/shopper_locale.py)."""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from flask import g
from flask_babel import force_locale, get_locale

from app.platform.values.languages import CHECKOUT_LANGUAGES, DEFAULT_LANGUAGE
from app.platform.values.money import Money


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render for a shopper away from their request (a job's receipt email): their language, amounts and dates
    their way, as on their checkout page."""
    before = g.get("shopper_language")
    g.shopper_language = language if language in CHECKOUT_LANGUAGES else DEFAULT_LANGUAGE
    try:
        with force_locale(g.shopper_language):
            yield
    finally:
        g.shopper_language = before


def money(amount: int | Money, currency: str | None = None, *, to_shopper: bool = False) -> str:
    """An amount in the locale being spoken when it is for a shopper (``to_shopper``: their page; or inside
    ``speaking``), else in Kassa's one English format (the portal's)."""
    value = amount if isinstance(amount, Money) else Money(amount, currency)
    if to_shopper or g.get("shopper_language") is not None:
        return value.format_in(str(get_locale() or DEFAULT_LANGUAGE))
    return value.format()
