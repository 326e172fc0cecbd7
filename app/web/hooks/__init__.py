"""Inbound channel callbacks: verify first, then apply through the payment hub."""
from __future__ import annotations

from flask import Blueprint, jsonify, request

from app import logs
from app.errors import NotFound
from app.payments import integration_log
from app.payments.adapters.base import CallbackRejected
from app.payments.channels import adapter_for
from app.payments.hub import apply_channel_result
from app.payments.models import PaymentAttempt
from app.extensions import db

bp = Blueprint("hooks", __name__, url_prefix="/hooks")
log = logs.get("hooks")


@bp.post("/channels/<channel_code>")
def channel_callback(channel_code: str):
    adapter = adapter_for(channel_code)
    if adapter is None:
        raise NotFound(f"no channel {channel_code!r}")
    body = request.get_data()
    # Raises CallbackRejected (400) before anything is read from the database.
    try:
        result = adapter.parse_callback(request.headers, body)
    except CallbackRejected as exc:
        integration_log.record_callback(channel_code, url=request.url, headers=request.headers, body=body,
                                        verified=False, status_code=exc.status, error=exc.message)
        raise
    # Verified: the attempt (and so the merchant) it names may now be looked up.
    known = db.session.get(PaymentAttempt, result.attempt_id)
    integration_log.record_callback(channel_code, url=request.url, headers=request.headers, body=body,
                                    verified=True, status_code=200,
                                    merchant_id=known.merchant_id if known else None,
                                    attempt_id=known.id if known else None)
    attempt = apply_channel_result(result, actor=f"channel:{channel_code}")
    log.info("callback applied", extra={"fields": {"channel": channel_code, "provider_reference":
                                                   result.provider_reference, "outcome": result.status}})
    return jsonify({"received": True, "payment": attempt.id if attempt else None})
