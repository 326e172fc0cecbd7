"""Portal forms for signing in, the user's own account, the team and the settings.

Forms check shape only (present, length, format); business rules stay in the services, whose
errors the views place next to the field they name.
"""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    EmailField,
    HiddenField,
    IntegerField,
    PasswordField,
    SelectChoice,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, EqualTo, InputRequired, Length, NumberRange, Optional, Regexp

from app.merchants.permissions import ROLES
from app.merchants.services import MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH
from app.platform.values.languages import CHECKOUT_LANGUAGES
from app.platform.values.whole_numbers import parse_whole_number


def whole_number(raw: str) -> int | str:
    """A form's whole number as an int, else the text as typed, for the service to refuse with its message. Digits
    only, and few enough: int() refuses a string of more than 4300 digits with a ValueError (a 500)."""
    number = parse_whole_number(raw)
    return raw if number is None else number


_EMAIL = Regexp(r"^[^@\s]+@[^@\s]+$", message="Enter a valid email address.")
_ROLE_CHOICES = [SelectChoice(role, role.capitalize()) for role in ROLES]


class LoginForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(message="Enter your email."), _EMAIL])
    password = PasswordField("Password", validators=[DataRequired(message="Enter your password."), Length(max=200)])
    submit = SubmitField("Sign in")


class PasswordForm(FlaskForm):
    current_password = PasswordField(
        "Current password", validators=[DataRequired(message="Enter your current password.")]
    )
    new_password = PasswordField(
        "New password",
        validators=[
            DataRequired(message="Choose a new password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=MAX_PASSWORD_LENGTH,
                message=f"Use {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
            ),
        ],
    )
    confirm_password = PasswordField(
        "Repeat the new password",
        validators=[
            DataRequired(message="Repeat the new password."),
            EqualTo("new_password", message="The passwords differ."),
        ],
    )
    submit = SubmitField("Change password")


class AddMemberForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(message="Enter their email."), _EMAIL, Length(max=320)])
    role = SelectField("Role", choices=_ROLE_CHOICES, default="operator")
    temporary_password = PasswordField(
        "Temporary password",
        validators=[
            DataRequired(message="Give them a temporary password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=MAX_PASSWORD_LENGTH,
                message=f"Use {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
            ),
        ],
    )
    submit = SubmitField("Add user")


class InviteMemberForm(FlaskForm):
    email = EmailField("Email", validators=[DataRequired(message="Enter their email."), _EMAIL, Length(max=320)])
    role = SelectField("Role", choices=_ROLE_CHOICES, default="operator")
    submit = SubmitField("Send invitation")


class AcceptInvitationForm(FlaskForm):
    password = PasswordField(
        "Choose a password",
        validators=[
            DataRequired(message="Choose a password."),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=MAX_PASSWORD_LENGTH,
                message=f"Use {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.",
            ),
        ],
    )
    confirm_password = PasswordField(
        "Repeat the password",
        validators=[
            DataRequired(message="Repeat the password."),
            EqualTo("password", message="The passwords differ."),
        ],
    )
    submit = SubmitField("Join the team")


class RoleForm(FlaskForm):
    role = SelectField("Role", choices=_ROLE_CHOICES)
    submit = SubmitField("Change role")


class ConfirmForm(FlaskForm):
    """A bare confirmation (destructive actions): the CSRF token and a button."""

    confirm = HiddenField(default="yes")


class EraseCustomerForm(FlaskForm):
    """An erasure cannot be undone: the merchant types the customer id it is for."""

    typed_id = StringField(
        "Type the customer id to confirm",
        validators=[DataRequired(message="Type the customer id to confirm."), Length(max=200)],
    )


class ProfileForm(FlaskForm):
    name = StringField("Business name", validators=[DataRequired(message="Enter the business name."), Length(max=200)])
    email = EmailField(
        "Contact email", validators=[DataRequired(message="Enter a contact email."), _EMAIL, Length(max=320)]
    )
    submit = SubmitField("Save profile")


class BrandingForm(FlaskForm):
    brand_color = StringField(
        "Brand colour", validators=[Optional(), Regexp(r"^#[0-9a-fA-F]{6}$", message="Use a colour like #3a55d8.")]
    )
    logo_file = FileField("Upload a logo (PNG, JPEG, GIF or WebP, up to 256 KB)")
    logo_url = StringField("…or a logo URL (https://)", validators=[Optional(), Length(max=1000)])
    remove_logo = BooleanField("Remove the logo")
    terms_text = TextAreaField("Terms of purchase", validators=[Optional(), Length(max=20_000)])
    submit = SubmitField("Save branding")


class CheckoutModeForm(FlaskForm):
    live_checkout = BooleanField("Take live payments on the hosted product page")
    checkout_language = SelectField(
        "Checkout language",
        default="",
        choices=[
            SelectChoice("", "Automatic (the shopper's browser language)"),
            *(SelectChoice(code, name) for code, name in CHECKOUT_LANGUAGES.items()),
        ],
    )
    submit = SubmitField("Save checkout mode")


class PayoutRailForm(FlaskForm):
    """The channel settlements and wallet withdrawals are paid out through; its choices are set by the view."""

    payout_channel = SelectField("Pay out through", choices=[])
    submit = SubmitField("Save payout channel")


class PoliciesForm(FlaskForm):
    order_timeout_minutes = IntegerField(
        "Unpaid orders close after (minutes)",
        validators=[
            InputRequired(message="Enter a number of minutes."),
            NumberRange(min=1, max=1440, message="Use 1 to 1440 minutes (one day)."),
        ],
    )
    auto_confirm_minutes = IntegerField(
        "Fulfilled orders complete after (minutes)",
        validators=[
            InputRequired(message="Enter a number of minutes."),
            NumberRange(min=0, max=129_600, message="Use 0 (at once) to 129600 minutes (90 days)."),
        ],
    )
    submit = SubmitField("Save order policies")
