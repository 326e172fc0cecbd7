"""Signing on Stripe: the card a subscription renews on is a PaymentMethod saved on the customer's Stripe Customer
(stripe_customers.py); that PaymentMethod is the mandate.

- A contract's first payment is a PaymentIntent on the Customer with ``setup_future_usage=off_session``: Stripe
  saves the card on the Customer when it succeeds. A payment of nothing (a free trial's first order, a subscriber
  updating the card) is a SetupIntent on the Customer with ``usage=off_session`` instead; its ``kassa_attempt_id``
  metadata is Kassa's setup or attempt id and ``kassa_currency`` the contract's currency (a SetupIntent has none).
- ``signed_mandate`` reads the PaymentMethod the intent saved; ``deduct`` charges it off session with the renewal
  attempt's id as idempotency key; ``cancel_mandate`` detaches it from the Customer; ``mandate_status`` says it is
  ``active`` while attached to a Customer and ``revoked`` once detached (by Kassa, or in Stripe's Dashboard).
- An off-session charge the bank wants the customer present for is a failed try (``authentication_required``),
  never left waiting: the PaymentIntent is canceled so it cannot be captured later, and the dunning emails the
  subscriber, who pays the open renewal on session with their saved card (the card page, Stripe.js).
"""

from __future__ import annotations

from typing import Mapping

from app.payments.channels.adapters.stripe_customers import customer_idempotency_key, stripe_customer_for
from app.payments.channels.interface import (
    ChannelResult,
    PaymentRequest,
    ProviderOutcomeUnknown,
    ProviderRefused,
    ProviderUnavailable,
)

# What a renewal's failure says when the bank asked for the customer (Stripe's ``authentication_required``); the
# shopper reads it on the order page, where paying by Stripe offers the saved card and the bank's check.
AUTHENTICATION_REQUIRED = "your card's bank asks you to confirm this payment (authentication required)"


def is_setup(reference: str | None) -> bool:
    """Whether a provider reference names a SetupIntent (a payment of nothing that saves a card)."""
    return bool(reference) and reference.startswith("seti_")


class StripeMandates:
    """The ``recurring`` and ``setup`` members of the Stripe adapter (app/signing's machinery calls them)."""

    code: str

    def customer_for(self, request: PaymentRequest) -> str:
        """The Stripe Customer of the Kassa customer the request pays for, made at Stripe the first time."""
        if not request.merchant_id or not request.customer_id:
            raise ProviderRefused("a payment that saves a card needs to know the customer it saves it for")
        livemode = bool(self.livemode)

        def create() -> str:
            made = self._call(
                lambda: self.client.v1.customers.create(
                    params={"metadata": {"kassa_customer_id": request.customer_id}},
                    options={
                        "idempotency_key": customer_idempotency_key(request.merchant_id, livemode, request.customer_id)
                    },
                ),
                acting=True,
            )
            return made.id

        return stripe_customer_for(request.merchant_id, livemode, request.customer_id, create=create)

    def create_setup(self, request: PaymentRequest, customer: str) -> str:
        """A SetupIntent that saves a card on ``customer`` for off-session charges; its id."""
        intent = self._call(
            lambda: self.client.v1.setup_intents.create(
                params={
                    "customer": customer,
                    "usage": "off_session",
                    "payment_method_types": ["card"],
                    "metadata": {"kassa_attempt_id": request.attempt_id, "kassa_currency": request.currency},
                },
                options={"idempotency_key": request.attempt_id},
            ),
            acting=True,
        )
        return intent.id

    def setup_result(self, intent: Mapping) -> ChannelResult:
        """A SetupIntent as Kassa's result of a payment of nothing."""
        status, error = intent.get("status"), intent.get("last_setup_error") or {}
        if status == "succeeded":
            outcome, reason = "succeeded", None
        elif status == "canceled":
            outcome, reason = "failed", "canceled at Stripe"
        elif status == "requires_payment_method" and error:
            outcome, reason = "failed", error.get("message") or error.get("code") or "the card was declined"
        else:
            outcome, reason = "pending", None
        metadata = intent.get("metadata") or {}
        attempt_id, currency = metadata.get("kassa_attempt_id", ""), metadata.get("kassa_currency", "")
        if not all(isinstance(text, str) for text in (intent.get("id"), attempt_id, currency)):
            raise ProviderOutcomeUnknown("Stripe answered a SetupIntent Kassa cannot read")
        return ChannelResult(
            channel=self.code,
            provider_reference=intent["id"],
            attempt_id=attempt_id,
            status=outcome,
            amount=0,
            currency=currency,
            failure_reason=reason,
            raw=intent,
        )

    def setup_client_secret(self, reference: str) -> str | None:
        """The client secret Stripe.js confirms a waiting SetupIntent with on the card page (never stored or
        logged); None once it waits for nothing."""
        intent = self._call(lambda: self.client.v1.setup_intents.retrieve(reference))
        return intent.client_secret if intent.status in ("requires_payment_method", "requires_action") else None

    def signed_mandate(self, provider_reference: str) -> str | None:
        """The PaymentMethod the succeeded intent saved on its Customer (the mandate); None if it saved none."""
        if is_setup(provider_reference):
            intent = self._call(lambda: self.client.v1.setup_intents.retrieve(provider_reference)).to_dict()
        else:
            intent = self._call(lambda: self.client.v1.payment_intents.retrieve(provider_reference)).to_dict()
        method, customer = intent.get("payment_method"), intent.get("customer")
        if isinstance(method, Mapping):
            method = method.get("id")
        if intent.get("status") != "succeeded" or not isinstance(method, str) or not customer:
            return None
        if self.mandate_status(method) != "active":
            return None  # paid, but the card was not kept (no setup_future_usage, or detached since)
        return method

    def mandate_status(self, mandate: str) -> str | None:
        """``active`` while the PaymentMethod is saved on a Customer, ``revoked`` once it is not; None if Stripe
        does not know it."""
        try:
            method = self._call(lambda: self.client.v1.payment_methods.retrieve(mandate))
        except ProviderRefused:
            return None
        return "active" if getattr(method, "customer", None) else "revoked"

    def cancel_mandate(self, mandate: str) -> str:
        """Detach the PaymentMethod from its Customer: Stripe charges it no more. ``canceled`` (also when it was
        detached already); ProviderRefused when Stripe does not know it."""
        if self.mandate_status(mandate) == "revoked":
            return "canceled"
        self._call(lambda: self.client.v1.payment_methods.detach(mandate), acting=True)
        return "canceled"

    def deduct(self, mandate: str, *, amount: int, currency: str, reference: str, description: str) -> ChannelResult:
        """Charge the saved PaymentMethod off session (a renewal); ``reference`` (the attempt id) is the idempotency
        key. A decline or a bank asking for the customer is a failed result with the reason."""
        method = self._call(lambda: self.client.v1.payment_methods.retrieve(mandate))
        customer = getattr(method, "customer", None)
        if not customer:
            raise ProviderRefused(f"the card {mandate} is no longer saved on a Stripe Customer")
        request = PaymentRequest(
            attempt_id=reference,
            amount=amount,
            currency=currency,
            description=description,
            return_url="",
            callback_url="",
        )
        result = self.charge_off_session(request, customer=customer, payment_method=mandate)
        if result.status == "pending" and result.raw.get("status") == "requires_action":
            # Off session nobody can authenticate: cancel it so it can never be captured, and let dunning ask.
            try:
                self._call(lambda: self.client.v1.payment_intents.cancel(result.provider_reference), acting=True)
            except ProviderUnavailable:
                pass  # the renewal's failure stands; a PaymentIntent waiting for action never captures by itself
            return ChannelResult(
                channel=self.code,
                provider_reference=result.provider_reference,
                attempt_id=reference,
                status="failed",
                amount=result.amount,
                currency=result.currency,
                failure_reason=AUTHENTICATION_REQUIRED,
                raw=result.raw,
            )
        if result.status == "failed" and (result.raw.get("last_payment_error") or {}).get("code") in (
            "authentication_required",
            "payment_intent_authentication_failure",
        ):
            return ChannelResult(**{**result.__dict__, "failure_reason": AUTHENTICATION_REQUIRED})
        return result
