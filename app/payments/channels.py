"""Channel registry and per-merchant routing: which channels an order may be paid with."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from app.payments.adapters.base import ChannelAdapter
from app.payments.adapters.sandbox_card import SandboxCardAdapter
from app.payments.adapters.sandbox_qr import SandboxQrAdapter
from app.payments.adapters.wallet import WalletAdapter


@dataclass(frozen=True, kw_only=True)
class Prospect:
    """An order about to be created, as routing sees it (the checkout panel, top-ups)."""

    customer_id: str | None
    customer_source: str  # how the customer is known (app/orders/customers.py)
    livemode: bool
    total: int
    currency: str
    kind: str = "purchase"


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


def adapter_for(code: str) -> ChannelAdapter | None:
    """The adapter for a channel code, configured from the app config; None if unknown."""
    config = current_app.config
    if code == "sandbox_card":
        return SandboxCardAdapter(config["SANDBOX_URL"], config["SANDBOX_API_KEY"],
                                  config["SANDBOX_CALLBACK_SECRET"],
                                  timeout=config["CHANNEL_HTTP_TIMEOUT_SECONDS"],
                                  tolerance_seconds=config["CALLBACK_TOLERANCE_SECONDS"])
    if code == "sandbox_qr":
        return SandboxQrAdapter(config["SANDBOX_URL"], config["SANDBOX_API_KEY"],
                                config["SANDBOX_CALLBACK_SECRET"],
                                timeout=config["CHANNEL_HTTP_TIMEOUT_SECONDS"],
                                tolerance_seconds=config["CALLBACK_TOLERANCE_SECONDS"])
    if code == "wallet":
        return WalletAdapter()
    return None


BUILT_IN_CHANNELS = ("sandbox_card", "sandbox_qr", "wallet")


def available_channels(merchant_id: str, order: object | None = None, *,
                       amount: int | None = None, currency: str | None = None) -> list[AvailableChannel]:
    """Channels the merchant offers now, highest priority (lowest number) first: enabled, breaker
    not open, and (given an order, or an amount and currency) whose limits admit that total; for a
    live order, no test channel. Given an order (or a Prospect), a channel whose adapter has
    ``offer(merchant_id, order)`` is listed only when that returns a note (the wallet: only for an
    authenticated customer whose balance covers the total)."""
    from app.payments.routing import channel_offers  # routing reads the registry above

    livemode = False
    if order is not None:
        amount, currency, livemode = order.total, order.currency, order.livemode
    channels = []
    for offer in channel_offers(merchant_id, amount=amount, currency=currency, livemode=livemode):
        if offer.refusal is not None:
            continue
        adapter, note = adapter_for(offer.code), None
        if order is not None and hasattr(adapter, "offer"):
            note = adapter.offer(merchant_id, order)
            if note is None:
                continue
        channels.append(AvailableChannel(code=offer.code, name=offer.name, icon=offer.icon, priority=offer.priority,
                                         agreement_text=offer.agreement_text, note=note))
    return channels
