"""CORS for the publishable-key API routes (and the client-secret order stream).

Preflights get the allowed methods and headers. Actual responses echo the caller's
``Origin`` unless a secret key was used (secret keys are for servers). Live publishable
keys are refused (403 ``origin_not_allowed``) from an origin the merchant did not list, before
the view runs, so a disallowed page can neither read nor cause anything.
"""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, request

from app.errors import PermissionDenied
from app.merchants.origins import origin_allowed
from app.merchants.services import Caller

ALLOWED_HEADERS = "Authorization, Content-Type, Idempotency-Key, Kassa-Device-Id"
EXPOSED_HEADERS = "Idempotent-Replayed"
PREFLIGHT_MAX_AGE = "600"


def check_origin(caller: Caller) -> None:
    """Refuse a live publishable key sent by a browser page on an origin the merchant did not allow."""
    origin = request.headers.get("Origin")
    if caller.is_secret or origin is None:
        return  # servers send no Origin; secret keys get no CORS headers anyway
    if not origin_allowed(caller.merchant_id, caller.mode, origin):
        raise PermissionDenied(
            f"origin {origin} is not among this merchant's allowed origins for live keys", code="origin_not_allowed"
        )


def _route_allows_browsers() -> bool:
    rule = request.url_rule
    view = current_app.view_functions.get(rule.endpoint) if rule is not None else None
    return bool(getattr(view, "cors_publishable", False))


def add_cors_headers(response: Response) -> Response:
    """Answer preflights and expose responses to the calling page where the route allows it."""
    origin = request.headers.get("Origin")
    if origin is None or not _route_allows_browsers():
        return response
    caller = g.get("caller")
    if caller is not None and caller.is_secret:
        return response
    response.headers["Access-Control-Allow-Origin"] = origin
    response.headers["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    response.vary.add("Origin")
    if request.method == "OPTIONS":
        response.headers["Access-Control-Allow-Methods"] = "GET, POST"
        response.headers["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
        response.headers["Access-Control-Max-Age"] = PREFLIGHT_MAX_AGE
    return response


def register(bp: Blueprint) -> None:
    """Install the CORS answer on a blueprint's responses (errors included)."""
    bp.after_request(add_cors_headers)
