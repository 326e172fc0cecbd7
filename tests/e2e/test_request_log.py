"""Developers → Logs in a real browser: a developer's server calls the API over HTTP, then the developer
filters the log with the form, opens a failed request and reads its redacted bodies."""

from __future__ import annotations

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.conftest import wait_for
from tests.e2e.test_portal import serious_violations, sign_in

pytestmark = pytest.mark.e2e


def test_a_developer_finds_a_failed_call_and_reads_it(page: Page, app, merchant, catalog, live_server):
    from sqlalchemy import func, select

    from app.extensions import db
    from app.request_log.models import ApiRequestLog

    headers = {"Authorization": f"Bearer {merchant.secret_key}"}
    ok = requests.post(
        f"{live_server}/api/v1/orders",
        headers=headers,
        timeout=10,
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_e2e"},
            "agreement_accepted": True,
        },
    )
    bad = requests.post(
        f"{live_server}/api/v1/orders",
        headers={**headers, "Idempotency-Key": "e2e-bad-1"},
        timeout=10,
        json={
            "items": [{"sku": catalog["sku"], "quantity": 0}],
            "customer": {"id": "cus_e2e", "password": "open-sesame-9"},
            "agreement_accepted": True,
        },
    )
    assert ok.status_code == 201 and 400 <= bad.status_code < 500

    def logged() -> int:
        with app.app_context():
            return db.session.scalar(
                select(func.count()).select_from(ApiRequestLog).where(ApiRequestLog.merchant_id == merchant.id)
            )

    wait_for(lambda: logged() == 2, timeout=10)  # written by the server once each answer was sent

    sign_in(page, merchant.email, merchant.password)
    page.get_by_role("navigation", name="Portal").get_by_text("Setup").click()
    page.get_by_role("link", name="Developers").click()
    page.get_by_role("navigation", name="Developers").get_by_role("link", name="Logs").click()
    rows = page.get_by_role("table").get_by_role("row")
    expect(rows).to_have_count(3)  # the header and two requests
    assert serious_violations(page) == []

    page.get_by_label("Status").select_option("4xx")
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(2)
    page.get_by_role("link", name="POST /api/v1/orders").click()
    expect(page.get_by_text("e2e-bad-1")).to_be_visible()
    request_body = page.get_by_label("Request body")
    expect(request_body).to_contain_text('"password": "[redacted]"')
    expect(request_body).not_to_contain_text("open-sesame-9")
    expect(page.get_by_label("Response body")).to_contain_text(bad.json()["error"]["message"])
    assert serious_violations(page) == []
