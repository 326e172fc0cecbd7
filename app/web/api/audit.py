"""Changes made through the API with a secret key go to the merchant's audit log like portal changes
(app/audit/services.py), naming the key that made them (its id, and its prefix with the last four characters)."""

from __future__ import annotations

from functools import wraps
from typing import Callable

from flask import request

from app.audit.services import AuditActor, audited
from app.web.api.auth import caller

API_KEY_ROLE = "api_key"


def api_actor() -> AuditActor:
    who = caller()
    return AuditActor(
        merchant_id=who.merchant_id, user_id=who.key_id, email=who.key_label, role=API_KEY_ROLE, ip=request.remote_addr
    )


def api_audited(action: str, model: type, id_arg: str | None = None) -> Callable:
    """Record ``action`` on ``model`` (the view argument ``id_arg``, or the object the view creates) with the
    view's commit. Goes under ``@requires_key`` and ``@idempotent``: a replayed response changes nothing."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(*args, **kwargs):
            with audited(api_actor(), action, model, kwargs.get(id_arg) if id_arg else None):
                return view(*args, **kwargs)

        return wrapper

    return decorate
