"""Business actions of the simulated provider; each one owns its transaction."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sandbox.models import Account, CardFingerprint, Dispute, Payment, Refund, random_suffix, utcnow
from sandbox.runtime import SandboxRuntime

# The two writes every payment makes, built once (a statement built per call cost more CPU than running it); the
# payment in hand is made from the values written, not read back or tracked by the session.
_PAYMENTS = Payment.__table__
_INSERT_PAYMENT = insert(_PAYMENTS)
_DECIDE = (
    update(_PAYMENTS)
    .where(_PAYMENTS.c.id == bindparam("b_id"), _PAYMENTS.c.status == "pending")
    .values(status=bindparam("b_status"), decided_at=bindparam("b_decided_at"))
    .returning(*_PAYMENTS.c)
)
# Disputes whose money the bank holds: a refund or a new dispute may take only what they left.
_HOLDING = ("needs_response", "under_review", "lost")


class SandboxError(Exception):
    """An error the API reports as JSON: HTTP status, machine code, human message, offending param."""

    def __init__(self, status: int, code: str, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.param = param


class PaymentNotFound(SandboxError):
    """The payment does not exist, or belongs to another account."""

    def __init__(self) -> None:
        super().__init__(404, "not_found", "No such payment.")


class PaymentAlreadyDecided(SandboxError):
    """The payment left `pending` before this decision arrived."""

    def __init__(self, status: str) -> None:
        super().__init__(409, "payment_already_decided", f"The payment is already {status}.")


@dataclass(frozen=True)
class PaymentRequest:
    """Validated input for creating a payment."""

    amount: int
    currency: str
    reference: str
    description: str
    return_url: str
    callback_url: str
    method: str


def hash_api_key(api_key: str) -> str:
    """Return the sha256 hex digest under which an API key is stored."""
    return hashlib.sha256(api_key.encode()).hexdigest()


def new_payment_id() -> str:
    """Return a fresh payment id: `sbp_` and 24 random lowercase letters and digits."""
    return "sbp_" + random_suffix()


def ensure_account(session: Session, api_key: str, callback_secret: str) -> Account:
    """Create the account for the configured key if missing; keep its callback secret in step with config."""
    key_hash = hash_api_key(api_key)
    account = session.scalar(select(Account).where(Account.api_key_hash == key_hash))
    if account is None:
        account = Account(api_key_hash=key_hash, callback_secret=callback_secret)
        session.add(account)
        try:
            session.commit()
        except IntegrityError:
            # Another worker started at the same moment and created it first.
            session.rollback()
            account = session.scalars(select(Account).where(Account.api_key_hash == key_hash)).one()
    if account.callback_secret != callback_secret:
        account.callback_secret = callback_secret
        session.commit()
    return account


def authenticate_account(runtime: SandboxRuntime, api_key: str) -> int | None:
    """Return the id of the account an API key belongs to, or None (read once per process for a known key)."""
    if not api_key:
        return None
    key_hash = hash_api_key(api_key)
    account_id = runtime.account_ids.get(key_hash)
    if account_id is None:
        with runtime.session_factory() as session:
            account_id = session.scalar(select(Account.id).where(Account.api_key_hash == key_hash))
        if account_id is not None:
            runtime.account_ids[key_hash] = account_id
    return account_id


def create_payment(session: Session, account_id: int, request: PaymentRequest) -> tuple[Payment, bool]:
    """Create a pending payment, or return the existing one for the same reference; the flag says if it is new.
    The INSERT comes first: a retry is rare, and the unique reference finds it then."""
    values = {
        "id": new_payment_id(),
        "account_id": account_id,
        "amount": request.amount,
        "currency": request.currency,
        "reference": request.reference,
        "description": request.description,
        "return_url": request.return_url,
        "callback_url": request.callback_url,
        "method": request.method,
        "status": "pending",
        "created_at": utcnow(),
        "decided_at": None,
    }
    try:
        session.execute(_INSERT_PAYMENT, values)
        session.commit()
    except IntegrityError:
        # A concurrent retry with the same reference won the unique key; answer with its payment.
        session.rollback()
        existing = _find_by_reference(session, account_id, request.reference)
        if existing is None:
            raise
        return existing, False
    return Payment(**values), True


def get_payment(session: Session, payment_id: str, account_id: int | None = None) -> Payment:
    """Return a payment, scoped to an account when one is given; a foreign payment is not found."""
    payment = session.get(Payment, payment_id)
    if payment is None or (account_id is not None and payment.account_id != account_id):
        raise PaymentNotFound()
    return payment


def decide_payment(session: Session, payment_id: str, outcome: str) -> Payment:
    """Move a pending payment to `succeeded` or `failed` in the caller's transaction; exactly one concurrent caller
    can win. Returns the payment as decided."""
    if outcome not in ("succeeded", "failed"):
        raise SandboxError(400, "parameter_invalid", "outcome must be 'succeeded' or 'failed'", "outcome")
    # A conditional UPDATE is the decision: no row means someone else already decided.
    row = session.execute(_DECIDE, {"b_id": payment_id, "b_status": outcome, "b_decided_at": utcnow()}).first()
    if row is None:
        session.rollback()
        raise PaymentAlreadyDecided(get_payment(session, payment_id).status)
    return Payment(**row._mapping)


def load_callback_secret(session: Session, account_id: int) -> str:
    """Return the secret that signs an account's callbacks."""
    account = session.get(Account, account_id)
    if account is None:
        raise PaymentNotFound()
    return account.callback_secret


def callback_secret(runtime: SandboxRuntime, session: Session, account_id: int) -> str:
    """The account's callback secret, read once per process (see ``SandboxRuntime``)."""
    secret = runtime.callback_secrets.get(account_id)
    if secret is None:
        secret = runtime.callback_secrets[account_id] = load_callback_secret(session, account_id)
    return secret


def card_fingerprint_of(session: Session, payment_id: str) -> str | None:
    """The fingerprint of the card that paid, if the decision named one."""
    row = session.get(CardFingerprint, payment_id)
    return row.fingerprint if row else None


def payment_object(payment: Payment, url: str, card_fingerprint: str | None = None) -> dict[str, Any]:
    """Return the public JSON shape of a payment, as the API and callbacks show it."""
    return {
        "card_fingerprint": card_fingerprint,
        "id": payment.id,
        "object": "payment",
        "status": payment.status,
        "amount": payment.amount,
        "currency": payment.currency,
        "reference": payment.reference,
        "description": payment.description,
        "method": payment.method,
        "url": url,
    }


def find_payment_by_reference(session: Session, account_id: int, reference: str) -> Payment | None:
    """Return the account's payment created with ``reference``, or None: lets a client whose create timed out
    learn whether the payment exists."""
    return _find_by_reference(session, account_id, reference)


def _find_by_reference(session: Session, account_id: int, reference: str) -> Payment | None:
    return session.scalar(select(Payment).where(Payment.account_id == account_id, Payment.reference == reference))


def still_captured(session: Session, payment: Payment) -> int:
    """What of a payment the merchant still holds: its amount less its succeeded refunds and less what its disputes
    hold (open or lost ones); a refund or a new dispute may take at most this."""
    refunded = (
        select(func.coalesce(func.sum(Refund.amount), 0))
        .where(Refund.payment_id == payment.id, Refund.status == "succeeded")
        .scalar_subquery()
    )
    disputed = (
        select(func.coalesce(func.sum(Dispute.amount), 0))
        .where(Dispute.payment_id == payment.id, Dispute.status.in_(_HOLDING))
        .scalar_subquery()
    )
    return payment.amount - session.scalar(select(refunded + disputed))
