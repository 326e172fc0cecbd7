"""Stripe in a real browser, against localstripe: the merchant enters the keys in the portal, the shopper picks
"Card (Stripe)" in the hosted checkout and lands on Kassa's card page with the card element of localstripe's
Stripe.js mounted. localstripe's Stripe.js cannot turn that element into a PaymentMethod (its
createPaymentMethod is empty, docs/channels.md), so the card is confirmed at Stripe through the official library,
as a browser with Stripe's real Stripe.js would; the signed webhook then pays the order the shopper is watching,
and the merchant refunds part of it from the portal."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import serious_violations, sign_in
from tests.support.localstripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET

pytestmark = pytest.mark.e2e


def test_a_merchant_sets_up_stripe_and_a_shopper_pays_with_it(
    page: Page, app, merchant, catalog, localstripe, live_server
):
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/channels")
    expect(page.get_by_text("stripe is not set up")).to_be_visible()
    page.get_by_role("link", name="Edit Card (Stripe)").click()
    expect(
        page.get_by_text(
            "Can: card form, disputes, partial refunds, payouts, recurring, redirect, refunds, saved methods, setup, "
            "statements."
        )
    ).to_be_visible()
    expect(page.get_by_label("Secret key")).not_to_have_attribute("placeholder", "None")  # nothing saved yet
    page.get_by_label("Secret key").fill(SECRET_KEY)
    page.get_by_label("Publishable key").fill(PUBLISHABLE_KEY)
    page.get_by_label("Webhook signing secret", exact=True).fill(WEBHOOK_SECRET)
    page.get_by_role("button", name="Save credentials").click()
    expect(page.get_by_text("Saved the credentials of stripe.")).to_be_visible()
    expect(page.get_by_text("••••0000")).to_be_visible()  # the secret key, masked
    assert SECRET_KEY not in page.content()
    assert serious_violations(page) == []
    hook = page.get_by_text(re.compile(r"/hooks/channels/stripe/mch_")).inner_text()
    localstripe.send_webhooks_to(hook)

    page.goto(f"/checkout/{catalog['product']}")
    page.get_by_role("radio", name="Card (Stripe)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name=re.compile("^Pay")).click()

    expect(page.get_by_role("heading", name="Pay $9.99 by card")).to_be_visible()
    expect(page.get_by_placeholder("number")).to_be_visible()  # localstripe's card element, mounted by Stripe.js
    assert serious_violations(page) == []

    with app.app_context():
        from app.extensions import db
        from app.payments.models import PaymentAttempt

        attempt = db.session.query(PaymentAttempt).filter_by(channel="stripe").one()
    localstripe.pay_with_card(attempt.provider_reference)

    page.get_by_role("link", name="Back to the order").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible(timeout=15_000)

    # The merchant refunds part of it from the order's page; the money goes back at Stripe.
    page.goto(f"/portal/orders/{attempt.order_id}")
    page.get_by_label("Amount to refund").fill("3.00")
    page.get_by_role("button", name="Refund…").click()
    page.get_by_role("button", name="Confirm refund").click()
    expect(page.get_by_role("status").filter(has_text="Refunded $3.00.")).to_be_visible()
    refunds = localstripe.client.v1.refunds.list(params={"payment_intent": attempt.provider_reference}).data
    assert [r.amount for r in refunds] == [300]
