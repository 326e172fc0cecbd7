"""Portal forms for developers: API keys, webhook endpoints, delivery and request log filters, the embed snippet."""

from __future__ import annotations

from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    HiddenField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    URLField,
    ValidationError,
)
from wtforms.validators import AnyOf, DataRequired, InputRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from app.merchants.api_keys import KINDS, MAX_NAME_LENGTH, MODES
from app.request_log.history import STATUS_CLASSES
from app.webhooks.event_types import SUBSCRIBABLE
from app.webhooks.models import DELIVERY_STATUSES
from app.webhooks.secrets import DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS

ANY = SelectChoice("", "Any")


def _key_name() -> StringField:
    return StringField(
        "Name",
        validators=[Optional(), Length(max=MAX_NAME_LENGTH)],
        description="Optional: where the key is used, e.g. Production server",
    )


class ApiKeyForm(FlaskForm):
    name = _key_name()
    kind = SelectField(
        "Kind", choices=[SelectChoice(k, f"{k.capitalize()} ({'sk' if k == 'secret' else 'pk'}_…)") for k in KINDS]
    )
    mode = SelectField("Mode", choices=[SelectChoice(m, m.capitalize()) for m in MODES])
    # Its choices are the merchant's active lines (the view sets them); shown only to a merchant that has some.
    business_line = SelectField(
        "Business line", choices=[SelectChoice("", "All (the whole business)")], validators=[Optional()]
    )
    submit = SubmitField("Create key")

    def with_business_lines(self, lines: list) -> ApiKeyForm:
        """The form offering ``lines`` to scope the key to."""
        self.business_line.choices = [SelectChoice("", "All (the whole business)")] + [
            SelectChoice(line.id, f"{line.name} ({line.code})") for line in lines
        ]
        return self


def _confirmed() -> HiddenField:
    # Sent only by the confirmation page: a bare POST (a script, a forged form with a stolen token) asks first.
    return HiddenField(default="yes", validators=[InputRequired(), AnyOf(["yes"])])


class RollKeyForm(FlaskForm):
    """Confirming a roll, with the new key's name (empty keeps the old key's)."""

    confirm = _confirmed()
    name = _key_name()


class RevokeKeyForm(FlaskForm):
    """Confirming a revocation on its own page."""

    confirm = _confirmed()


class CheckboxList(SelectMultipleField):
    """A multiple choice shown as a list of labelled checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class WebhookEndpointForm(FlaskForm):
    url = URLField(
        "Endpoint URL", validators=[DataRequired(message="Enter the URL that receives events."), Length(max=2000)]
    )
    all_events = BooleanField("Every event (*)")
    events = CheckboxList("Events", choices=[SelectChoice(e) for e in SUBSCRIBABLE], validate_choice=True)
    submit = SubmitField("Add endpoint")

    def validate_events(self, field) -> None:
        # Said in the form's words: the service's message is the API's ('… or ["*"] for every event').
        if not self.all_events.data and not field.data:
            raise ValidationError("Tick “Every event”, or at least one of these events.")

    def selected_events(self) -> list[str]:
        return ["*"] if self.all_events.data else list(self.events.data or [])


class WebhookEndpointEditForm(WebhookEndpointForm):
    enabled = BooleanField("Enabled (unticked: the endpoint receives nothing)")
    submit = SubmitField("Save endpoint")

    def changes(self) -> dict:
        """What the endpoint service takes: every field of the form."""
        return {"url": self.url.data, "events": self.selected_events(), "enabled": bool(self.enabled.data)}


class RollSecretForm(FlaskForm):
    overlap_hours = IntegerField(
        "Hours the old secret keeps signing",
        default=DEFAULT_OVERLAP_HOURS,
        validators=[
            InputRequired(message="Enter a number of hours from 0 to 24."),
            NumberRange(min=0, max=MAX_OVERLAP_HOURS, message="Enter a number of hours from 0 to 24."),
        ],
    )


class SampleEventForm(FlaskForm):
    """Which sample event "Send test event" sends."""

    type = SelectField("Event type", choices=[])  # the types the endpoint listens to, set by the view


class DeliveryFilterForm(FlaskForm):
    """A GET filter: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    status = SelectField(
        "Status", choices=[ANY] + [SelectChoice(s) for s in DELIVERY_STATUSES], validators=[Optional()]
    )
    endpoint_id = SelectField("Endpoint", choices=[ANY], validators=[Optional()], validate_choice=False)


class RequestLogFilterForm(FlaskForm):
    """A GET filter of the API request log: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    status = SelectField("Status", choices=[ANY] + [SelectChoice(s) for s in STATUS_CLASSES], validators=[Optional()])
    method = SelectField(
        "Method",
        choices=[ANY] + [SelectChoice(m) for m in ("GET", "POST", "PUT", "PATCH", "DELETE")],
        validators=[Optional()],
    )
    path = StringField("Path contains", validators=[Optional(), Length(max=200, message="Use at most 200 characters.")])
    key = SelectField("Key", choices=[ANY], validators=[Optional()])
    request_id = StringField(
        "Request id", validators=[Optional(), Length(max=128, message="Request ids are at most 128 characters.")]
    )
    since = DateField("From", validators=[Optional()])
    until = DateField("To", validators=[Optional()])

    def validate_until(self, field) -> None:
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError("Choose a date on or after the From date.")


class EmbedForm(FlaskForm):
    """A GET choice of product for the snippet."""

    class Meta:
        csrf = False

    product = SelectField("Product", choices=[], validate_choice=False)
    mode = SelectField("Mode", choices=[SelectChoice(m, m.capitalize()) for m in MODES])
