"""A merchant reconciles a day of their Stripe account from the portal in a real browser: a charge made on that
account outside Kassa (another till) names no order of theirs, and it waits in the queue, with what Stripe booked,
for them to resolve instead of being left out of the run."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import serious_violations, sign_in
from tests.reconciliation.test_reconciliation import today
from tests.reconciliation.test_stripe_reconciliation import stripe_account  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e


def test_a_charge_made_outside_kassa_waits_in_the_reconciliation_queue(
    page: Page,
    merchant,
    localstripe,
    stripe_account,  # noqa: F811
    worker,
):
    intent = localstripe.client.v1.payment_intents.create(
        params={"amount": 1234, "currency": "usd", "payment_method_types": ["card"]}
    )
    charge = localstripe.pay_with_card(intent.id).latest_charge
    charge_id = charge if isinstance(charge, str) else charge.id

    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/reconciliation")
    page.get_by_label("Channel").select_option("stripe")
    page.get_by_label("Day (UTC)").fill(today())
    page.get_by_role("button", name="Reconcile").click()
    worker()

    page.goto("/portal/reconciliation")
    row = page.get_by_role("row", name=re.compile(charge_id))
    expect(row).to_contain_text("Missing in Kassa")
    expect(row).to_contain_text("Kassa has no order for it")
    expect(row).to_contain_text("$12.34")
    expect(row).to_contain_text("no record")
    assert serious_violations(page) == []
