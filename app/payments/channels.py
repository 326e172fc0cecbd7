"""Channel registry and per-merchant routing: which channels an order may be paid with."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.payments.adapters.base import ChannelAdapter
from app.payments.adapters.sandbox_card import SandboxCardAdapter
from app.payments.adapters.wallet import WalletAdapter
from app.payments.models import ChannelConfig


@dataclass(frozen=True)
class Prospect:
    """An order about to be created, as routing sees it (the checkout panel, top-ups)."""

    customer_id: str | None
    total: int
    currency: str
    kind: str = "purchase"


@dataclass(frozen=True)
class AvailableChannel:
    code: str
    name: str
    icon: str
    priority: int
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
    if code == "wallet":
        return WalletAdapter()
    return None


BUILT_IN_CHANNELS = ("sandbox_card", "wallet")


def available_channels(merchant_id: str, order=None) -> list[AvailableChannel]:
    """Enabled channels for the merchant, highest priority (lowest number) first. Given an order
    (or a Prospect), a channel whose adapter has ``offer(merchant_id, order)`` is listed only when
    that returns a note (None: not for this order)."""
    configs = {c.code: c for c in db.session.scalars(select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id))}
    channels = []
    for code in BUILT_IN_CHANNELS:
        adapter = adapter_for(code)
        config = configs.get(code)
        if config is not None and not config.enabled:
            continue
        note = None
        if order is not None and hasattr(adapter, "offer"):
            note = adapter.offer(merchant_id, order)
            if note is None:
                continue
        channels.append(AvailableChannel(
            code=code, name=(config and config.display_name) or adapter.default_name,
            icon=(config and config.icon) or adapter.default_icon, priority=config.priority if config else 100,
            note=note or None))
    return sorted(channels, key=lambda c: (c.priority, c.code))
