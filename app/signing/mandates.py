"""The contract's mandate: signed with the first payment (sandbox card: at the provider; wallet: the
customer's own wallet), replaced when the shopper pays a failed renewal by hand (which signs a new one), and
revoked when the provider tells us the shopper withdrew it."""

from __future__ import annotations

from sqlalchemy import select

from app.extensions import db
from app.orders.models import Order
from app.payments.channels.registry import adapter_for, channel_spec
from app.payments.models import PaymentAttempt
from app.signing.changes import cancel_now
from app.signing.contracts import change
from app.signing.models import Subscription
from app.signing.state import ENDS_MANDATE_REVOKED, LIVE


def signs_mandates(channel: str) -> bool:
    """Whether a channel's payment signs a recurring agreement: the wallet (its own), or one declaring ``recurring``."""
    return channel == "wallet" or "recurring" in getattr(channel_spec(channel), "capabilities", ())


def signed_mandate(order: Order) -> dict:
    """The mandate fields the paid first order signed: channel, status, reference (all None if the channel
    cannot sign, e.g. a QR payment: such a contract renews only by a new order the shopper pays)."""
    attempt = db.session.scalar(
        select(PaymentAttempt).where(PaymentAttempt.order_id == order.id, PaymentAttempt.status == "succeeded")
    )
    if attempt is None or not signs_mandates(attempt.channel):
        return {"mandate_channel": None, "mandate_status": None, "mandate_reference": None}
    if attempt.channel == "wallet":
        return {"mandate_channel": "wallet", "mandate_status": "active", "mandate_reference": order.customer_id}
    reference = adapter_for(attempt.channel, order.merchant_id).signed_mandate(attempt.provider_reference)
    if reference is None:
        return {"mandate_channel": None, "mandate_status": None, "mandate_reference": None}
    return {"mandate_channel": attempt.channel, "mandate_status": "active", "mandate_reference": reference}


def held_by_provider(channel: str | None, reference: str | None) -> bool:
    """Whether a provider holds this mandate (and can cancel it): the wallet's is the customer's own, at Kassa."""
    return channel not in (None, "wallet") and bool(reference)


def replaced_mandate(sub: Subscription, signed: dict) -> dict:
    """What a renewal notes of the mandate ``signed`` (``signed_mandate``'s fields, from the shopper's payment by
    hand) takes over from on ``sub``: the contract's active mandate at a provider, to be canceled there. Empty when
    there is none: nothing new signed, the same one again, the wallet's, or one the shopper already revoked."""
    old = (sub.mandate_channel, sub.mandate_reference)
    if (
        not signed
        or sub.mandate_status != "active"
        or not held_by_provider(*old)
        or old == (signed["mandate_channel"], signed["mandate_reference"])
    ):
        return {}
    return {"replaced_mandate_channel": old[0], "replaced_mandate_reference": old[1]}


def replaced_since(sub_id: str, deducted: tuple[str | None, str | None]) -> bool:
    """Whether the contract now renews through an active mandate other than ``deducted`` (channel, reference), the
    one a renewal try read: the subscriber updated the payment method while the try was on its way."""
    sub = db.session.get(Subscription, sub_id, populate_existing=True)
    return sub.mandate_status == "active" and (sub.mandate_channel, sub.mandate_reference) != deducted


def mandate_revoked(channel: str, reference: str) -> int:
    """The shopper revoked a mandate at the provider: nothing is deducted through it again, and each
    contract on it ends with its paid period. Returns how many contracts it touched; safe to repeat."""
    touched = 0
    subs = db.session.scalars(
        select(Subscription).where(
            Subscription.mandate_channel == channel,
            Subscription.mandate_reference == reference,
            Subscription.mandate_status == "active",
        )
    )
    for sub in list(subs):
        touched += 1
        if sub.status == "paused":
            # It renews nothing, so no sweep would reach its period's end: it ends now, and what the customer
            # paid for runs out as it would have (as canceling a paused contract at period end does).
            change(
                sub,
                reason=f"mandate {reference} revoked at the provider",
                actor=f"channel:{channel}",
                event=None,
                mandate_status="revoked",
            )
            cancel_now(
                sub, reason=f"mandate {reference} revoked at the provider while paused", actor=f"channel:{channel}"
            )
            continue
        values = {"mandate_status": "revoked"}
        if sub.status in LIVE and not sub.cancel_at_period_end:
            # Ending for want of a card, not by anyone's wish: a new card the subscriber signs renews it again.
            values.update(cancel_at_period_end=True, cancel_reason=ENDS_MANDATE_REVOKED)
        change(
            sub,
            reason=f"mandate {reference} revoked at the provider; ends with the paid period",
            actor=f"channel:{channel}",
            event="subscription.updated",
            **values,
        )
    db.session.commit()
    return touched
