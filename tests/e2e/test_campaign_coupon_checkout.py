"""A campaign in a shopper's life: their first paid order earns them a personal coupon, the next checkout session
the merchant opens for them lists it under "Your coupons", and one press of Apply takes it off the total."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.catalog.test_campaigns_api import paid_order
from tests.conftest import Api
from tests.e2e.test_portal import serious_violations

pytestmark = pytest.mark.e2e


def test_a_first_order_coupon_is_offered_and_applied_at_the_next_checkout(
    page: Page, app, client, merchant, live_server, sandbox, worker, catalog
):
    from app.catalog.coupons import create_coupon

    api = Api(client, merchant.secret_key)
    with app.app_context():
        template = create_coupon(
            merchant.id,
            {"code": "WELCOMEBACK", "kind": "amount_off", "amount_off": 300, "currency": "usd",
             "description": "Thanks for your first order"},
        ).id  # fmt: skip
    api.post("/campaigns", json={"name": "Welcome", "rule": "first_order", "template_coupon": template})
    paid_order(api, sandbox, worker, catalog["sku"], "cus_ada")
    [coupon] = api.get("/customers/cus_ada/coupons").json["data"]

    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": catalog["sku"], "quantity": 2}], "customer": {"id": "cus_ada"}},
    ).json
    page.goto(session["url"])
    yours = page.get_by_role("region", name="Your coupons")
    expect(yours).to_contain_text(coupon["code"])
    expect(yours).to_contain_text("Thanks for your first order")
    expect(page.locator(".row.total")).to_contain_text("$19.98")
    assert serious_violations(page) == []
    yours.get_by_role("button", name=re.compile("Apply")).click()

    expect(page.get_by_label("Coupon code")).to_have_value(coupon["code"])
    expect(page.get_by_test_id("discount")).to_contain_text("$3.00")
    expect(page.locator(".row.total")).to_contain_text("$16.98")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("button", name=re.compile("Pay")).click()
    expect(page.get_by_text("16.98 USD")).to_be_visible()  # the provider's page asks for the discounted total
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    order_id = re.search(r"/orders/(ord_\w+)", page.url).group(1)
    order = api.get(f"/orders/{order_id}").json
    assert order["amount"]["discount"] == 300 and order["amount"]["total"] == 1698
    assert api.get("/customers/cus_ada/coupons").json["data"] == []


def test_a_guest_sees_no_coupons(page: Page, live_server, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.get_by_label("Coupon code")).to_be_visible()
    expect(page.get_by_role("region", name="Your coupons")).to_have_count(0)
