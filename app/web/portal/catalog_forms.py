"""Portal forms for products, SKUs and coupons. They parse what a person types (prices like
"9.99", percentages like "12.5") into the service fields (minor units, basis points); business
rules stay in the catalog services."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime, timezone

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from app.catalog.coupon_models import KIND_TERMS
from app.catalog.products import MAX_CREDITS, MAX_MEMBERSHIP_DAYS, MAX_TRIAL_DAYS
from app.platform.values.currencies import ISO_4217
from app.platform.values.money import Money, ambiguous_comma, exponent, max_amount
from app.platform.values.whole_numbers import parse_whole_number

STATUS_CHOICES = [
    SelectChoice("active", "Active"),
    SelectChoice("draft", "Draft"),
    SelectChoice("archived", "Archived"),
]
# A decimal point or a decimal comma ("12,50", as the refund form and half the world write it); never a
# thousands separator: "1,000" has more decimals than dollars have and is refused, not read as 1.00.
_DECIMAL = re.compile(r"^\s*(\d{1,12})(?:[.,](\d+))?\s*$")


def to_minor_units(text: str, currency: str) -> int:
    """ "9.99" (or "9,99") in usd → 999, with integer arithmetic only; ValueError when it is not an amount."""
    if ambiguous_comma(text):
        raise ValueError(f"{ambiguous_comma(text)}.")
    match = _DECIMAL.match(text or "")
    places = exponent(currency)
    if not match or len(match.group(2) or "") > places:
        raise ValueError(f"Enter an amount like {({0: '1000', 3: '1.500'}).get(places, '9.99')}.")
    return int(match.group(1)) * 10**places + int((match.group(2) or "").ljust(places, "0") or 0)


def over_maximum(amount: int, currency: str) -> str | None:
    """What to say when ``amount`` is more than its currency's largest amount, else None."""
    if currency not in ISO_4217 or amount <= max_amount(currency):
        return None
    return f"Enter at most {Money(max_amount(currency), currency).format()}, the largest amount in {currency.upper()}."


def from_minor_units(amount: int | None, currency: str) -> str:
    """999 in usd → "9.99" (for a form's initial value)."""
    if amount is None:
        return ""
    places = exponent(currency)
    major, minor = divmod(amount, 10**places)
    return f"{major}.{minor:0{places}d}" if places else str(major)


def percent_to_bps(text: str) -> int:
    """ "12.5" → 1250 basis points (two decimals at most)."""
    match = _DECIMAL.match(text or "")
    if not match or len(match.group(2) or "") > 2:
        raise ValueError("Enter a percentage like 15 or 12.5.")
    return int(match.group(1)) * 100 + int((match.group(2) or "").ljust(2, "0"))


def _named_lines(text: str, fold=lambda name: name) -> Iterator[tuple[int, str, str]]:
    """The "name: value" lines of ``text`` as (line number, name, value). A name given twice is refused by its line:
    keeping the later one dropped the first without a word (two "eur" prices, two "tier" attributes)."""
    seen: dict[str, int] = {}
    for number, line in enumerate((text or "").splitlines(), 1):
        if not line.strip():
            continue
        name, sep, value = line.partition(":")
        if not sep or not name.strip():
            raise ValueError(f"Line {number}: write one “name: value” per line.")
        key = fold(name.strip())
        if key in seen:
            raise ValueError(f"Line {number}: “{name.strip()}” is already on line {seen[key]}; give each once.")
        seen[key] = number
        yield number, name.strip(), value.strip()


def parse_pairs(text: str) -> dict[str, str]:
    """Lines of "name: value" → a dict (attributes, specs)."""
    return {name: value for _, name, value in _named_lines(text)}


def parse_prices(text: str, currency: str) -> list[dict]:
    """Lines of "eur: 8.99" → prices in minor units besides the main ``currency``. A line in the main currency is
    refused, not dropped: the merchant meant some price by it, and only the Price field sets that one."""
    prices = []
    for number, code, amount in _named_lines(text, fold=str.lower):
        code = code.lower()
        if code == currency:
            raise ValueError(
                f"Line {number}: {code.upper()} is this option's own currency: change its price in "
                "Price above and list only other currencies here."
            )
        try:
            prices.append({"amount": to_minor_units(amount, code), "currency": code})
        except ValueError as exc:
            raise ValueError(f"Line {number} ({code.upper()}): {exc}") from None
    return prices


def parse_split(text: str, hold_days: int, partner_ids: dict[str, str]) -> dict | None:
    """Lines of "partner: percent" → a clearing rule (None when empty); partners by name or id, any case."""
    pairs = parse_pairs(text)
    if not pairs:
        return None
    splits = []
    for name, percent in pairs.items():
        partner = partner_ids.get(name.strip().lower())
        if partner is None:
            raise ValueError(f"No partner “{name}”: add it under Partners first.")
        try:
            splits.append({"partner": partner, "share_bps": percent_to_bps(percent)})
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
    return {"splits": splits, "hold_days": hold_days}


def format_pairs(pairs: dict | None) -> str:
    return "\n".join(f"{k}: {v}" for k, v in (pairs or {}).items())


# The currencies most merchants sell in, first in the list; the rest of ISO 4217 follows in A–Z order.
COMMON_CURRENCIES = ("usd", "eur", "gbp", "cad", "aud", "jpy", "cny", "inr", "brl", "chf", "sek", "sgd")


class CurrencyField(SelectField):
    """A currency picked from a list (typed codes such as "dollars" were refused only after sending the form)."""

    def __init__(self, label: str = "Currency", **kwargs) -> None:
        others = sorted(ISO_4217 - set(COMMON_CURRENCIES))
        choices = [SelectChoice(code, code.upper(), optgroup="Most used") for code in COMMON_CURRENCIES] + [
            SelectChoice(code, code.upper(), optgroup="All currencies") for code in others
        ]
        kwargs.setdefault("default", "usd")
        super().__init__(label, choices=choices, coerce=lambda value: (value or "").strip().lower(), **kwargs)

    def pre_validate(self, form) -> None:
        if self.data not in ISO_4217:
            raise ValidationError("Currency must be a three-letter ISO code from the list, like USD.")


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=timezone.utc) if value else None


_NO_LINE = SelectChoice("", "None: the whole business")


class ProductForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(message="Enter the product's name."), Length(max=200)])
    description = TextAreaField("Description", validators=[Optional(), Length(max=5000)])
    attributes = TextAreaField("Attributes (one “name: value” per line)", validators=[Optional()])
    status = SelectField("Status", choices=STATUS_CHOICES, default="active")
    # Per-product settlement cycle (app/ledger/clearing/rules.py, with_settlement_delay).
    settlement_delay_days = IntegerField(
        "Settle T+N: days after an order completes (empty: as the clearing rule says)",
        validators=[Optional(), NumberRange(min=0, max=365, message="Enter a number of days from 0 to 365.")],
    )
    category = StringField("Category (optional)", validators=[Optional(), Length(max=80)])
    # Its choices are the merchant's lines (with_business_lines); shown only to a merchant that has some.
    business_line = SelectField("Business line", choices=[_NO_LINE], validators=[Optional()])

    def with_business_lines(self, lines: list) -> ProductForm:
        """The form offering ``lines`` (the merchant's, archived ones only if the product is already in one)."""
        self.business_line.choices = [_NO_LINE] + [
            SelectChoice(line.id, f"{line.name} ({line.code})") for line in lines
        ]
        return self

    def validate_attributes(self, field) -> None:
        try:
            parse_pairs(field.data)
        except ValueError as exc:
            raise ValidationError(str(exc)) from None

    def fields_for_service(self) -> dict:
        return {
            "name": self.name.data,
            "description": self.description.data or "",
            "attributes": parse_pairs(self.attributes.data),
            "status": self.status.data,
            "settlement_delay_days": self.settlement_delay_days.data,
            "category": self.category.data or None,
            "business_line": self.business_line.data or None,
        }


class NewProductForm(ProductForm):
    """A product and its first price in one step: a product without an option could not be sold."""

    option_name = StringField(
        "Option name", default="Standard", validators=[DataRequired(message="Name the option."), Length(max=200)]
    )
    price = StringField("Price", validators=[Optional()])
    currency = CurrencyField()

    def fields_for_service(self) -> dict:
        """The product's fields with its first SKU when a price is given; messages go on the form's fields."""
        fields = super().fields_for_service()
        if (self.price.data or "").strip():
            currency = self.currency.data
            try:
                price = {"amount": to_minor_units(self.price.data, currency), "currency": currency}
            except ValueError as exc:
                self.price.errors = [str(exc)]
            else:
                fields["skus"] = [{"name": self.option_name.data, "price": price, "status": "active"}]
        return fields


class ImageForm(FlaskForm):
    image = FileField("Image (PNG, JPEG, WebP, GIF or SVG)")


class SkuForm(FlaskForm):
    name = StringField("Option name", validators=[DataRequired(message="Enter the option's name."), Length(max=200)])
    price = StringField("Price", validators=[DataRequired(message="Enter a price.")])
    currency = CurrencyField()
    other_prices = TextAreaField("Other currencies (one “eur: 8.99” per line)", validators=[Optional()])
    stock = IntegerField("Stock (empty: unlimited)", validators=[Optional(), NumberRange(min=0)])
    # The stock this page showed: orders take units while the merchant edits (app/catalog/products.update_sku).
    stock_shown = HiddenField()
    purchase_limit = IntegerField("Limit per customer (empty: none)", validators=[Optional(), NumberRange(min=1)])
    specs = TextAreaField("Specs (one “name: value” per line)", validators=[Optional()])
    status = SelectField("Status", choices=STATUS_CHOICES, default="active")
    # Sold as a subscription: renewed every ``interval_count`` ``interval``s (app/signing).
    subscription_interval = SelectField(
        "Sold as",
        default="",
        choices=[
            SelectChoice(value, label)
            for value, label in (
                ("", "A one-off purchase"),
                ("day", "A subscription renewed daily"),
                ("week", "A subscription renewed weekly"),
                ("month", "A subscription renewed monthly"),
                ("year", "A subscription renewed yearly"),
            )
        ],
    )
    subscription_interval_count = IntegerField(
        "Renewed every … intervals (1–12)", default=1, validators=[Optional(), NumberRange(min=1, max=12)]
    )
    # A free trial: the shopper signs for nothing and is first charged when it ends (app/signing/activation.py).
    subscription_trial_days = IntegerField(
        f"Free trial (days; empty or 0: none, at most {MAX_TRIAL_DAYS})",
        validators=[
            Optional(),
            NumberRange(
                min=0, max=MAX_TRIAL_DAYS, message=f"Give a trial from 0 to {MAX_TRIAL_DAYS} days, or leave it empty."
            ),
        ],
    )
    # Fulfilment (app/orders/fulfilment.py): what a paid order of this option delivers; all empty delivers nothing.
    fulfilment_membership_days = IntegerField(
        "Membership days granted",
        validators=[
            Optional(),
            NumberRange(
                min=1,
                max=MAX_MEMBERSHIP_DAYS,
                message=f"Grant from 1 to {MAX_MEMBERSHIP_DAYS} days, or leave it empty.",
            ),
        ],
    )
    fulfilment_credits = IntegerField(
        "Credits granted",
        validators=[
            Optional(),
            NumberRange(min=1, max=MAX_CREDITS, message=f"Grant from 1 to {MAX_CREDITS} credits, or leave it empty."),
        ],
    )
    fulfilment_webhook_url = StringField(
        "Your fulfilment webhook (https://…)",
        validators=[
            Optional(),
            Regexp(
                r"^https?://\S+$", message="Give the address of your server, starting with https://, or leave it empty."
            ),
        ],
    )
    # Clearing (app/ledger/clearing/rules.py): who gets what share of each sale of this option.
    clearing_split = TextAreaField(
        "Revenue split (one “partner: percent” per line; empty: the product's or your default, else all yours)",
        validators=[Optional()],
    )
    clearing_hold_days = IntegerField(
        "Hold before payout (days)", default=0, validators=[Optional(), NumberRange(min=0, max=365)]
    )

    def fulfilment(self) -> dict | None:
        """The fulfilment terms the fields name (the service checks them), or None for none."""
        grants = {
            "membership_days": self.fulfilment_membership_days.data,
            "credits": self.fulfilment_credits.data,
            "webhook_url": (self.fulfilment_webhook_url.data or "").strip() or None,
        }
        return {key: value for key, value in grants.items() if value is not None} or None

    def clearing_rule(self, partner_ids: dict[str, str]) -> dict | None:
        """The split as a clearing rule; ``partner_ids`` maps lower-case names and ids to partner ids."""
        try:
            return parse_split(self.clearing_split.data, self.clearing_hold_days.data or 0, partner_ids)
        except ValueError as exc:
            self.clearing_split.errors = [str(exc)]
            return None

    def shown_stock(self) -> int | str | None:
        """The stock the page showed (None: unlimited). Anything but a whole number (an edited page) is passed on as
        it is, for the service to refuse as no stock the page could have shown, never taken for unlimited."""
        raw = (self.stock_shown.data or "").strip()
        if not raw:
            return None
        number = parse_whole_number(raw)
        return raw if number is None else number

    def fields_for_service(self) -> dict:
        """The SKU fields, or ValidationError-style messages recorded on the form's fields."""
        currency = (self.currency.data or "").strip().lower()
        fields = {
            "name": self.name.data,
            "stock": self.stock.data,
            "purchase_limit": self.purchase_limit.data,
            "status": self.status.data,
            "subscription": {
                "interval": self.subscription_interval.data,
                "interval_count": self.subscription_interval_count.data or 1,
                "trial_days": self.subscription_trial_days.data or 0,
            }
            if self.subscription_interval.data
            else None,
            "fulfilment": self.fulfilment(),
        }
        try:
            fields["price"] = {"amount": to_minor_units(self.price.data, currency), "currency": currency}
        except ValueError as exc:
            self.price.errors = [str(exc)]
        try:
            fields["specs"] = parse_pairs(self.specs.data)
        except ValueError as exc:
            self.specs.errors = [str(exc)]
        try:
            fields["prices"] = parse_prices(self.other_prices.data, currency)
        except ValueError as exc:
            self.other_prices.errors = [str(exc)]
        return fields


KIND_LABELS = {
    "percent_off": "Percent off",
    "amount_off": "Fixed amount off",
    "spend_and_save": "Spend X, get Y off",
    "volume": "Quantity ladder (buy more, save more)",
}
KIND_CHOICES = [SelectChoice(value, label) for value, label in KIND_LABELS.items()]
# The form's discount fields and the coupon term each one fills.
DISCOUNT_FIELDS = {
    "percent": "percent_bps",
    "cap": "max_discount",
    "amount": "amount_off",
    "min_spend": "min_subtotal",
    "currency": "currency",
    "tiers": "tiers",
}


def kinds_using(field_name: str) -> list[str]:
    """The coupon kinds that read this discount field (the page shows the field for those only)."""
    return [kind for kind in KIND_LABELS if DISCOUNT_FIELDS[field_name] in KIND_TERMS[kind]]


DURATION_CHOICES = [
    SelectChoice("once", "its first order only"),
    SelectChoice("repeating", "its first order and some renewals"),
    SelectChoice("forever", "its first order and every renewal"),
]


class CouponForm(FlaskForm):
    code = StringField("Code", validators=[Length(max=64)])
    bulk_count = IntegerField("Or generate this many random codes", validators=[Optional(), NumberRange(1, 1000)])
    prefix = StringField("Prefix for generated codes", validators=[Optional(), Length(max=40)])
    kind = SelectField("Kind", choices=KIND_CHOICES)
    description = StringField("Description shown to shoppers", validators=[Optional(), Length(max=200)])
    percent = StringField("Percent off", validators=[Optional()])
    amount = StringField("Amount off", validators=[Optional()])
    min_spend = StringField("Minimum spend", validators=[Optional()])
    cap = StringField("Largest discount (cap)", validators=[Optional()])
    currency = CurrencyField()
    tiers = TextAreaField("Ladder (one “quantity: percent” per line, e.g. “5: 10”)", validators=[Optional()])
    # Check boxes, not a multiple select: on a phone the select's narrow box cut the options' names off.
    sku_ids = SelectMultipleField(
        "Only for these options (none selected: everything)",
        choices=[],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    valid_from = DateTimeLocalField("Valid from (UTC)", validators=[Optional()])
    valid_until = DateTimeLocalField("Valid until (UTC)", validators=[Optional()])
    max_redemptions = IntegerField("Total uses (empty: unlimited)", validators=[Optional(), NumberRange(min=1)])
    max_per_customer = IntegerField("Uses per customer (empty: unlimited)", validators=[Optional(), NumberRange(min=1)])
    channels = SelectMultipleField(
        "Only when paying with (none selected: any payment method)",
        choices=[],
        validate_choice=False,
        widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(),
    )
    automatic = BooleanField("Apply automatically, without a code (a promotion), when its terms hold")
    duration = SelectField("On a subscription, it discounts", choices=DURATION_CHOICES, default="once")
    duration_in_periods = IntegerField(
        "Renewals discounted (for “the first order and some renewals”)", validators=[Optional(), NumberRange(1, 1200)]
    )

    def validate_code(self, field) -> None:
        if not field.data and not self.bulk_count.data:
            raise ValidationError("Enter a code, or a number of codes to generate.")

    def validate(self, extra_validators=None) -> bool:
        """The fields' own checks, then: a field the chosen kind does not use must be empty (without the page's
        script every field shows, and a value typed there would otherwise be dropped without a word)."""
        valid = super().validate(extra_validators)
        terms = KIND_TERMS.get(self.kind.data, frozenset())
        label = KIND_LABELS.get(self.kind.data, "this kind")
        for name, term in DISCOUNT_FIELDS.items():
            field = getattr(self, name)
            # The currency has a default, so it is left unused rather than refused.
            if name != "currency" and term not in terms and (field.data or "").strip():
                field.errors = [
                    *field.errors,
                    f"A “{label}” coupon does not use this; clear it or choose another kind.",
                ]
                valid = False
        return valid

    def fields_for_service(self) -> dict:
        """The coupon terms for the service; unparseable entries become errors on their fields."""
        currency = (self.currency.data or "").strip().lower()
        fields = {
            "code": self.code.data,
            "kind": self.kind.data,
            "description": self.description.data,
            "currency": currency or None,
            "sku_ids": list(self.sku_ids.data or []),
            "valid_from": _utc(self.valid_from.data),
            "valid_until": _utc(self.valid_until.data),
            "max_redemptions": self.max_redemptions.data,
            "max_per_customer": self.max_per_customer.data,
            "channels": list(self.channels.data or []),
            "automatic": bool(self.automatic.data),
            "duration": self.duration.data,
            "duration_in_periods": self.duration_in_periods.data if self.duration.data == "repeating" else None,
        }
        for name, target in (("amount", "amount_off"), ("min_spend", "min_subtotal"), ("cap", "max_discount")):
            field = getattr(self, name)
            if field.data:
                try:
                    fields[target] = to_minor_units(field.data, currency or "usd")
                except ValueError as exc:
                    field.errors = [str(exc)]
                if target in fields and over_maximum(fields[target], currency):
                    field.errors = [over_maximum(fields[target], currency)]
        if self.percent.data:
            try:
                fields["percent_bps"] = percent_to_bps(self.percent.data)
            except ValueError as exc:
                self.percent.errors = [str(exc)]
        if self.kind.data == "volume":
            try:
                fields["tiers"] = [
                    {"min_quantity": int(q), "percent_bps": percent_to_bps(p)}
                    for q, p in parse_pairs(self.tiers.data).items()
                ]
            except ValueError as exc:
                self.tiers.errors = [str(exc) if "Line" in str(exc) else "Write “quantity: percent”, e.g. “5: 10”."]
        return fields


class CouponEditForm(FlaskForm):
    description = StringField("Description shown to shoppers", validators=[Optional(), Length(max=200)])
    valid_from = DateTimeLocalField("Valid from (UTC)", validators=[Optional()])
    valid_until = DateTimeLocalField("Valid until (UTC)", validators=[Optional()])
    max_redemptions = IntegerField("Total uses (empty: unlimited)", validators=[Optional(), NumberRange(min=1)])
    max_per_customer = IntegerField("Uses per customer (empty: unlimited)", validators=[Optional(), NumberRange(min=1)])

    def fields_for_service(self) -> dict:
        return {
            "description": self.description.data or "",
            "valid_from": _utc(self.valid_from.data),
            "valid_until": _utc(self.valid_until.data),
            "max_redemptions": self.max_redemptions.data,
            "max_per_customer": self.max_per_customer.data,
        }
