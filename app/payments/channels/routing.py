"""Routing: which of the merchant's channels may take a given amount, and why the others may not.

A channel is offered when it is enabled, its circuit breaker is not open, and its limits and
currencies admit the order total; offers are ordered by priority (lowest number first). An order of a
business line follows the line's own ``enabled`` and ``priority`` where the line set them
(app/payments/channels/line_channels.py), the merchant's elsewhere. A test
channel (an adapter marked ``test_only``, e.g. the sandbox provider) never takes a live order, and a
channel may refuse an order for reasons of its own (``refuse(order)``: the wallet of a customer
nobody vouched for).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import select

from app.catalog.coupon_channels import refuse_channel_outside_coupon
from app.errors import InvalidRequest
from app.merchants.config_cache import cached
from app.payments.channels import breaker
from app.payments.channels.credentials import is_set_up
from app.payments.channels.line_overrides import LineChannelOverrides, line_overrides
from app.payments.channels.registry import adapter_for, channel_codes, channel_spec
from app.payments.models import ChannelConfig
from app.platform.switches import channel_off_reason
from app.platform.values.money import Money

DEFAULT_PRIORITY = 100


@dataclass(frozen=True)
class ChannelOffer:
    """One channel as the merchant configured it, and the reason it is refused (None = offered)."""

    code: str
    name: str
    icon: str
    priority: int
    agreement_text: str | None
    refusal: str | None
    enabled: bool = True
    needs_setup: bool = False  # refused because the merchant has not entered the channel's settings yet


def refusal_reason(
    config: ChannelConfig | None,
    code: str,
    *,
    amount: int | None,
    currency: str | None,
    merchant_id: str | None = None,
    admitted: set[str] | None = None,
    line: LineChannelOverrides | None = None,
) -> str | None:
    """Why ``code`` cannot take this amount now, in words for the shopper; None if it can. ``admitted``: the
    channels whose breakers let them through, when the caller read them already; ``line``: the overrides of the
    order's business line."""
    switched_off = channel_off_reason(merchant_id, code) if merchant_id else None
    if switched_off:
        return switched_off
    own = line.channels.get(code) if line is not None else None
    if own is not None and own.enabled is not None:
        if not own.enabled:
            return f"{code} is not enabled for business line {line.line_code}"
    elif config is not None and not config.enabled:
        return f"{code} is not enabled"
    if amount == 0 and "setup" not in getattr(channel_spec(code), "capabilities", ()):
        # An order of nothing (a free trial's first) is paid only by signing a mandate for what follows.
        return f"{code} cannot sign up for a free trial (it takes no payment of nothing)"
    if config is not None and amount is not None and currency is not None:
        if config.currencies and currency not in config.currencies:
            return f"{code} does not accept {currency.upper()}"
        limited = config.limits_currency in (None, currency)  # limits in yen say nothing about dollars
        if limited and config.min_amount is not None and 0 < amount < config.min_amount:  # nothing moves in a setup
            return f"{code} takes payments of at least {Money(config.min_amount, currency).format()}"
        if limited and config.max_amount is not None and amount > config.max_amount:
            return (
                f"{Money(amount, currency).format()} is above the channel's maximum of "
                f"{Money(config.max_amount, currency).format()} for {code}"
            )
    if not (code in admitted if admitted is not None else breaker.admits(code)):
        return f"{code} is temporarily unavailable after repeated provider errors; try another channel"
    return None


def setup_refusal(merchant_id: str, code: str) -> str | None:
    """Why a payment tool that needs the merchant's credentials cannot take payments yet; None once set up."""
    if code in cached(merchant_id, "payments.channels_set_up", _channels_set_up):
        return None
    return f"{code} is not set up: enter its settings in the portal (Channels, {code})"


def _channels_set_up(_session, merchant_id: str) -> frozenset[str]:
    return frozenset(code for code in channel_codes() if is_set_up(merchant_id, code))


def channel_configs(session, merchant_id: str) -> dict[str, ChannelConfig]:
    """The merchant's saved channel settings by code (a loader for ``cached``)."""
    return {c.code: c for c in session.scalars(select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id))}


def test_channel_refusal(code: str) -> str:
    """Why a live order cannot use a test channel, in words for the caller."""
    return (
        f"{code} is a test channel (it moves no real money), so live orders cannot use it; "
        "pay live orders through a live channel, or create the order with a test key"
    )


def channel_offers(
    merchant_id: str,
    *,
    amount: int | None = None,
    currency: str | None = None,
    livemode: bool = False,
    overrides: dict[str, ChannelConfig] | None = None,
    business_line: str | None = None,
) -> list[ChannelOffer]:
    """Every built-in channel with the merchant's settings and its refusal reason, by priority, as an
    order of the given mode sees them. ``overrides`` replaces some channels' settings with unsaved ones
    (the portal's live preview); ``business_line`` (a line's id) applies that line's own enabled and priority."""
    # Kept in memory per merchant: these rows are only read here (the portal edits its own copies).
    configs = {**cached(merchant_id, "payments.channel_configs", channel_configs), **(overrides or {})}
    line = line_overrides(merchant_id, business_line)
    # Each channel's breaker of this mode: a provider's test environment failing never hides it from live orders.
    breakers = {code: breaker.for_mode(code, livemode) for code in channel_codes()}
    admitting = breaker.admitting(list(breakers.values()))
    admitted = {code for code, name in breakers.items() if name in admitting}
    offers = []
    for code in channel_codes():
        adapter, config = adapter_for(code), configs.get(code)
        setup = setup_refusal(merchant_id, code)
        own = line.channels.get(code)
        enabled = config.enabled if config is not None else True
        priority = config.priority if config else DEFAULT_PRIORITY
        if own is not None:
            enabled = enabled if own.enabled is None else own.enabled
            priority = priority if own.priority is None else own.priority
        offers.append(
            ChannelOffer(
                code=code,
                name=(config and config.display_name) or adapter.default_name,
                icon=(config and config.icon) or adapter.default_icon,
                priority=priority,
                agreement_text=config.agreement_text if config else None,
                refusal=(
                    test_channel_refusal(code)
                    if livemode and getattr(adapter, "test_only", False)
                    else setup
                    or refusal_reason(
                        config,
                        code,
                        amount=amount,
                        currency=currency,
                        merchant_id=merchant_id,
                        admitted=admitted,
                        line=line,
                    )
                ),
                enabled=enabled,
                needs_setup=setup is not None,
            )
        )
    return sorted(offers, key=lambda o: (o.priority, o.code))


def require_channel(order, code: str) -> ChannelOffer:
    """The offer of ``code`` for ``order`` (as its business line offers it), or a 400 ``channel_unavailable`` that
    says why it cannot be used and names the channels it may use."""
    offers = []
    for offer in channel_offers(
        order.merchant_id,
        amount=order.total,
        currency=order.currency,
        livemode=order.livemode,
        business_line=getattr(order, "business_line_id", None),
    ):
        # Only a channel routing admits is built (a payment tool's adapter reads the merchant's credentials).
        refuse = getattr(adapter_for(offer.code, order.merchant_id), "refuse", None) if offer.refusal is None else None
        offers.append(replace(offer, refusal=refuse(order)) if refuse else offer)
    usable = [o.code for o in offers if o.refusal is None]
    for offer in offers:
        if offer.code == code:
            if offer.refusal:
                raise InvalidRequest(
                    f"channel {code!r} cannot take this order: {offer.refusal}; available: {usable}",
                    code="channel_unavailable",
                    param="channel",
                )
            # Only a discounted order can carry a coupon (as in available_channels): the others cost no query.
            if getattr(order, "id", None) is not None and getattr(order, "discount", 0):
                refuse_channel_outside_coupon(order.id, code, {o.code: o.name for o in offers})
            return offer
    raise InvalidRequest(
        f"channel {code!r} is not available for this order; use one of {usable}",
        code="channel_unavailable",
        param="channel",
    )
