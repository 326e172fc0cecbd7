"""Anti-framing (clickjacking: a page of Kassa under a decoy) for every response but the embedded panel's.

Default-deny: an app-wide hook gives each response ``frame-ancestors 'none'`` and ``X-Frame-Options: DENY``, the
portal, the shopper's pages (checkout, sessions that pay from a wallet, orders, receipts, billing self-service) and
error pages alike. Only a blueprint declared embeddable (the panel in app/web/embed) keeps the frame-ancestors its
view set (the merchant's allowed origins); an answer of it without one (an error page) is denied as any other.
"""

from __future__ import annotations

import re

from flask import Flask, Response, request

# Blueprints whose views say themselves who may frame them (a Content-Security-Policy with frame-ancestors).
EMBEDDABLE_BLUEPRINTS = frozenset({"embed"})

_FRAME_ANCESTORS = re.compile(r"\s*frame-ancestors[^;]*;?")


def init_app(app: Flask) -> None:
    """Deny framing to every response no embeddable view allowed to be framed."""
    app.after_request(_deny_unless_embeddable)


def embeddable(response: Response) -> bool:
    """Did an embeddable view name who may frame this response?"""
    return request.blueprint in EMBEDDABLE_BLUEPRINTS and "frame-ancestors" in response.headers.get(
        "Content-Security-Policy", ""
    )


def _deny_unless_embeddable(response: Response) -> Response:
    return response if embeddable(response) else deny_framing(response)


def deny_framing(response: Response) -> Response:
    """No page of any origin, ours included, may frame this response (CSP for today's browsers, XFO for old ones);
    another policy the response sends (the API docs' ``default-src``) is kept beside it."""
    policy = _FRAME_ANCESTORS.sub("", response.headers.get("Content-Security-Policy", "")).strip().rstrip(";")
    response.headers["Content-Security-Policy"] = (
        f"{policy}; frame-ancestors 'none'" if policy else "frame-ancestors 'none'"
    )
    response.headers["X-Frame-Options"] = "DENY"
    return response
