"""Which fees a channel charges a merchant: the merchant's channel config (its negotiated rate), else the channel's
published one (its ``ChannelSpec``); what comes back of it on a refund is the channel's own rule
(``fee_return_rule``), as no merchant negotiates that. The arithmetic is app/ledger/fees.py.

A fixed amount is minor units of one currency (30 is $0.30 but ¥30), so fixed fees are kept per currency: the
config's ``fixed_fees`` and ``dispute_fees`` map a currency to its amount, and a currency they do not name pays the
channel's published fixed fee and dispute fee (none when it publishes none)."""

from __future__ import annotations

from app.ledger.fees import capture_fee
from app.merchants.config_cache import cached
from app.payments.channels.registry import channels
from app.payments.channels.routing import channel_configs


def fee_schedule(merchant_id: str, channel: str, currency: str) -> tuple[int, int]:
    """(bps, fixed) the channel charges this merchant on a capture in ``currency``."""
    spec = channels().get(channel)
    bps, fixed = (spec.fee_bps, spec.fixed_fee(currency)) if spec else (0, 0)
    # The merchant's channel settings as of its configuration version (a fee change bumps it).
    row = cached(merchant_id, "payments.channel_configs", channel_configs).get(channel)
    if row is None:
        return bps, fixed
    return (bps if row.fee_bps is None else row.fee_bps, (row.fixed_fees or {}).get(currency, fixed))


def fee_for_capture(merchant_id: str, channel: str, amount: int, currency: str) -> int:
    """The fee this merchant's capture of ``amount`` ``currency`` on ``channel`` costs."""
    bps, fixed = fee_schedule(merchant_id, channel, currency)
    return capture_fee(amount, bps=bps, fixed=fixed)


def fee_return_rule(channel: str) -> str:
    """What ``channel``'s provider gives back of a capture's fee on a refund (``ChannelSpec.fee_returned_on_refund``);
    a channel no longer installed keeps the rule every channel had before the spec named one."""
    spec = channels().get(channel)
    return spec.fee_returned_on_refund if spec else "proportional"


def dispute_fee(merchant_id: str, channel: str, currency: str) -> int:
    """What the channel charges this merchant for a dispute in ``currency``, whatever its outcome: the merchant's
    rate, else the channel's published one (Stripe's $15.00), else none."""
    spec = channels().get(channel)
    published = spec.dispute_fee_by_currency.get(currency, 0) if spec else 0
    row = cached(merchant_id, "payments.channel_configs", channel_configs).get(channel)
    return (row.dispute_fees or {}).get(currency, published) if row is not None else published
