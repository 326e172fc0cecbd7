"""``wallet``: pay from the customer's Kassa balance, with no redirect (DESIGN.md §4).

The create call runs try (freeze) and confirm (debit) synchronously and hands the hub a
settled result; a failed or canceled attempt cancels its reservation through the outbox, so a
freeze never outlives its payment.

Only an authenticated customer's wallet is offered or spent (app/orders/customers.py): routing refuses
it first, and the create call checks again, because it is the point where money moves. Each mode has
its own wallet: a live order is paid from the live balance only.
"""

from __future__ import annotations

from typing import Mapping

from sqlalchemy import select

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.ledger.captures import refund_source
from app.ledger.models import JournalEntry
from app.ledger.wallet.services import (
    available_balance,
    cancel_wallet_payment,
    confirm_wallet_payment,
    refund_wallet_payment,
    try_wallet_payment,
    wallet_phases,
)
from app.merchants.config_cache import cached
from app.orders.customers import is_authenticated
from app.orders.models import Order
from app.payments.channels.interface import (
    CallbackRejected,
    ChannelResult,
    PaymentRequest,
    ProviderPayment,
    RefundResult,
)
from app.payments.channels.registry import ChannelSpec
from app.payments.models import PaymentAttempt
from app.platform.observability import logs
from app.platform.outbox.events import Event, subscribe
from app.platform.values.money import Money

log = logs.get("wallet")


def _topped_up(session, merchant_id: str) -> bool:
    """Has any wallet of the merchant ever been topped up? (Money only enters a wallet that way.) Until then no
    balance is worth reading; the first top-up changes the merchant's configuration version (app/ledger/models.py)."""
    return (
        session.scalar(
            select(JournalEntry.id)
            .where(JournalEntry.merchant_id == merchant_id, JournalEntry.kind == "wallet.topup")
            .limit(1)
        )
        is not None
    )


class WalletAdapter:
    code = "wallet"
    default_name = "Wallet balance"
    default_icon = "wallet"

    @classmethod
    def from_settings(cls, config: Mapping, settings: Mapping) -> "WalletAdapter":
        """The wallet is part of Kassa: nothing to configure."""
        return cls()

    def refuse(self, order) -> str | None:
        """Why this order (or prospect) may not be paid from a wallet at all; None when it may."""
        if order.kind == "topup":
            return "a top-up cannot be paid from the wallet it tops up"
        if not order.customer_id or not is_authenticated(order.customer_source):
            return (
                "the wallet is only for a customer the merchant's server vouches for: create the order with "
                "a secret key, or through a checkout session (POST /api/v1/checkout_sessions) for that customer"
            )
        return None

    def offer(self, merchant_id: str, order) -> str | None:
        """Offered only to an authenticated customer whose balance covers the total; the note shows it."""
        if self.refuse(order) is not None or not cached(merchant_id, "wallet.topped_up", _topped_up):
            return None
        available = available_balance(merchant_id, order.customer_id, order.currency, livemode=order.livemode)
        if available <= 0 or available < order.total:
            return None
        return f"{Money(available, order.currency).format()} available"

    def _attempt_and_order(self, attempt_id: str) -> tuple[PaymentAttempt, Order]:
        attempt = db.session.get(PaymentAttempt, attempt_id)
        return attempt, db.session.get(Order, attempt.order_id)

    def create_payment(self, request: PaymentRequest) -> ProviderPayment:
        attempt, order = self._attempt_and_order(request.attempt_id)
        refusal = self.refuse(order)
        if refusal is not None:
            raise InvalidRequest(
                f"channel 'wallet' cannot take this order: {refusal}", code="channel_unavailable", param="channel"
            )
        amount = Money(request.amount, request.currency)
        # A payment of nothing (a free trial's first order) moves no money: it signs the customer's wallet as the
        # contract's mandate, which is the customer's own (app/signing/mandates.py).
        if amount.amount > 0:
            try_wallet_payment(
                order.merchant_id, order.customer_id, attempt.id, amount, livemode=order.livemode, order_id=order.id
            )
            confirm_wallet_payment(
                order.merchant_id, order.customer_id, attempt.id, amount, livemode=order.livemode, order_id=order.id
            )
        # The attempt id is the reference: a retried create finds the same barrier rows.
        result = ChannelResult(
            channel=self.code,
            provider_reference=attempt.id,
            attempt_id=attempt.id,
            status="succeeded",
            amount=amount.amount,
            currency=amount.currency,
        )
        return ProviderPayment(reference=attempt.id, next_action={"type": "none"}, result=result)

    def query_payment(self, provider_reference: str) -> ChannelResult:
        attempt = db.session.get(PaymentAttempt, provider_reference)
        phases = wallet_phases(provider_reference)
        status = (
            "succeeded" if "confirm" in phases or attempt.amount == 0 else "failed" if "cancel" in phases else "pending"
        )
        return ChannelResult(
            channel=self.code,
            provider_reference=provider_reference,
            attempt_id=attempt.id,
            status=status,
            amount=attempt.amount,
            currency=attempt.currency,
            failure_reason="the wallet payment was canceled" if status == "failed" else None,
        )

    def refund(self, provider_reference: str, amount: int, refund_id: str) -> RefundResult:
        """Credit the customer's wallet back; the refund id makes a retry a no-op."""
        attempt, order = self._attempt_and_order(provider_reference)
        # The refund's provider reference is its id, then "<id>.<try>" for a retry after a refusal.
        base_id, _, try_number = refund_id.partition(".")
        source = refund_source(order.merchant_id, base_id, int(try_number or 1), order.kind, livemode=order.livemode)
        refund_wallet_payment(
            order.merchant_id,
            order.customer_id,
            refund_id,
            Money(amount, attempt.currency),
            livemode=order.livemode,
            source=source,
            order_id=order.id,
        )
        return RefundResult(provider_reference=refund_id, status="succeeded")

    def parse_callback(self, headers: Mapping[str, str], body: bytes) -> ChannelResult:
        raise CallbackRejected("the wallet is part of Kassa and sends no callbacks")


CHANNEL = ChannelSpec(
    code="wallet",
    name=WalletAdapter.default_name,
    adapter=WalletAdapter,
    capabilities=frozenset({"refunds", "partial_refunds", "setup"}),
    # Kassa's own: no fee of its own; a rate a merchant books on it comes back as it always has.
    fee_returned_on_refund="proportional",
)


def _release(event: Event) -> None:
    """Cancel the wallet side of an attempt that did not succeed (idempotent)."""
    payment = event.data["object"]
    if payment.get("channel") != WalletAdapter.code:
        return
    attempt, order = WalletAdapter()._attempt_and_order(payment["id"])
    if attempt.amount == 0:
        return  # a payment of nothing froze nothing
    try:
        cancel_wallet_payment(
            order.merchant_id,
            order.customer_id,
            attempt.id,
            Money(attempt.amount, attempt.currency),
            livemode=order.livemode,
            order_id=order.id,
        )
    except Conflict as exc:
        # Captured already while the hub gave up on the attempt: reconciliation must refund it.
        log.error(
            "wallet payment captured on a %s attempt: %s",
            attempt.status,
            exc.message,
            extra={"fields": {"attempt_id": attempt.id, "order_id": order.id}},
        )


@subscribe("payment.failed")
def release_failed_payment(event: Event) -> None:
    """A failed wallet attempt unfreezes its funds, or blocks a try that has not come yet."""
    _release(event)


@subscribe("payment.canceled")
def release_canceled_payment(event: Event) -> None:
    """A canceled wallet attempt unfreezes its funds, or blocks a try that has not come yet."""
    _release(event)
