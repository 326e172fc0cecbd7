"""An automatic promotion in the hosted checkout: the shopper types no code, the panel shows the discount, offers
only the payment method the promotion is valid with, and the discounted total is what is paid."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_an_automatic_promotion_is_shown_and_paid_without_a_code(
    page: Page, app, merchant, live_server, sandbox, catalog
):
    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        promotion = create_coupon(
            merchant.id,
            {
                "code": "CARDWEEK",
                "kind": "percent_off",
                "percent_bps": 1000,
                "description": "Card week",
                "automatic": True,
                "channels": ["sandbox_card"],
            },
        ).id

    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="30 days").check()
    page.get_by_label("Quantity").fill("2")
    expect(page.get_by_text("CARDWEEK — Card week")).to_be_visible()
    expect(page.get_by_test_id("discount")).to_have_text("−$1.99")  # 10% of 19.98, rounded down
    expect(page.get_by_test_id("total")).to_have_text("$17.99")
    expect(page.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    expect(page.get_by_role("radio", name="QR code (sandbox)")).to_have_count(0)  # the promotion is for cards

    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.get_by_text("17.99")).to_be_visible()
    page.get_by_role("button", name="Approve").click()

    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$17.99")
    with app.app_context():
        assert db.session.get(Coupon, promotion).test_times_redeemed == 1
