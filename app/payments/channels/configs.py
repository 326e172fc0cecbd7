"""A merchant's settings per channel: enabled, priority, limits, currencies, the protocol template and the merchant's
rate with the provider (its fees, app/payments/channels/fees.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.errors import InvalidRequest
from app.extensions import db
from app.payments.channels.agreements import check_body, save_agreements
from app.payments.channels.registry import channel_codes, channel_spec, is_test_channel
from app.payments.channels.routing import channel_offers
from app.payments.models import ChannelConfig
from app.platform.outbox.events import record_event
from app.platform.values.languages import DEFAULT_LANGUAGE
from app.platform.values.money import MAX_DIGITS, Money, max_amount, max_amount_text, normalise_currency

MAX_AMOUNT = 10**MAX_DIGITS - 1  # a limit without its currency; one in a currency is at most max_amount of it
SETTINGS = (
    "enabled",
    "priority",
    "display_name",
    "icon",
    "min_amount",
    "max_amount",
    "limits_currency",
    "currencies",
    "agreement_text",
    "fee_bps",
    "fixed_fees",
    "dispute_fees",
)
MAX_FEE_BPS = 10_000  # 100 %: a fee of more than the capture is never charged (app/ledger/fees.py caps it anyway)


def _text(name: str, value: object, limit: int) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidRequest(f"{name} must be text", param=name)
    value = value.strip()
    if len(value) > limit:
        raise InvalidRequest(f"{name} must be at most {limit} characters", param=name)
    return value or None  # blank means "use the channel's default"


def _amount(name: str, value: object) -> int | None:
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= MAX_AMOUNT:
        raise InvalidRequest(
            f"{name} must be a whole number of minor units from 0 to {MAX_AMOUNT}, or null", param=name
        )
    return value


def _currencies(value: object) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, (list, tuple)):
        raise InvalidRequest("currencies must be a list of three-letter ISO codes (empty = any)", param="currencies")
    codes: list[str] = []
    for index, code in enumerate(value):
        try:
            code = normalise_currency(code)
        except ValueError:
            raise InvalidRequest(
                f"currencies[{index}] must be a three-letter ISO code, got {code!r}", param=f"currencies[{index}]"
            ) from None
        if code not in codes:
            codes.append(code)
    return codes


def _fees_by_currency(name: str, value: object) -> dict[str, int]:
    """{currency: minor units}, each a currency's whole number from 0 to its largest amount; None or {} is none."""
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InvalidRequest(
            f'{name} must map currencies to amounts in their minor units, e.g. {{"usd": 30}}', param=name
        )
    fees: dict[str, int] = {}
    for code, amount in value.items():
        try:
            currency = normalise_currency(code)
        except ValueError:
            raise InvalidRequest(f"{name}: {code!r} is not a three-letter ISO currency code", param=name) from None
        if type(amount) is not int or amount < 0:
            raise InvalidRequest(
                f"{name} in {currency.upper()} must be a whole number of minor units, 0 or more", param=name
            )
        if amount > max_amount(currency):
            raise InvalidRequest(f"{name} in {currency.upper()} is at most {max_amount_text(currency)}", param=name)
        if currency in fees:
            raise InvalidRequest(f"{name} names {currency.upper()} twice", param=name)
        fees[currency] = amount
    return dict(sorted(fees.items()))


def _require_installed(code: object) -> None:
    if channel_spec(code) is None:
        raise InvalidRequest(f"unknown channel {code!r}; channels: {', '.join(channel_codes())}", param="code")


def _validated(settings: dict) -> dict:
    unknown = sorted(set(settings) - set(SETTINGS))
    if unknown:
        raise InvalidRequest(
            f"unknown channel setting {unknown[0]!r}; settable: {', '.join(SETTINGS)}", param=unknown[0]
        )
    clean: dict = {}
    for name, value in settings.items():
        if name == "enabled":
            if not isinstance(value, bool):
                raise InvalidRequest("enabled must be true or false", param=name)
            clean[name] = value
        elif name == "priority":
            if type(value) is not int or not 0 <= value <= 10_000:
                raise InvalidRequest("priority must be a whole number from 0 (first) to 10000", param=name)
            clean[name] = value
        elif name == "display_name":
            clean[name] = _text(name, value, 100)
        elif name == "icon":
            clean[name] = _text(name, value, 200)
        elif name == "agreement_text":
            text = _text(name, value, 5000)
            # The English template (app/payments/channels/agreements.py): its placeholders are checked here.
            clean[name] = check_body(text, param=name) or None if text is not None else None
        elif name in ("min_amount", "max_amount"):
            clean[name] = _amount(name, value)
        elif name == "fee_bps":
            if value is not None and (type(value) is not int or not 0 <= value <= MAX_FEE_BPS):
                raise InvalidRequest(
                    f"fee_bps must be a whole number of basis points (hundredths of a percent) from 0 "
                    f"to {MAX_FEE_BPS}, or null for the channel's published rate",
                    param=name,
                )
            clean[name] = value
        elif name in ("fixed_fees", "dispute_fees"):
            clean[name] = _fees_by_currency(name, value)
        elif name == "limits_currency":
            try:
                clean[name] = None if value is None else normalise_currency(value)
            except ValueError as exc:
                raise InvalidRequest(f"limits_currency: {exc}", param=name) from None
        else:
            clean[name] = _currencies(value)
    return clean


def _check_largest(config: ChannelConfig) -> None:
    """A limit in a currency is at most that currency's largest amount (an order above it cannot exist)."""
    currency = config.limits_currency
    for name in ("min_amount", "max_amount"):
        value = getattr(config, name)
        if currency and value is not None and value > max_amount(currency):
            db.session.rollback()
            raise InvalidRequest(f"{name} in {currency.upper()} is at most {max_amount_text(currency)}", param=name)


def configure_channel(merchant_id: str, code: object, **settings: object) -> ChannelConfig:
    """Create or update the merchant's settings for one channel; invalid input is a 400 naming the field."""
    _require_installed(code)
    clean = _validated(settings)
    for _ in range(2):  # a concurrent first save may win the unique key; then update its row
        config = db.session.scalar(
            select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id, ChannelConfig.code == code)
        )
        if config is None:
            config = ChannelConfig(merchant_id=merchant_id, code=code, enabled=True, priority=100, currencies=[])
            db.session.add(config)
        for name, value in clean.items():
            setattr(config, name, value)
        low, high = config.min_amount, config.max_amount
        _check_largest(config)
        if low is not None and high is not None and low > high:
            db.session.rollback()
            shown = [Money(a, config.limits_currency).format() if config.limits_currency else a for a in (low, high)]
            raise InvalidRequest(f"min_amount ({shown[0]}) must not exceed max_amount ({shown[1]})", param="min_amount")
        try:
            db.session.flush()
            if "agreement_text" in clean:  # a changed text is a new version of the English agreement
                save_agreements(merchant_id, code, {DEFAULT_LANGUAGE: clean["agreement_text"] or ""}, actor=None)
            _record_update(merchant_id, config)
            db.session.commit()
            return config
        except IntegrityError:
            db.session.rollback()
    raise InvalidRequest("the channel settings changed concurrently; try again", param="code")


def _record_update(merchant_id: str, config: ChannelConfig) -> None:
    # The settings are one for both modes; a live channel's change is live news, so a live webhook endpoint hears it.
    record_event(
        merchant_id, "channel_config.updated", channel_config_json(config), livemode=not is_test_channel(config.code)
    )


def channel_config_json(config: ChannelConfig) -> dict:
    """The settings as the portal and events show them."""
    return {
        "object": "channel_config",
        "code": config.code,
        "enabled": config.enabled,
        "priority": config.priority,
        "display_name": config.display_name,
        "icon": config.icon,
        "min_amount": config.min_amount,
        "max_amount": config.max_amount,
        "limits_currency": config.limits_currency,
        "currencies": list(config.currencies or []),
        "agreement_text": config.agreement_text,
        "fee_bps": config.fee_bps,
        "fixed_fees": dict(config.fixed_fees or {}),
        "dispute_fees": dict(config.dispute_fees or {}),
    }


def move_channel(merchant_id: str, code: object, direction: str) -> list[str]:
    """Move a channel one place up or down in the merchant's order; returns the new order.

    Priorities are renumbered 10, 20, 30, … in one transaction, so the order shown is exactly the
    order the checkout offers, with room to slot a channel in by number later.
    """
    _require_installed(code)
    if direction not in ("up", "down"):
        raise InvalidRequest("direction must be up or down", param="direction")
    order = [offer.code for offer in channel_offers(merchant_id)]
    index = order.index(code)
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(order):
        order[index], order[other] = order[other], order[index]
    configs = {
        c.code: c for c in db.session.scalars(select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id))
    }
    for position, channel in enumerate(order, start=1):
        config = configs.get(channel)
        if config is None:
            config = ChannelConfig(merchant_id=merchant_id, code=channel, enabled=True, priority=100, currencies=[])
            db.session.add(config)
        if config.priority != position * 10:
            config.priority = position * 10
            db.session.flush()
            _record_update(merchant_id, config)
    try:
        db.session.commit()
    except IntegrityError:  # a concurrent first save of a channel's row: nothing was changed
        db.session.rollback()
        raise InvalidRequest("the channel settings changed concurrently; try again", param="code") from None
    return order


def channel_settings(merchant_id: str, code: str) -> dict | None:
    """One channel's saved settings as JSON (None while it has none), e.g. for the audit log."""
    config = db.session.scalar(
        select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id, ChannelConfig.code == code)
    )
    return channel_config_json(config) if config else None


def preview_offers(merchant_id: str, code: object, **settings: object):
    """The channel list the checkout would show if ``code`` had these settings; nothing is saved.
    Invalid settings raise like ``configure_channel`` would."""
    _require_installed(code)
    saved = db.session.scalar(
        select(ChannelConfig).where(ChannelConfig.merchant_id == merchant_id, ChannelConfig.code == code)
    )
    values = {name: getattr(saved, name) for name in SETTINGS} if saved else {"enabled": True, "priority": 100}
    values.update(_validated(settings))
    # A transient row, never added to the session.
    draft = ChannelConfig(merchant_id=merchant_id, code=code, **values)
    return [offer for offer in channel_offers(merchant_id, overrides={code: draft}) if offer.refusal is None]


def channel_order(merchant_id: str) -> dict:
    """The merchant's channel order and switches, as the audit log records a reorder."""
    return {"order": [offer.code for offer in channel_offers(merchant_id)]}
