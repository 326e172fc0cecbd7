"""The portal shows one world at a time (issue 8 item 17): a Test/Live switch kept in the user's session, the
orders list, order pages, CSV and dashboard of that mode only, a "Test mode" marker while in test, and the
audited setting that decides the hosted product page's mode."""

from __future__ import annotations

import re

from tests.conftest import Api
from tests.payments.attempts.test_payment_flow import create_order


def _live_api(app, client, merchant) -> Api:
    from app.extensions import db
    from app.merchants.services import issue_key

    with app.app_context():
        _, raw = issue_key(merchant.id, "secret", "live")
        db.session.commit()
    return Api(client, raw)


def test_the_portal_shows_test_or_live_data_as_the_user_chooses(app, client, api, merchant, catalog, portal):
    test_order = create_order(api, catalog["sku"])
    live_order = create_order(_live_api(app, client, merchant), catalog["sku"], 3)

    page = portal.text("/portal/")
    assert "Test mode" in page and 'aria-pressed="true">Test' in page
    assert test_order["id"] in page and live_order["id"] not in page
    csv = portal.get("/portal/orders/export.csv").get_data(as_text=True)
    assert test_order["id"] in csv and live_order["id"] not in csv
    assert portal.get(f"/portal/orders/{live_order['id']}").status_code == 404

    switched = portal.post("/portal/mode", {"mode": "live", "next": "/portal/orders?status=created"})
    assert switched.status_code == 302 and switched.headers["Location"] == "/portal/orders?status=created"
    page = portal.text("/portal/")
    assert "Test mode" not in page and 'aria-pressed="true">Live' in page
    assert live_order["id"] in page and test_order["id"] not in page
    assert portal.get(f"/portal/orders/{test_order['id']}").status_code == 404
    assert "Mode</dt><dd>Live" in portal.text(f"/portal/orders/{live_order['id']}")
    csv = portal.get("/portal/orders/export.csv").get_data(as_text=True)
    assert live_order["id"] in csv and test_order["id"] not in csv

    assert portal.post("/portal/mode", {"mode": "both"}).status_code == 400
    assert (
        portal.post("/portal/mode", {"mode": "test", "next": "https://evil.example/"}).headers["Location"] == "/portal/"
    )


def _orders_figure(portal) -> str:
    page = portal.text("/portal/dashboard")
    return re.search(r"<h2>Orders</h2>\s*<p class=\"figure\">(\d+)</p>", page).group(1)


def test_the_dashboard_counts_one_mode(app, client, api, merchant, catalog, portal):
    create_order(api, catalog["sku"])
    live = _live_api(app, client, merchant)
    create_order(live, catalog["sku"])
    create_order(live, catalog["sku"])
    assert _orders_figure(portal) == "1"
    portal.post("/portal/mode", {"mode": "live"})
    assert _orders_figure(portal) == "2"


def test_live_checkout_is_an_audited_setting_that_the_hosted_page_follows(app, client, merchant, catalog, portal):
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "Card (sandbox)" in page
    assert "<strong>test</strong> orders" in portal.text("/portal/settings")

    saved = portal.post("/portal/settings/checkout_mode", {"live_checkout": "y"})
    assert saved.status_code == 302
    assert "<strong>live</strong> orders" in portal.text("/portal/settings")
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "Card (sandbox)" not in page and "No payment method is available right now." in page
    audit = portal.text("/portal/audit?action=settings.checkout_mode")
    assert "settings.checkout_mode" in audit
    assert f"{merchant.email} changed the live checkout of business profile Acme Games from off to on" in audit

    portal.post("/portal/settings/checkout_mode", {})
    assert "Card (sandbox)" in client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
