"""A shopper types a coupon code in the hosted panel: the total is re-priced in place, a bad code
is explained beside the field, and paying with a good one charges the discounted total."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_a_coupon_reprices_in_place_and_the_discounted_total_is_paid(
    page: Page, app, merchant, live_server, sandbox, catalog
):
    from datetime import timedelta

    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db
    from app.platform.db.types import utcnow

    with app.app_context():
        coupon_id = create_coupon(
            merchant.id, {"code": "SPRING20", "kind": "percent_off", "percent_bps": 2000, "description": "Spring sale"}
        ).id
        create_coupon(
            merchant.id,
            {
                "code": "WINTER",
                "kind": "amount_off",
                "amount_off": 100,
                "currency": "usd",
                "valid_until": utcnow() - timedelta(days=1),
            },
        )

    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="30 days").check()
    page.get_by_label("Quantity").fill("2")
    expect(page.get_by_test_id("total")).to_have_text("$19.98")

    coupon = page.get_by_label("Coupon code")
    coupon.fill("winter")
    expect(page.get_by_text(re.compile("The coupon WINTER expired on"))).to_be_visible()
    expect(page.get_by_test_id("total")).to_have_text("$19.98")  # still priced, without the discount

    coupon.fill("spring20")
    expect(page.get_by_text("SPRING20 — Spring sale")).to_be_visible()
    expect(page.get_by_test_id("discount")).to_have_text("−$3.99")  # 20% of 19.98, rounded down
    expect(page.get_by_test_id("total")).to_have_text("$15.99")
    expect(page.locator("#coupon-error")).to_have_text("")

    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.get_by_text("15.99")).to_be_visible()
    page.get_by_role("button", name="Approve").click()

    expect(page.get_by_text("Payment successful")).to_be_visible()
    expect(page.get_by_text("SPRING20 — Spring sale")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text("$15.99")
    with app.app_context():
        assert db.session.get(Coupon, coupon_id).test_times_redeemed == 1  # paid: the use stays counted
