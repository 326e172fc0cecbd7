"""Checkout panel input: parsed into what the order services take, with per-field messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import lazy_gettext
from werkzeug.datastructures import MultiDict

from app.catalog.models import Sku
from app.catalog.services import MAX_QUANTITY
from app.platform.values.money import normalise_currency
from app.platform.values.whole_numbers import parse_whole_number

# One address, no spaces, a dot in the domain: enough to catch a typo; the mail server is the real check.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
MAX_EMAIL = 320


@dataclass
class PanelInput:
    sku_id: str | None
    quantity: int | None
    channel: str | None
    agreed: bool
    coupon: str | None = None
    email: str | None = None
    # The currency the shopper asked for (the selector, or a ``currency`` in the link); the panel decides what it
    # can be (app/web/checkout/panel.py).
    currency: str | None = None
    # Whether the summary the shopper saw offered a subscription's free trial (None: the form does not say).
    trial_shown: bool | None = None
    # A saved card chosen in place of a channel (its radio's value is the card's spm_ id), and the "Save this card
    # for next time" box.
    payment_method: str | None = None
    save_method: bool = False
    # Messages the shopper reads, translated when the page renders (its language is known by then).
    errors: dict[str, str] = field(default_factory=dict)


def parse_panel(form: MultiDict, options: list[Sku] | None, *, for_payment: bool) -> PanelInput:
    """Read sku, quantity, channel (or saved card), agreement and the receipt email; record a message per bad
    field. ``options``: the SKUs the shopper may pick from; None (a checkout session with fixed items) has no option
    or quantity to read."""
    data = PanelInput(
        sku_id=None,
        quantity=None,
        channel=form.get("channel") or None,
        agreed=form.get("agree") in ("on", "yes", "true", "1"),
        coupon=(form.get("coupon") or "").strip()[:64] or None,
        email=(form.get("email") or "").strip() or None,
        currency=_wished_currency(form.get("currency")),
        trial_shown={"1": True, "0": False}.get(form.get("trial") or ""),
        save_method=form.get("save_method") in ("on", "yes", "true", "1"),
    )
    if data.channel and data.channel.startswith("spm_"):
        data.payment_method = data.channel
    if data.email is not None and (len(data.email) > MAX_EMAIL or not _EMAIL.fullmatch(data.email)):
        data.errors["email"] = lazy_gettext("Enter an email address like name@example.com, or leave it empty.")
    if for_payment:
        if not data.channel:
            data.errors["channel"] = lazy_gettext("Choose how you want to pay.")
        if not data.agreed:
            data.errors["agree"] = lazy_gettext("Please accept the terms to continue.")
    if options is None:
        return data
    data.sku_id = form.get("sku") or _preselected(options)
    chosen = next((s for s in options if s.id == data.sku_id), None)
    if chosen is None:
        data.errors["sku"] = lazy_gettext("Choose one of the options.")
    raw = (form.get("quantity") or "").strip()
    quantity = parse_whole_number(raw)
    if quantity is not None and 1 <= quantity <= MAX_QUANTITY:
        data.quantity = quantity
    else:
        data.errors["quantity"] = lazy_gettext("Enter a whole number from 1 to %(max)d.", max=MAX_QUANTITY)
    if chosen is not None and chosen.subscription_interval and data.quantity not in (None, 1):
        # One contract renews one SKU: two would sign a recurring charge for two and open a contract for one.
        data.quantity = None  # nothing to price: the summary must not name a recurring charge for two
        data.errors["quantity"] = lazy_gettext("A subscription is bought one at a time: set the quantity to 1.")
    return data


def _wished_currency(value: str | None) -> str | None:
    """A currency code from the form or link; anything else is no wish (the page then picks one itself)."""
    try:
        return normalise_currency(value) if value else None
    except ValueError:
        return None


def _preselected(options: list) -> str | None:
    """The option chosen until the shopper picks one: the cheapest one-off purchase. A subscription is never chosen
    for them (it signs a recurring charge), unless it is all the product sells."""
    one_off = [s for s in options if not s.subscription_interval]
    return (one_off or options)[0].id if options else None


def first_view(args: MultiDict, options: list[Sku] | None) -> PanelInput:
    """The panel as first opened: its link may preselect an option and quantity; none given means 1."""
    data = parse_panel(args, options, for_payment=False)
    if "quantity" in data.errors and "quantity" not in args:
        data.quantity, data.errors = 1, {k: v for k, v in data.errors.items() if k != "quantity"}
    return data
