"""The dashboard keeps the figures of days that can no longer change (app/payments/report_days.py), so a long range
is not aggregated on every view, and it never shows them stale: a day with something still open is read afresh,
and a late capture or a refund sent again after its day was kept shows at once."""

from __future__ import annotations

from datetime import date, timedelta

import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, events_of, pay, status_of

DAYS_AGO = 3  # kept: the day ended long enough ago, whatever the time of the run


def _move_back(app, order_id: str, days: int = DAYS_AGO) -> date:
    """Date the order and everything made for it ``days`` earlier, as if it had all happened then."""
    from sqlalchemy import select

    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt, Refund

    with app.app_context():
        order = db.session.get(Order, order_id)
        for row in [
            order,
            *db.session.scalars(select(PaymentAttempt).where(PaymentAttempt.order_id == order_id)),
            *db.session.scalars(select(Refund).where(Refund.order_id == order_id)),
        ]:
            row.created_at = row.created_at - timedelta(days=days)
        db.session.commit()
        return order.created_at.date()


def _report(app, merchant_id: str, day: date):
    """The dashboard's report of the 30 days up to today, and the figures of ``day`` in it."""
    from app.payments.reports.dashboard import dashboard_report
    from app.platform.db.types import utcnow

    today = utcnow().date()
    with app.app_context():
        report = dashboard_report(merchant_id, today - timedelta(days=29), today, livemode=False)
    of_day = next(d for d in report.days if d.day == day)
    channels = {c.channel: (c.attempts, c.succeeded, c.failed) for c in report.channels}
    return report, (of_day.orders, of_day.paid), channels


def _kept(app, merchant_id: str) -> set[date]:
    from sqlalchemy import select

    from app.extensions import db
    from app.payments.report_days import ReportDay, generation_of

    with app.app_context():
        return set(
            db.session.scalars(
                select(ReportDay.day).where(
                    ReportDay.merchant_id == merchant_id, ReportDay.generation == generation_of(merchant_id)
                )
            )
        )


def test_a_settled_day_is_kept_and_read_from_what_was_kept(app, api, merchant, catalog, sandbox):
    from sqlalchemy import text

    from app.extensions import db
    from app.platform.db.types import utcnow

    order = create_order(api, catalog["sku"])
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    day = _move_back(app, order["id"])

    report, figures, channels = _report(app, merchant.id, day)
    assert figures == (1, 1) and channels == {"sandbox_card": (1, 1, 0)}
    kept = _kept(app, merchant.id)
    today = utcnow().date()
    # The settled day, and days with nothing at all, are kept; today never is.
    assert day in kept and day - timedelta(days=1) in kept and today not in kept

    # What was kept is what the next view reads: a row changed behind the services' back (no move of theirs can do
    # this to a settled day) does not show.
    with app.app_context():
        db.session.execute(text("UPDATE orders SET status = 'closed' WHERE id = :o"), {"o": order["id"]})
        db.session.commit()
    assert _report(app, merchant.id, day)[1] == (1, 1)


def test_a_day_with_an_order_still_paying_is_read_afresh_until_it_settles(app, api, merchant, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    day = _move_back(app, order["id"])

    assert _report(app, merchant.id, day)[1] == (1, 0)
    assert day not in _kept(app, merchant.id)  # its order is paying, its attempt pending

    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    assert _report(app, merchant.id, day)[1:] == ((1, 1), {"sandbox_card": (1, 1, 0)})
    assert day in _kept(app, merchant.id)


def test_a_capture_after_the_day_was_kept_shows_at_once(app, api, merchant, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    assert api.post(f"/orders/{order['id']}/cancel").status_code == 200  # the attempt is given up: canceled
    day = _move_back(app, order["id"])
    assert _report(app, merchant.id, day)[1:] == ((1, 0), {"sandbox_card": (1, 0, 1)})
    assert day in _kept(app, merchant.id)

    # The shopper approves on the provider's page after all: the canceled attempt is captured (and handed back).
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: events_of(app, "payment.captured_on_inactive_order"))
    _, figures, channels = _report(app, merchant.id, day)
    assert figures == (1, 0) and channels == {"sandbox_card": (1, 1, 0)}  # the order stays closed


def test_a_refund_sent_again_after_its_day_was_kept_shows_at_once(app, api, merchant, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    planned = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/simulate_refund",
        json={"outcome": "failed"},
        timeout=10,
    )
    assert planned.status_code == 200, planned.text
    refund = api.post(f"/orders/{order['id']}/refunds", json={"amount": 300, "reason": "too slow"}).json["refund"]
    assert refund["status"] == "failed", refund
    day = _move_back(app, order["id"])
    report, _, _ = _report(app, merchant.id, day)
    assert (report.refunds, report.refunded) == (0, {})
    assert day in _kept(app, merchant.id)

    retried = api.post(f"/refunds/{refund['id']}/retry")
    assert retried.status_code == 200 and retried.json["refund"]["status"] == "succeeded", retried.json
    report, _, _ = _report(app, merchant.id, day)
    assert (report.refunds, report.refunded) == (1, {"usd": 300})


def test_the_hourly_job_keeps_settled_days_before_anyone_looks(
    app, api, merchant, other_merchant, catalog, sandbox, worker
):
    from app.platform.queueing import BATCH, enqueue

    order = create_order(api, catalog["sku"])
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    day = _move_back(app, order["id"])
    create_order(api, catalog["sku"])  # today's: the merchant has recent orders; the other merchant has none
    assert _kept(app, merchant.id) == set()

    from app.platform.db.types import utcnow

    with app.app_context():
        enqueue("app.jobs.keep_dashboard_days", lane=BATCH)
    assert worker() >= 1
    kept, today = _kept(app, merchant.id), utcnow().date()
    # The last 60 days but today (never kept) and, in the first hour of a day, yesterday.
    assert day in kept and today - timedelta(days=59) in kept and today not in kept and 58 <= len(kept) <= 59
    assert _kept(app, other_merchant.id) == set()
    assert _report(app, merchant.id, day)[1] == (1, 1)
