"""The provider's payout API: send (authenticated, idempotent by reference), read, look up by reference, and the
test control that decides one."""

from __future__ import annotations

from flask import Blueprint, Response, current_app, g, jsonify, request

from sandbox import payouts
from sandbox.api import (
    _http_url,
    _invalid,
    json_body,
    parse_amount,
    parse_currency,
    parse_reference,
    require_api_key,
)
from sandbox.runtime import current_runtime
from sandbox.services import SandboxError

bp = Blueprint("sandbox_payouts", __name__, url_prefix="/sandbox/api/payouts")


@bp.post("")
@require_api_key
def create() -> tuple[Response, int]:
    """Send a payout; the same reference again answers with the payout already made (200)."""
    body = json_body()
    amount = parse_amount(body)
    currency = parse_currency(body)
    destination = body.get("destination")
    if not isinstance(destination, str) or not 1 <= len(destination) <= 100:
        raise _invalid("destination", "destination must be the receiving account, 1 to 100 characters")
    reference = parse_reference(body)
    callback_url = _http_url(body, "callback_url")
    runtime = current_runtime()
    with runtime.session_factory() as session:
        payout, created = payouts.create_payout(
            session,
            g.sandbox_account_id,
            amount=amount,
            currency=currency,
            destination=destination,
            reference=reference,
            callback_url=callback_url,
        )
        answer = payouts.payout_object(payout)
    auto = current_app.config.get("SANDBOX_PAYOUT_AUTO_SECONDS")
    if created and auto is not None:
        payouts.decide_later(runtime, answer["id"], float(auto))
    return jsonify(answer), 201 if created else 200


@bp.get("")
@require_api_key
def lookup() -> Response:
    """The payout sent with ``?reference=`` (zero or one): how a sender whose call timed out finds out."""
    reference = request.args.get("reference", "")
    if not reference or len(reference) > 255:
        raise SandboxError(400, "parameter_invalid", "reference is required (1-255 characters)", "reference")
    with current_runtime().session_factory() as session:
        payout = payouts.find_by_reference(session, g.sandbox_account_id, reference)
        return jsonify({"object": "list", "data": [payouts.payout_object(payout)] if payout else []})


@bp.get("/<payout_id>")
@require_api_key
def retrieve(payout_id: str) -> Response:
    with current_runtime().session_factory() as session:
        return jsonify(payouts.payout_object(payouts.get_payout(session, payout_id, g.sandbox_account_id)))


@bp.post("/<key>/simulate")
def simulate(key: str) -> Response:
    """Test control (no auth): the bank pays or refuses a pending payout, named by its id or the sender's
    reference; ``failure_reason`` and the callback mode are optional."""
    body = json_body()
    reason = body.get("failure_reason")
    if reason is not None and (not isinstance(reason, str) or not 1 <= len(reason) <= 200):
        raise _invalid("failure_reason", "failure_reason must be a string of 1 to 200 characters")
    mode = body.get("callback", "normal")
    payout = payouts.decide_and_notify(
        current_runtime(),
        key,
        body.get("outcome"),
        failure_reason=reason,
        callback_mode=mode if isinstance(mode, str) else "",
    )
    return jsonify(payouts.payout_object(payout))
