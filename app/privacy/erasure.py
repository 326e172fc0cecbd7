"""Erase one customer's personal data (a shopper's right to erasure), in one transaction: the emails they gave,
the words, addresses and devices of their refund requests, the fingerprints of their cards, and every copy of
those Kassa made (refund reasons, timelines, risk notes, notes of the merchant's people, events and webhook
answers, stored replays, the provider and API logs, the audit log, Redis's velocity windows). What the merchant
must keep stays: the customer id (their own reference), orders, amounts, dates, statuses, payments, refunds,
entitlements, the ledger; their risk lists and order ``metadata`` are theirs. docs/privacy.md has the table.

Set-based where the database can match the rows, a row at a time only for text and JSON that names the customer
(app/privacy/scrubbing.py says what "names" is). Erasing again finds nothing more; orders the customer makes
later carry what they give then.
"""

from __future__ import annotations

import json
from dataclasses import replace

from sqlalchemy import String, cast, delete, func, or_, select, update

from app.audit.models import AuditEntry
from app.checkout_sessions.models import CheckoutSession
from app.extensions import db
from app.ledger.wallet.models import WalletTransfer, WalletWithdrawal
from app.operations.manual_models import ManualAction
from app.orders.customers import parse_customer_id
from app.orders.models import Order, OrderTimelineEntry
from app.payments.integration_log import IntegrationLog
from app.payments.models import PaymentAttempt, Refund
from app.platform.db.types import utcnow
from app.platform.idempotency import IdempotencyKey
from app.platform.outbox.events import Event
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time
from app.privacy.models import CustomerErasure
from app.privacy.request_logs import blank_request_logs, carried, shopper_addresses
from app.privacy.scrubbing import ERASED, Personal, emails_in, scrub
from app.receipts.models import ReceiptEmail, SubscriptionEmail
from app.risk import velocity
from app.risk.assessment import values_named
from app.risk.models import RefundRequest, RiskRule
from app.signing.models import Subscription, SubscriptionTimelineEntry
from app.webhooks.models import WebhookDelivery, WebhookDeliveryAttempt


def erase_customer(merchant_id: str, customer_id: str, *, livemode: bool) -> CustomerErasure:
    """Blank the customer's personal data and record the erasure, in one transaction. ``livemode``: a live erasure
    covers the customer's live and test records (a person's data wherever it is); a test one the test records."""
    customer_id = parse_customer_id(customer_id, param="customer")
    modes = (True, False) if livemode else (False,)
    orders = select(Order.id).where(
        Order.merchant_id == merchant_id, Order.customer_id == customer_id, Order.livemode.in_(modes)
    )
    subscriptions = select(Subscription.id).where(
        Subscription.merchant_id == merchant_id,
        Subscription.customer_id == customer_id,
        Subscription.livemode.in_(modes),
    )
    sessions = select(CheckoutSession.id).where(
        CheckoutSession.merchant_id == merchant_id,
        CheckoutSession.customer_id == customer_id,
        CheckoutSession.livemode.in_(modes),
    )
    identity = _identity(merchant_id, customer_id, modes, orders, subscriptions)
    logged = carried(
        merchant_id, modes, identity, {"orders": orders, "subscriptions": subscriptions, "checkout_sessions": sessions}
    )
    personal = replace(identity, origins=_origins(merchant_id, customer_id, modes, orders, logged))
    attempts = select(PaymentAttempt.id).where(PaymentAttempt.order_id.in_(orders))
    events = _events_about(merchant_id, modes, orders, personal)
    transfers = select(WalletTransfer.id).where(
        WalletTransfer.merchant_id == merchant_id,
        WalletTransfer.livemode.in_(modes),
        (WalletTransfer.from_customer == customer_id) | (WalletTransfer.to_customer == customer_id),
    )
    erased = {
        "orders": _blank(Order, Order.customer_email, merchant_id, customer_id, modes),
        "subscriptions": _blank(Subscription, Subscription.customer_email, merchant_id, customer_id, modes),
        "checkout_sessions": _blank(CheckoutSession, CheckoutSession.customer_email, merchant_id, customer_id, modes),
        "emails": _erase_emails(orders, subscriptions),
        "refund_requests": db.session.execute(
            update(RefundRequest)
            .where(
                RefundRequest.order_id.in_(orders),
                or_(RefundRequest.reason != ERASED, RefundRequest.ip.is_not(None), RefundRequest.device.is_not(None)),
            )
            .values(reason=ERASED, ip=None, device=None)
            .execution_options(synchronize_session=False)
        ).rowcount,
        # The mark stays (not NULL): a repeated callback screens a card only while the attempt has none.
        "payments": db.session.execute(
            update(PaymentAttempt)
            .where(PaymentAttempt.order_id.in_(orders), PaymentAttempt.card_fingerprint != ERASED)
            .values(card_fingerprint=ERASED)
            .execution_options(synchronize_session=False)
        ).rowcount,
        "integration_logs": _scrub_texts(
            (IntegrationLog.merchant_id == merchant_id) & IntegrationLog.attempt_id.in_(attempts),
            personal,
            IntegrationLog.request_body,
            IntegrationLog.response_body,
            IntegrationLog.url,
        ),
        "refunds": _scrub_texts(Refund.order_id.in_(orders), personal, Refund.reason),
        "timeline_entries": (
            _scrub_texts(OrderTimelineEntry.order_id.in_(orders), personal, OrderTimelineEntry.reason)
            + _scrub_texts(
                SubscriptionTimelineEntry.subscription_id.in_(subscriptions), personal, SubscriptionTimelineEntry.reason
            )
        ),
        # Kassa's risk notes name the email, address, device or card that matched; the notes stay (why the order
        # was held), without the value. Locked, so the copy rewritten is the latest: a payment deciding the order's
        # risk at this moment (a card on the block list) commits first and is read, or waits; never written over.
        "risk_assessments": _scrub_json(Order.id.in_(orders), personal, Order.risk, locked=True),
        # A merchant's server may answer a delivery with what it was sent (or an error quoting it). Before the
        # events: some are found by the email they still hold.
        "webhook_attempts": _scrub_texts(
            WebhookDeliveryAttempt.delivery_id.in_(
                select(WebhookDelivery.id).where(WebhookDelivery.event_id.in_(select(Event.id).where(events)))
            ),
            personal,
            WebhookDeliveryAttempt.response_excerpt,
            WebhookDeliveryAttempt.error,
        ),
        "events": _scrub_events(events, personal),
        "api_request_logs": blank_request_logs(logged),
        "idempotent_responses": _scrub_stored_responses(merchant_id, modes, personal),
        # What the merchant's people wrote about the customer: the notes stay, without the customer's values.
        "notes": (
            _scrub_texts(ManualAction.order_id.in_(orders), personal, ManualAction.reason)
            + _scrub_json(ManualAction.order_id.in_(orders), personal, ManualAction.params)
            + _scrub_texts(WalletTransfer.id.in_(transfers), personal, WalletTransfer.description)
        ),
        "audit_entries": _scrub_audit_entries(
            merchant_id,
            {
                "order": orders,
                "subscription": subscriptions,
                "checkout_session": sessions,
                "refund": select(Refund.id).where(Refund.order_id.in_(orders)),
                "payment_attempt": attempts,
                "refund_request": select(RefundRequest.id).where(RefundRequest.order_id.in_(orders)),
                "manual_action": select(ManualAction.id).where(ManualAction.order_id.in_(orders)),
                "wallet_transfer": transfers,
                "wallet_withdrawal": select(WalletWithdrawal.id).where(
                    WalletWithdrawal.merchant_id == merchant_id,
                    WalletWithdrawal.customer_id == customer_id,
                    WalletWithdrawal.livemode.in_(modes),
                ),
            },
            personal,
        ),
        # Last, so a failure above leaves the counters too; a Redis that is down fails the erasure (503, retry).
        "risk_counters": velocity.forget(
            merchant_id,
            personal.emails | personal.origins,
            keep_rules=db.session.scalars(
                select(RiskRule.id).where(RiskRule.merchant_id == merchant_id, RiskRule.livemode.not_in(modes))
            ),
        ),
    }
    erasure = CustomerErasure(
        id=new_id("era"),
        merchant_id=merchant_id,
        customer_id=customer_id,
        livemode=livemode,
        erased=erased,
        created_at=utcnow(),
    )
    db.session.add(erasure)
    db.session.commit()
    return erasure


def latest_erasure(merchant_id: str, customer_id: str) -> dict | None:
    """The customer's last erasure as the audit log records it (before and after an erasure)."""
    erasure = db.session.scalar(
        select(CustomerErasure)
        .where(CustomerErasure.merchant_id == merchant_id, CustomerErasure.customer_id == customer_id)
        .order_by(CustomerErasure.id.desc())
        .limit(1)
    )
    return None if erasure is None else {"erasure": erasure.id, "livemode": erasure.livemode, **erasure.erased}


def erasure_json(erasure: CustomerErasure) -> dict:
    return {
        "id": erasure.id,
        "object": "customer_erasure",
        "customer": erasure.customer_id,
        "livemode": erasure.livemode,
        "erased": erasure.erased,
        "created_at": iso_time(erasure.created_at),
    }


def _identity(merchant_id: str, customer_id: str, modes: tuple[bool, ...], orders, subscriptions) -> Personal:
    """The emails the customer gave, those written in the notes about their orders, and what they typed into
    their refund requests."""
    found: set[str] = set()
    for model in (Order, Subscription, CheckoutSession):
        found.update(
            db.session.scalars(
                select(model.customer_email)
                .distinct()
                .where(
                    model.merchant_id == merchant_id,
                    model.customer_id == customer_id,
                    model.livemode.in_(modes),
                    model.customer_email.is_not(None),
                )
            )
        )
    found.update(db.session.scalars(select(ReceiptEmail.recipient).distinct().where(ReceiptEmail.order_id.in_(orders))))
    found.update(
        db.session.scalars(
            select(SubscriptionEmail.recipient).distinct().where(SubscriptionEmail.subscription_id.in_(subscriptions))
        )
    )
    typed = set(
        db.session.scalars(
            select(RefundRequest.reason)
            .distinct()
            .where(RefundRequest.order_id.in_(orders), RefundRequest.reason != ERASED)
        )
    )
    notes = [*typed, *_risk_named(orders)]
    for column, owned in (
        (Refund.reason, Refund.order_id.in_(orders)),
        (OrderTimelineEntry.reason, OrderTimelineEntry.order_id.in_(orders)),
        (ManualAction.reason, ManualAction.order_id.in_(orders)),
    ):
        notes += db.session.scalars(select(column).where(owned, column.contains("@")))
    emails = {email.lower() for email in found if email}
    return Personal(
        customer_id, frozenset(emails), mentioned=frozenset(emails_in(notes) - emails), typed=frozenset(typed)
    )


def _origins(merchant_id: str, customer_id: str, modes: tuple[bool, ...], orders, logged) -> frozenset[str]:
    """The addresses and devices the customer's requests came from (their refund requests', their own calls to
    the API, those a blocked attempt of theirs was made from, and those Kassa's risk notes on their orders name),
    and the fingerprints of the cards they paid with."""
    found = {
        value
        for row in db.session.execute(
            select(RefundRequest.ip, RefundRequest.device).where(RefundRequest.order_id.in_(orders))
        )
        for value in row
        if value
    }
    found |= shopper_addresses(logged)
    found.update(
        db.session.scalars(
            select(PaymentAttempt.card_fingerprint).where(
                PaymentAttempt.order_id.in_(orders), PaymentAttempt.card_fingerprint != ERASED
            )
        )
    )
    blocked = db.session.scalars(
        select(Event.data).where(
            Event.merchant_id == merchant_id,
            Event.livemode.in_(modes),
            Event.type == "risk.blocked",
            cast(Event.data, String).contains(json.dumps(customer_id), autoescape=True),
        )
    )
    found |= {
        value
        for data in blocked
        for key in ("ip", "device")
        if isinstance(value := (data.get("object") or {}).get(key), str)
    }
    return frozenset(found | {value for value in _risk_named(orders) if "@" not in value})


def _risk_named(orders) -> set[str]:
    assessments = db.session.scalars(select(Order.risk).where(Order.id.in_(orders), Order.risk.is_not(None)))
    named = values_named(reason for risk in assessments for reason in (risk or {}).get("reasons") or ())
    return named - {ERASED}  # erased already


def _blank(model: type, column, merchant_id: str, customer_id: str, modes: tuple[bool, ...]) -> int:
    return db.session.execute(
        update(model)
        .where(
            model.merchant_id == merchant_id,
            model.customer_id == customer_id,
            model.livemode.in_(modes),
            column.is_not(None),
        )
        .values({column.key: None})
        .execution_options(synchronize_session=False)
    ).rowcount


def _erase_emails(orders, subscriptions) -> int:
    """Receipts and subscription emails: a sent one keeps its row (its message id answers a later duplicate job)
    without the address; one not sent yet is dropped: there is no one to send it to any more."""
    erased = 0
    for model, owned in (
        (ReceiptEmail, ReceiptEmail.order_id.in_(orders)),
        (SubscriptionEmail, SubscriptionEmail.subscription_id.in_(subscriptions)),
    ):
        erased += db.session.execute(
            delete(model).where(owned, model.status != "sent").execution_options(synchronize_session=False)
        ).rowcount
        erased += db.session.execute(
            update(model)
            .where(owned, model.recipient != "")
            .values(recipient="")
            .execution_options(synchronize_session=False)
        ).rowcount
    return erased


def _scrub_texts(owned, personal: Personal, *columns) -> int:
    """The rows (of one model) that are the customer's (``owned``) and whose free-text ``columns`` name them:
    rewritten without it."""
    needles = personal.text_needles()
    if not needles:
        return 0
    changed = 0
    named = [func.lower(column).contains(needle, autoescape=True) for column in columns for needle in needles]
    for row in db.session.scalars(select(columns[0].class_).where(owned, or_(*named))):
        texts = {column.key: getattr(row, column.key) for column in columns}
        scrubbed = {key: text if text is None else personal.text(text) for key, text in texts.items()}
        if scrubbed != texts:
            for key, text in scrubbed.items():
                setattr(row, key, text)
            changed += 1
    return changed


def _scrub_json(owned, personal: Personal, column, *, locked: bool = False) -> int:
    """The rows that are the customer's (``owned``) with a JSON ``column`` naming them: rewritten without.
    ``locked``: read FOR UPDATE, for a column that payments also rewrite."""
    query = select(column.class_).where(owned, column.is_not(None))
    if locked:
        query = query.with_for_update().execution_options(populate_existing=True)
    changed = 0
    for row in db.session.scalars(query):
        value = getattr(row, column.key)
        scrubbed = scrub(value, personal)
        if scrubbed != value:
            setattr(row, column.key, scrubbed)
            changed += 1
    return changed


def _events_about(merchant_id: str, modes: tuple[bool, ...], orders, personal: Personal):
    """The events that may hold the customer's data: about one of their orders, or whose text names them (the
    database narrows; ``scrub`` decides)."""
    text = cast(Event.data, String)
    return (
        (Event.merchant_id == merchant_id)
        & Event.livemode.in_(modes)
        & or_(Event.order_id.in_(orders), *(text.contains(needle, autoescape=True) for needle in personal.needles()))
    )


def _scrub_events(about, personal: Personal) -> int:
    changed = 0
    for event in db.session.scalars(select(Event).where(about).execution_options(yield_per=500)):
        scrubbed = scrub(event.data, personal)
        if scrubbed != event.data:
            event.data = scrubbed
            changed += 1
    return changed


def _scrub_stored_responses(merchant_id: str, modes: tuple[bool, ...], personal: Personal) -> int:
    """The responses kept 24 h for ``Idempotency-Key`` replays: a replay answers the same, without the data. The
    record keeps no mode of its own, so the answer's objects tell it: a test erasure leaves any live one alone."""
    stored = db.session.scalars(
        select(IdempotencyKey).where(
            IdempotencyKey.merchant_id == merchant_id,
            or_(*(IdempotencyKey.response_body.contains(needle, autoescape=True) for needle in personal.needles())),
        )
    )
    changed = 0
    for record in stored:
        try:
            body = json.loads(record.response_body)
        except ValueError:
            continue  # not JSON: no structure to scrub
        if _modes_in(body) - set(modes):
            continue
        scrubbed = scrub(body, personal)
        if scrubbed != body:
            record.response_body = json.dumps(scrubbed)
            changed += 1
    return changed


def _scrub_audit_entries(merchant_id: str, audited: dict, personal: Personal) -> int:
    """The audit log keeps an audited object (an order, a refund, a maintenance action with its reason...) as it
    was before and after the change: those copies lose what the rows lost; the entry still says who did what.
    ``audited``: {object type: a select of the customer's ids of it}."""
    entries = db.session.scalars(
        select(AuditEntry).where(
            AuditEntry.merchant_id == merchant_id,
            or_(*((AuditEntry.object_type == kind) & AuditEntry.object_id.in_(ids) for kind, ids in audited.items())),
        )
    )
    changed = 0
    for entry in entries:
        before, after = (scrub(state, personal) for state in (entry.before, entry.after))
        if (before, after) != (entry.before, entry.after):
            entry.before, entry.after = before, after
            changed += 1
    return changed


def _modes_in(value: object) -> set[bool]:
    """The modes (``livemode``) the objects of a JSON answer are in."""
    if isinstance(value, dict):
        found = {value["livemode"]} if isinstance(value.get("livemode"), bool) else set()
        return found.union(*(_modes_in(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_modes_in(item) for item in value))
    return set()
