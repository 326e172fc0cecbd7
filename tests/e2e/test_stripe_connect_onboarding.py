"""A merchant on a phone chooses Stripe as its payout channel, sends a partner through Stripe's hosted onboarding
from the partner's page, and finds the partner ready on coming back: its settlements will be paid by transfer.

Stripe Connect is the loopback stand-in tests/support/stripe_connect_server.py (localstripe has no Connect); its
onboarding page is where the partner "completes onboarding"."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import AXE, axe_violations, sign_in
from tests.support.books import add_partner
from tests.support.stripe_connect_server import StripeConnect

pytestmark = pytest.mark.e2e


@pytest.fixture
def connect(app):
    server = StripeConnect()
    saved = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = server.url
    yield server
    app.config["STRIPE_API_BASE"] = saved
    server.close()


def test_a_partner_onboarded_through_stripes_link_comes_back_ready(page: Page, api, merchant, stripe_merchant, connect):
    page.set_viewport_size({"width": 390, "height": 844})
    page.context.add_init_script(path=str(AXE))
    studio = add_partner(api, "Northwind Studio", payout_account=None)
    sign_in(page, merchant.email, merchant.password)

    page.goto("/portal/settings")
    page.get_by_label("Pay out through").select_option(label="Card (Stripe)")
    page.get_by_role("button", name="Save payout channel").click()
    expect(page.get_by_text("paid out through Card (Stripe)")).to_be_visible()
    assert axe_violations(page) == []

    page.goto(f"/portal/partners/{studio['id']}")
    expect(page.get_by_test_id("connect-status")).to_have_text("Not set up")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Set up payouts with Stripe").click()

    expect(page.get_by_role("heading", name="Get paid by the platform")).to_be_visible()  # Stripe's page
    page.get_by_label("Legal name").fill("Northwind Studio Ltd")
    page.get_by_role("button", name="Agree and submit").click()

    expect(page.get_by_role("heading", name="Northwind Studio")).to_be_visible()  # back on the partner's page
    expect(page.get_by_test_id("connect-status")).to_have_text("Ready")
    assert axe_violations(page) == []
    account = api.get(f"/partners/{studio['id']}").json["payout_account"]
    assert account.startswith("acct_") and connect.accounts[account]["payouts_enabled"] is True
    expect(page.get_by_text(f"transfer to the connected account {account}")).to_be_visible()
