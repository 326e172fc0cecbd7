"""The ``Idempotency-Key`` header on API POSTs: replay, reuse and in-flight rules."""

from __future__ import annotations

from functools import wraps
from typing import Any, Callable

from flask import current_app, jsonify, make_response, request

from app.errors import InvalidRequest
from app.extensions import db
from app.platform.idempotency import (
    MAX_KEY_LENGTH,
    Abandoned,
    KeyScope,
    claim_key,
    fingerprint,
    note_created,
    release_key,
    store_response,
)
from app.web.api.auth import caller

# What a route answers for the object it created: its representation and status code.
Replay = Callable[[Any], tuple[dict, int]]


def idempotent(view: Callable | None = None, *, creates: type | None = None, replay: Replay | None = None) -> Callable:
    """Run the view once per key; store its 2xx response and replay it to retries.

    A route that creates an object names its model (``creates``) and how it answers with one (``replay``): a
    retry of a request that died after its commit then gets that object as it is now (app/platform/idempotency.py)."""
    if view is None:
        return lambda inner: idempotent(inner, creates=creates, replay=replay)

    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None:
            return view(*args, **kwargs)
        if not key.strip() or len(key) > MAX_KEY_LENGTH:
            raise InvalidRequest(f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters", param="Idempotency-Key")
        if any(ord(c) < 0x20 or ord(c) == 0x7F for c in key):  # a NUL cannot even be stored
            raise InvalidRequest(
                "Idempotency-Key must not contain control characters (use printable text, such as a UUID)",
                param="Idempotency-Key",
            )
        who = caller()
        scope = KeyScope(who.merchant_id, who.kind, who.mode)
        # The claim is written in the transaction the view's action commits (not a commit of its own).
        # The query string is part of the request (a page sends its order's client secret there); without one
        # the fingerprint is the path alone, as it always was.
        query = request.query_string.decode("latin-1")
        print_ = fingerprint(
            request.method,
            f"{request.path}?{query}" if query else request.path,
            request.get_data(),
            mode=who.mode,
            kind=who.kind,
        )
        stored = claim_key(scope, key, print_, commit=False)
        if isinstance(stored, Abandoned):
            return _recovered(scope, key, print_, stored)
        if stored is not None:
            return _replayed(stored.body, stored.status)
        if creates is not None:
            note_created(scope, key, creates)
        try:
            response = make_response(view(*args, **kwargs))
        except Exception:
            # Errors leave no effect behind (one transaction per action): let a retry run again.
            release_key(scope, key)
            raise
        if 200 <= response.status_code < 300:
            store_response(scope, key, response.status_code, response.get_data(as_text=True), print_=print_)
        else:
            release_key(scope, key)
        return response

    def _recovered(scope: KeyScope, key: str, print_: str, abandoned: Abandoned):
        body, status = replay(db.session.get(creates, abandoned.resource_id))
        text = jsonify(body).get_data(as_text=True)
        store_response(scope, key, status, text, print_=print_)  # later retries get this very answer
        return _replayed(text, status)

    # The document gives such a route its Idempotency-Key header and its 409s (app/web/api/openapi_generation.py).
    wrapper.api_idempotent = True
    return wrapper


def _replayed(body: str, status: int):
    response = current_app.response_class(body, status=status, mimetype="application/json")
    response.headers["Idempotent-Replayed"] = "true"
    return response
