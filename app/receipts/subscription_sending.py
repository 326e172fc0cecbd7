"""Subscription emails: a subscriber hears from the merchant when the subscription needs them — a renewal payment
failed (each try but the last; the link pays the open renewal with another card), a free trial ends soon (the
renewal notice of its first charge), the subscription was canceled, or paused because its last try failed, the
mandate of a paid period was revoked (so it ends with that period), or a payment that landed after it stopped
renewing was refunded.

Built as receipts are: an outbox handler on the event (so only once the change is durable, and never inside a
renewal: a mail server that is down cannot hold one up) adds the email's row, unique per (event, recipient), and
queues the ``send_subscription_email`` job, which claims the row by a conditional UPDATE, sends with no
transaction open and retries with backoff (app/receipts/delivery.py). Only when the contract has an email, SMTP
is configured and the merchant has not turned them off (portal Settings, Subscriptions). An email whose moment
passed before it could go out (the renewal was paid, the trial canceled) is skipped, not sent late; on a test
clock every email of the advanced timeline goes out.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.merchants.models import Merchant
from app.payments.models import Refund
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event, subscribe
from app.platform.queueing import BATCH, enqueue
from app.platform.values.ids import new_id
from app.receipts import delivery
from app.receipts.mailer import mailer_from_config
from app.receipts.models import SubscriptionEmail
from app.receipts.subscription_notices import KINDS, build_message, build_notice, ended_for_nonpayment
from app.receipts.test_mode import WITHHELD_REASON, withheld_in_test_mode
from app.signing.models import Subscription
from app.signing.renewals.orders import GIVEN_BACK_BY, GIVEN_BACK_REASON, contract_of_order

log = logs.get("receipts")

JOB = "app.jobs.send_subscription_email"
MAIL = delivery.MailKind(SubscriptionEmail.id, JOB, "subscription email", log)
# What must still be true when the email goes out, or it says something no longer so.
_STILL_TRUE = {
    "payment_failed": ("past_due",),
    "trial_ending": ("trialing",),
    "paused": ("paused",),
    "mandate_revoked": ("active", "trialing"),
}


def _has_email(obj: dict) -> bool:
    return bool((obj.get("customer") or {}).get("email"))


def _wants_emails(merchant_id: str) -> bool:
    merchant = db.session.get(Merchant, merchant_id)
    return merchant is not None and merchant.subscription_emails and mailer_from_config(current_app.config) is not None


def _queue(event: Event, sub: Subscription | None = None, kind: str | None = None, once: str | None = None) -> None:
    """Outbox handler: the event's email gets its row (once per event and recipient) and a job to send it. ``sub``:
    the contract, when the event is about another object (a refund); ``kind``: what the email says, when the
    event's type alone does not tell; ``once``: the email is the contract's once for this key, whichever of its
    events gets here first (the unique key refuses the others' rows)."""
    kind = kind or KINDS[event.type]
    sub = sub or db.session.get(Subscription, event.data["object"]["id"])
    if sub is None or not sub.customer_email or not _wants_emails(sub.merchant_id):
        return
    recipient = sub.customer_email
    row = db.session.scalar(
        select(SubscriptionEmail).where(
            SubscriptionEmail.event_id == event.id, SubscriptionEmail.recipient == recipient
        )
    )
    if row is None:
        email_id = new_id("sem")
        domain = current_app.config["SMTP_FROM"].rpartition("@")[2] or "kassa.localhost"
        try:
            with db.session.begin_nested():
                db.session.add(
                    SubscriptionEmail(
                        id=email_id,
                        event_id=event.id,
                        subscription_id=sub.id,
                        merchant_id=sub.merchant_id,
                        kind=kind,
                        recipient=recipient,
                        status="pending",
                        attempts=0,
                        once_key=once,
                        # The same for every try, so a mail client shows a repeated send once.
                        message_id=f"<{kind}.{event.id}@{domain}>",
                        created_at=utcnow(),
                    )
                )
        except IntegrityError:
            # A run of this handler that is still going added it, and queues it; or, for a ``once`` email, another
            # event's run claimed it first.
            return
    else:
        email_id = row.id
    db.session.commit()
    # Redis down: this raises, and the dispatcher runs the handler again later (the row is found, not added).
    enqueue(JOB, email_id, lane=BATCH)


# A try that is not the last (the last ends in subscription.canceled or paused, which says so itself).
@subscribe(
    "subscription.renewal_failed",
    applies=lambda obj: _has_email(obj) and (obj.get("renewal") or {}).get("status") == "pending",
)
def email_failed_payment(event: Event) -> None:
    """A renewal's payment failed: ask the subscriber to pay it with another payment method."""
    _queue(event)


# The first charge after a free trial (period 1 of a trialing contract); other renewals send no email.
@subscribe("subscription.renewal_upcoming", applies=lambda obj: _has_email(obj) and obj.get("status") == "trialing")
def email_trial_ending(event: Event) -> None:
    """A free trial ends soon: say when, what it will charge, and where to cancel."""
    _queue(event)


@subscribe("subscription.canceled", applies=_has_email)
def email_canceled(event: Event) -> None:
    """The subscription was canceled: after the last failed try, or as the shopper or the merchant asked."""
    _queue(event)


# The merchant's choice to pause rather than cancel after the last try: the subscriber must hear that it stopped (a
# pause the merchant asks for is theirs to tell).
@subscribe("subscription.paused", applies=_has_email)
def email_paused_for_nonpayment(event: Event) -> None:
    """The last renewal try failed and the contract is paused: say so, and that nothing is charged meanwhile."""
    sub = db.session.get(Subscription, event.data["object"]["id"])
    if sub is not None and ended_for_nonpayment(sub, "paused"):
        _queue(event)


def _revoked_on_a_paid_period(obj: dict) -> bool:
    # A contract already ending as asked takes no new card: its email's "update your payment method" would be refused.
    return (
        _has_email(obj)
        and obj.get("status") in _STILL_TRUE["mandate_revoked"]
        and (obj.get("mandate") or {}).get("status") == "revoked"
        and obj.get("cancel_reason") != "requested"
    )


# A past-due contract whose mandate is revoked hears of it from its next failed try (that email's link pays with
# another card); a paid one would not hear until it had ended.
@subscribe("subscription.updated", applies=_revoked_on_a_paid_period)
def email_mandate_revoked(event: Event) -> None:
    """The mandate of an active (or trialing) contract was revoked: say the subscription ends with its paid period
    unless a new payment method is saved. Once per mandate: a later update of the contract repeats nothing, even
    handled at the same instant as the first (the email's row is claimed under a unique key)."""
    reference = event.data["object"]["mandate"]["reference"]
    _queue(event, kind="mandate_revoked", once=f"mandate_revoked:{reference}")


# Kassa refunds in full a payment that landed after its renewal was given up, or after the contract was canceled
# unpaid (app/signing/renewals/orders.py): the money comes back unasked, and the subscriber hears why.
@subscribe("refund.succeeded", applies=lambda obj: (obj.get("reason") or "").startswith(GIVEN_BACK_REASON))
def email_late_payment_refunded(event: Event) -> None:
    """A payment that bought no period was refunded: say so, and that the period will not be charged."""
    refund = db.session.get(Refund, event.data["object"]["id"])
    if refund is not None and refund.actor == GIVEN_BACK_BY:
        _queue(event, contract_of_order(refund.order_id))


def _skip(email_id: str, why: str) -> str:
    db.session.execute(
        update(SubscriptionEmail)
        .where(SubscriptionEmail.id == email_id, SubscriptionEmail.status.in_(("pending", "failed")))
        .values(status="skipped", last_error=why[:500], next_attempt_at=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return "skipped"


def send_subscription_email(email_id: str) -> str:
    """Send one subscription email unless it was sent (or is being sent); returns its status."""
    mailer = mailer_from_config(current_app.config)
    row = db.session.get(SubscriptionEmail, email_id)
    if mailer is None or row is None:
        return "none"
    sub = db.session.get(Subscription, row.subscription_id)
    if row.status in ("pending", "failed"):
        if not _wants_emails(row.merchant_id):
            return _skip(email_id, "the merchant turned subscription emails off")
        # A test clock's advance runs a whole timeline at once, before any of its emails: each is sent, as it
        # would have been at its moment.
        if row.kind in _STILL_TRUE and sub.test_clock_id is None and sub.status not in _STILL_TRUE[row.kind]:
            return _skip(email_id, f"no longer true: the subscription is {sub.status}")
        if row.kind == "mandate_revoked" and sub.mandate_status != "revoked":
            # The subscriber saved a new payment method before this went out: it no longer ends.
            return _skip(email_id, "no longer true: the payment method was updated")
    if withheld_in_test_mode(row.merchant_id, sub.livemode, row.recipient):
        return delivery.withhold(
            MAIL, email_id, WITHHELD_REASON, {"email_id": email_id, "kind": row.kind, "merchant_id": row.merchant_id}
        )
    if not delivery.claim(MAIL, email_id, utcnow()):
        return db.session.get(SubscriptionEmail, email_id, populate_existing=True).status
    row = db.session.get(SubscriptionEmail, email_id, populate_existing=True)
    fields = {
        "email_id": email_id,
        "kind": row.kind,
        "subscription_id": row.subscription_id,
        "merchant_id": row.merchant_id,
        "attempt": row.attempts,
    }
    notice = build_notice(row.kind, db.session.get(Event, row.event_id).data["object"], sub)
    return delivery.send_claimed(
        MAIL,
        row,
        mailer,
        lambda recipient: build_message(
            notice, sender=current_app.config["SMTP_FROM"], recipient=recipient, message_id=row.message_id
        ),
        fields,
    )


def queue_due_subscription_emails() -> int:
    """Sweep: queue subscription emails whose job was lost; returns how many."""
    if mailer_from_config(current_app.config) is None:
        return 0
    return delivery.queue_due(MAIL)
