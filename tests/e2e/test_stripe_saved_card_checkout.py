"""Issue #53 on Stripe, in a real browser against localstripe behind the card-saving stand-in
(tests/support/stripe_billing_server.py), whose Stripe.js stand-in the card page loads: a checkout session's shopper
pays by Stripe card ticking "Save this card for next time", and the next session offers that card first and pays in
one press, with no card form, until it is removed (detached at Stripe); a card whose bank asks is authenticated on
Kassa's card page by Stripe.js.

localstripe's Stripe.js cannot turn the card element into a PaymentMethod (docs/channels.md), so the first payment's
card is confirmed at Stripe through the official library, as the card page does with the one real Stripe.js makes."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Api, wait_for
from tests.e2e.test_portal import serious_violations
from tests.signing.test_stripe_subscriptions import AUTHENTICATES, pay_by_card, stripe_account  # noqa: F401

pytestmark = pytest.mark.e2e

CUSTOMER = "cus_one_press"


def _session(api: Api, catalog: dict) -> dict:
    return api.post(
        "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": CUSTOMER}}
    ).json


def _save_a_stripe_card(page: Page, app, api: Api, catalog: dict, billing, worker, number: str) -> None:
    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)
    page.get_by_role("radio", name="Card (Stripe)").check()
    page.get_by_role("checkbox", name="Save this card for next time").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name=re.compile("^Pay")).click()
    expect(page.get_by_role("heading", name="Pay $9.99 by card")).to_be_visible()

    with app.app_context():
        from app.extensions import db
        from app.payments.models import PaymentAttempt

        attempt = db.session.query(PaymentAttempt).filter_by(channel="stripe").one()
    pay_by_card(billing, attempt.provider_reference, number)
    page.get_by_role("link", name="Back to the order").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible(timeout=15_000)

    def listed():
        worker()
        return api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]

    assert [m["channel"] for m in wait_for(listed)] == ["stripe"]


def test_a_saved_stripe_card_pays_the_next_session_in_one_press(
    page: Page, app, client, merchant, live_server, stripe_account, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_stripe_card(page, app, api, catalog, stripe_account, worker, "4242424242424242")

    page.goto(_session(api, catalog)["url"])
    saved = page.get_by_role("radio", name="Saved card: Visa ending in 4242")
    expect(saved).to_be_checked()  # offered first, and chosen
    assert serious_violations(page) == []
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name=re.compile("^Pay")).click()
    # No card page: straight to the outcome.
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible(timeout=15_000)
    assert stripe_account.off_session_creates == []

    # Removed through the API: detached at Stripe, and the next session no longer offers it.
    [method] = api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]
    with app.app_context():
        from app.extensions import db
        from app.payments.saved_methods.models import SavedPaymentMethod

        pm = db.session.get(SavedPaymentMethod, method["id"]).provider_reference
    assert api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}").status_code == 200
    assert stripe_account.client.v1.payment_methods.retrieve(pm).customer is None
    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name="Card (Stripe)")).to_be_visible()
    expect(page.get_by_role("radio", name=re.compile("Saved card"))).to_have_count(0)


def test_a_saved_stripe_card_whose_bank_asks_is_authenticated_on_the_card_page(
    page: Page, app, client, merchant, live_server, stripe_account, worker, catalog
):
    api = Api(client, merchant.secret_key)
    _save_a_stripe_card(page, app, api, catalog, stripe_account, worker, AUTHENTICATES)

    page.goto(_session(api, catalog)["url"])
    expect(page.get_by_role("radio", name=re.compile("^Saved card: .* ending in 3184"))).to_be_checked()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name=re.compile("^Pay")).click()

    expect(page.get_by_role("heading", name="Pay $9.99 by card")).to_be_visible()
    expect(page.get_by_text("Your card's bank asks you to confirm this payment.")).to_be_visible()
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Confirm $9.99 with your bank").click()
    # localstripe's Stripe.js shows the bank's check, as Stripe.js does for a card that asks for it.
    page.get_by_role("button", name="Complete authentication").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible(timeout=15_000)
