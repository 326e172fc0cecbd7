"""The dashboard: GMV, orders, conversion, channel success and refunds over a date range."""
from __future__ import annotations

from datetime import timedelta

from flask import render_template, request
from flask_login import current_user
from flask_wtf import FlaskForm
from wtforms import DateField
from wtforms.validators import Optional

from app.db_types import utcnow
from app.errors import KassaError
from app.money import exponent
from app.payments.reports import MAX_DAYS, dashboard_report
from app.signing.metrics import subscription_figures
from app.web.portal import bp
from app.web.portal.access import permission_required, show_error
from app.web.portal.mode_views import portal_livemode

DEFAULT_DAYS = 30


class RangeForm(FlaskForm):
    """A GET filter: no CSRF token (it changes nothing)."""

    class Meta:
        csrf = False

    start = DateField("From", validators=[Optional()])
    end = DateField("To", validators=[Optional()])


def _chart_data(report) -> dict:
    """What the charts draw, handed to the page as JSON (the tables show the same numbers)."""
    return {"labels": [day.day.isoformat() for day in report.days],
            "orders": [day.orders for day in report.days],
            "paid": [day.paid for day in report.days],
            "gmv": {currency: [day.gmv.get(currency, 0) for day in report.days] for currency in report.currencies},
            # Amounts stay integers of minor units; the page divides only to label the axis.
            "exponents": {currency: exponent(currency) for currency in report.currencies},
            "channels": [{"channel": c.channel,
                          "rate": None if c.success_rate is None else round(c.success_rate * 100, 1)}
                         for c in report.channels]}


@bp.get("/dashboard")
@permission_required("dashboard.view")
def dashboard():
    form = RangeForm(request.args)
    status = 200 if form.validate() else 422
    today = utcnow().date()
    end = form.end.data or today
    start = form.start.data or end - timedelta(days=DEFAULT_DAYS - 1)
    form.start.data, form.end.data = start, end
    report = None
    try:
        report = dashboard_report(current_user.merchant_id, start, end, livemode=portal_livemode())
    except KassaError as error:
        show_error(form, error)
        status = 422
    figures = subscription_figures(current_user.merchant_id, livemode=portal_livemode())
    chart = _chart_data(report) if report else None
    if chart is not None:
        chart["subscriptions"] = {"statuses": list(figures.by_status), "counts": list(figures.by_status.values())}
    return render_template("portal/dashboard.html", form=form, report=report, max_days=MAX_DAYS, chart=chart,
                           subs=figures), status
