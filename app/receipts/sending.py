"""Email receipts: queued when an order is paid, sent by a job, exactly once, retried with backoff.

``order.paid`` (an outbox handler, so only once the payment is durable) queues the ``send_receipt`` job; the
payment never waits for the mail server. The job claims the order's ``receipt_emails`` row by a conditional
UPDATE, sends with no transaction open, then records the outcome: a retried or duplicated job finds the row
sent (or claimed) and sends nothing. A mail server that does not take the message is tried again after
RECEIPT_RETRY_BASE_SECONDS, doubling, up to RECEIPT_MAX_ATTEMPTS tries (app/receipts/delivery.py). Without
SMTP_HOST nothing is sent and the process says so once.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.orders.models import Order
from app.orders.state import PAID_STATUSES
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event, subscribe
from app.platform.queueing import BATCH, enqueue
from app.receipts import delivery
from app.receipts.contents import build_receipt
from app.receipts.mailer import Mailer, mailer_from_config
from app.receipts.message import build_message, message_id_for
from app.receipts.models import ReceiptEmail
from app.receipts.test_mode import WITHHELD_REASON, withheld_in_test_mode

log = logs.get("receipts")

_OFF_NOTED = "kassa.receipts_off_noted"
JOB = "app.jobs.send_receipt"
MAIL = delivery.MailKind(ReceiptEmail.order_id, JOB, "receipt", log)


def _wants_receipt(order: Order | None) -> bool:
    return order is not None and order.kind == "purchase" and bool(order.customer_email)


def receipt_recipient(order: Order) -> str | None:
    """Where this order's email receipt goes, or None when none will be sent (no email, not a purchase, no SMTP, a
    test order's address outside the merchant's team)."""
    if (
        not _wants_receipt(order)
        or mailer_from_config(current_app.config) is None
        or withheld_in_test_mode(order.merchant_id, order.livemode, order.customer_email)
    ):
        return None
    return order.customer_email


def receipt_email_of(order_id: str) -> ReceiptEmail | None:
    """The order's receipt email as it stands (sent, waiting, failed, or withheld in test mode), if it has one."""
    return db.session.get(ReceiptEmail, order_id)


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
            db.session.add(
                ReceiptEmail(
                    order_id=order.id,
                    merchant_id=order.merchant_id,
                    recipient=order.customer_email,
                    status="pending",
                    attempts=0,
                    message_id=message_id_for(order.id, current_app.config["SMTP_FROM"]),
                    created_at=utcnow(),
                )
            )
    except IntegrityError:
        pass  # the other one added it


# Only a purchase with the shopper's email gets a receipt (a copy of the order without the field: run it).
@subscribe(
    "order.paid",
    applies=lambda order: (
        order.get("kind", "purchase") == "purchase"
        and (order.get("customer") or {}).get("email", "unknown") is not None
    ),
)
def queue_receipt(event: Event) -> None:
    """Outbox handler: a paid purchase with a shopper's email gets its receipt by email."""
    order = db.session.get(Order, event.data["object"]["id"])
    if not _wants_receipt(order) or _mailer() is None:
        return
    _ensure_row(order)
    # Redis down: this raises, and the dispatcher runs the handler again later.
    enqueue(JOB, order.id, lane=BATCH)


def send_receipt(order_id: str) -> str:
    """Send one order's receipt unless it was sent (or is being sent); returns the receipt's status."""
    mailer = _mailer()
    order = db.session.get(Order, order_id)
    if mailer is None or not _wants_receipt(order) or order.status not in PAID_STATUSES:
        return "none"
    _ensure_row(order)
    db.session.commit()
    row = db.session.get(ReceiptEmail, order_id)
    if withheld_in_test_mode(order.merchant_id, order.livemode, row.recipient):
        return delivery.withhold(
            MAIL, order_id, WITHHELD_REASON, {"order_id": order_id, "merchant_id": order.merchant_id}
        )
    if not delivery.claim(MAIL, order_id, utcnow()):
        return db.session.get(ReceiptEmail, order_id, populate_existing=True).status
    row = db.session.get(ReceiptEmail, order_id, populate_existing=True)
    fields = {"order_id": order_id, "merchant_id": order.merchant_id, "attempt": row.attempts}
    receipt = build_receipt(order)
    return delivery.send_claimed(
        MAIL,
        row,
        mailer,
        lambda recipient: build_message(
            receipt, sender=current_app.config["SMTP_FROM"], recipient=recipient, message_id=row.message_id
        ),
        fields,
    )


def queue_due_receipts() -> int:
    """Sweep: queue receipts whose job was lost (never tried, a retry due, a claim expired); returns how many."""
    if mailer_from_config(current_app.config) is None:
        return 0
    return delivery.queue_due(MAIL)
