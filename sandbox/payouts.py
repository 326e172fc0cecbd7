"""Payouts at the sandbox provider: the merchant sends money from its balance to a bank account, the "bank"
decides later (a test's control call, or by itself after ``SANDBOX_PAYOUT_AUTO_SECONDS`` when set, as in the
demo), and the merchant is told by a signed callback, like a payment's."""

from __future__ import annotations

import json
import threading
import time
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sandbox.callbacks import CALLBACK_MODES, CallbackEvent, dispatch_callback
from sandbox.models import Payout, random_suffix, utcnow
from sandbox.runtime import SandboxRuntime
from sandbox.services import SandboxError, load_callback_secret

OUTCOMES = ("paid", "failed")


class PayoutNotFound(SandboxError):
    def __init__(self) -> None:
        super().__init__(404, "not_found", "No such payout.", "id")


def new_payout_id() -> str:
    return "sbo_" + random_suffix()


def payout_object(payout: Payout) -> dict[str, Any]:
    """The public JSON shape of a payout, as the API and callbacks show it."""
    return {
        "id": payout.id,
        "object": "payout",
        "status": payout.status,
        "amount": payout.amount,
        "currency": payout.currency,
        "destination": payout.destination,
        "reference": payout.reference,
        "failure_reason": payout.failure_reason,
        "created": int(payout.created_at.timestamp()),
        "decided": int(payout.decided_at.timestamp()) if payout.decided_at else None,
    }


def find_by_reference(session: Session, account_id: int, reference: str) -> Payout | None:
    return session.scalar(select(Payout).where(Payout.account_id == account_id, Payout.reference == reference))


def create_payout(
    session: Session,
    account_id: int,
    *,
    amount: int,
    currency: str,
    destination: str,
    reference: str,
    callback_url: str,
) -> tuple[Payout, bool]:
    """A pending payout, or the existing one for the same reference; the flag says if it is new."""
    existing = find_by_reference(session, account_id, reference)
    if existing is not None:
        return existing, False
    payout = Payout(
        id=new_payout_id(),
        account_id=account_id,
        amount=amount,
        currency=currency,
        destination=destination,
        reference=reference,
        callback_url=callback_url,
        status="pending",
    )
    session.add(payout)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return find_by_reference(session, account_id, reference), False
    return payout, True


def get_payout(session: Session, key: str, account_id: int | None = None) -> Payout:
    """A payout by its id or the merchant's reference, scoped to an account when one is given."""
    query = select(Payout).where(or_(Payout.id == key, Payout.reference == key))
    if account_id is not None:
        query = query.where(Payout.account_id == account_id)
    payout = session.scalars(query.limit(1)).first()
    if payout is None:
        raise PayoutNotFound()
    return payout


def decide_and_notify(
    runtime: SandboxRuntime, key: str, outcome: str, *, failure_reason: str | None = None, callback_mode: str = "normal"
) -> Payout:
    """The bank decides a pending payout (once: a conditional UPDATE) and the merchant is called back."""
    if outcome not in OUTCOMES:
        raise SandboxError(400, "parameter_invalid", "outcome must be 'paid' or 'failed'", "outcome")
    if callback_mode not in CALLBACK_MODES:
        raise SandboxError(
            400, "parameter_invalid", f"callback must be one of: {', '.join(CALLBACK_MODES)}", "callback"
        )
    with runtime.session_factory() as session:
        payout = get_payout(session, key)
        reason = (failure_reason or "account_closed") if outcome == "failed" else None
        changed = session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status == "pending")
            .values(status=outcome, failure_reason=reason, decided_at=utcnow())
        ).rowcount
        session.commit()
        if changed != 1:
            raise SandboxError(409, "payout_already_decided", f"The payout is already {payout.status}.")
        payout = session.get(Payout, payout.id, populate_existing=True)
        secret = load_callback_secret(session, payout.account_id)
    event = _event(payout, secret)
    dispatch_callback(runtime.session_factory, event, callback_mode, runtime.callback_delay_seconds)
    return payout


def _event(payout: Payout, secret: str) -> CallbackEvent:
    event_id = "evt_" + random_suffix()
    body = {
        "id": event_id,
        "type": f"payout.{payout.status}",
        "created": int(time.time()),
        "data": payout_object(payout),
    }
    raw = json.dumps(body, separators=(",", ":"), sort_keys=True).encode()
    return CallbackEvent(
        event_id=event_id, payment_id=payout.id, url=payout.callback_url, secret=secret, body=raw, recorded=False
    )


def decide_later(runtime: SandboxRuntime, payout_id: str, seconds: float) -> None:
    """Demo mode: the bank pays a new payout by itself after a while."""

    def run() -> None:
        try:
            decide_and_notify(runtime, payout_id, "paid")
        except SandboxError:
            pass  # decided meanwhile by a control call

    timer = threading.Timer(seconds, run)
    timer.daemon = True
    timer.start()
