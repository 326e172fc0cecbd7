"""The dashboard: GMV, orders, conversion, channel success and refunds over a date range, each headline figure
compared with the previous period of the same length."""

from __future__ import annotations

from flask import render_template, request
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField
from wtforms.validators import Optional

from app.errors import KassaError
from app.merchants.business_lines import list_lines
from app.payments.channels.routing import channel_offers
from app.payments.reports.dashboard import MAX_DAYS, dashboard_report
from app.payments.reports.periods import DEFAULT_PRESET, PRESETS, headline_changes, period_for
from app.platform.db.types import utcnow
from app.platform.values.money import exponent
from app.signing.metrics import subscription_figures
from app.web.portal import bp
from app.web.portal.access import permission_required, show_error
from app.web.portal.mode_views import portal_livemode


class RangeForm(FlaskForm):
    """A GET filter: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    range = SelectField(
        "Range", choices=[SelectChoice(value, label) for value, label in PRESETS.items()], validators=[Optional()]
    )
    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])
    # Its choices are the merchant's lines (the view sets them); shown only to a merchant that has some.
    business_line = SelectField("Business line", choices=[SelectChoice("", "All")], validators=[Optional()])

    def preset(self) -> str:
        """The chosen preset; dates without one (an older link) are a custom range."""
        if self.range.data:
            return self.range.data
        return "custom" if self.start.data or self.end.data else DEFAULT_PRESET


def _chart_data(report, channel_names: dict[str, str]) -> dict:
    """What the charts draw, handed to the page as JSON (the tables show the same numbers)."""
    return {
        "labels": [f"{day.day.day} {day.day:%b}" for day in report.days],
        "orders": [day.orders for day in report.days],
        "paid": [day.paid for day in report.days],
        "gmv": {currency: [day.gmv.get(currency, 0) for day in report.days] for currency in report.currencies},
        # Amounts stay integers of minor units; the page divides only to label the axis.
        "exponents": {currency: exponent(currency) for currency in report.currencies},
        "channels": [
            {
                "channel": channel_names.get(c.channel, c.channel),
                "rate": None if c.success_rate is None else round(c.success_rate * 100, 1),
            }
            for c in report.channels
        ],
    }


@bp.get("/dashboard")
@permission_required("dashboard.view")
def dashboard():
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    form = RangeForm(request.args)
    lines = list_lines(merchant_id)
    form.business_line.choices = [SelectChoice("", "All")] + [
        SelectChoice(line.id, f"{line.name} ({line.code})") for line in lines
    ]
    status = 200 if form.validate() else 422
    line = (form.business_line.data or None) if status == 200 else None
    report = changes = period = None
    preset = form.preset() if status == 200 else DEFAULT_PRESET
    try:
        period = period_for(preset, utcnow().date(), start=form.start.data, end=form.end.data)
        report = dashboard_report(merchant_id, period.start, period.end, livemode=livemode, business_line=line)
        previous = period.previous()
        changes = headline_changes(
            report,
            dashboard_report(merchant_id, previous.start, previous.end, livemode=livemode, business_line=line),
            period.previous_label(),
        )
    except KassaError as error:
        show_error(form, error)
        status = 422
    if period is not None:
        form.range.data, form.start.data, form.end.data = preset, period.start, period.end
    figures = subscription_figures(merchant_id, livemode=livemode)
    names = {offer.code: offer.name for offer in channel_offers(merchant_id, livemode=livemode)}
    chart = _chart_data(report, names) if report else None
    if chart is not None:
        chart["subscriptions"] = {"statuses": list(figures.by_status), "counts": list(figures.by_status.values())}
    return render_template(
        "portal/dashboard.html",
        form=form,
        report=report,
        changes=changes,
        max_days=MAX_DAYS,
        chart=chart,
        subs=figures,
        channel_names=names,
        presets=PRESETS,
        period=period,
        business_lines=lines,
        business_line=line,
    ), status
