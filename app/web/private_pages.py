"""Pages that show personal data (a merchant's business to its staff, a shopper's order to whoever holds its
secret): kept out of caches."""

from __future__ import annotations

from flask import Response, request


def keep_out_of_caches(response: Response) -> Response:
    """A portal page holds shoppers' emails, what they spent and the merchant's figures: a proxy or CDN in front
    of Kassa must not keep it, nor a shared computer's browser show it again from its cache (Back after signing
    out). A view that says otherwise (a download's own ``no-store``) is left as it is."""
    response.headers.setdefault("Cache-Control", "private, no-store")
    return response


# The request fields that carry what opens a shopper's order or checkout session (its client secret).
_SECRETS = ("client_secret", "session")
# No other site hears the address (the secret); Kassa's own forms still send it, as the CSRF check asks of every
# POST over HTTPS (Flask-WTF's strict referrer check): with no-referrer, Pay or Cancel there was a 400.
SECRET_REFERRER_POLICY = "same-origin"


def keep_secret_pages_private(response: Response) -> Response:
    """A shopper's page opened with a client secret in its address (their order's status, a checkout session's
    panel) shows their email, what they bought and, with a session, their wallet: kept out of shared caches, and
    its address (the secret) out of other sites' Referer, as the receipt page is. (An answer to a POST is not
    cached; its form is not read here, where a body too large to parse would fail again.)"""
    if any(name in request.args for name in _SECRETS):  # not .get: a value given twice is refused there
        response.headers.setdefault("Cache-Control", "private, no-store")
        response.headers.setdefault("Referrer-Policy", SECRET_REFERRER_POLICY)
    return response
