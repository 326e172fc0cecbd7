"""A Stripe-card subscriber in a real browser, against localstripe behind the card-saving stand-in
(tests/support/stripe_billing_server.py), whose Stripe.js stand-in the pages load: a renewal the bank wants the
cardholder for goes to dunning and the email's link lets them pay it on session with the saved card, Stripe.js
showing the bank's check; and a new card saved on the billing page (a SetupIntent confirmed by Stripe.js) is the
one the next renewal charges, the replaced card being detached at Stripe."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import wait_for
from tests.e2e.test_portal import serious_violations
from tests.receipts.test_receipts import join_team, mail_server  # noqa: F401  (fixture)
from tests.receipts.test_subscription_emails import EMAIL, about, link_in
from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_self_service import billing_link
from tests.signing.test_stripe_subscriptions import (  # noqa: F401  (fixture)
    AUTHENTICATES,
    pay_by_card,
    status_of,
    stripe_account,
)

pytestmark = pytest.mark.e2e


def fits_a_phone(page: Page) -> bool:
    """Whether the page, shown 390 px wide, is laid out that wide (nothing scrolls sideways); the size is kept."""
    size = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    width = page.evaluate("() => Math.max(document.documentElement.scrollWidth, window.innerWidth)")
    page.set_viewport_size(size)
    return width <= 390


def subscribe_by_stripe(api, worker, billing, sku: str, clock: str, number: str) -> dict:
    """A contract for a customer with an email, its first order paid by card at Stripe."""
    created = api.post(
        "/subscriptions",
        json={
            "sku": sku,
            "customer": {"id": "cus_sub", "email": EMAIL},
            "agreement_accepted": True,
            "test_clock": clock,
        },
    )
    assert created.status_code == 201, created.json
    order = created.json["order"]["id"]
    paid = api.post(f"/orders/{order}/pay", json={"channel": "stripe"})
    assert paid.status_code == 200, paid.json
    pay_by_card(billing, paid.json["payment"]["provider_reference"], number)
    wait_for(lambda: status_of(api, order) in ("paid", "fulfilled"), timeout=15)
    worker()
    sub = api.get(f"/subscriptions/{created.json['subscription']['id']}").json
    assert sub["status"] == "active" and sub["mandate"]["channel"] == "stripe"
    return sub


def test_a_renewal_the_bank_wants_the_shopper_for_is_paid_on_session_from_the_email(
    page: Page, app, api, merchant, worker, stripe_account, monthly, clock, mail_server
):
    join_team(app, merchant.id, EMAIL)
    mail_server.start()
    sub = subscribe_by_stripe(api, worker, stripe_account, monthly, clock, AUTHENTICATES)

    advance(api, worker, clock, unix(2027, 2, 28, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"
    worker()
    [email] = about(mail_server, "failed")

    page.goto(link_in(email))
    page.get_by_role("link", name="Update payment method and pay $9.99").click()
    expect(page.get_by_text("your card's bank asks you to confirm this payment")).to_be_visible()
    page.get_by_role("radio", name="Card (Stripe)").check()
    page.get_by_role("button", name="Try again").click()

    expect(page.get_by_role("heading", name="Pay $9.99 by card")).to_be_visible()
    assert serious_violations(page) == []
    assert fits_a_phone(page)
    page.get_by_role("button", name="Pay $9.99 with the saved card").click()
    # localstripe's Stripe.js shows the bank's check, as Stripe.js does for a card that asks for it.
    page.get_by_role("button", name="Complete authentication").click()

    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible(timeout=15_000)
    worker()
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["mandate"]["reference"] == sub["mandate"]["reference"]
    assert after["renewals"][-1]["status"] == "paid"
    assert len(stripe_account.off_session_creates) == 1  # the renewal's try; the shopper's payment was on session


def test_a_new_card_saved_on_the_billing_page_is_charged_by_the_next_renewal(
    page: Page, app, api, merchant, worker, stripe_account, monthly, clock
):
    sub = subscribe_by_stripe(api, worker, stripe_account, monthly, clock, "4242424242424242")
    old = sub["mandate"]["reference"]

    page.goto(billing_link(api))
    page.get_by_role("link", name="Update payment method").click()
    page.get_by_role("radio", name="Card (Stripe)").check()
    page.get_by_role("button", name="Save new payment method").click()

    expect(page.get_by_role("heading", name="Save a card for your subscription")).to_be_visible()
    assert serious_violations(page) == []
    assert fits_a_phone(page)
    for field, value in (
        ("number", "5555555555554444"),
        ("exp_month", "12"),
        ("exp_year", "34"),
        ("cvc", "123"),
        ("postal_code", "10115"),
    ):
        page.get_by_placeholder(field, exact=True).fill(value)
    page.get_by_role("button", name="Save card").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your new payment method is saved: the next payments of this subscription are charged to it.",
        timeout=15_000,
    )
    worker()  # the outbox detaches the card it replaced at Stripe

    new = api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"]
    assert new != old and new.startswith("pm_")
    assert stripe_account.client.v1.payment_methods.retrieve(old).customer is None
    assert stripe_account.client.v1.payment_methods.retrieve(new).card.last4 == "4444"

    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in after["renewals"]] == ["paid"]
    [charge] = stripe_account.off_session_creates
    assert charge["payment_method"] == new
