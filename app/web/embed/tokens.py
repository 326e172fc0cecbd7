"""The signed per-embed token.

A cross-site iframe gets no SameSite=Lax session cookie on its POSTs, so the embedded panel
cannot use the cookie-bound CSRF token of the hosted page. Instead the GET that renders the
frame issues a token signed with the app's secret, naming the product, merchant, parent origin
the shopper's guest id and, for a checkout session, the session's id; every POST of the frame must
carry it. Only a page that can read
the frame's HTML (Kassa's own origin) can obtain one, so another site cannot forge a post, and
the panel needs no cookie at all.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

from app.errors import PermissionDenied

SALT = "kassa-embed-v1"


@dataclass(frozen=True)
class Embed:
    """Who embeds which panel, for which shopper, under which key mode. ``checkout`` is the checkout
    session the panel sells (then its customer is the session's); empty for a guest's panel."""

    product: str
    merchant: str
    origin: str
    mode: str
    customer: str
    frame: str
    checkout: str = ""
    # The language the embedding page asked for (the SDK's ``locale``); empty: the browser's.
    language: str = ""
    # The embedding page's address, which a provider sends the shopper back to (app/web/embed/leaving.py); empty:
    # the provider's page opens in the frame.
    page: str = ""


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=SALT)


def issue_token(embed: Embed) -> str:
    """Sign the embed's facts for the frame's later posts."""
    return _serializer().dumps(asdict(embed))


def read_token(token: str | None) -> Embed:
    """The embed a token names, or 403 if it is missing, forged or expired."""
    try:
        data = _serializer().loads(token or "", max_age=current_app.config["EMBED_TOKEN_MAX_AGE_SECONDS"])
        return Embed(**data)
    except (BadSignature, TypeError):
        raise PermissionDenied("the embedded panel has expired; reload the page", code="embed_token_invalid") from None
