"""Portal forms for orders (filters, refunds) and channel settings."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp, ValidationError

from app.orders.state import STATUSES
from app.payments.channels.registry import ChannelSpec, channels

ANY = SelectChoice("", "Any")


class OrderFilterForm(FlaskForm):
    """A GET filter: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    q = StringField("Search", validators=[Optional(), Length(max=320)])
    status = SelectField("Status", choices=[ANY] + [SelectChoice(s) for s in STATUSES], validators=[Optional()])
    channel = SelectField(
        "Channel",
        choices=lambda: [ANY] + [SelectChoice(code, spec.name) for code, spec in channels().items()],
        validators=[Optional()],
    )
    customer = StringField("Customer id or email", validators=[Optional(), Length(max=320)])
    # Its choices are the merchant's lines (the view sets them); shown only to a merchant that has some.
    business_line = SelectField("Business line", choices=[ANY], validators=[Optional()])
    start = DateField("Created from", validators=[Optional()])
    end = DateField("Created to", validators=[Optional()])

    def validate_end(self, field) -> None:
        if field.data and self.start.data and field.data < self.start.data:
            raise ValidationError("Choose an end date on or after the start date.")


class RefundForm(FlaskForm):
    # Read in the order's currency by the view, which refuses it with an example in that currency ("12.50" is no
    # amount of yen).
    amount = StringField("Amount to refund", validators=[Optional(), Length(max=40)])
    reason = TextAreaField("Reason (shown on the order timeline)", validators=[Optional(), Length(max=500)])
    # Set by the confirmation page: only then is the refund made.
    confirmed = HiddenField()


class ChannelForm(FlaskForm):
    enabled = BooleanField("Offer this channel at checkout")
    priority = IntegerField(
        "Priority (lower comes first)",
        validators=[NumberRange(min=0, max=10_000, message="Use a whole number from 0 to 10000.")],
    )
    display_name = StringField("Name shown to shoppers", validators=[Optional(), Length(max=100)])
    icon = StringField("Icon (card, qr, wallet, or an https:// image URL)", validators=[Optional(), Length(max=200)])
    # Limits are typed in the units of their currency ("50000" yen, "1.500" dinars) and bound orders in it only.
    min_amount = StringField("Minimum order total", validators=[Optional(), Length(max=40)])
    max_amount = StringField("Maximum order total", validators=[Optional(), Length(max=40)])
    limits_currency = StringField(
        "Currency of the limits",
        validators=[Optional(), Regexp(r"^\s*[A-Za-z]{3}\s*$", message="Use a code like usd or jpy.")],
    )
    currencies = StringField(
        "Currencies (comma-separated, empty = any)",
        validators=[
            Optional(),
            Regexp(r"^\s*[A-Za-z]{3}(\s*,\s*[A-Za-z]{3})*\s*$", message="Use codes like usd, eur."),
        ],
    )
    # Templates per checkout language, versioned (app/payments/channels/agreements.py): placeholders {amount},
    # {merchant}, {product}, {period}, {date}.
    agreement_text = TextAreaField(
        "Agreement text shown when this channel is chosen (English, and any language left empty)",
        validators=[Optional(), Length(max=5000)],
    )
    agreement_text_de = TextAreaField("Agreement text in Deutsch", validators=[Optional(), Length(max=5000)])
    agreement_text_fr = TextAreaField("Agreement text in Français", validators=[Optional(), Length(max=5000)])


class ChannelFeesForm(FlaskForm):
    """The merchant's rate with the provider, typed as the provider's contract says it
    (app/payments/channels/fees.py)."""

    fee_percent = StringField(
        "Rate on each payment (%)",
        validators=[
            Optional(),
            Regexp(
                r"^\s*\d{1,3}([.,]\d{1,2})?\s*%?\s*$", message="Enter a percentage with at most two decimals, e.g. 2.9."
            ),
        ],
    )
    fixed_fees = StringField("Fixed fee on each payment", validators=[Optional(), Length(max=500)])
    dispute_fees = StringField("Dispute fee", validators=[Optional(), Length(max=500)])


def channel_settings_form(spec: ChannelSpec, masked: dict, **kwargs) -> FlaskForm:
    """A form built from a payment tool's settings schema: a password input per secret (blank keeps the saved
    one, whose masked form is the placeholder), a text input per option. Validation of the values themselves
    is the schema's, in app/payments/channels/credentials.py."""

    class ChannelSettingsForm(FlaskForm):
        pass

    for setting in spec.settings:
        kind = PasswordField if setting.secret else StringField
        setattr(
            ChannelSettingsForm,
            setting.name,
            kind(setting.label, description=setting.help, validators=[Optional(), Length(max=setting.max_length)]),
        )
    data = {
        name: value for name, value in masked.items() if not next(f for f in spec.settings if f.name == name).secret
    }
    return ChannelSettingsForm(data=data, **kwargs)


class DisputeEvidenceForm(FlaskForm):
    text = TextAreaField(
        "Evidence for the shopper's bank",
        validators=[
            DataRequired(
                message="Write the evidence: what was sold, when it was delivered, what the shopper agreed to."
            ),
            Length(max=10_000, message="Keep the evidence to 10,000 characters."),
        ],
    )
    # Set by the confirmation page: only then is the evidence sent.
    confirmed = HiddenField()
