"""The audit log (written with the change or not at all; filters, pages) and the dashboard's figures."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import DBAPIError


def _actor(merchant_id: str):
    from app.audit.services import AuditActor

    return AuditActor(merchant_id=merchant_id, user_id="usr_test", email="someone@acme.test", role="owner")


def test_an_audit_row_is_written_with_the_change_or_not_at_all(app, merchant):
    from app.audit.models import AuditEntry
    from app.audit.services import audited
    from app.errors import InvalidRequest
    from app.extensions import db
    from app.merchants.models import Merchant
    from app.merchants.settings import update_profile

    with app.app_context():
        with pytest.raises(InvalidRequest):
            with audited(_actor(merchant.id), "settings.profile", Merchant, merchant.id):
                update_profile(merchant.id, name="New name", email="broken")
        db.session.rollback()
        assert db.session.query(AuditEntry).count() == 0

        # The change commits, then something fails before the view returns: the row is already there.
        with pytest.raises(RuntimeError):
            with audited(_actor(merchant.id), "settings.profile", Merchant, merchant.id):
                update_profile(merchant.id, name="New name", email="new@acme.test")
                raise RuntimeError("after the commit")
        entry = db.session.query(AuditEntry).one()
        assert (entry.before["name"], entry.after["name"]) == ("Acme Games", "New name")
        assert entry.actor_email == "someone@acme.test" and entry.object_type == "merchant"

        # A failing commit takes the audit row down with it.
        merchant_row = db.session.get(Merchant, merchant.id)
        with pytest.raises(DBAPIError):
            with audited(_actor(merchant.id), "settings.profile", Merchant, merchant.id):
                merchant_row.name = "x" * 5000  # longer than the column: PostgreSQL refuses at commit
                merchant_row.email = None  # NOT NULL: every database refuses
                db.session.commit()
        db.session.rollback()
        assert db.session.query(AuditEntry).count() == 1

        # Saving without a change records nothing.
        with audited(_actor(merchant.id), "settings.profile", Merchant, merchant.id):
            update_profile(merchant.id, name="New name", email="new@acme.test")
        assert db.session.query(AuditEntry).count() == 1


def test_a_retried_creation_records_the_object_that_was_committed(app, merchant):
    from app.audit.models import AuditEntry
    from app.audit.services import audited
    from app.extensions import db
    from app.merchants.models import ApiKey
    from app.merchants.services import issue_key

    with app.app_context():
        with audited(_actor(merchant.id), "api_key.create", ApiKey):
            lost, _ = issue_key(merchant.id, "secret", "live")
            db.session.flush()
            db.session.rollback()  # as a service does when it loses a race, then tries again
            kept, _ = issue_key(merchant.id, "publishable", "live")
            db.session.commit()
        entry = db.session.query(AuditEntry).one()
        assert entry.object_id == kept.id != lost.id
        assert entry.after["kind"] == "publishable" and "public_value" not in entry.after


def test_the_audit_page_filters_and_pages(app, merchant, member, portal, monkeypatch):
    from app.audit.models import AuditEntry
    from app.extensions import db
    from app.platform.values.ids import new_id
    from app.web.portal import audit_views

    monkeypatch.setattr(audit_views, "PAGE_SIZE", 3)
    with app.app_context():
        for n in range(5):
            db.session.add(
                AuditEntry(
                    id=new_id("aud"),
                    merchant_id=merchant.id,
                    actor_id="usr_x",
                    actor_email="ops@acme.test" if n % 2 else "owner@acme.test",
                    actor_role="owner",
                    action="api_key.revoke" if n < 4 else "team.add",
                    object_type="api_key",
                    object_id=f"key_{n}",
                    before={"revoked_at": None},
                    after={"revoked_at": "now"},
                )
            )
        db.session.commit()
    first = portal.text("/portal/audit?action=api_key.revoke")
    assert first.count("<code>api_key.revoke</code>") == 3 and "team.add</code>" not in first
    assert '<option selected value="api_key.revoke">API key revoked</option>' in first  # kinds by name
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert portal.text(older).count("<code>api_key.revoke</code>") == 1
    assert portal.text("/portal/audit?actor=ops@acme.test").count("ops@acme.test revoked API key") == 2
    assert "key_4" in portal.text("/portal/audit?object_id=key_4")
    tomorrow = (datetime.now(timezone.utc) + timedelta(days=1)).date().isoformat()
    assert "No entries match these filters." in portal.text(f"/portal/audit?start={tomorrow}")
    assert (
        '<th scope="row">revoked</th><td data-label="Before"><del>none</del></td>'
        '<td data-label="After"><ins>now</ins></td>'
    ) in first
    assert member("finance").get("/portal/audit").status_code == 200


# --- dashboard -----------------------------------------------------------------------------------------


@pytest.fixture
def history(app, merchant, catalog):
    """Orders over three days: paid, refunded, closed and open ones, in two currencies, with attempts."""
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt, Refund
    from app.platform.values.ids import new_id

    today = datetime.now(timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
    rows = [  # (days ago, status, total, currency, channel, attempt status)
        (0, "paid", 1000, "usd", "sandbox_card", "succeeded"),
        (0, "created", 500, "usd", "sandbox_card", "failed"),
        (1, "refunded", 2000, "usd", "sandbox_qr", "succeeded"),
        (1, "completed", 3000, "eur", "sandbox_card", "succeeded"),
        (1, "closed", 700, "usd", None, None),
        (40, "paid", 9999, "usd", "sandbox_card", "succeeded"),  # outside the default 30 days
    ]
    with app.app_context():
        for days, status, total, currency, channel, attempt in rows:
            at = today - timedelta(days=days)
            order = Order(
                id=new_id("ord"),
                merchant_id=merchant.id,
                status=status,
                customer_id="cus_1",
                currency=currency,
                subtotal=total,
                total=total,
                client_secret="s",
                expires_at=at,
                created_at=at,
                updated_at=at,
                refunded_amount=total if status == "refunded" else 0,
            )
            db.session.add(order)
            db.session.flush()
            if channel:
                payment = PaymentAttempt(
                    id=new_id("pay"),
                    merchant_id=merchant.id,
                    order_id=order.id,
                    channel=channel,
                    status=attempt,
                    amount=total,
                    currency=currency,
                    created_at=at,
                )
                db.session.add(payment)
                db.session.flush()
                if status == "refunded":
                    db.session.add(
                        Refund(
                            id=new_id("re"),
                            merchant_id=merchant.id,
                            order_id=order.id,
                            payment_id=payment.id,
                            channel=channel,
                            amount=total,
                            currency=currency,
                            status="succeeded",
                            previous_order_status="paid",
                            actor="api",
                            created_at=at,
                        )
                    )
        db.session.commit()
    return today.date()


def test_the_report_is_computed_per_currency_over_the_range(app, merchant, history):
    from app.payments.reports.dashboard import dashboard_report

    with app.app_context():
        report = dashboard_report(merchant.id, history - timedelta(days=29), history, livemode=False)
    assert (report.orders, report.paid_orders) == (5, 3)
    assert report.gmv == {"usd": 3000, "eur": 3000} and report.currencies == ["eur", "usd"]
    assert report.conversion == pytest.approx(0.6)
    assert (report.refunds, report.refunded) == (1, {"usd": 2000})
    rates = {c.channel: (c.attempts, c.succeeded, c.failed) for c in report.channels}
    assert rates == {"sandbox_card": (3, 2, 1), "sandbox_qr": (1, 1, 0)}
    assert len(report.days) == 30 and report.days[-1].day == history
    assert (report.days[-1].orders, report.days[-1].paid, report.days[-1].gmv) == (2, 1, {"usd": 1000})
    assert report.days[-2].gmv == {"usd": 2000, "eur": 3000}


def test_the_dashboard_page_shows_figures_charts_and_tables(app, merchant, portal, history):
    page = portal.text("/portal/dashboard")
    assert 'value="%s"' % (history - timedelta(days=29)).isoformat() in page
    for expected in (
        "$30.00",
        "€30.00",
        "60.0%",
        "66.7%",
        "Success rate by channel",
        "chart-4.6.1.umd.min.js",
        'id="chart-gmv"',
        "GMV and orders per day",
    ):
        assert expected in page, expected
    data = re.search(r'<script type="application/json" id="dashboard-data">(.+?)</script>', page, re.S).group(1)
    assert '"usd": [' in data or '"usd":[' in data
    one_day = portal.text(f"/portal/dashboard?start={history.isoformat()}&end={history.isoformat()}")
    assert "$10.00" in one_day and "€30.00" not in one_day


def test_a_bad_range_is_explained(portal):
    backwards = portal.get("/portal/dashboard?start=2026-03-10&end=2026-03-01")
    assert backwards.status_code == 422
    assert "The end date must not be before the start date." in backwards.get_data(as_text=True)
    too_long = portal.get(f"/portal/dashboard?start=2020-01-01&end={date(2026, 1, 1).isoformat()}")
    assert too_long.status_code == 422 and "Choose at most 366 days." in too_long.get_data(as_text=True)
    assert portal.get("/portal/dashboard?start=soon").status_code == 422


def _orders_on(app, merchant_id: str, days_ago_and_totals: list[tuple[int, int, str]]) -> None:
    """Paid-or-not usd orders created ``days_ago`` at noon UTC, each with a card attempt."""
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt
    from app.platform.values.ids import new_id

    noon = datetime.now(timezone.utc).replace(hour=12, minute=0, second=0, microsecond=0)
    with app.app_context():
        for days, total, status in days_ago_and_totals:
            at = noon - timedelta(days=days)
            order = Order(
                id=new_id("ord"),
                merchant_id=merchant_id,
                status=status,
                customer_id="cus_1",
                currency="usd",
                subtotal=total,
                total=total,
                client_secret="s",
                expires_at=at,
                created_at=at,
                updated_at=at,
                refunded_amount=0,
            )
            db.session.add(order)
            db.session.flush()
            db.session.add(
                PaymentAttempt(
                    id=new_id("pay"),
                    merchant_id=merchant_id,
                    order_id=order.id,
                    channel="sandbox_card",
                    amount=total,
                    currency="usd",
                    created_at=at,
                    status="succeeded" if status == "paid" else "failed",
                )
            )
        db.session.commit()


def _kpi(page: str, title: str) -> str:
    """The text of one headline figure's card."""
    card = re.search(rf"<h2>{title}</h2>(.+?)</div>", page, re.S).group(1)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", card)).strip()


def test_presets_compare_each_headline_figure_with_the_previous_period(app, merchant, portal):
    _orders_on(
        app,
        merchant.id,
        [
            (0, 1000, "paid"),
            (2, 1000, "paid"),
            (6, 1000, "paid"),
            (6, 500, "created"),  # the last 7 days
            (7, 1000, "paid"),
            (13, 1000, "created"),  # the 7 days before
            (20, 4000, "paid"),  # further back
        ],
    )
    today = datetime.now(timezone.utc).date()
    week = portal.text("/portal/dashboard?range=last_7_days")
    assert 'aria-current="page">Last 7 days</a>' in week
    start = today - timedelta(days=6)
    assert f"{start.day} {start:%b %Y} – {today.day} {today:%b %Y}" in week  # e.g. 17 Nov 2026 – 23 Nov 2026
    # GMV $30.00 against $10.00, 4 orders against 2, conversion 75% against 50%.
    assert _kpi(week, "GMV") == "$30.00 +200% vs previous 7 days paid orders, before refunds"
    assert _kpi(week, "Orders") == "4 +100% vs previous 7 days 3 paid"
    assert "+25.0 pts vs previous 7 days" in _kpi(week, "Paid conversion")
    assert "no change vs previous 7 days" in _kpi(week, "Refunds")
    assert '<th scope="row">Card (sandbox)</th>' in week and "sandbox_card</th>" not in week

    day = portal.text("/portal/dashboard?range=today")
    assert _kpi(day, "Orders").startswith("1 up from none vs the day before")
    month = portal.text("/portal/dashboard?range=this_month")
    first = today.replace(day=1)
    assert f"{first.day} {first:%b %Y}" in month and f'value="{first.isoformat()}"' in month

    custom = portal.text(
        f"/portal/dashboard?range=custom&start={(today - timedelta(days=20)).isoformat()}"
        f"&end={(today - timedelta(days=14)).isoformat()}"
    )
    assert _kpi(custom, "GMV").startswith("$40.00 up from none vs previous 7 days")


# --- the audit log as sentences ---------------------------------------------------------------------------


def _sentences(page: str) -> list[str]:
    return [re.sub(r"\s+", " ", s).strip() for s in re.findall(r'<p class="sentence">(.+?)</p>', page, re.S)]


def test_a_price_change_reads_as_a_sentence_with_a_diff(app, merchant, catalog, portal):
    from app.catalog.models import Sku
    from app.extensions import db

    option = {
        "name": "Gold monthly",
        "price": "9.99",
        "currency": "usd",
        "specs": "tier: gold",
        "status": "active",
        "subscription_interval": "",
    }
    assert portal.post(f"/portal/products/{catalog['product']}/skus/new", option).status_code == 302
    with app.app_context():
        sku_id = db.session.query(Sku.id).filter_by(name="Gold monthly").scalar()
    response = portal.post(f"/portal/skus/{sku_id}", {**option, "price": "12.99"})
    assert response.status_code == 302

    page = portal.text("/portal/audit?action=sku.update")
    assert _sentences(page) == [f"{merchant.email} changed the price of SKU Gold monthly from $9.99 to $12.99"]
    assert (
        '<th scope="row">price</th><td data-label="Before"><del>$9.99</del></td>'
        '<td data-label="After"><ins>$12.99</ins></td>'
    ) in page
    assert "price_amount" not in page and "merchant_id" not in page  # no raw field dump
    created = portal.text("/portal/audit?action=sku.create")
    assert _sentences(created) == [f"{merchant.email} created SKU Gold monthly"]
    assert (
        '<th scope="row">price</th><td data-label="Before"><del>—</del></td>'
        '<td data-label="After"><ins>$9.99</ins></td>'
    ) in created


def test_sign_ins_failed_sign_ins_and_sign_outs_are_in_the_log_with_the_address(app, merchant, portal):
    from tests.support.portal import Portal, add_user

    add_user(app, merchant.id, "alice@shop.example", "operator", password="alice-pass-123")
    stranger = Portal(app.test_client(), ip="203.0.113.9")
    assert stranger.sign_in("alice@shop.example", "not-the-password").status_code == 422
    assert stranger.sign_in("nobody@nowhere.test", "whatever").status_code == 422  # no merchant to tell
    alice = Portal(app.test_client(), ip="198.51.100.4")
    assert alice.sign_in("alice@shop.example", "alice-pass-123").status_code == 302
    assert alice.post("/portal/logout").status_code == 302

    page = portal.text("/portal/audit")
    assert _sentences(page)[:3] == [
        "alice@shop.example signed out of the portal",
        "alice@shop.example signed in to the portal",
        "alice@shop.example failed to sign in to the portal (wrong password)",
    ]
    assert "from 203.0.113.9" in page and "from 198.51.100.4" in page and "nobody@nowhere.test" not in page
    failed = portal.text("/portal/audit?action=user.sign_in_failed")
    assert _sentences(failed) == ["alice@shop.example failed to sign in to the portal (wrong password)"]
    assert '<option selected value="user.sign_in_failed">Failed sign-in</option>' in failed
    assert "not-the-password" not in page
    # The owner's own sign-in (the fixture's) is there too, and the list filters by who did it.
    assert _sentences(portal.text(f"/portal/audit?actor={merchant.email}")) == [
        f"{merchant.email} signed in to the portal"
    ]
    assert "No entries match these filters." in portal.text("/portal/audit?actor=else@acme.test")
