"""Channel registry and per-merchant routing: which channels an order may be paid with."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from app.payments.adapters.base import ChannelAdapter
from app.payments.adapters.sandbox_card import SandboxCardAdapter
from app.payments.adapters.sandbox_qr import SandboxQrAdapter


@dataclass(frozen=True)
class AvailableChannel:
    code: str
    name: str
    icon: str
    priority: int
    agreement_text: str | None = None  # the protocol template the hosted panel shows

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
    return None


BUILT_IN_CHANNELS = ("sandbox_card", "sandbox_qr")


def available_channels(merchant_id: str, order: object | None = None, *,
                       amount: int | None = None, currency: str | None = None) -> list[AvailableChannel]:
    """Channels the merchant offers now, highest priority (lowest number) first: enabled, breaker
    not open, and (given an order, or an amount and currency) whose limits admit that total."""
    from app.payments.routing import channel_offers  # routing reads the registry above

    if order is not None:
        amount, currency = order.total, order.currency
    return [AvailableChannel(code=o.code, name=o.name, icon=o.icon, priority=o.priority,
                             agreement_text=o.agreement_text)
            for o in channel_offers(merchant_id, amount=amount, currency=currency) if o.refusal is None]
