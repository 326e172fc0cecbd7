"""The contract's mandate: signed with the first payment (sandbox card: at the provider; wallet: the
customer's own wallet), and revoked when the provider tells us the shopper withdrew it."""
from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order
from app.payments.channels import adapter_for
from app.payments.models import PaymentAttempt
from app.signing.contracts import change
from app.signing.models import Subscription
from app.signing.state import LIVE

# Channels that can sign a recurring agreement.
SIGNING_CHANNELS = ("sandbox_card", "wallet")


def signed_mandate(order: Order) -> dict:
    """The mandate fields the paid first order signed: channel, status, reference (all None if the channel
    cannot sign, e.g. a QR payment: such a contract renews only by a new order the shopper pays)."""
    attempt = db.session.scalar(select(PaymentAttempt).where(PaymentAttempt.order_id == order.id,
                                                             PaymentAttempt.status == "succeeded"))
    if attempt is None or attempt.channel not in SIGNING_CHANNELS:
        return {"mandate_channel": None, "mandate_status": None, "mandate_reference": None}
    if attempt.channel == "wallet":
        return {"mandate_channel": "wallet", "mandate_status": "active", "mandate_reference": order.customer_id}
    reference = adapter_for(attempt.channel, order.merchant_id).signed_mandate(attempt.provider_reference)
    if reference is None:
        return {"mandate_channel": None, "mandate_status": None, "mandate_reference": None}
    return {"mandate_channel": attempt.channel, "mandate_status": "active", "mandate_reference": reference}


def mandate_revoked(channel: str, reference: str) -> int:
    """The shopper revoked a mandate at the provider: nothing is deducted through it again, and each
    contract on it ends with its paid period. Returns how many contracts it touched; safe to repeat."""
    touched = 0
    subs = db.session.scalars(select(Subscription).where(Subscription.mandate_channel == channel,
                                                         Subscription.mandate_reference == reference,
                                                         Subscription.mandate_status == "active"))
    for sub in list(subs):
        values = {"mandate_status": "revoked"}
        if sub.status in LIVE:
            values["cancel_at_period_end"] = True
        change(sub, reason=f"mandate {reference} revoked at the provider; ends with the paid period",
               actor=f"channel:{channel}", event="subscription.updated", **values)
        touched += 1
    db.session.commit()
    return touched
