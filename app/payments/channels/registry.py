"""The channel registry: every payment tool, built-in or installed, declared by a ``kassa.channels`` entry point.

A payment tool is a Python package whose entry point (group ``kassa.channels``, name = the channel code) names a
``ChannelSpec``: its adapter class, the settings a merchant enters (credentials and options) and what it can do.
Kassa's own channels are declared by the same kind of entry point, in its pyproject.toml (Kassa runs from its
checkout, not installed, so no installed metadata holds them); both are loaded by one function, so routing, the hub
and the portal read one registry, and build a channel's adapter from it (``adapter_for``). See docs/channels.md.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Mapping

from flask import current_app

from app.config import PROJECT_ROOT
from app.ledger.fees import FEE_RETURN_RULES
from app.payments.channels.interface import ChannelAdapter
from app.payments.channels.sealed_settings import merchant_settings
from app.platform.observability import logs

log = logs.get("payments.registry")

ENTRY_POINT_GROUP = "kassa.channels"

# What a channel can do; the portal shows them and callers may ask before offering a feature.
CAPABILITIES = {
    "redirect": "sends the shopper to the provider's page",
    "qr": "shows a QR code the shopper scans",
    "card_form": "takes card details in an embedded form",
    "recurring": "signs recurring mandates for renewals",
    "setup": "signs a recurring mandate with a payment of nothing (a subscription's free trial)",
    "saved_methods": "keeps a customer's card for one-press purchases at the checkout",
    "refunds": "gives money back",
    "partial_refunds": "gives part of a payment back",
    "payouts": "pays money out",
    "statements": "lists a day's movements for reconciliation",
    "disputes": "tells of chargebacks by callback and takes the merchant's evidence",
}

_CODE = re.compile(r"^[a-z][a-z0-9_]{1,39}$")


@dataclass(frozen=True)
class SettingField:
    """One value a merchant enters for a channel. A ``secret`` one is stored encrypted and shown masked."""

    name: str
    label: str
    secret: bool = False
    required: bool = True
    help: str = ""
    pattern: str | None = None  # a regular expression the whole value must match
    pattern_hint: str = ""  # what to enter when it does not, e.g. "starts with sk_test_ or sk_live_"
    max_length: int = 500


@dataclass(frozen=True)
class ChannelSpec:
    """A payment tool as the registry knows it.

    ``adapter`` is a class with ``from_settings(config, settings) -> adapter``: ``config`` is Kassa's configuration
    (a mapping), ``settings`` the merchant's decrypted values for ``settings`` (empty when none are saved or when
    no merchant is known). The instance implements ``app.payments.channels.interface.ChannelAdapter``.
    """

    code: str
    name: str
    adapter: type
    settings: tuple[SettingField, ...] = ()
    capabilities: frozenset[str] = field(default_factory=frozenset)
    # The provider's published fee on a capture: a fixed part plus fee_bps/10000 of the amount
    # (app/payments/channels/fees.py);
    # a merchant's channel config may set its own negotiated rate. The fixed part is minor units of the capture's
    # currency, so it is published per currency (30 is $0.30 but ¥30 and 0.030 KWD): ``fee_fixed_by_currency``, else
    # ``fee_fixed`` in any other currency.
    fee_bps: int = 0
    fee_fixed: int = 0
    fee_fixed_by_currency: Mapping[str, int] = field(default_factory=dict)
    # What the provider gives back of a capture's fee when the capture is refunded (or a dispute takes it back):
    # ``proportional`` — the part of the fee in proportion to what goes back, as the sandbox does — or ``none`` — it
    # keeps its whole fee, as Stripe does. The books (app/ledger/fees.py) follow it, so it must be the provider's
    # real behaviour, not a wish.
    fee_returned_on_refund: str = "proportional"
    # The provider's published fee for a dispute, per currency (minor units), kept whatever the outcome; a currency
    # not named has none unless the merchant's channel config names one (app/payments/channels/fees.py ``dispute_fee``).
    dispute_fee_by_currency: Mapping[str, int] = field(default_factory=dict)
    # Whose account a statement is of: the merchant's own (its channel credentials read it, as with Stripe), so every
    # line Kassa cannot attribute to one of its records is its business; or one the whole installation shares (the
    # sandbox provider), whose lines naming another merchant's records are that merchant's.
    statement_shared: bool = False

    def fixed_fee(self, currency: str) -> int:
        """The published fixed part of the fee on a capture in ``currency``, in its minor units."""
        return self.fee_fixed_by_currency.get(currency, self.fee_fixed)

    @property
    def needs_setup(self) -> bool:
        """Must a merchant enter settings before the channel can take payments?"""
        return any(f.required for f in self.settings)

    def build(self, config: Mapping[str, Any], settings: Mapping[str, str] | None = None):
        """An adapter configured from Kassa's configuration and one merchant's settings."""
        return self.adapter.from_settings(config, dict(settings or {}))


class InvalidChannel(ValueError):
    """An entry point that does not name a usable ChannelSpec."""


def _checked(entry_point: EntryPoint) -> ChannelSpec:
    spec = entry_point.load()
    if not isinstance(spec, ChannelSpec):
        raise InvalidChannel(f"{entry_point.value} is not a ChannelSpec")
    if spec.code != entry_point.name or not _CODE.match(spec.code):
        raise InvalidChannel(
            f"entry point {entry_point.name!r} declares channel code {spec.code!r}; they must be "
            "equal, lowercase letters, digits and _"
        )
    unknown = set(spec.capabilities) - set(CAPABILITIES)
    if unknown:
        raise InvalidChannel(f"{spec.code}: unknown capabilities {sorted(unknown)}; known: {sorted(CAPABILITIES)}")
    if spec.fee_returned_on_refund not in FEE_RETURN_RULES:
        raise InvalidChannel(
            f"{spec.code}: fee_returned_on_refund {spec.fee_returned_on_refund!r}; known: {list(FEE_RETURN_RULES)}"
        )
    if not hasattr(spec.adapter, "from_settings"):
        raise InvalidChannel(f"{spec.code}: adapter {spec.adapter.__name__} has no from_settings(config, settings)")
    return spec


@cache
def built_in_entry_points() -> tuple[EntryPoint, ...]:
    """Kassa's own channels, as pyproject.toml declares them (``[project.entry-points."kassa.channels"]``), in the
    order written there: installed metadata would hold them sorted by name."""
    with open(PROJECT_ROOT / "pyproject.toml", "rb") as file:
        declared = tomllib.load(file)["project"]["entry-points"][ENTRY_POINT_GROUP]
    return tuple(EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in declared.items())


@cache
def channels() -> dict[str, ChannelSpec]:
    """Every loadable channel by code: the built-in ones, then installed packages' in name order. A package
    whose entry point fails to load is left out with an error in the log: one broken plugin must not stop
    payments on the others. A built-in code cannot be taken over by a package."""
    found: dict[str, ChannelSpec] = {}
    installed = sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: (ep.name, ep.value))
    for entry_point in (*built_in_entry_points(), *installed):
        if entry_point.name in found:
            log.error(
                "channel %s declared twice; keeping the first",
                entry_point.name,
                extra={"fields": {"entry_point": entry_point.value}},
            )
            continue
        try:
            found[entry_point.name] = _checked(entry_point)
        except Exception as exc:  # a plugin's import error is its own bug, never Kassa's outage
            log.error(
                "channel %s not loaded: %s", entry_point.name, exc, extra={"fields": {"entry_point": entry_point.value}}
            )
    return found


def reload_channels() -> dict[str, ChannelSpec]:
    """Read the entry points again (after installing a package into the running interpreter, e.g. in tests)."""
    channels.cache_clear()
    return channels()


def channel_spec(code: object) -> ChannelSpec | None:
    """The spec of a channel code; None when no such channel is installed."""
    return channels().get(code) if isinstance(code, str) else None


def is_test_channel(code: object) -> bool:
    """Whether the channel is test-only (the sandbox: it moves no real money). News about a channel, which belongs
    to neither mode by itself, is test news for such a channel and live news for any other."""
    spec = channel_spec(code)
    return spec is not None and getattr(spec.adapter, "test_only", False)


def is_test_account(code: object, merchant_id: str) -> bool:
    """Whether the merchant's account at the channel moves no real money: a test-only channel, or one whose adapter
    says its credentials are test ones (``livemode`` False: a Stripe ``sk_test_`` key). Its statement is then test
    money, which a test key may reconcile and whose news goes to test webhook endpoints."""
    if is_test_channel(code):
        return True
    spec = channel_spec(code)
    if spec is None:
        return False
    return getattr(adapter_for(spec.code, merchant_id), "livemode", None) is False


def channel_codes() -> tuple[str, ...]:
    """Every installed channel's code, built-in ones first."""
    return tuple(channels())


def adapter_for(code: str, merchant_id: str | None = None) -> ChannelAdapter | None:
    """The adapter for a channel code, from the registry, configured from the app config and (given a merchant)
    that merchant's saved settings for the channel; None if no such channel is installed."""
    spec = channel_spec(code)
    if spec is None:
        return None
    settings = merchant_settings(merchant_id, code) if merchant_id is not None and spec.settings else {}
    return spec.build(current_app.config, settings)
