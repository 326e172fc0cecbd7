"""What the order status panels (hosted and embedded) show of the order's latest payment: its QR code's time
left, whether the shopper switched away from it, and a token of the state so a poll that finds nothing new
answers 204 and the page (with its open QR dialog and the shopper's focus) stays as it is."""

from __future__ import annotations

import math

from flask import request, url_for
from flask_babel import gettext, lazy_gettext

from app.catalog.coupons import discounts_for_order
from app.extensions import db
from app.merchants.business_lines import display_name_of
from app.merchants.models import Merchant
from app.operations.manual_kinds import MARKED_FAILED
from app.orders.close_reasons import CloseReason
from app.orders.models import Order
from app.orders.state import PAID_STATUSES
from app.payments.attempts.abandon import QR_EXPIRED, SWITCHED, expire_qr_payment, qr_expires_at
from app.payments.attempts.hub import ORDER_CANCELED, PROVIDER_REFUSED, PROVIDER_UNREACHABLE
from app.payments.attempts.janitor import NEVER_CREATED
from app.payments.channels.adapters.stripe_mandates import AUTHENTICATION_REQUIRED
from app.payments.channels.agreements import purchase, with_agreements
from app.payments.models import PaymentAttempt
from app.payments.refunds.representation import refunds_for_order
from app.payments.representation import payments_for_order
from app.platform.db.types import utcnow
from app.receipts.contents import payment_method
from app.receipts.sending import receipt_recipient
from app.signing.paying import channels_for, owes_nothing
from app.signing.terms import recurring_terms, subscription_paid_by
from app.web.checkout.shopper_header import order_header
from app.web.shopper_locale import shopper_language

# Kassa's own words for why a payment failed (payment.failure_reason), in the shopper's language; a provider's decline
# is shown as the provider words it.
_KASSA_FAILURES = {
    PROVIDER_UNREACHABLE: lazy_gettext("the payment provider could not be reached"),
    PROVIDER_REFUSED: lazy_gettext("the payment provider refused the payment"),
    ORDER_CANCELED: lazy_gettext("the order was canceled"),
    MARKED_FAILED: lazy_gettext("stopped by the merchant"),
    QR_EXPIRED: lazy_gettext("the QR code expired"),
    NEVER_CREATED: lazy_gettext("the provider never created the payment"),
    AUTHENTICATION_REQUIRED: lazy_gettext(
        "your card's bank asks you to confirm this payment (authentication required)"
    ),
}


def latest_payment(order: Order) -> tuple[Order, PaymentAttempt | None]:
    """The order and its latest payment, after giving up a QR payment whose code has expired."""
    if order.status == "paying" and expire_qr_payment(order.id):
        order = db.session.get(Order, order.id, populate_existing=True)
    attempts = payments_for_order(order.id)
    return order, attempts[-1] if attempts else None


def late_capture(order: Order) -> dict | None:
    """For a closed order whose payment the provider captured anyway (approved after Kassa gave the order up):
    how much was taken and whether it is back yet. Kassa returns such a capture in full by itself; the shopper
    must not read "no money was taken" meanwhile. None when nothing was captured."""
    if order.status != "closed":
        return None
    captured = [a for a in payments_for_order(order.id) if a.status == "succeeded"]
    if not captured:
        return None
    returned = {
        r.payment_id for r in refunds_for_order(order.id) if r.kind == "capture_return" and r.status == "succeeded"
    }
    return {
        "amount": sum(a.amount for a in captured),
        "currency": captured[0].currency,
        "refunded": all(a.id in returned for a in captured),
    }


# What the shopper reads of each way an order closes; the timeline's reason is Kassa's note for the merchant
# (English, sometimes with ids or the merchant's own words), never shown as it is and never matched.
_CLOSED_BECAUSE = {
    CloseReason.EXPIRED: lazy_gettext("This order expired before it was paid"),
    CloseReason.PAID_BY_ANOTHER_ORDER: lazy_gettext("This checkout was paid with another order"),
    CloseReason.RENEWAL_UNPAID: lazy_gettext("This renewal was not paid in time"),
    CloseReason.SUBSCRIPTION_CANCELED: lazy_gettext("The subscription was canceled"),
    CloseReason.PAYMENT_ENDED: lazy_gettext("The payment was canceled"),
    CloseReason.CANCELED: lazy_gettext("This order was canceled"),
}


def closed_because(order: Order) -> str | None:
    """Why a closed order closed, in the shopper's words and language, from the CloseReason its closing timeline
    row stores (none stored, as for a row the timeline lacks: canceled)."""
    if order.status != "closed":
        return None
    closing = [e for e in order.timeline if e.status == "closed" and e.from_status != "closed"]
    return str(_CLOSED_BECAUSE.get(closing[-1].reason_code if closing else None, _CLOSED_BECAUSE[CloseReason.CANCELED]))


def state_token(order: Order, last: PaymentAttempt | None) -> str:
    """Changes whenever what the status panel shows may change."""
    return f"{order.status}.{order.version}.{last.id if last else ''}.{last.status if last else ''}"


def unchanged_since_seen(order: Order, last: PaymentAttempt | None) -> bool:
    """True for a poll of a page that already shows this state."""
    return request.args.get("seen") == state_token(order, last)


def waiting_context(order: Order, last: PaymentAttempt | None) -> dict:
    """The template values of the status panel about the latest payment."""
    expires = qr_expires_at(last) if order.status == "paying" else None
    seconds_left = max(0, math.ceil((expires - utcnow()).total_seconds())) if expires else None
    switched = (
        order.status == "created" and last is not None and last.status == "failed" and last.failure_reason == SWITCHED
    )
    reason = last.failure_reason if last is not None else None
    return {
        "last_payment": last,
        "qr_seconds_left": seconds_left,
        "seen": state_token(order, last),
        "failure_reason": str(_KASSA_FAILURES[reason]) if reason in _KASSA_FAILURES else reason,
        "late_capture": late_capture(order),
        "closed_because": closed_because(order),
        "switched": gettext("You chose another payment method") if switched else None,
    }


def order_status_context(order: Order, last: PaymentAttempt | None, *, error: str | None = None) -> dict:
    """The template values of the order status panel, hosted or embedded: the order, its latest payment, how it can
    still be paid, and once paid how it was paid and where its receipt is."""
    merchant = db.session.get(Merchant, order.merchant_id)
    return {
        "order": order,
        **waiting_context(order, last),
        "error": error,
        "channels": _with_agreements(order, merchant, channels_for(order)),
        "nothing_due": owes_nothing(order),
        "merchant": merchant,
        # A business line's order shows the line's display name where the merchant's name would be.
        "shop_name": display_name_of(merchant.id, order.business_line_id, merchant.name),
        "discounts": discounts_for_order(order.id),
        "recurring": subscription_paid_by(order.id),
        "header": order_header(order),
        **_receipt_context(order),
    }


def _with_agreements(order: Order, merchant: Merchant, channels: list) -> list:
    """The channels with their agreements as this order's shopper reads them (as paying it will record them)."""
    if not channels:
        return channels
    language = shopper_language(merchant)
    bought = purchase(
        merchant.name,
        order.total,
        order.currency,
        language,
        [item.name for item in order.items],
        recurring_terms(order.id),
    )
    return with_agreements(channels, merchant.id, language, bought)


def _receipt_context(order: Order) -> dict:
    """What the success panel says of the receipt: how it was paid, where the receipt is, where it is emailed."""
    if order.status not in PAID_STATUSES:
        return {"payment_method": None, "receipt_url": None, "receipt_email": None}
    return {
        "payment_method": payment_method(order),
        "receipt_email": receipt_recipient(order),
        "receipt_url": url_for("checkout.receipt", order_id=order.id, client_secret=order.client_secret),
    }
