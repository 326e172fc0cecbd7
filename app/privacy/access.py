"""What Kassa holds about one customer, for a shopper's request to see or take their data (GDPR art. 15 and 20):
their orders (with the email they gave, payments, refunds and disputes), subscriptions, the checkout sessions made
for them, the wallet transfers they sent or received, the refund requests they made (with the address and device
they made them from), the emails sent to them, and the erasures already done.
Balances, entitlements and withdrawals are read by their own services (app/web/api/customer_export.py).

Modes as an erasure takes them (app/privacy/erasure.py): a live key's request covers the customer's live and test
records, a test key's the test ones.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.checkout_sessions.models import CheckoutSession
from app.errors import Unprocessable
from app.extensions import db
from app.ledger.wallet.models import WalletTransfer
from app.orders.customers import parse_customer_id
from app.orders.models import Order
from app.privacy.models import CustomerErasure
from app.receipts.models import ReceiptEmail, SubscriptionEmail
from app.risk.models import RefundRequest
from app.signing.models import Subscription

# One document holds them all; a customer with more orders than this is a reseller's account, not a person.
MAX_ORDERS = 10_000


@dataclass(frozen=True)
class CustomerRecords:
    customer_id: str
    modes: tuple[bool, ...]
    orders: list[Order]
    subscriptions: list[Subscription]
    checkout_sessions: list[CheckoutSession]
    transfers: list[WalletTransfer]
    refund_requests: list[RefundRequest]
    emails: list[dict]
    erasures: list[CustomerErasure]


def modes_for(livemode: bool) -> tuple[bool, ...]:
    return (True, False) if livemode else (False,)


def customer_records(merchant_id: str, customer_id: str, *, livemode: bool) -> CustomerRecords:
    customer_id = parse_customer_id(customer_id, param="customer")
    modes = modes_for(livemode)
    orders_of = (Order.merchant_id == merchant_id, Order.customer_id == customer_id, Order.livemode.in_(modes))
    transfers_of = (
        WalletTransfer.merchant_id == merchant_id,
        WalletTransfer.livemode.in_(modes),
        (WalletTransfer.from_customer == customer_id) | (WalletTransfer.to_customer == customer_id),
    )
    for model, where, listed in (
        (Order, orders_of, "GET /orders?customer=…"),
        (WalletTransfer, transfers_of, "GET /customers/{id}/wallet/statement"),
    ):
        count = db.session.scalar(select(func.count()).select_from(model).where(*where)) or 0
        if count > MAX_ORDERS:
            raise Unprocessable(
                f"customer {customer_id} has {count} {model.__tablename__.replace('_', ' ')}, more "
                f"than one export holds ({MAX_ORDERS}); page through {listed} instead",
                code="export_too_large",
                param="customer",
            )
    orders = list(
        db.session.scalars(
            select(Order)
            .where(*orders_of)
            .order_by(Order.id)
            .options(selectinload(Order.items), selectinload(Order.timeline))
        )
    )
    subscriptions = list(
        db.session.scalars(
            select(Subscription)
            .where(
                Subscription.merchant_id == merchant_id,
                Subscription.customer_id == customer_id,
                Subscription.livemode.in_(modes),
            )
            .order_by(Subscription.id)
        )
    )
    sessions = list(
        db.session.scalars(
            select(CheckoutSession)
            .where(
                CheckoutSession.merchant_id == merchant_id,
                CheckoutSession.customer_id == customer_id,
                CheckoutSession.livemode.in_(modes),
            )
            .order_by(CheckoutSession.id)
        )
    )
    transfers = list(db.session.scalars(select(WalletTransfer).where(*transfers_of).order_by(WalletTransfer.id)))
    order_ids = [order.id for order in orders]
    refund_requests = (
        list(
            db.session.scalars(
                select(RefundRequest)
                .where(RefundRequest.merchant_id == merchant_id, RefundRequest.order_id.in_(order_ids))
                .order_by(RefundRequest.created_at)
            )
        )
        if order_ids
        else []
    )
    erasures = list(
        db.session.scalars(
            select(CustomerErasure)
            .where(
                CustomerErasure.merchant_id == merchant_id,
                CustomerErasure.customer_id == customer_id,
                CustomerErasure.livemode.in_(modes),
            )
            .order_by(CustomerErasure.id)
        )
    )
    return CustomerRecords(
        customer_id,
        modes,
        orders,
        subscriptions,
        sessions,
        transfers,
        refund_requests,
        _emails(order_ids, [sub.id for sub in subscriptions]),
        erasures,
    )


def _not_sent_reason(mail: ReceiptEmail | SubscriptionEmail) -> str | None:
    """Why an email did not go (withheld in test mode, skipped, the mail server refused it); None once sent."""
    return None if mail.status == "sent" else mail.last_error


def _emails(order_ids: list[str], subscription_ids: list[str]) -> list[dict]:
    """Every email sent (or due) to the customer: to which address, about what, and whether it went."""
    found = []
    if order_ids:
        found += [
            {
                "kind": "receipt",
                "order": mail.order_id,
                "recipient": mail.recipient,
                "status": mail.status,
                "reason": _not_sent_reason(mail),
                "created": mail.created_at,
                "sent_at": mail.sent_at,
            }
            for mail in db.session.scalars(select(ReceiptEmail).where(ReceiptEmail.order_id.in_(order_ids)))
        ]
    if subscription_ids:
        found += [
            {
                "kind": mail.kind,
                "subscription": mail.subscription_id,
                "recipient": mail.recipient,
                "status": mail.status,
                "reason": _not_sent_reason(mail),
                "created": mail.created_at,
                "sent_at": mail.sent_at,
            }
            for mail in db.session.scalars(
                select(SubscriptionEmail).where(SubscriptionEmail.subscription_id.in_(subscription_ids))
            )
        ]
    return sorted(found, key=lambda mail: mail["created"])
