"""Inbound channel callbacks: verify first, then apply through the payment hub."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from app import logs
from app.errors import NotFound
from app.payments.channels import adapter_for
from app.payments.hub import apply_channel_result

bp = Blueprint("hooks", __name__, url_prefix="/hooks")
log = logs.get("hooks")


@bp.post("/channels/<channel_code>")
def channel_callback(channel_code: str):
    adapter = adapter_for(channel_code)
    if adapter is None:
        raise NotFound(f"no channel {channel_code!r}")
    # Raises CallbackRejected (400) before anything is read from the database.
    result = adapter.parse_callback(request.headers, request.get_data())
    attempt = apply_channel_result(result, actor=f"channel:{channel_code}")
    log.info("callback applied", extra={"fields": {"channel": channel_code, "provider_reference":
                                                   result.provider_reference, "outcome": result.status}})
    return jsonify({"received": True, "payment": attempt.id if attempt else None})
