"""The form of a business line's own settings (Settings → Business lines → Settings): each left empty falls back to
the merchant's (its name, its order policies)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import IntegerField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional


class BusinessLineSettingsForm(FlaskForm):
    name = StringField("Name", validators=[DataRequired(message="Enter the line's name."), Length(max=200)])
    display_name = StringField("Name shoppers see", validators=[Optional(), Length(max=200)])
    order_timeout_minutes = IntegerField(
        "Unpaid orders close after (minutes)",
        validators=[
            Optional(),
            NumberRange(min=1, max=1440, message="Use 1 to 1440 minutes (one day), or leave empty."),
        ],
    )
    auto_confirm_minutes = IntegerField(
        "Fulfilled orders complete after (minutes)",
        validators=[
            Optional(),
            NumberRange(min=0, max=129_600, message="Use 0 (at once) to 129600 minutes (90 days), or leave empty."),
        ],
    )

    def fields_to_save(self) -> dict:
        """The settings as app.merchants.business_lines.update_line takes them (an empty field: the merchant's)."""
        return {
            "name": self.name.data,
            "display_name": self.display_name.data or None,
            "order_timeout_minutes": self.order_timeout_minutes.data,
            "auto_confirm_minutes": self.auto_confirm_minutes.data,
        }
