"""A payment's decision, by the shopper's button, the control API or the provider itself: the payment decided, its
mandate signed or declined, its card saved or not and noted in one transaction, then the merchant called back."""

from __future__ import annotations

import time

from sandbox.callbacks import CALLBACK_MODES, build_event, dispatch_callback
from sandbox.mandates import settle_mandate
from sandbox.models import CardFingerprint, Payment
from sandbox.runtime import SandboxRuntime
from sandbox.saved_cards import settle_saving
from sandbox.services import PaymentAlreadyDecided, SandboxError, callback_secret, decide_payment, payment_object


def decide_and_notify(
    runtime: SandboxRuntime,
    payment_id: str,
    outcome: str,
    callback_mode: str = "normal",
    card_fingerprint: str | None = None,
) -> Payment:
    """Decide a pending payment and schedule its callback, the same for the shopper's button and the control API."""
    if callback_mode not in CALLBACK_MODES:
        raise SandboxError(
            400, "parameter_invalid", f"callback must be one of: {', '.join(CALLBACK_MODES)}", "callback"
        )
    with runtime.session_factory() as session:
        payment = decide_payment(session, payment_id, outcome)
        settle_mandate(session, payment)
        settle_saving(session, payment)
        # Fingerprints are written only here, with the decision, which happens once: a payment decided without
        # a card's fingerprint has none.
        fingerprint = card_fingerprint if card_fingerprint and payment.method == "card" else None
        if fingerprint:
            session.add(CardFingerprint(payment_id=payment.id, fingerprint=fingerprint))
        session.commit()
        secret = callback_secret(runtime, session, payment.account_id)
    event = build_event(
        payment_object(payment, runtime.payment_url(payment.id), fingerprint), secret, payment.callback_url
    )
    dispatch_callback(runtime.session_factory, event, callback_mode, runtime.callback_delay_seconds)
    return payment


def decide_as_a_shopper(runtime: SandboxRuntime, payment_id: str, outcome: str, *, patience: float = 120) -> None:
    """The provider's own decision (SANDBOX_AUTO_OUTCOME), as a shopper whose click failed (our own database
    restarting) clicks again, for up to ``patience`` seconds: without it, a payment whose decision hit an outage
    stays pending until it expires."""
    give_up = time.monotonic() + patience
    while True:
        try:
            decide_and_notify(runtime, payment_id, outcome)
            return
        except PaymentAlreadyDecided:
            return
        except Exception:  # noqa: BLE001 - the database is away; the next try is a second later
            if time.monotonic() > give_up:
                raise
            time.sleep(1)
