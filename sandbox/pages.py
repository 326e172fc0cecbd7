"""The hosted payment page a shopper (or a phone scanning the QR code) sees at the provider."""

from __future__ import annotations

from flask import Blueprint, abort, redirect, render_template, request
from werkzeug.wrappers import Response

from sandbox.decisions import decide_and_notify
from sandbox.mandates import mandate_of_payment
from sandbox.runtime import current_runtime
from sandbox.services import PaymentAlreadyDecided, PaymentNotFound, get_payment

bp = Blueprint("sandbox_pages", __name__, url_prefix="/sandbox/pay")

# Minor-unit exponents that differ from the usual 2: the ones the merchants' platform (Kassa) sends amounts in, since
# an amount of minor units means nothing without them and the provider shows what it is asked to charge.
CURRENCY_EXPONENTS = {
    "jpy": 0,
    "krw": 0,
    "vnd": 0,
    "clp": 0,
    "isk": 0,
    "bhd": 3,
    "kwd": 3,
    "jod": 3,
    "omr": 3,
    "tnd": 3,
}


def format_amount(amount: int, currency: str) -> str:
    """Format minor units as major units with the currency code, e.g. 2500 usd -> '25.00 USD'; integers only."""
    exponent = CURRENCY_EXPONENTS.get(currency.lower(), 2)
    sign = "-" if amount < 0 else ""
    major, minor = divmod(abs(amount), 10**exponent)
    fraction = f".{minor:0{exponent}d}" if exponent else ""
    return f"{sign}{major:,}{fraction} {currency.upper()}"


@bp.get("/<payment_id>")
def show(payment_id: str) -> str:
    """Show the amount with Approve and Decline, or the outcome once decided."""
    with current_runtime().session_factory() as session:
        try:
            payment = get_payment(session, payment_id)
        except PaymentNotFound:
            abort(404)
        mandate = mandate_of_payment(session, payment.id)
    return render_template(
        "sandbox/pay.html", payment=payment, amount=format_amount(payment.amount, payment.currency), mandate=mandate
    )


@bp.post("/<payment_id>/decide")
def decide(payment_id: str) -> Response:
    """Record the shopper's choice, then send them back to the merchant (303, so the browser GETs)."""
    outcome = request.form.get("outcome", "")
    if outcome not in ("succeeded", "failed"):
        abort(400)
    runtime = current_runtime()
    try:
        payment = decide_and_notify(runtime, payment_id, outcome)
    except PaymentNotFound:
        abort(404)
    except PaymentAlreadyDecided:
        # A second click or a back-button resubmit changes nothing; the shopper just goes back.
        with runtime.session_factory() as session:
            payment = get_payment(session, payment_id)
    return redirect(payment.return_url, code=303)
