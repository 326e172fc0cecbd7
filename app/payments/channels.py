"""Channel registry and per-merchant routing: which channels an order may be paid with."""
from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy import select

from app.extensions import db
from app.payments.adapters.base import ChannelAdapter
from app.payments.adapters.sandbox_card import SandboxCardAdapter
from app.payments.models import ChannelConfig


@dataclass(frozen=True)
class AvailableChannel:
    code: str
    name: str
    icon: str
    priority: int

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
    return None


BUILT_IN_CHANNELS = ("sandbox_card",)


def available_channels(merchant_id: str) -> list[AvailableChannel]:
    """Enabled channels for the merchant, highest priority (lowest number) first."""
    configs = {c.code: c for c in db.session.scalars(select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id))}
    channels = []
    for code in BUILT_IN_CHANNELS:
        adapter = adapter_for(code)
        config = configs.get(code)
        if config is not None and not config.enabled:
            continue
        channels.append(AvailableChannel(
            code=code, name=(config and config.display_name) or adapter.default_name,
            icon=(config and config.icon) or adapter.default_icon, priority=config.priority if config else 100))
    return sorted(channels, key=lambda c: (c.priority, c.code))
