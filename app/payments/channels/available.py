"""Which channels an order may be paid with now, as the shopper sees them: routing's offers, less those a channel
refuses for the order itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from app.catalog.coupon_channels import order_channel_limit
from app.extensions import db
from app.orders.models import Order
from app.payments.channels.registry import adapter_for, channel_spec
from app.payments.channels.routing import channel_offers
from app.payments.models import ChannelConfig


@dataclass(frozen=True, kw_only=True)
class Prospect:
    """An order about to be created, as routing sees it (the checkout panel, top-ups)."""

    customer_id: str | None
    customer_source: str  # how the customer is known (app/orders/customers.py)
    livemode: bool
    total: int
    currency: str
    kind: str = "purchase"
    business_line_id: str | None = None  # the line the order would be in: its channels are the line's


@dataclass(frozen=True)
class AvailableChannel:
    code: str
    name: str
    icon: str
    priority: int
    agreement_text: str | None = None  # the protocol template the hosted panel shows
    note: str | None = None  # shown under the name, e.g. the wallet's balance

    def to_json(self) -> dict:
        return {"code": self.code, "name": self.name, "icon": self.icon}


def available_channels(
    merchant_id: str, order: object | None = None, *, amount: int | None = None, currency: str | None = None
) -> list[AvailableChannel]:
    """Channels the merchant offers now, highest priority (lowest number) first: enabled, breaker
    not open, and (given an order, or an amount and currency) whose limits admit that total; for a
    live order, no test channel; for an order (or a Prospect) of a business line, as that line offers them. Given an
    order (or a Prospect), a channel whose adapter has
    ``offer(merchant_id, order)`` is listed only when that returns a note (the wallet: only for an
    authenticated customer whose balance covers the total)."""
    livemode, line = False, None
    if order is not None:
        amount, currency, livemode = order.total, order.currency, order.livemode
        line = getattr(order, "business_line_id", None)
    channels = []
    # An order priced with a coupon limited to some channels is offered only those (a Prospect has no coupon yet:
    # the checkout panel limits its channels by the quote's coupon).
    # Only a discounted order can carry a coupon: the others (most of a page of orders) cost no query.
    limit = order_channel_limit(order.id) if isinstance(order, Order) and order.discount else None
    for offer in channel_offers(merchant_id, amount=amount, currency=currency, livemode=livemode, business_line=line):
        if offer.refusal is not None or (limit is not None and offer.code not in limit[1]):
            continue
        adapter, note = adapter_for(offer.code, merchant_id), None
        refuse = getattr(adapter, "refuse", None)
        if order is not None and refuse is not None and refuse(order) is not None:
            continue  # e.g. a Stripe test key and a live order: paying would be refused
        if order is not None and hasattr(adapter, "offer"):
            note = adapter.offer(merchant_id, order)
            if note is None:
                continue
        channels.append(
            AvailableChannel(
                code=offer.code,
                name=offer.name,
                icon=offer.icon,
                priority=offer.priority,
                agreement_text=offer.agreement_text,
                note=note,
            )
        )
    return channels


def channel_name(merchant_id: str, code: str) -> str:
    """The name shoppers know a channel by: the merchant's display name for it, else the channel's own."""
    shown = db.session.scalar(
        select(ChannelConfig.display_name).where(ChannelConfig.merchant_id == merchant_id, ChannelConfig.code == code)
    )
    if shown:
        return shown
    spec = channel_spec(code)
    return getattr(spec.adapter, "default_name", code) if spec is not None else code
