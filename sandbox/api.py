"""The provider's JSON API: create and read payments (authenticated) and the test control endpoint."""

from __future__ import annotations

import re
from functools import wraps
from typing import Any, Callable, TypeVar
from urllib.parse import urlsplit

from flask import Blueprint, Response, g, jsonify, request

from sandbox import mandates, saved_cards
from sandbox.callbacks import in_background
from sandbox.decisions import decide_and_notify, decide_as_a_shopper
from sandbox.models import PAYMENT_METHODS, Payment
from sandbox.request_text import parse_json_object
from sandbox.runtime import current_runtime
from sandbox.services import (
    PaymentRequest,
    SandboxError,
    authenticate_account,
    card_fingerprint_of,
    create_payment,
    find_payment_by_reference,
    get_payment,
    payment_object,
)

bp = Blueprint("sandbox_api", __name__, url_prefix="/sandbox/api")

# Generous but bounded: the value must fit a 64-bit column on every database.
MAX_AMOUNT = 999_999_999_999
MAX_URL_LENGTH = 2048
MAX_DESCRIPTION_LENGTH = 1000
CURRENCY_PATTERN = re.compile(r"[a-z]{3}")

F = TypeVar("F", bound=Callable[..., Any])


def handle_sandbox_error(error: SandboxError) -> tuple[Response, int]:
    """Render a domain error as the API's JSON error (registered on the app, so every blueprint's views get it)."""
    return error_response(error.status, error.code, error.message, error.param)


def error_response(status: int, code: str, message: str, param: str | None = None) -> tuple[Response, int]:
    """Return the JSON error body every failing API call uses."""
    kind = "authentication_error" if status == 401 else "invalid_request_error"
    return jsonify({"error": {"type": kind, "code": code, "message": message, "param": param}}), status


def require_api_key(view: F) -> F:
    """Reject a request without a valid `Authorization: Bearer <key>`; remember the caller's account id."""

    @wraps(view)
    def wrapped(*args: Any, **kwargs: Any) -> Any:
        scheme, _, key = request.headers.get("Authorization", "").partition(" ")
        account_id = authenticate_account(current_runtime(), key.strip()) if scheme.lower() == "bearer" else None
        if account_id is None:
            response, status = error_response(
                401, "api_key_invalid", "Send a valid API key as 'Authorization: Bearer <key>'."
            )
            response.headers["WWW-Authenticate"] = "Bearer"
            return response, status
        g.sandbox_account_id = account_id
        return view(*args, **kwargs)

    return wrapped  # type: ignore[return-value]


@bp.post("/payments")
@require_api_key
def create() -> tuple[Response, int]:
    """Create a payment; the same reference again returns the existing one (200) instead of a second payment."""
    body = json_body()
    recurring = _recurring(body.get("recurring"))
    # A payment of nothing only signs a mandate (a card set up for a free trial): it needs ``recurring``.
    payment_request = parse_payment_request(body, setup=recurring is not None)
    save_card = _save_card(body, payment_request.method)
    if body.get("card") is not None:
        return _charge_saved_card(body, payment_request, recurring is not None or save_card)
    runtime = current_runtime()
    with runtime.session_factory() as session:
        payment, created = create_payment(session, g.sandbox_account_id, payment_request)
        if recurring:
            mandates.request_mandate(session, payment, *recurring)
        if save_card:
            saved_cards.request_saving(session, payment)
        if created and not recurring and not save_card:
            # Just made and pending: no mandate asked for, and no card seen yet (its fingerprint comes with the
            # decision), so there is nothing more to read.
            shown = {**payment_object(payment, runtime.payment_url(payment.id)), "mandate": None, "saved_card": None}
        else:
            shown = _payment_json(session, payment)
        answer, payment_id = jsonify(shown), payment.id
    if created and runtime.auto_outcome:
        # After the answer is built (the payment is still pending in it), as a quick shopper would.
        in_background(decide_as_a_shopper, runtime, payment_id, runtime.auto_outcome)
    return answer, 201 if created else 200


def _recurring(value: Any) -> tuple[str, str] | None:
    """``recurring: {terms, callback_url}`` asks the shopper to sign a mandate with this payment."""
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("terms"), str) or not 1 <= len(value["terms"]) <= 500:
        raise _invalid("recurring.terms", "recurring must be {terms: string of 1-500 characters, callback_url}")
    return value["terms"], _http_url(value, "callback_url")


def _save_card(body: dict[str, Any], method: str) -> bool:
    """``save_card: true`` keeps the card that pays for the merchant's next charges (a card payment only)."""
    value = body.get("save_card", False)
    if not isinstance(value, bool):
        raise _invalid("save_card", "save_card must be true or false")
    if value and method != "card":
        raise _invalid("save_card", "only a card payment can save its card")
    return value


def _charge_saved_card(body: dict[str, Any], payment_request: PaymentRequest, saves: bool) -> tuple[Response, int]:
    """``card: "card_…"`` charges a saved card with the shopper at the checkout: decided in the call, or pending on
    the payment's page when the issuer asks the shopper to authenticate (``url``)."""
    if saves:
        raise _invalid("card", "a charge of a saved card cannot ask for recurring or save_card")
    if payment_request.method != "card":
        raise _invalid("card", "only a card payment can charge a saved card")
    runtime = current_runtime()
    with runtime.session_factory() as session:
        card = saved_cards.get_card(session, body["card"], g.sandbox_account_id, param="card")
        payment, created = saved_cards.charge(session, card, payment_request)
        answer = jsonify({**_payment_json(session, payment), "charged_card": card.id})
    return answer, 201 if created else 200


def _payment_json(session, payment: Payment) -> dict[str, Any]:
    """A payment as the API shows it, with the mandate it signs and the card it saves (if it asked for them)."""
    mandate = mandates.mandate_of_payment(session, payment.id)
    card = saved_cards.card_of_payment(session, payment.id)
    return {
        **payment_object(payment, current_runtime().payment_url(payment.id), card_fingerprint_of(session, payment.id)),
        "mandate": mandates.mandate_object(mandate) if mandate else None,
        "saved_card": saved_cards.card_object(card) if card else None,
    }


@bp.get("/cards/<card_id>")
@require_api_key
def card_retrieve(card_id: str) -> Response:
    """A saved card as the provider keeps it."""
    with current_runtime().session_factory() as session:
        return jsonify(saved_cards.card_object(saved_cards.get_card(session, card_id, g.sandbox_account_id)))


@bp.post("/cards/<card_id>/detach")
@require_api_key
def card_detach(card_id: str) -> Response:
    """The merchant stops keeping a saved card (the shopper removed it): it is never charged again."""
    with current_runtime().session_factory() as session:
        card = saved_cards.get_card(session, card_id, g.sandbox_account_id)
        return jsonify(saved_cards.card_object(saved_cards.detach(session, card)))


@bp.post("/cards/<card_id>/simulate")
def card_simulate(card_id: str) -> Response:
    """Test control (no auth): ``{next_charge: "authentication_required"|"declined"}`` decides what the issuer does
    with the card's next charge."""
    body = json_body()
    with current_runtime().session_factory() as session:
        card = saved_cards.get_card(session, card_id)
        return jsonify(saved_cards.card_object(saved_cards.plan_next_charge(session, card, body.get("next_charge"))))


@bp.get("/payments")
@require_api_key
def lookup() -> Response:
    """List the payment with ``?reference=`` (zero or one): how a client whose create timed out finds it."""
    reference = request.args.get("reference", "")
    if not reference or len(reference) > 255:
        raise SandboxError(400, "parameter_invalid", "reference is required (1-255 characters)", "reference")
    runtime = current_runtime()
    with runtime.session_factory() as session:
        payment = find_payment_by_reference(session, g.sandbox_account_id, reference)
        data = [_payment_json(session, payment)] if payment else []
    return jsonify({"object": "list", "data": data})


@bp.get("/payments/<payment_id>")
@require_api_key
def retrieve(payment_id: str) -> Response:
    """Return a payment's current state; this is how a merchant learns of a dropped callback."""
    runtime = current_runtime()
    with runtime.session_factory() as session:
        payment = get_payment(session, payment_id, g.sandbox_account_id)
        return jsonify(_payment_json(session, payment))


@bp.post("/payments/<payment_id>/simulate")
def simulate(payment_id: str) -> Response:
    """Decide a payment as the shopper would, with the chosen callback behaviour (test control, no auth)."""
    body = json_body()
    outcome = body.get("outcome")
    if outcome not in ("succeeded", "failed"):
        raise SandboxError(400, "parameter_invalid", "outcome must be 'succeeded' or 'failed'", "outcome")
    mode = body.get("callback", "normal")
    if not isinstance(mode, str):
        raise SandboxError(400, "parameter_invalid", "callback must be a string", "callback")
    fingerprint = body.get("card_fingerprint")
    if fingerprint is not None and (not isinstance(fingerprint, str) or not 1 <= len(fingerprint) <= 64):
        raise SandboxError(
            400, "parameter_invalid", "card_fingerprint must be a string of 1-64 characters", "card_fingerprint"
        )
    runtime = current_runtime()
    payment = decide_and_notify(runtime, payment_id, outcome, mode, card_fingerprint=fingerprint)
    return jsonify(payment_object(payment, runtime.payment_url(payment.id), fingerprint))


@bp.get("/mandates/<mandate_id>")
@require_api_key
def mandate_retrieve(mandate_id: str) -> Response:
    with current_runtime().session_factory() as session:
        return jsonify(mandates.mandate_object(mandates.get_mandate(session, mandate_id, g.sandbox_account_id)))


@bp.post("/mandates/<mandate_id>/deductions")
@require_api_key
def mandate_deduct(mandate_id: str) -> tuple[Response, int]:
    """Charge a signed mandate now; answered with the decided payment (``failed`` when the bank declines or
    the mandate is no longer active). The same reference again returns the first deduction."""
    body = json_body()
    request_ = parse_payment_request(
        {**body, "return_url": "https://sandbox.invalid/none", "callback_url": "https://sandbox.invalid/none"}
    )
    with current_runtime().session_factory() as session:
        mandate = mandates.get_mandate(session, mandate_id, g.sandbox_account_id)
        payment, created = mandates.deduct(
            session,
            mandate,
            amount=request_.amount,
            currency=request_.currency,
            reference=request_.reference,
            description=request_.description,
        )
        answer = _payment_json(session, payment)
    if answer["status"] == "failed":
        answer["failure_reason"] = "mandate_inactive" if mandate.status != "active" else "insufficient_funds"
    return jsonify(answer), 201 if created else 200


@bp.post("/mandates/<mandate_id>/cancel")
@require_api_key
def mandate_cancel(mandate_id: str) -> Response:
    """The merchant cancels the mandate (its subscription ended); answered with the mandate, ``canceled`` (or
    ``revoked`` when the shopper withdrew it first). Repeating it changes nothing."""
    with current_runtime().session_factory() as session:
        mandate = mandates.get_mandate(session, mandate_id, g.sandbox_account_id)
        return jsonify(mandates.mandate_object(mandates.cancel(session, mandate)))


@bp.post("/mandates/<mandate_id>/simulate")
def mandate_simulate(mandate_id: str) -> Response:
    """Test control (no auth): the bank declines the next ``fail_next`` deductions; ``{outcome}`` decides just
    the next one (``failed`` declines it, ``succeeded`` lets every deduction through again)."""
    body = json_body()
    if "outcome" in body:
        if body["outcome"] not in ("succeeded", "failed"):
            raise SandboxError(400, "parameter_invalid", "outcome must be 'succeeded' or 'failed'", "outcome")
        body = {"fail_next": 1 if body["outcome"] == "failed" else 0}
    fail_next = body.get("fail_next")
    if type(fail_next) is not int or not 0 <= fail_next <= 1000:
        raise SandboxError(400, "parameter_invalid", "fail_next must be an integer between 0 and 1000", "fail_next")
    with current_runtime().session_factory() as session:
        mandate = mandates.get_mandate(session, mandate_id)
        mandate.fail_next = fail_next
        session.commit()
        return jsonify(mandates.mandate_object(mandate))


@bp.post("/mandates/<mandate_id>/revoke")
def mandate_revoke(mandate_id: str) -> Response:
    """Test control (no auth): the shopper revokes the mandate at their bank; the merchant gets a callback."""
    return jsonify(mandates.mandate_object(mandates.revoke(current_runtime(), mandate_id)))


def json_body() -> dict[str, Any]:
    """Return the request's JSON object, or raise a 400 that says what is wrong with it (sandbox/request_text.py:
    a key given twice, a NUL or lone surrogate in its text)."""
    if not request.is_json:
        raise SandboxError(400, "parameter_invalid", "The body must be a JSON object (Content-Type: application/json).")
    return parse_json_object(request.get_data())


def parse_payment_request(body: dict[str, Any], *, setup: bool = False) -> PaymentRequest:
    """Validate a create-payment body, naming the first bad field. ``setup``: it signs a mandate, so it may be
    of nothing (the shopper authorises later charges and is charged nothing now)."""
    amount = parse_amount(body, minimum=0 if setup else 1)
    currency = parse_currency(body)
    reference = parse_reference(body)
    description = body.get("description", "")
    if description is None:
        description = ""
    if not isinstance(description, str) or len(description) > MAX_DESCRIPTION_LENGTH:
        raise _invalid("description", f"description must be a string of at most {MAX_DESCRIPTION_LENGTH} characters")
    return_url = _http_url(body, "return_url")
    callback_url = _http_url(body, "callback_url")
    method = parse_method(body)
    return PaymentRequest(
        amount=amount,
        currency=currency,
        reference=reference,
        description=description,
        return_url=return_url,
        callback_url=callback_url,
        method=method,
    )


def parse_amount(body: dict[str, Any], *, minimum: int = 1) -> int:
    """The body's ``amount``: an integer in minor units, ``minimum`` (1 unless it only signs a mandate) to
    MAX_AMOUNT."""
    amount = body.get("amount")
    # bool is a subclass of int in Python, and a float is never an amount.
    if type(amount) is not int or not minimum <= amount <= MAX_AMOUNT:
        why = "" if minimum else " (0 only signs the mandate that recurring asks for)"
        raise _invalid("amount", f"amount must be an integer in minor units between {minimum} and {MAX_AMOUNT}" + why)
    return amount


def parse_currency(body: dict[str, Any]) -> str:
    """The body's ``currency``: three lowercase letters."""
    currency = body.get("currency")
    if not isinstance(currency, str) or not CURRENCY_PATTERN.fullmatch(currency):
        raise _invalid("currency", "currency must be a three-letter lowercase ISO code, e.g. 'usd'")
    return currency


def parse_reference(body: dict[str, Any]) -> str:
    """The body's ``reference``: the merchant's name for the object, 1 to 255 characters."""
    reference = body.get("reference")
    if not isinstance(reference, str) or not 1 <= len(reference) <= 255:
        raise _invalid("reference", "reference must be a string of 1 to 255 characters")
    return reference


def parse_method(body: dict[str, Any]) -> str:
    """The body's ``method``, ``card`` when absent."""
    method = body.get("method", "card")
    if method not in PAYMENT_METHODS:
        raise _invalid("method", "method must be 'card' or 'qr'")
    return method


def _http_url(body: dict[str, Any], name: str) -> str:
    value = body.get(name)
    message = f"{name} must be an absolute http(s) URL"
    # Whitespace or control characters would break the Location header of the redirect.
    if not isinstance(value, str) or len(value) > MAX_URL_LENGTH or any(c.isspace() or c < " " for c in value):
        raise _invalid(name, message)
    try:
        parts = urlsplit(value)
    except ValueError:
        raise _invalid(name, message) from None
    # Only http(s) with a host: the return URL becomes a link and a redirect, never javascript: or data:.
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _invalid(name, message)
    return value


def _invalid(param: str, message: str) -> SandboxError:
    return SandboxError(400, "parameter_invalid", message, param)
