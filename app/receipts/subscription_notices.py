"""What an email to a subscriber says: a renewal payment failed (with a link to pay it with another card), a free
trial ends soon (what it will charge, and where to cancel), the subscription was canceled, or it was paused after
its last renewal try failed, the payment method of a paid period was withdrawn (with a link to save a new one,
which keeps the subscription), or a payment that landed after it stopped renewing was refunded.

Built when the email is sent, from the event it answers (fixed) and the contract (its names and language)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app, render_template
from flask_babel import gettext
from sqlalchemy import select

from app.catalog.models import Sku
from app.extensions import db
from app.merchants.business_lines import display_name_of
from app.merchants.models import Merchant
from app.orders.models import Order
from app.platform.db.types import utcnow
from app.platform.values.languages import DEFAULT_LANGUAGE
from app.platform.values.locales import speaking
from app.platform.values.money import Money
from app.platform.values.times import read_time
from app.receipts.message import envelope, one_line
from app.signing.clocks import now_for
from app.signing.models import Subscription, SubscriptionTimelineEntry
from app.signing.renewals import dunning
from app.signing.self_service import email_link_for

# The emails whose link leads to updating the payment method.
UPDATES_PAYMENT_METHOD = ("payment_failed", "mandate_revoked")
KINDS = {
    "subscription.renewal_failed": "payment_failed",
    "subscription.renewal_upcoming": "trial_ending",
    "subscription.canceled": "canceled",
    "subscription.paused": "paused",
    "refund.succeeded": "payment_refunded",
}


@dataclass(frozen=True)
class SubscriptionNotice:
    """One email to a subscriber, as they read it."""

    kind: str  # payment_failed | trial_ending | canceled | paused | payment_refunded | mandate_revoked
    merchant_name: str
    product: str
    price: Money
    interval: str
    interval_count: int
    livemode: bool
    language: str
    # payment_failed: what the open renewal asks for and when it is tried again; trial_ending: the first charge;
    # payment_refunded: the payment given back.
    amount: Money | None = None
    charge_at: datetime | None = None
    # mandate_revoked: when the contract ends (with its current period).
    ends_at: datetime | None = None
    # canceled: because the last renewal try failed (not a cancel by the shopper or the merchant).
    for_nonpayment: bool = False
    # The shopper's billing page (app/signing/self_service.py), and until when the link opens it.
    billing_url: str = ""
    link_expires_at: datetime | None = None


def _at(value: object) -> datetime | None:
    # Events written before times became ISO 8601 strings carry unix seconds.
    if isinstance(value, int):
        return datetime.fromtimestamp(value, timezone.utc)
    return read_time(value) if isinstance(value, str) else None


def _language(sub: Subscription, merchant: Merchant) -> str:
    """The language the shopper signed up in (their first order's, as their receipt), else the merchant's."""
    first = db.session.get(Order, sub.first_order_id)
    return (first.language if first else None) or merchant.checkout_language or DEFAULT_LANGUAGE


def _product(sub: Subscription) -> str:
    sku = db.session.get(Sku, sub.sku_id)
    return f"{sku.product.name} — {sku.name}" if sku is not None else sub.sku_id


def ended_for_nonpayment(sub: Subscription, status: str) -> bool:
    """Whether the contract's latest move to ``status`` (canceled, paused) was the dunning's, after its last try."""
    entry = db.session.scalar(
        select(SubscriptionTimelineEntry)
        .where(SubscriptionTimelineEntry.subscription_id == sub.id, SubscriptionTimelineEntry.status == status)
        .order_by(SubscriptionTimelineEntry.id.desc())
        .limit(1)
    )
    return entry is not None and entry.actor == "system:dunning"


def _link_until(sub: Subscription, merchant: Merchant, kind: str, obj: dict) -> datetime:
    """Until when the email's link should open the billing page, on the wall clock: the end of the dunning for a
    failed payment, the trial's end for a trial, otherwise just the minimum (a test clock's contract lives in its
    own time, so its times are taken as distances from the clock's now)."""
    renewal = obj.get("renewal") or {}
    if kind == "payment_failed":
        ends = (_at(renewal.get("period_start")) or now_for(sub)) + dunning.dunning_window(merchant)
    elif kind == "trial_ending":
        ends = _at(renewal.get("at")) or now_for(sub)
    elif kind == "mandate_revoked":
        ends = _at(obj.get("current_period_end")) or now_for(sub)
    else:
        ends = now_for(sub)
    return utcnow() + (ends - now_for(sub)) + timedelta(days=1)


def build_notice(kind: str, obj: dict, sub: Subscription) -> SubscriptionNotice:
    """The email answering an event (``obj``: its object) about ``sub``."""
    merchant = db.session.get(Merchant, sub.merchant_id)
    renewal = obj.get("renewal") or {}
    amount = charge_at = ends_at = None
    if kind == "payment_failed":
        order = db.session.get(Order, renewal["order"]) if renewal.get("order") else None
        amount = Money(order.total, order.currency) if order else Money(sub.price_amount, sub.currency)
        charge_at = _at(renewal.get("next_attempt_at"))
    elif kind == "trial_ending":
        price = renewal.get("amount") or {}
        amount = Money(price.get("amount", sub.price_amount), price.get("currency", sub.currency))
        charge_at = _at(renewal.get("at"))
    elif kind == "payment_refunded":  # the event's object is the refund
        amount = Money(obj["amount"], obj["currency"])
    elif kind == "mandate_revoked":
        ends_at = _at(obj.get("current_period_end"))
    token, expires = email_link_for(sub, until=_link_until(sub, merchant, kind, obj))
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    # A failed payment and a withdrawn card are fixed by a new payment method: the link opens that contract's page
    # for it (which pays an open renewal with the new card, or saves it for the next one).
    page = f"/subscriptions/{sub.id}/payment_method" if kind in UPDATES_PAYMENT_METHOD else ""
    return SubscriptionNotice(
        kind=kind,
        merchant_name=display_name_of(merchant.id, sub.business_line_id, merchant.name),  # a line's, if it has one
        product=_product(sub),
        price=Money(sub.price_amount, sub.currency),
        interval=sub.interval,
        interval_count=sub.interval_count,
        livemode=sub.livemode,
        language=_language(sub, merchant),
        amount=amount,
        charge_at=charge_at,
        ends_at=ends_at,
        for_nonpayment=kind == "canceled" and ended_for_nonpayment(sub, "canceled"),
        billing_url=f"{base}/checkout/billing/{token}{page}",
        link_expires_at=expires,
    )


def subject_for(notice: SubscriptionNotice) -> str:
    """The subject line, in the language being spoken, marked in test mode."""
    names = {"merchant": one_line(notice.merchant_name), "product": one_line(notice.product)}
    if notice.kind == "payment_failed":
        subject = gettext("Your payment to %(merchant)s for %(product)s failed — update your payment method", **names)
    elif notice.kind == "trial_ending":
        subject = gettext("Your free trial of %(product)s ends soon", **names)
    elif notice.kind == "paused":
        subject = gettext("Your subscription to %(product)s has been paused", **names)
    elif notice.kind == "payment_refunded":
        subject = gettext("Your payment for %(product)s has been refunded", **names)
    elif notice.kind == "mandate_revoked":
        subject = gettext("Your subscription to %(product)s will end: its payment method was withdrawn", **names)
    else:
        subject = gettext("Your subscription to %(product)s has been canceled", **names)
    return subject if notice.livemode else gettext("[Test mode] %(subject)s", subject=subject)


def build_message(notice: SubscriptionNotice, *, sender: str, recipient: Address, message_id: str) -> EmailMessage:
    """The notice as an email from ``sender`` under the merchant's name, a text and an HTML part."""
    message = envelope(notice.merchant_name, sender=sender, recipient=recipient, message_id=message_id)
    with speaking(notice.language):
        message["Subject"] = subject_for(notice)
        message.set_content(render_template("receipts/subscription_email.txt", notice=notice))
        message.add_alternative(render_template("receipts/subscription_email.html", notice=notice), subtype="html")
    message["Content-Language"] = notice.language
    return message
