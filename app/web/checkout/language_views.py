"""The shopper's own choice of language on the hosted pages (checkout, order, receipt, self-service): a link per
language that remembers the choice in a cookie and goes back to the page it was chosen on. Without a choice the
browser's Accept-Language decides; a merchant's fixed checkout language offers no choice (app/web/shopper_locale.py)."""

from __future__ import annotations

from urllib.parse import urlencode, urlsplit

from flask import abort, g, has_request_context, redirect, request, url_for
from flask_babel import gettext

from app.platform.values.languages import CHECKOUT_LANGUAGES
from app.web.checkout import bp
from app.web.shopper_locale import LANGUAGE_COOKIE, page_language

# A choice lasts a year: a subscriber comes back to the self-service pages months later.
_COOKIE_SECONDS = 365 * 24 * 3600


def _page_on_this_site(target: str) -> bool:
    """Only a hosted shopper page of this site may be gone back to: never another host (an open redirect)."""
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/checkout/") and "\\" not in target


@bp.get("/language/<language>")
def choose_language(language: str):
    if language not in CHECKOUT_LANGUAGES:
        abort(404, description=gettext("This language is not offered."))
    back = request.args.get("next", "")
    if not _page_on_this_site(back):
        abort(400, description=gettext("The link to go back to is not a page of this checkout."))
    response = redirect(back, 303)
    response.set_cookie(
        LANGUAGE_COOKIE,
        language,
        max_age=_COOKIE_SECONDS,
        path="/checkout/",
        secure=request.is_secure,
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.app_template_global()
def language_choices() -> list[dict]:
    """The links of the language picker on a hosted shopper page: none elsewhere (the portal, the embedded panel, a
    JSON answer) nor when the merchant fixed the checkout's language."""
    if not has_request_context() or request.blueprint != "checkout" or g.get("checkout_language") in CHECKOUT_LANGUAGES:
        return []
    # From the parsed query, not the raw one: a page refusing an address that is not UTF-8 has emptied it.
    query = urlencode(list(request.args.items(multi=True)))
    here = f"{request.path}?{query}" if query else request.path
    current = page_language().split("-")[0]
    return [
        {
            "code": code,
            "name": name,
            "url": url_for("checkout.choose_language", language=code, next=here),
            "current": code == current,
        }
        for code, name in CHECKOUT_LANGUAGES.items()
    ]
