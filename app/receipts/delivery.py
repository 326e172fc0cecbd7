"""Sending one email exactly once, whatever retries and duplicated jobs do: the rules receipts and subscription
emails share.

An email is a row (``MailDelivery``): a job claims it by a conditional UPDATE (not sent, not claimed by a live job,
due, tries left), sends with no transaction open, then records the outcome. A mail server that does not take it is
tried again after RECEIPT_RETRY_BASE_SECONDS, doubling (capped at 6 h), up to RECEIPT_MAX_ATTEMPTS tries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from email.errors import MessageError
from email.headerregistry import Address
from email.message import EmailMessage
from logging import Logger
from typing import Any, Callable

from flask import current_app
from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import InstrumentedAttribute

from app.extensions import db
from app.platform.db.types import utcnow
from app.platform.queueing import BATCH, enqueue, enqueue_in
from app.receipts.mailer import Mailer, MailFailed
from app.receipts.test_mode import WITHHELD

MAX_RETRY_DELAY = timedelta(hours=6)
# How long one send may take before another job may try the email again (the worker may have died mid-send).
CLAIM_LEASE = timedelta(minutes=2)
# An email queued this long ago and still not tried lost its job (Redis was down): the sweep queues it again.
_STALE_PENDING = timedelta(minutes=1)
# RQ's scheduler keeps whole seconds: a retry's job may start a moment before its recorded time.
_SCHEDULER_SLACK = timedelta(seconds=2)


@dataclass(frozen=True)
class MailKind:
    """One kind of email: its table's key column, the job that sends one by that key, and its name in the log."""

    key: InstrumentedAttribute
    job: str
    what: str
    log: Logger


def retry_delay(attempts: int) -> timedelta:
    """Wait after the ``attempts``-th failed send: base, 2×base, 4×base, … capped at 6 h."""
    base = current_app.config["RECEIPT_RETRY_BASE_SECONDS"]
    return min(timedelta(seconds=base * 2 ** min(attempts - 1, 30)), MAX_RETRY_DELAY)


def _max_attempts() -> int:
    return current_app.config["RECEIPT_MAX_ATTEMPTS"]


def _due(model: Any, now: datetime) -> Any:
    """Not sent, not claimed by a live job, due."""
    return or_(
        model.status == "pending",
        and_(model.status == "failed", model.next_attempt_at <= now + _SCHEDULER_SLACK),
        and_(model.status == "sending", model.claimed_until < now),
    )


def claim(mail: MailKind, value: str, now: datetime) -> bool:
    """Take the email whose key is ``value`` for one send; commits."""
    key, model = mail.key, mail.key.class_
    claimed = db.session.execute(
        update(model)
        .where(key == value, _due(model, now), model.attempts < _max_attempts())
        .values(status="sending", claimed_until=now + CLAIM_LEASE, attempts=model.attempts + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    return bool(claimed)


def withhold(mail: MailKind, value: str, reason: str, fields: dict) -> str:
    """Keep the email back for good instead of sending it (test mode, app/receipts/test_mode.py): it stays, with
    why, for the merchant to see; commits and returns its status."""
    model = mail.key.class_
    withheld = db.session.execute(
        update(model)
        .where(mail.key == value, _due(model, utcnow()))
        .values(status=WITHHELD, claimed_until=None, next_attempt_at=None, last_error=reason[:500])
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.commit()
    if withheld:
        mail.log.info(f"{mail.what} withheld in test mode", extra={"fields": fields})
    return db.session.scalar(select(model.status).where(mail.key == value).execution_options(populate_existing=True))


def mark_sent(key: InstrumentedAttribute, value: str) -> None:
    """The mail server took the claimed email; commits."""
    model = key.class_
    db.session.execute(
        update(model)
        .where(key == value, model.status == "sending")
        .values(status="sent", sent_at=utcnow(), claimed_until=None, last_error=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()


def send_claimed(
    mail: MailKind, row: Any, mailer: Mailer, compose: Callable[[Address], EmailMessage], fields: dict
) -> str:
    """Send the email ``row`` this job claimed: ``compose`` writes it to its checked address; it goes to the mail
    server with no transaction open, and the outcome is recorded. Returns "sent" or "failed"."""
    value = getattr(row, mail.key.key)
    try:
        recipient = Address(addr_spec=row.recipient)
    except (ValueError, MessageError) as exc:  # the API only checks an email has an @: no retry makes it one
        return record_failure(mail, value, row.attempts, f"not an email address: {exc}", fields, final=True)
    message = compose(recipient)
    db.session.commit()  # no transaction stays open while the mail server is called
    try:
        mailer.send(message)
    except MailFailed as exc:
        return record_failure(mail, value, row.attempts, str(exc), fields)
    mark_sent(mail.key, value)
    mail.log.info(f"{mail.what} sent", extra={"fields": fields})
    return "sent"


def record_failure(mail: MailKind, value: str, attempts: int, error: str, fields: dict, *, final: bool = False) -> str:
    """Note the failed try and schedule the next one, or give up (the tries ran out, or ``final``); commits and
    returns "failed"."""
    model, log, what = mail.key.class_, mail.log, mail.what
    last = final or attempts >= _max_attempts()
    delay = retry_delay(attempts)
    db.session.execute(
        update(model)
        .where(mail.key == value, model.status == "sending")
        .values(
            status="failed",
            claimed_until=None,
            last_error=error[:500],
            next_attempt_at=None if last else utcnow() + delay,
        )
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    if last:
        log.error(f"{what} not sent, giving up", extra={"fields": {**fields, "error": error}})
        return "failed"
    log.warning(
        f"{what} not sent, trying again later",
        extra={"fields": {**fields, "error": error, "retry_in_seconds": delay.total_seconds()}},
    )
    try:
        enqueue_in(delay, mail.job, value, lane=BATCH)
    except Exception:  # Redis down: the sweep finds the email when it is due
        log.warning(f"could not schedule the {what}'s next try", exc_info=True, extra={"fields": fields})
    return "failed"


def queue_due(mail: MailKind) -> int:
    """Sweep: queue the job of each email whose job was lost (never tried, a retry due, a claim expired)."""
    key, model = mail.key, mail.key.class_
    now = utcnow()
    due = list(
        db.session.scalars(
            select(key)
            .where(
                model.attempts < _max_attempts(),
                or_(
                    and_(model.status == "pending", model.created_at < now - _STALE_PENDING),
                    and_(model.status == "failed", model.next_attempt_at <= now),
                    and_(model.status == "sending", model.claimed_until < now),
                ),
            )
            .limit(500)
        )
    )
    for value in due:
        enqueue(mail.job, value, lane=BATCH)
    return len(due)
