"""The language of the shopper-facing pages (the hosted checkout, the embedded panel): the merchant's checkout
language when fixed, else the one the page embedding the panel asked for (the SDK's ``locale``), else the one the
shopper picked on a hosted page (a cookie), else the shopper's Accept-Language, else English. Every other page
(the portal, the API's HTML docs) stays English. Amounts and dates follow the chosen locale; amounts stay integers
underneath.

A page learns its merchant when it renders (every shopper-facing template gets ``merchant``), so the merchant's
setting is applied just before rendering: strings made earlier are lazy (``lazy_gettext``) and translate then."""

from __future__ import annotations

from datetime import date, datetime

from babel.numbers import get_territory_currencies
from flask import Flask, g, has_request_context, request
from flask.signals import before_render_template
from flask_babel import format_date, get_locale, refresh

from app.config import PROJECT_ROOT
from app.extensions import babel
from app.platform.values import locales
from app.platform.values.languages import CHECKOUT_LANGUAGES, DEFAULT_LANGUAGE
from app.platform.values.money import Money

# The blueprints whose pages shoppers read.
SHOPPER_BLUEPRINTS = frozenset({"checkout", "embed"})
# The language a shopper picked on a hosted page (app/web/checkout/language_views.py).
LANGUAGE_COOKIE = "kassa_language"


def init_app(app: Flask) -> None:
    """Choose the locale per request, on shopper-facing pages only."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(PROJECT_ROOT / "translations"))
    babel.init_app(app, locale_selector=choose_locale, default_locale=DEFAULT_LANGUAGE)
    before_render_template.connect(_apply_merchant_language, app, weak=False)
    app.add_template_global(page_language)
    app.add_template_filter(money, "money")
    app.add_template_filter(long_date, "long_date")


def _shopper_facing() -> bool:
    return has_request_context() and request.blueprint in SHOPPER_BLUEPRINTS


def choose_locale() -> str:
    """Flask-Babel's locale selector (see the module's docstring for the order)."""
    if not _shopper_facing():
        return DEFAULT_LANGUAGE
    fixed = g.get("checkout_language")
    if fixed in CHECKOUT_LANGUAGES:
        return fixed
    return g.get("asked_language") or _picked_language() or _browser_language() or DEFAULT_LANGUAGE


def _picked_language() -> str | None:
    """The language the shopper picked on a hosted page; the embedded panel follows its embedding page instead."""
    picked = request.cookies.get(LANGUAGE_COOKIE) if request.blueprint == "checkout" else None
    return picked if picked in CHECKOUT_LANGUAGES else None


def _browser_language() -> str | None:
    """The first language in the browser's order of preference that the checkout speaks, by its primary subtag:
    "ja, fr-CA;q=0.8, en;q=0.5" is French (Werkzeug's best_match would prefer the exact "en")."""
    for tag, quality in request.accept_languages:  # best first
        primary = tag.replace("_", "-").split("-")[0].lower()
        if quality > 0 and primary in CHECKOUT_LANGUAGES:
            return primary
    return None


def browser_currencies() -> list[str]:
    """The currencies of the regions in the browser's Accept-Language, best first: "de-DE, en-US;q=0.8" is eur,
    then usd. A language without a region ("de") names no currency (German is spoken in Switzerland too)."""
    found: list[str] = []
    for tag, quality in request.accept_languages:
        parts = tag.replace("_", "-").split("-")
        region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
        if quality <= 0 or region is None:
            continue
        try:
            currencies = get_territory_currencies(region)
        except (KeyError, ValueError):
            continue  # not a region Babel knows
        found += [c.lower() for c in currencies if c.lower() not in found]
    return found


def _apply_merchant_language(app: Flask, template, context: dict, **_) -> None:
    if context.get("merchant") is not None:
        speak_for(context["merchant"])


def speak_for(merchant) -> None:
    """Use the merchant's checkout language for the rest of this request (a page does so by itself when it
    renders with ``merchant``; a JSON answer a shopper reads calls this)."""
    language = getattr(merchant, "checkout_language", None)
    if _shopper_facing() and language != g.get("checkout_language"):
        g.checkout_language = language
        refresh()  # forget a locale chosen earlier in the request, before the merchant was known


def shopper_language(merchant) -> str:
    """The language this shopper's page speaks for ``merchant`` (an order keeps it for its receipt)."""
    speak_for(merchant)
    return str(get_locale() or DEFAULT_LANGUAGE).split("_")[0]


def prefer_language(language: str) -> None:
    """The page embedding the panel asked for ``language`` (the SDK's ``locale``): spoken unless the merchant fixed
    one, whatever the browser prefers."""
    if _shopper_facing() and language in CHECKOUT_LANGUAGES and language != g.get("asked_language"):
        g.asked_language = language
        refresh()


def page_language() -> str:
    """The value of ``<html lang>``: the chosen locale as a BCP 47 tag."""
    return str(get_locale() or DEFAULT_LANGUAGE).replace("_", "-")


def money(amount: int | Money, currency: str | None = None) -> str:
    """``{{ order.total|money(order.currency) }}`` or ``{{ quote.total|money }}``: the shopper's locale on
    shopper-facing pages (and in a shopper's email, app/platform/values/locales.py); the portal keeps Kassa's one
    English format."""
    return locales.money(amount, currency, to_shopper=_shopper_facing())


def long_date(value: date | datetime) -> str:
    """A date in words in the page's locale: "November 23, 2026", "23. November 2026", "23 novembre 2026"."""
    return format_date(value, format="long")
