"""The interface every payment channel implements (DESIGN.md §4)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping, Protocol

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
class RefundResult:
    """The provider's verdict on a refund: ``succeeded`` moved the money back, ``failed`` moved nothing."""

    provider_reference: str | None
    status: str  # succeeded | failed
    failure_reason: str | None = None


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

    def parse_callback(self, headers: Mapping[str, str], body: bytes) -> ChannelResult:
        """Verify an inbound callback (signature, timestamp) and parse it, or raise CallbackRejected."""

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        """Give back ``amount`` of a captured payment; ``refund_id`` makes a retried call idempotent.
        Raises ProviderUnavailable when the outcome is unknown (unreachable, 5xx)."""
