"""Saved cards on Stripe (the ``saved_methods`` capability): a vouched-for customer's card kept on their Stripe
Customer (stripe_customers.py) and paid with in one press at their next checkout.

- A payment asked to save its card is a PaymentIntent on the Customer with ``setup_future_usage=on_session``: Stripe
  attaches the card to the Customer when it succeeds (as a subscription's first payment does with ``off_session``,
  stripe_mandates.py). ``saved_method`` reads that PaymentMethod and its card's brand and last four digits.
- A payment with a saved card is one PaymentIntent created with ``customer``, ``payment_method`` and
  ``confirm=true`` (the attempt id as idempotency key): succeeded or declined in the call, or ``requires_action``
  when the bank asks the shopper, who then completes it on Kassa's card page with Stripe.js.
- ``remove_saved_method`` detaches the PaymentMethod from the Customer: Stripe charges it no more.
"""

from __future__ import annotations

from typing import Mapping

from app.payments.channels.interface import (
    PaymentRequest,
    ProviderPayment,
    ProviderRefused,
    ProviderSavedMethod,
)


def _unknown_at_stripe(exc: ProviderRefused) -> bool:
    """Whether Stripe refused because it knows no such object (a 404): a card gone is as good as removed."""
    return getattr(exc.__cause__, "http_status", None) == 404


class StripeSavedCards:
    """The ``saved_methods`` members of the Stripe adapter (app/payments/saved_methods/ calls them)."""

    def pay_with_saved_card(self, request: PaymentRequest, amount: int) -> ProviderPayment:
        """Charge the saved PaymentMethod with the shopper present: settled in the call, or the card page when the
        bank asks the shopper to authenticate (Stripe.js shows the check there)."""
        customer = self.customer_for(request)
        result = self.charge_saved_card(
            request, amount=amount, customer=customer, payment_method=request.saved_method, off_session=False
        )
        if result.status == "pending":  # requires_action (the bank's check) or processing: the card page follows
            return ProviderPayment(
                reference=result.provider_reference, next_action=self._card_page(request.attempt_id, request.return_url)
            )
        return ProviderPayment(reference=result.provider_reference, next_action={"type": "none"}, result=result)

    def saved_method(self, provider_reference: str) -> ProviderSavedMethod | None:
        """The card the succeeded PaymentIntent saved on its Customer; None when it saved none (or it was detached
        since)."""
        method = self.signed_mandate(provider_reference)
        if method is None:
            return None
        card = self._call(lambda: self.client.v1.payment_methods.retrieve(method)).to_dict().get("card")
        brand, last4 = (card.get("brand"), card.get("last4")) if isinstance(card, Mapping) else (None, None)
        if not isinstance(brand, str) or not isinstance(last4, str):
            return None
        return ProviderSavedMethod(method, brand, last4)

    def remove_saved_method(self, reference: str) -> None:
        """Detach the PaymentMethod from its Customer. One already detached, or unknown to Stripe, is removed."""
        try:
            method = self._call(lambda: self.client.v1.payment_methods.retrieve(reference))
            if not getattr(method, "customer", None):
                return
            self._call(lambda: self.client.v1.payment_methods.detach(reference), acting=True)
        except ProviderRefused as exc:
            if not _unknown_at_stripe(exc):
                raise

    def payment_client_secret(self, reference: str) -> str | None:
        """The client secret Stripe.js completes the bank's check of a waiting PaymentIntent with on the card page
        (never stored or logged); None unless it waits for the shopper's authentication."""
        intent = self._call(lambda: self.client.v1.payment_intents.retrieve(reference))
        return intent.client_secret if intent.status == "requires_action" else None
