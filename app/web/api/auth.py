"""Bearer-key authentication for the API: who is calling, and may they call this route."""

from __future__ import annotations

from functools import wraps
from typing import Callable

from flask import g, request

from app.errors import PermissionDenied
from app.merchants.services import Caller, authenticate_key
from app.platform.observability import logs
from app.web import api_request_log as request_log
from app.web.cors import check_origin


def _bearer() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def requires_key(*, secret: bool) -> Callable:
    """Authenticate the bearer key; with ``secret=True`` a publishable key gets 403."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            caller = authenticate_key(_bearer())
            request_log.attribute(caller)
            if secret and not caller.is_secret:
                raise PermissionDenied("this route needs a secret key (sk_…); publishable keys may not call it")
            if not secret:
                check_origin(caller)
            g.caller = caller
            logs.bind(merchant_id=caller.merchant_id)
            return view(*args, **kwargs)

        wrapper.cors_publishable = not secret  # app.web.cors answers browsers only on these routes
        return wrapper

    return decorate


def caller() -> Caller:
    return g.caller
