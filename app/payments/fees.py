"""Which fee a channel charges a merchant: the merchant's channel config, else the channel's published default
(its ``ChannelSpec``). The arithmetic is app/ledger/fees.py."""
from __future__ import annotations

from app.ledger.fees import capture_fee
from app.merchants.config_cache import cached
from app.payments.registry import channels
from app.payments.routing import channel_configs


def fee_schedule(merchant_id: str, channel: str) -> tuple[int, int]:
    """(bps, fixed) the channel charges this merchant."""
    spec = channels().get(channel)
    default = (spec.fee_bps, spec.fee_fixed) if spec else (0, 0)
    # The merchant's channel settings as of its configuration version (a fee change bumps it).
    row = cached(merchant_id, "payments.channel_configs", channel_configs).get(channel)
    if row is None:
        return default
    return (default[0] if row.fee_bps is None else row.fee_bps, default[1] if row.fee_fixed is None else row.fee_fixed)


def fee_for_capture(merchant_id: str, channel: str, amount: int) -> int:
    """The fee this merchant's capture of ``amount`` on ``channel`` costs."""
    bps, fixed = fee_schedule(merchant_id, channel)
    return capture_fee(amount, bps=bps, fixed=fixed)
