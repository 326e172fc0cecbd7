"""The ``Idempotency-Key`` header on API POSTs: replay, reuse and in-flight rules."""
from __future__ import annotations

from functools import wraps
from typing import Callable

from flask import current_app, make_response, request

from app.errors import InvalidRequest
from app.idempotency import MAX_KEY_LENGTH, claim_key, fingerprint, release_key, store_response
from app.web.api.auth import caller


def idempotent(view: Callable) -> Callable:
    """Run the view once per key; store its 2xx response and replay it to retries."""
    @wraps(view)
    def wrapper(*args, **kwargs):
        key = request.headers.get("Idempotency-Key")
        if key is None:
            return view(*args, **kwargs)
        if not key.strip() or len(key) > MAX_KEY_LENGTH:
            raise InvalidRequest(f"Idempotency-Key must be 1 to {MAX_KEY_LENGTH} characters",
                                 param="Idempotency-Key")
        merchant_id = caller().merchant_id
        # The claim is written in the transaction the view's action commits (not a commit of its own).
        print_ = fingerprint(request.method, request.path, request.get_data(), mode=caller().mode)
        stored = claim_key(merchant_id, key, print_, commit=False)
        if stored is not None:
            response = current_app.response_class(stored.body, status=stored.status, mimetype="application/json")
            response.headers["Idempotent-Replayed"] = "true"
            return response
        try:
            response = make_response(view(*args, **kwargs))
        except Exception:
            # Errors leave no effect behind (one transaction per action): let a retry run again.
            release_key(merchant_id, key)
            raise
        if 200 <= response.status_code < 300:
            store_response(merchant_id, key, response.status_code, response.get_data(as_text=True), print_=print_)
        else:
            release_key(merchant_id, key)
        return response
    return wrapper
