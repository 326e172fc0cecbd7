"""Mandates at the sandbox provider: asked for with a payment, signed when the shopper approves it,
deducted against without the shopper, revocable by the shopper (the merchant is told by callback) and
cancelable by the merchant (when the subscription it paid for ends)."""

from __future__ import annotations

import json
import secrets
import time
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sandbox.callbacks import CallbackEvent, dispatch_callback
from sandbox.models import Mandate, Payment, random_suffix, utcnow
from sandbox.runtime import SandboxRuntime
from sandbox.services import SandboxError, load_callback_secret, new_payment_id


class MandateNotFound(SandboxError):
    def __init__(self) -> None:
        super().__init__(404, "resource_missing", "No such mandate.", "id")


def new_mandate_id() -> str:
    return "mdt_" + random_suffix()


def request_mandate(session: Session, payment: Payment, terms: str, callback_url: str) -> Mandate:
    """Attach a pending mandate to a new payment (once; a retried create keeps the first)."""
    existing = mandate_of_payment(session, payment.id)
    if existing is not None:
        return existing
    mandate = Mandate(
        id=new_mandate_id(),
        account_id=payment.account_id,
        payment_id=payment.id,
        terms=terms,
        callback_url=callback_url,
        status="pending",
    )
    session.add(mandate)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return mandate_of_payment(session, payment.id)
    return mandate


def mandate_of_payment(session: Session, payment_id: str) -> Mandate | None:
    return session.scalar(select(Mandate).where(Mandate.payment_id == payment_id))


# Every decision asks it (most payments have no mandate): built once.
_SETTLE = (
    update(Mandate.__table__)
    .where(Mandate.__table__.c.payment_id == bindparam("b_payment"), Mandate.__table__.c.status == "pending")
    .values(status=bindparam("b_status"))
)


def settle_mandate(session: Session, payment: Payment) -> None:
    """A decided payment signs its pending mandate (approved) or declines it, in the caller's transaction."""
    session.execute(
        _SETTLE, {"b_payment": payment.id, "b_status": "active" if payment.status == "succeeded" else "declined"}
    )


def get_mandate(session: Session, mandate_id: str, account_id: int | None = None) -> Mandate:
    mandate = session.get(Mandate, mandate_id)
    if mandate is None or (account_id is not None and mandate.account_id != account_id):
        raise MandateNotFound()
    return mandate


def mandate_object(mandate: Mandate) -> dict[str, Any]:
    return {
        "id": mandate.id,
        "object": "mandate",
        "status": mandate.status,
        "terms": mandate.terms,
        "payment": mandate.payment_id,
    }


def deduct(
    session: Session, mandate: Mandate, *, amount: int, currency: str, reference: str, description: str
) -> tuple[Payment, bool]:
    """Charge the mandate at once: a payment decided in the call (declined when the mandate is not active or
    the test control says so). The reference makes a retried deduction return the first one."""
    existing = session.scalar(
        select(Payment).where(Payment.account_id == mandate.account_id, Payment.reference == reference)
    )
    if existing is not None:
        return existing, False
    declined = mandate.status != "active"
    if not declined and mandate.fail_next > 0:
        # Only one concurrent deduction may use up a planned decline.
        declined = (
            session.execute(
                update(Mandate)
                .where(Mandate.id == mandate.id, Mandate.fail_next > 0)
                .values(fail_next=Mandate.fail_next - 1)
            ).rowcount
            == 1
        )
    payment = Payment(
        id=new_payment_id(),
        account_id=mandate.account_id,
        amount=amount,
        currency=currency,
        reference=reference,
        description=description or f"Deduction on {mandate.id}",
        return_url="https://sandbox.invalid/none",
        callback_url=mandate.callback_url,
        method="card",
        status="failed" if declined else "succeeded",
        decided_at=utcnow(),
    )
    session.add(payment)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return session.scalar(
            select(Payment).where(Payment.account_id == mandate.account_id, Payment.reference == reference)
        ), False
    return payment, True


# What a merchant's cancel ends: a signed mandate, or one whose payment is not decided yet (it then never signs).
# A revoked or declined one is already over and stays as it is.
CANCELABLE = ("active", "pending")


def cancel(session: Session, mandate: Mandate) -> Mandate:
    """The merchant ends the agreement: no deduction goes through it again. Safe to repeat: a canceled mandate
    (or one the shopper revoked first) is answered as it is."""
    session.execute(
        update(Mandate).where(Mandate.id == mandate.id, Mandate.status.in_(CANCELABLE)).values(status="canceled")
    )
    session.commit()
    return session.get(Mandate, mandate.id, populate_existing=True)


def revoke(runtime: SandboxRuntime, mandate_id: str) -> Mandate:
    """The shopper withdraws the mandate; the merchant hears of it by a signed ``mandate.revoked`` callback."""
    with runtime.session_factory() as session:
        mandate = get_mandate(session, mandate_id)
        changed = session.execute(
            update(Mandate)
            .where(Mandate.id == mandate_id, Mandate.status == "active")
            .values(status="revoked", revoked_at=utcnow())
        ).rowcount
        session.commit()
        mandate = session.get(Mandate, mandate_id, populate_existing=True)
        secret = load_callback_secret(session, mandate.account_id)
    if changed:
        event_id = "evt_" + secrets.token_hex(12)
        body = json.dumps(
            {"id": event_id, "type": "mandate.revoked", "created": int(time.time()), "data": mandate_object(mandate)},
            separators=(",", ":"),
            sort_keys=True,
        ).encode()
        dispatch_callback(
            runtime.session_factory,
            CallbackEvent(
                event_id=event_id, payment_id=mandate.payment_id, url=mandate.callback_url, secret=secret, body=body
            ),
            "normal",
            0,
        )
    return mandate
