"""The portal's campaign form: what a person types (amounts like "50.00", local dates) into the campaign service's
terms (minor units, UTC times); the rules stay in app/catalog/campaigns.py."""

from __future__ import annotations

from datetime import datetime, timezone

from flask_wtf import FlaskForm
from wtforms import DateTimeLocalField, IntegerField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from app.catalog.campaigns import CampaignTerms
from app.catalog.coupon_models import Coupon
from app.web.portal.catalog_forms import CurrencyField, to_minor_units

RULE_LABELS = {
    "first_order": "A new customer's first paid order",
    "paid_order": "Every paid order",
    "subscription_start": "A subscription that starts",
}


def _utc(value: datetime | None) -> datetime | None:
    return value.replace(tzinfo=timezone.utc) if value else None


class CampaignForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(), Length(max=120)])
    rule = SelectField(
        "Issue a coupon after", choices=[SelectChoice(value, label) for value, label in RULE_LABELS.items()]
    )
    template_coupon = SelectField("Coupon terms to issue", validators=[DataRequired()])
    starts_at = DateTimeLocalField("Starts (UTC; empty: now)", validators=[Optional()])
    ends_at = DateTimeLocalField("Ends (UTC; empty: until you end it)", validators=[Optional()])
    max_issued = IntegerField("Most coupons to issue (empty: no limit)", validators=[Optional(), NumberRange(min=1)])
    max_discount_total = StringField("Discount budget, in the coupon's currency (empty: no limit)")
    min_amount = StringField("Minimum order total (every paid order only; empty: any)")
    min_amount_currency = CurrencyField("Currency of the minimum order total")
    coupon_valid_days = IntegerField(
        "Each coupon is valid for (days; empty: until the template's end)",
        validators=[Optional(), NumberRange(min=1, max=3650)],
    )

    def offer(self, templates: list[Coupon]) -> None:
        """The merchant's coupons whose terms a campaign may issue."""
        self.template_coupon.choices = [SelectChoice(c.id, f"{c.code} — {c.description or c.kind}") for c in templates]
        self._templates = {c.id: c for c in templates}

    def terms(self) -> CampaignTerms | None:
        """The campaign's terms, or None with the amount fields' errors recorded."""
        template = self._templates.get(self.template_coupon.data)
        budget = self._amount(self.max_discount_total, template.currency if template else None)
        minimum = self._amount(self.min_amount, self.min_amount_currency.data)
        if self.errors:
            return None
        return CampaignTerms(
            name=self.name.data,
            rule=self.rule.data,
            template_coupon_id=self.template_coupon.data,
            starts_at=_utc(self.starts_at.data),
            ends_at=_utc(self.ends_at.data),
            max_issued=self.max_issued.data,
            max_discount_total=budget,
            min_amount=minimum,
            min_amount_currency=self.min_amount_currency.data if minimum is not None else None,
            coupon_valid_days=self.coupon_valid_days.data,
        )

    @staticmethod
    def _amount(field, currency: str | None) -> int | None:
        text = (field.data or "").strip()
        if not text:
            return None
        if currency is None:
            field.errors = [*field.errors, "Pick a coupon with a fixed amount or a cap in one currency for a budget."]
            return None
        try:
            return to_minor_units(text, currency)
        except ValueError as error:
            field.errors = [*field.errors, str(error)]
            return None
