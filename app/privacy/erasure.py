"""Erase one customer's personal data (a shopper's right to erasure): their email on orders, subscriptions and
checkout sessions, the address their receipts and subscription emails went to, the IP address and device of their
refund requests and risk records, the same in the events and webhook payloads Kassa keeps and in the responses
kept for idempotent replays, and the API request log bodies that carried them. What the merchant must keep stays:
the customer id (the merchant's own reference), orders, amounts, payments, refunds, entitlements and the ledger.
The merchant's risk lists are theirs (a blocked address stays blocked) and order ``metadata`` is what the
merchant's server wrote: neither is touched.

One transaction, set-based where the database can match the rows (columns), a row at a time only for the JSON of
events and stored responses that name the customer. Erasing again finds nothing more to blank; orders the customer
makes later carry what they give then.
"""
from __future__ import annotations

import json
from typing import Iterable
from urllib.parse import quote

from sqlalchemy import String, cast, delete, or_, select, update

from app.audit.models import AuditEntry
from app.checkout_sessions.models import CheckoutSession
from app.db_types import utcnow
from app.events import Event
from app.extensions import db
from app.idempotency import IdempotencyKey
from app.ids import new_id
from app.orders.customers import parse_customer_id
from app.orders.models import Order
from app.privacy.models import CustomerErasure
from app.receipts.models import ReceiptEmail, SubscriptionEmail
from app.request_log.models import ApiRequestLog
from app.risk.models import RefundRequest
from app.signing.models import Subscription

# Fields that hold a person's contact or network identity in an object about the customer (events keep them).
PERSONAL_FIELDS = frozenset({"email", "customer_email", "ip", "device"})


def erase_customer(merchant_id: str, customer_id: str, *, livemode: bool) -> CustomerErasure:
    """Blank the customer's personal data and record the erasure, in one transaction. ``livemode``: a live erasure
    covers the customer's live and test records (a person's data wherever it is); a test one the test records."""
    customer_id = parse_customer_id(customer_id, param="customer")
    modes = (True, False) if livemode else (False,)
    orders = select(Order.id).where(Order.merchant_id == merchant_id, Order.customer_id == customer_id,
                                    Order.livemode.in_(modes))
    subscriptions = select(Subscription.id).where(Subscription.merchant_id == merchant_id,
                                                  Subscription.customer_id == customer_id,
                                                  Subscription.livemode.in_(modes))
    emails = _known_emails(merchant_id, customer_id, modes, orders, subscriptions)
    erased = {
        "orders": _blank(Order, Order.customer_email, merchant_id, customer_id, modes),
        "subscriptions": _blank(Subscription, Subscription.customer_email, merchant_id, customer_id, modes),
        "checkout_sessions": _blank(CheckoutSession, CheckoutSession.customer_email, merchant_id, customer_id,
                                    modes),
        "emails": _erase_emails(orders, subscriptions),
        "refund_requests": db.session.execute(
            update(RefundRequest).where(RefundRequest.order_id.in_(orders),
                                        or_(RefundRequest.ip.is_not(None), RefundRequest.device.is_not(None)))
            .values(ip=None, device=None).execution_options(synchronize_session=False)).rowcount,
        "events": _scrub_events(merchant_id, customer_id, modes, emails),
        "api_request_logs": _blank_request_logs(merchant_id, customer_id, modes, emails),
        "idempotent_responses": _scrub_stored_responses(merchant_id, customer_id, modes, emails),
        "audit_entries": _scrub_audit_entries(merchant_id, customer_id, orders, subscriptions, emails),
    }
    erasure = CustomerErasure(id=new_id("era"), merchant_id=merchant_id, customer_id=customer_id, livemode=livemode,
                              erased=erased, created_at=utcnow())
    db.session.add(erasure)
    db.session.commit()
    return erasure


def latest_erasure(merchant_id: str, customer_id: str) -> dict | None:
    """The customer's last erasure as the audit log records it (before and after an erasure)."""
    erasure = db.session.scalar(select(CustomerErasure).where(CustomerErasure.merchant_id == merchant_id,
                                                              CustomerErasure.customer_id == customer_id)
                                .order_by(CustomerErasure.id.desc()).limit(1))
    return None if erasure is None else {"erasure": erasure.id, "livemode": erasure.livemode, **erasure.erased}


def erasure_json(erasure: CustomerErasure) -> dict:
    return {"id": erasure.id, "object": "customer_erasure", "customer": erasure.customer_id,
            "livemode": erasure.livemode, "erased": erasure.erased,
            "created_at": erasure.created_at.isoformat().replace("+00:00", "Z")}


def _known_emails(merchant_id: str, customer_id: str, modes: tuple[bool, ...], orders, subscriptions) -> set[str]:
    found: set[str] = set()
    for model in (Order, Subscription, CheckoutSession):
        found.update(db.session.scalars(select(model.customer_email).distinct().where(
            model.merchant_id == merchant_id, model.customer_id == customer_id, model.livemode.in_(modes),
            model.customer_email.is_not(None))))
    found.update(db.session.scalars(select(ReceiptEmail.recipient).distinct().where(ReceiptEmail.order_id.in_(orders))))
    found.update(db.session.scalars(select(SubscriptionEmail.recipient).distinct().where(
        SubscriptionEmail.subscription_id.in_(subscriptions))))
    return {email for email in found if email}


def _blank(model: type, column, merchant_id: str, customer_id: str, modes: tuple[bool, ...]) -> int:
    return db.session.execute(
        update(model).where(model.merchant_id == merchant_id, model.customer_id == customer_id,
                            model.livemode.in_(modes), column.is_not(None))
        .values({column.key: None}).execution_options(synchronize_session=False)).rowcount


def _erase_emails(orders, subscriptions) -> int:
    """Receipts and subscription emails: a sent one keeps its row (its message id answers a later duplicate job)
    without the address; one not sent yet is dropped: there is no one to send it to any more."""
    erased = 0
    for model, owned in ((ReceiptEmail, ReceiptEmail.order_id.in_(orders)),
                         (SubscriptionEmail, SubscriptionEmail.subscription_id.in_(subscriptions))):
        erased += db.session.execute(delete(model).where(owned, model.status != "sent")
                                     .execution_options(synchronize_session=False)).rowcount
        erased += db.session.execute(update(model).where(owned, model.recipient != "").values(recipient="")
                                     .execution_options(synchronize_session=False)).rowcount
    return erased


def _json_forms(value: str) -> set[str]:
    """``value`` as it may appear inside stored JSON text (quoted, escaped or not)."""
    return {json.dumps(value), json.dumps(value, ensure_ascii=False)}


def _scrub_events(merchant_id: str, customer_id: str, modes: tuple[bool, ...], emails: set[str]) -> int:
    # The database narrows to events whose text names the customer or one of their emails; Python decides.
    text = cast(Event.data, String)
    needles = _json_forms(customer_id) | {form for email in emails for form in _json_forms(email)}
    candidates = db.session.scalars(
        select(Event).where(Event.merchant_id == merchant_id, Event.livemode.in_(modes),
                            or_(*(text.contains(needle, autoescape=True) for needle in needles)))
        .execution_options(yield_per=500))
    lowered = {email.lower() for email in emails}
    changed = 0
    for event in candidates:
        scrubbed = scrub(event.data, customer_id, lowered)
        if scrubbed != event.data:
            event.data = scrubbed
            changed += 1
    return changed


def _scrub_stored_responses(merchant_id: str, customer_id: str, modes: tuple[bool, ...], emails: set[str]) -> int:
    """The responses kept 24 h for ``Idempotency-Key`` replays: a replay answers the same, without the data. The
    record keeps no mode of its own, so the answer's objects tell it: a test erasure leaves any live one alone."""
    needles = _json_forms(customer_id) | {form for email in emails for form in _json_forms(email)}
    stored = db.session.scalars(select(IdempotencyKey).where(
        IdempotencyKey.merchant_id == merchant_id,
        or_(*(IdempotencyKey.response_body.contains(needle, autoescape=True) for needle in needles))))
    lowered, changed = {email.lower() for email in emails}, 0
    for record in stored:
        try:
            body = json.loads(record.response_body)
        except ValueError:
            continue  # not JSON: no structure to scrub
        if _modes_in(body) - set(modes):
            continue
        scrubbed = scrub(body, customer_id, lowered)
        if scrubbed != body:
            record.response_body = json.dumps(scrubbed)
            changed += 1
    return changed


def _scrub_audit_entries(merchant_id: str, customer_id: str, orders, subscriptions, emails: set[str]) -> int:
    """The audit log keeps an audited order or subscription as it was before and after the change (its email
    too): those copies lose what the rows lost; the entry still says who did what."""
    entries = db.session.scalars(select(AuditEntry).where(
        AuditEntry.merchant_id == merchant_id,
        or_((AuditEntry.object_type == "order") & AuditEntry.object_id.in_(orders),
            (AuditEntry.object_type == "subscription") & AuditEntry.object_id.in_(subscriptions))))
    lowered, changed = {email.lower() for email in emails}, 0
    for entry in entries:
        before, after = (scrub(state, customer_id, lowered) for state in (entry.before, entry.after))
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


def scrub(value: object, customer_id: str, emails: set[str], *, about: bool = False) -> object:
    """``value`` (an event's JSON) with the customer's personal data nulled: the personal fields of any object
    about the customer (and of the objects inside it), and any string that is one of their ``emails``
    (lowercased)."""
    if isinstance(value, dict):
        about = about or _names_customer(value, customer_id)
        return {key: None if about and key in PERSONAL_FIELDS and isinstance(item, str)
                else scrub(item, customer_id, emails, about=about) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub(item, customer_id, emails, about=about) for item in value]
    if isinstance(value, str) and value.lower() in emails:
        return None
    return value


def _names_customer(obj: dict, customer_id: str) -> bool:
    customer = obj.get("customer")
    return (customer == customer_id or obj.get("customer_id") == customer_id
            or (isinstance(customer, dict) and customer.get("id") == customer_id))


def _blank_request_logs(merchant_id: str, customer_id: str, modes: tuple[bool, ...], emails: Iterable[str]) -> int:
    """The logged API requests and answers that carried the customer's id or email keep their method, path,
    status and timing; their bodies and query go."""
    needles = _json_forms(customer_id) | set(emails)
    carried = [column.contains(needle, autoescape=True)
               for needle in needles for column in (ApiRequestLog.request_body, ApiRequestLog.response_body)]
    carried += [ApiRequestLog.query.contains(f"customer={quote(needle, safe='')}", autoescape=True)
                for needle in {customer_id, *emails}]
    carried += [ApiRequestLog.path.contains(f"/customers/{customer_id}/", autoescape=True)]
    return db.session.execute(
        update(ApiRequestLog).where(ApiRequestLog.merchant_id == merchant_id, ApiRequestLog.livemode.in_(modes),
                                    or_(*carried),
                                    or_(ApiRequestLog.request_body.is_not(None),
                                        ApiRequestLog.response_body.is_not(None), ApiRequestLog.query.is_not(None)))
        .values(request_body=None, response_body=None, query=None)
        .execution_options(synchronize_session=False)).rowcount
