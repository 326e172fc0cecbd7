"""Inbound channel callbacks: verify first, then apply through the payment hub."""

from __future__ import annotations

from flask import Blueprint, jsonify, request

from app.errors import NotFound, ServiceUnavailable
from app.extensions import db
from app.merchants.models import Merchant
from app.payments import integration_log
from app.payments.attempts.hub import apply_channel_result, attempt_with_order
from app.payments.channels.interface import (
    CallbackRejected,
    ConnectedAccountNotice,
    DisputeNotice,
    PayoutResult,
    ProviderUnavailable,
)
from app.payments.channels.registry import adapter_for
from app.payments.disputes.services import apply_dispute_notice
from app.payments.payouts.onboarding import connected_account_updated
from app.payments.payouts.services import apply_payout_result
from app.platform.observability import logs
from app.signing.mandate_setups import apply_setup_result
from app.signing.mandates import mandate_revoked
from app.web.query_args import refuse_nul_in_url

bp = Blueprint("hooks", __name__, url_prefix="/hooks")
# A NUL in a callback's address (%00 in a merchant id) reached PostgreSQL, which refuses it: a 400 before that.
bp.before_request(refuse_nul_in_url)
log = logs.get("hooks")


@bp.post("/channels/<channel_code>")
def channel_callback(channel_code: str):
    """A callback for a channel with one provider account for the whole installation (the sandbox)."""
    return _receive(channel_code, adapter_for(channel_code))


@bp.post("/channels/<channel_code>/<merchant_id>")
def merchant_channel_callback(channel_code: str, merchant_id: str):
    """A callback for a merchant's own provider account (e.g. Stripe), verified with that merchant's secret."""
    merchant = db.session.get(Merchant, merchant_id)
    adapter = adapter_for(channel_code, merchant_id) if merchant else None
    # The adapter may ask the provider before answering (a Stripe dispute names its payment only by id): no
    # database transaction is held open meanwhile.
    db.session.rollback()
    return _receive(channel_code, adapter, merchant_id=merchant_id)


def _acknowledged(channel_code: str, body: bytes, merchant_id: str | None) -> None:
    """Log a verified callback answered 200 (the integration log)."""
    integration_log.record_callback(
        channel_code,
        url=request.url,
        headers=request.headers,
        body=body,
        verified=True,
        status_code=200,
        merchant_id=merchant_id,
    )


def _receive(channel_code: str, adapter, *, merchant_id: str | None = None):
    if adapter is None:
        raise NotFound(f"no channel {channel_code!r}" + (f" for merchant {merchant_id!r}" if merchant_id else ""))
    body = request.get_data()
    # Raises CallbackRejected (400) before anything is read from the database.
    try:
        result = adapter.parse_callback(request.headers, body)
    except CallbackRejected as exc:
        integration_log.record_callback(
            channel_code,
            url=request.url,
            headers=request.headers,
            body=body,
            verified=False,
            status_code=exc.status,
            error=exc.message,
        )
        raise
    except ProviderUnavailable as exc:  # verified, but reading it needed the provider, which did not answer
        unavailable = ServiceUnavailable(
            f"{channel_code} could not be asked about this callback's payment; nothing changed, send it again ({exc})"
        )
        integration_log.record_callback(
            channel_code,
            url=request.url,
            headers=request.headers,
            body=body,
            verified=True,
            status_code=unavailable.status,
            merchant_id=merchant_id,
            error=unavailable.message,
        )
        raise unavailable from None
    if result is None:  # verified, but an event this channel does not act on: acknowledged so it is not resent
        _acknowledged(channel_code, body, merchant_id)
        return jsonify({"received": True, "payment": None})
    if isinstance(result, DisputeNotice):  # the provider's news about a chargeback of one of our payments
        return _dispute(channel_code, result, body, merchant_id)
    if isinstance(result, PayoutResult):  # a payout's news on the merchant's own account (a Stripe transfer)
        _acknowledged(channel_code, body, merchant_id)
        payout = apply_payout_result(result, merchant_id=merchant_id)
        return jsonify({"received": True, "payment": None, "payout": payout.id if payout else None})
    if isinstance(result, ConnectedAccountNotice):  # a partner's connected account at the merchant's provider
        _acknowledged(channel_code, body, merchant_id)
        partners = connected_account_updated(merchant_id, result.account, result.status) if merchant_id else []
        return jsonify({"received": True, "payment": None, "partners": partners})
    # Verified: the attempt (and so the merchant) it names may now be looked up.
    read = attempt_with_order(result.attempt_id)  # what the hub decides on: read once
    if read is None:  # not a payment: perhaps a subscriber's new payment method, signed for nothing
        setup = apply_setup_result(result, merchant_id=merchant_id)
        if setup is not None:
            integration_log.record_callback(
                channel_code,
                url=request.url,
                headers=request.headers,
                body=body,
                verified=True,
                status_code=200,
                merchant_id=setup.merchant_id,
                attempt_id=setup.id,
            )
            return jsonify({"received": True, "payment": None, "mandate_setup": setup.id})
    known = read[0] if read is not None else None
    if known is not None and merchant_id is not None and known.merchant_id != merchant_id:
        known = None  # another merchant's attempt is not this merchant's account's business
    integration_log.record_callback(
        channel_code,
        url=request.url,
        headers=request.headers,
        body=body,
        verified=True,
        status_code=200,
        merchant_id=known.merchant_id if known else merchant_id,
        attempt_id=known.id if known else None,
    )
    attempt = (
        apply_channel_result(result, actor=f"channel:{channel_code}", read=read)
        if known or merchant_id is None
        else None
    )
    log.info(
        "callback applied",
        extra={
            "fields": {
                "channel": channel_code,
                "provider_reference": result.provider_reference,
                "outcome": result.status,
            }
        },
    )
    return jsonify({"received": True, "payment": attempt.id if attempt else None})


def _dispute(channel_code: str, notice: DisputeNotice, body: bytes, merchant_id: str | None):
    dispute = apply_dispute_notice(notice, merchant_id=merchant_id)
    integration_log.record_callback(
        channel_code,
        url=request.url,
        headers=request.headers,
        body=body,
        verified=True,
        status_code=200,
        merchant_id=dispute.merchant_id if dispute else merchant_id,
    )
    log.info(
        "dispute callback applied",
        extra={
            "fields": {
                "channel": channel_code,
                "status": notice.status,
                "provider_dispute_id": notice.provider_dispute_id,
            }
        },
    )
    return jsonify({"received": True, "dispute": dispute.id if dispute else None})


@bp.post("/mandates/<channel_code>")
def mandate_callback(channel_code: str):
    """A provider's news about a mandate (the shopper revoked it): verified, then the contracts learn it."""
    kind, reference = _verified(channel_code, "parse_mandate_callback", "mandates")
    touched = mandate_revoked(channel_code, reference) if kind == "mandate.revoked" else 0
    return jsonify({"received": True, "subscriptions": touched})


@bp.post("/payouts/<channel_code>")
def payout_callback(channel_code: str):
    """A provider's news about a payout (paid or failed): verified, then applied once."""
    payout = apply_payout_result(_verified(channel_code, "parse_payout_callback", "payouts"))
    return jsonify({"received": True, "payout": payout.id if payout else None})


def _verified(channel_code: str, parser: str, what: str):
    """The callback parsed by the channel's ``parser`` (which verifies its signature), logged either way."""
    adapter = adapter_for(channel_code)
    if adapter is None or not hasattr(adapter, parser):
        raise NotFound(f"no channel {channel_code!r} with {what}")
    body = request.get_data()
    try:
        parsed = getattr(adapter, parser)(request.headers, body)
    except CallbackRejected as exc:
        integration_log.record_callback(
            channel_code,
            url=request.url,
            headers=request.headers,
            body=body,
            verified=False,
            status_code=exc.status,
            error=exc.message,
        )
        raise
    integration_log.record_callback(
        channel_code, url=request.url, headers=request.headers, body=body, verified=True, status_code=200
    )
    return parsed
