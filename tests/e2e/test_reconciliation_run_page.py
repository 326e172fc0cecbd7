"""A merchant reconciles a day from the portal in a real browser and watches the run finish: before, the run's page
said "still reading the statement. Reload in a moment." and stayed so until the merchant reloaded it by hand; now
it shows the findings by itself once the worker is done, and stops asking."""

from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in
from tests.reconciliation.test_reconciliation import paid_order, today

pytestmark = pytest.mark.e2e


def start_run(page: Page) -> None:
    page.goto("/portal/reconciliation")
    page.get_by_label("Channel").select_option("sandbox_card")
    page.get_by_label("Day (UTC)").fill(today())
    page.get_by_role("button", name="Reconcile").click()
    expect(page.get_by_text("This run is still reading the statement")).to_be_visible()


def test_a_run_shows_what_it_found_without_a_reload(page: Page, api, merchant, catalog, sandbox, worker):
    _, payment = paid_order(api, sandbox, catalog["sku"])
    requests.post(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/tamper", json={"amount": 1}, timeout=10
    ).raise_for_status()
    sign_in(page, merchant.email, merchant.password)
    start_run(page)
    run_url = page.url
    page.evaluate("window.notReloaded = true")

    worker()

    findings = page.get_by_role("region", name="The run's findings")
    expect(findings.get_by_role("row", name=re.compile("Amount differs"))).to_contain_text(payment["id"])
    expect(page.get_by_text("This run is still reading the statement")).to_have_count(0)
    assert page.evaluate("window.notReloaded") is True and page.url == run_url
    # Done: the page stops asking.
    expect(findings).not_to_have_attribute("hx-trigger", re.compile("every"))


def test_a_run_that_agrees_says_so_without_a_reload(page: Page, api, merchant, catalog, sandbox, worker):
    paid_order(api, sandbox, catalog["sku"])
    sign_in(page, merchant.email, merchant.password)
    start_run(page)
    page.evaluate("window.notReloaded = true")

    worker()

    expect(page.get_by_text("Every line of the statement that is yours agrees with Kassa.")).to_be_visible()
    assert page.evaluate("window.notReloaded") is True
