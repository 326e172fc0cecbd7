"""The interface every payment channel implements (DESIGN.md §4)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Iterator, Mapping, NamedTuple, Protocol

from app.errors import KassaError


class CallbackRejected(KassaError):
    """An inbound callback failed verification; nothing may change (400)."""

    code = "callback_rejected"


class ProviderUnavailable(Exception):
    """The provider could not be reached or answered with an error."""


class ProviderOutcomeUnknown(ProviderUnavailable):
    """The call reached the provider but no clear answer came back (timeout, 5xx): it may have acted."""


class ProviderRefused(ProviderUnavailable):
    """The provider answered 4xx: it is healthy and did nothing (not counted by the circuit breaker)."""


@dataclass(frozen=True)
class PaymentRequest:
    attempt_id: str
    amount: int
    currency: str
    description: str
    return_url: str
    callback_url: str
    # A subscription's first payment asks the shopper to sign a mandate for these terms ("$9.99 every month");
    # the provider reports a revoke to mandate_callback_url.
    recurring: str | None = None
    mandate_callback_url: str | None = None
    # Who pays: a provider that saves the card on its own customer record (Stripe's Customer) keys it by these.
    merchant_id: str | None = None
    customer_id: str | None = None
    # A channel with the ``saved_methods`` capability: keep the card that pays for the customer's next purchases
    # (``save_method``), or charge one it kept (``saved_method``, the provider's reference) with the shopper present.
    save_method: bool = False
    saved_method: str | None = None


@dataclass(frozen=True)
class ProviderSavedMethod:
    """A payment method the provider keeps for the merchant's customer (a card: its brand and last four digits)."""

    reference: str
    brand: str
    last4: str


class SavedMethodChannel(Protocol):
    """A channel with the ``saved_methods`` capability (app/payments/saved_methods/): it honours ``save_method`` and
    ``saved_method`` of a PaymentRequest, charging a saved method in the create call (a ``result``, or a redirect
    when the issuer asks the shopper to authenticate)."""

    def saved_method(self, provider_reference: str) -> ProviderSavedMethod | None:
        """The method the succeeded payment saved, if it asked to save one and the provider kept it."""

    def remove_saved_method(self, reference: str) -> None:
        """Stop keeping the method at the provider (never charged again). Safe to repeat; ProviderUnavailable when
        the provider could not be asked."""


@dataclass(frozen=True)
class ProviderPayment:
    """What the provider answered to a create call."""

    reference: str
    next_action: dict
    # Set when the channel settled the payment inside the create call (e.g. the wallet).
    result: "ChannelResult | None" = None


@dataclass(frozen=True)
class ChannelResult:
    """A payment's state as the provider reports it, from a callback or a status query."""

    channel: str
    provider_reference: str
    attempt_id: str
    status: str  # pending | succeeded | failed
    amount: int
    currency: str
    failure_reason: str | None = None
    raw: Mapping = field(default_factory=dict)


@dataclass(frozen=True)
class DisputeNotice:
    """A provider's news about a dispute (chargeback) of a captured payment, from a verified callback."""

    channel: str
    provider_dispute_id: str
    provider_reference: str  # the disputed payment
    attempt_id: str  # our reference of that payment
    status: str  # needs_response | under_review | won | lost
    amount: int
    currency: str
    reason: str
    evidence_due_by: datetime | None = None


@dataclass(frozen=True)
class ConnectedAccountNotice:
    """A provider's news about a connected account a partner onboards with (app/payments/payouts/onboarding.py):
    ``ready`` once it can take transfers, else ``onboarding``."""

    channel: str
    account: str
    status: str  # onboarding | ready


@dataclass(frozen=True)
class RefundResult:
    """The provider's verdict on a refund: ``succeeded`` moved the money back, ``failed`` moved nothing."""

    provider_reference: str | None
    status: str  # succeeded | failed
    failure_reason: str | None = None


@dataclass(frozen=True)
class PayoutResult:
    """A payout as the provider reports it: ``pending`` (sent, the bank has not decided), ``paid`` or ``failed``."""

    provider_reference: str  # the provider's id of the payout
    reference: str  # ours: the payout's reference for this try
    status: str
    amount: int
    currency: str
    failure_reason: str | None = None


class StatementLine(NamedTuple):
    """One line of a provider's daily statement: a capture, a refund or a payout as the provider booked it.
    ``reference`` is what Kassa sent (attempt, refund or payout id, ``.n`` for a later try)."""

    type: str  # capture | refund | payout
    provider_id: str
    reference: str
    status: str  # succeeded | failed (captures, refunds), paid | failed (payouts)
    amount: int
    fee: int
    currency: str
    occurred_at: datetime


class StatementChannel(Protocol):
    """A channel with the ``statements`` capability publishes what it booked each day (app/reconciliation)."""

    def statement(self, day: date) -> Iterator[StatementLine]:
        """The day's lines for this channel, streamed (a day may hold millions); ProviderUnavailable if the
        provider cannot be asked."""


class ChannelAdapter(Protocol):
    """A payment channel. Optional members routing reads when present: ``test_only = True`` (a channel
    that moves no real money never takes a live order), ``refuse(order) -> str | None`` (a reason this
    channel cannot take that order) and ``offer(merchant_id, order) -> str | None`` (list it only with
    that note)."""

    code: str
    default_name: str
    default_icon: str

    def create_payment(self, request: PaymentRequest) -> ProviderPayment:
        """Open a payment at the provider and say what the shopper must do next."""

    def query_payment(self, provider_reference: str) -> ChannelResult:
        """Ask the provider for the payment's current state."""

    def parse_callback(self, headers: Mapping[str, str], body: bytes) -> ChannelResult | DisputeNotice | None:
        """Verify an inbound callback (signature, timestamp) and parse it, or raise CallbackRejected. A channel
        with the ``disputes`` capability also answers its disputes' news here, as a DisputeNotice, and takes the
        merchant's evidence with ``submit_dispute_evidence(provider_dispute_id, text)``."""

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        """Give back ``amount`` of a captured payment; ``refund_id`` makes a retried call idempotent.
        Raises ProviderUnavailable when the outcome is unknown (unreachable, 5xx)."""


class PayoutChannel(Protocol):
    """A channel with the ``payouts`` capability also sends money out (app/payments/payouts/services.py)."""

    def send_payout(
        self, *, reference: str, amount: int, currency: str, destination: str, callback_url: str
    ) -> PayoutResult:
        """Send a payout; ``reference`` makes a retried call return the same payout. ProviderOutcomeUnknown
        when it may have been sent, ProviderRefused when the provider said no."""

    def find_payout(self, reference: str) -> PayoutResult | None:
        """The payout sent under ``reference``, or None if the provider has none."""

    def parse_payout_callback(self, headers: Mapping[str, str], body: bytes) -> PayoutResult:
        """Verify and parse the provider's news about a payout, or raise CallbackRejected."""
