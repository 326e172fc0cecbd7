"""Email receipts: queued when an order is paid, sent by a job, exactly once, retried with backoff.

``order.paid`` (an outbox handler, so only once the payment is durable) queues the ``send_receipt`` job; the
payment never waits for the mail server. The job claims the order's ``receipt_emails`` row by a conditional
UPDATE, sends with no transaction open, then records the outcome: a retried or duplicated job finds the row
sent (or claimed) and sends nothing. A mail server that does not take the message is tried again after
RECEIPT_RETRY_BASE_SECONDS, doubling, up to RECEIPT_MAX_ATTEMPTS tries. Without SMTP_HOST nothing is sent
and the process says so once.
"""
from __future__ import annotations

from datetime import datetime, timedelta
from email.errors import MessageError
from email.headerregistry import Address

from flask import current_app
from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError

from app import logs
from app.db_types import utcnow
from app.events import Event, subscribe
from app.extensions import db
from app.orders.models import Order
from app.receipts.contents import PAID_STATUSES, build_receipt
from app.receipts.mailer import MailFailed, Mailer, mailer_from_config
from app.receipts.message import build_message, message_id_for
from app.receipts.models import ReceiptEmail

log = logs.get("receipts")

MAX_RETRY_DELAY = timedelta(hours=6)
# How long one send may take before another job may try the receipt again (the worker may have died mid-send).
CLAIM_LEASE = timedelta(minutes=2)
# A receipt queued this long ago and still not tried lost its job (Redis was down): the sweep queues it again.
_STALE_PENDING = timedelta(minutes=1)
_OFF_NOTED = "kassa.receipts_off_noted"
_SCHEDULER_SLACK = timedelta(seconds=2)
JOB = "app.jobs.send_receipt"


def retry_delay(attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failed send: base, 2×base, 4×base, … capped at 6 h."""
    base = current_app.config["RECEIPT_RETRY_BASE_SECONDS"]
    return min(timedelta(seconds=base * 2 ** min(attempts - 1, 30)), MAX_RETRY_DELAY)


def _wants_receipt(order: Order | None) -> bool:
    return order is not None and order.kind == "purchase" and bool(order.customer_email)


def receipt_recipient(order: Order) -> str | None:
    """Where this order's email receipt goes, or None when none will be sent (no email, not a purchase, no SMTP)."""
    if not _wants_receipt(order) or mailer_from_config(current_app.config) is None:
        return None
    return order.customer_email


def _mailer() -> Mailer | None:
    """The configured mailer; without one, say once per process that receipts are off."""
    mailer = mailer_from_config(current_app.config)
    if mailer is None and not current_app.extensions.get(_OFF_NOTED):
        current_app.extensions[_OFF_NOTED] = True
        log.warning("email receipts are off: SMTP_HOST is not set (docs/production.md, Email receipts)")
    return mailer


def _ensure_row(order: Order) -> None:
    """The order's receipt row, added if missing (the handler and the job may both get here first)."""
    if db.session.get(ReceiptEmail, order.id) is not None:
        return
    try:
        with db.session.begin_nested():
            db.session.add(ReceiptEmail(order_id=order.id, merchant_id=order.merchant_id,
                                        recipient=order.customer_email, status="pending", attempts=0,
                                        message_id=message_id_for(order.id, current_app.config["SMTP_FROM"]),
                                        created_at=utcnow()))
    except IntegrityError:
        pass  # the other one added it


# Only a purchase with the shopper's email gets a receipt (a copy of the order without the field: run it).
@subscribe("order.paid", applies=lambda order: order.get("kind", "purchase") == "purchase"
           and (order.get("customer") or {}).get("email", "unknown") is not None)
def queue_receipt(event: Event) -> None:
    """Outbox handler: a paid purchase with a shopper's email gets its receipt by email."""
    order = db.session.get(Order, event.data["object"]["id"])
    if not _wants_receipt(order) or _mailer() is None:
        return
    _ensure_row(order)
    from app.queueing import enqueue  # jobs sit above the domain

    # Redis down: this raises, and the dispatcher runs the handler again later.
    enqueue(JOB, order.id)


def _claim(order_id: str, now: datetime) -> bool:
    """Take the receipt for one send: not sent, not claimed by a live job, due, tries left."""
    # RQ's scheduler keeps whole seconds: a retry's job may start a moment before its recorded time.
    due = or_(ReceiptEmail.status == "pending",
              and_(ReceiptEmail.status == "failed", ReceiptEmail.next_attempt_at <= now + _SCHEDULER_SLACK),
              and_(ReceiptEmail.status == "sending", ReceiptEmail.claimed_until < now))
    claimed = db.session.execute(
        update(ReceiptEmail).where(ReceiptEmail.order_id == order_id, due,
                                   ReceiptEmail.attempts < current_app.config["RECEIPT_MAX_ATTEMPTS"])
        .values(status="sending", claimed_until=now + CLAIM_LEASE, attempts=ReceiptEmail.attempts + 1)
        .execution_options(synchronize_session=False)).rowcount
    db.session.commit()
    return bool(claimed)


def send_receipt(order_id: str) -> str:
    """Send one order's receipt unless it was sent (or is being sent); returns the receipt's status."""
    mailer = _mailer()
    order = db.session.get(Order, order_id)
    if mailer is None or not _wants_receipt(order) or order.status not in PAID_STATUSES:
        return "none"
    _ensure_row(order)
    db.session.commit()
    if not _claim(order_id, utcnow()):
        return db.session.get(ReceiptEmail, order_id, populate_existing=True).status
    row = db.session.get(ReceiptEmail, order_id, populate_existing=True)
    fields = {"order_id": order_id, "merchant_id": order.merchant_id, "attempt": row.attempts}
    try:
        recipient = Address(addr_spec=row.recipient)
    except (ValueError, MessageError) as exc:  # the API only checks an email has an @: no retry makes it one
        return _record_failure(row, f"not an email address: {exc}", fields, final=True)
    message = build_message(build_receipt(order), sender=current_app.config["SMTP_FROM"], recipient=recipient,
                            message_id=row.message_id)
    db.session.commit()  # no transaction stays open while the mail server is called
    try:
        mailer.send(message)
    except MailFailed as exc:
        return _record_failure(row, str(exc), fields)
    db.session.execute(update(ReceiptEmail).where(ReceiptEmail.order_id == order_id, ReceiptEmail.status == "sending")
                       .values(status="sent", sent_at=utcnow(), claimed_until=None, last_error=None)
                       .execution_options(synchronize_session=False))
    db.session.commit()
    log.info("receipt sent", extra={"fields": fields})
    return "sent"


def _record_failure(row: ReceiptEmail, error: str, fields: dict, *, final: bool = False) -> str:
    """Note the failed try and schedule the next one, or give up (the tries ran out, or ``final``)."""
    attempts = row.attempts
    last = final or attempts >= current_app.config["RECEIPT_MAX_ATTEMPTS"]
    delay = retry_delay(attempts)
    db.session.execute(update(ReceiptEmail).where(ReceiptEmail.order_id == row.order_id,
                                                  ReceiptEmail.status == "sending")
                       .values(status="failed", claimed_until=None, last_error=error[:500],
                               next_attempt_at=None if last else utcnow() + delay)
                       .execution_options(synchronize_session=False))
    db.session.commit()
    if last:
        log.error("receipt not sent, giving up", extra={"fields": {**fields, "error": error}})
        return "failed"
    log.warning("receipt not sent, trying again later", extra={"fields": {**fields, "error": error,
                                                                         "retry_in_seconds": delay.total_seconds()}})
    from app.queueing import enqueue_in

    try:
        enqueue_in(delay, JOB, row.order_id)
    except Exception:  # Redis down: the sweep finds the receipt when it is due
        log.warning("could not schedule the receipt's next try", exc_info=True, extra={"fields": fields})
    return "failed"


def queue_due_receipts() -> int:
    """Sweep: queue receipts whose job was lost (never tried, a retry due, a claim expired); returns how many."""
    if mailer_from_config(current_app.config) is None:
        return 0
    now = utcnow()
    due = list(db.session.scalars(select(ReceiptEmail.order_id).where(
        ReceiptEmail.attempts < current_app.config["RECEIPT_MAX_ATTEMPTS"],
        or_(and_(ReceiptEmail.status == "pending", ReceiptEmail.created_at < now - _STALE_PENDING),
            and_(ReceiptEmail.status == "failed", ReceiptEmail.next_attempt_at <= now),
            and_(ReceiptEmail.status == "sending", ReceiptEmail.claimed_until < now))).limit(500)))
    from app.queueing import enqueue

    for order_id in due:
        enqueue(JOB, order_id)
    return len(due)
