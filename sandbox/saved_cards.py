"""Saved cards at the sandbox provider, as a real card processor keeps them: a payment asks for its card to be kept
(``save_card``), the shopper's approval saves it, and the merchant charges it again while the shopper is at the
checkout (``card``), decided in the call unless the issuer asks the shopper to authenticate on the provider's page.
The merchant detaches a card when the shopper removes it; a detached card is never charged again."""

from __future__ import annotations

from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sandbox.models import Payment, SavedCard, random_suffix
from sandbox.services import PaymentRequest, SandboxError, create_payment, decide_payment

NEXT_CHARGES = ("authentication_required", "declined")


class CardNotFound(SandboxError):
    def __init__(self, param: str = "id") -> None:
        super().__init__(404, "resource_missing", "No such saved card.", param)


def request_saving(session: Session, payment: Payment) -> SavedCard:
    """Attach a pending saved card to a new payment (once; a retried create keeps the first)."""
    existing = card_of_payment(session, payment.id)
    if existing is not None:
        return existing
    card = SavedCard(id="card_" + random_suffix(), account_id=payment.account_id, payment_id=payment.id)
    session.add(card)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return card_of_payment(session, payment.id)
    return card


def card_of_payment(session: Session, payment_id: str) -> SavedCard | None:
    return session.scalar(select(SavedCard).where(SavedCard.payment_id == payment_id))


_SETTLE = (
    update(SavedCard.__table__)
    .where(SavedCard.__table__.c.payment_id == bindparam("b_payment"), SavedCard.__table__.c.status == "pending")
    .values(status=bindparam("b_status"))
)


def settle_saving(session: Session, payment: Payment) -> None:
    """A decided payment saves its card (approved) or not (declined), in the caller's transaction."""
    session.execute(
        _SETTLE, {"b_payment": payment.id, "b_status": "active" if payment.status == "succeeded" else "declined"}
    )


def get_card(session: Session, card_id: str, account_id: int | None = None, *, param: str = "id") -> SavedCard:
    card = session.get(SavedCard, card_id) if isinstance(card_id, str) else None
    if card is None or (account_id is not None and card.account_id != account_id):
        raise CardNotFound(param)
    return card


def card_object(card: SavedCard) -> dict[str, Any]:
    return {
        "id": card.id,
        "object": "saved_card",
        "status": card.status,
        "brand": card.brand,
        "last4": card.last4,
        "payment": card.payment_id,
    }


def charge(session: Session, card: SavedCard, request: PaymentRequest) -> tuple[Payment, bool]:
    """Charge a saved card with the shopper at the checkout: decided in the call (``succeeded``, or ``failed`` when the
    issuer declines), or left ``pending`` when the issuer asks the shopper to authenticate on the payment's page. The
    reference makes a retried charge return the first one."""
    if card.status != "active":
        raise SandboxError(400, "card_inactive", f"The saved card is {card.status} and cannot be charged.", "card")
    payment, created = create_payment(session, card.account_id, request)
    if not created:
        return payment, False
    planned = card.next_charge
    if planned is not None:
        # Only one concurrent charge may use up the planned behaviour.
        taken = session.execute(
            update(SavedCard).where(SavedCard.id == card.id, SavedCard.next_charge == planned).values(next_charge=None)
        ).rowcount
        planned = planned if taken == 1 else None
    if planned == "authentication_required":
        session.commit()
        return payment, True
    payment = decide_payment(session, payment.id, "failed" if planned == "declined" else "succeeded")
    session.commit()
    return payment, True


def detach(session: Session, card: SavedCard) -> SavedCard:
    """The merchant stops keeping the card (the shopper removed it). Safe to repeat."""
    session.execute(update(SavedCard).where(SavedCard.id == card.id).values(status="detached"))
    session.commit()
    return session.get(SavedCard, card.id, populate_existing=True)


def plan_next_charge(session: Session, card: SavedCard, behaviour: object) -> SavedCard:
    """Test control: what the issuer does with the card's next charge."""
    if behaviour not in NEXT_CHARGES:
        raise SandboxError(
            400, "parameter_invalid", f"next_charge must be one of: {', '.join(NEXT_CHARGES)}", "next_charge"
        )
    card.next_charge = behaviour
    session.commit()
    return card
