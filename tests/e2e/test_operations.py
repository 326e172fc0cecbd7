"""An operator in a real browser finds an order stuck paying in the live view (the provider captured it but its
callback was dropped), re-queries the provider from the order's page, and sees the order move to paid."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import update

from tests.e2e.test_portal import serious_violations, sign_in
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of
from tests.support.portal import add_user

pytestmark = pytest.mark.e2e


def test_an_operator_finds_a_stuck_order_requeries_it_and_sees_it_paid(
    page: Page, app, api, merchant, catalog, sandbox
):
    from app.extensions import db
    from app.orders.models import Order
    from app.platform.db.types import utcnow

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    # The shopper approved at the provider, whose callback never reached Kassa; no worker polls in this test.
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    with app.app_context():  # ...twenty minutes ago
        db.session.execute(
            update(Order).where(Order.id == order["id"]).values(updated_at=utcnow() - timedelta(minutes=20))
        )
        db.session.commit()
    add_user(app, merchant.id, "ops@acme.test", "operator")

    sign_in(page, "ops@acme.test", "staff-pass-123")
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Operations").click()
    expect(page.get_by_role("heading", name="Where orders are now")).to_be_visible()
    stuck = page.get_by_role("region", name=re.compile("Paying for more than 15 minutes"))
    expect(stuck.get_by_role("row").filter(has_text="20 min")).to_have_count(1)
    assert serious_violations(page) == []
    stuck.get_by_role("link", name=order["id"]).click()

    expect(page.get_by_role("heading", name=re.compile(f"Order {order['id']}"))).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(f"Order {order['id']}")).get_by_text("paying")).to_be_visible()
    maintenance = page.get_by_role("region", name="Maintenance")
    maintenance.get_by_text(f"Re-query the provider now {payment['id']}").click()
    maintenance.get_by_role("textbox", name="Why").fill("Shopper says they paid; callback missing")
    maintenance.get_by_role("button", name="Re-query now").click()

    expect(page.get_by_role("status").filter(has_text="the provider says succeeded; the order is paid")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(f"Order {order['id']}")).get_by_text("paid")).to_be_visible()
    timeline = page.get_by_role("region", name="Timeline")
    expect(
        timeline.get_by_role("listitem").filter(has_text="(from paying)").filter(has_text="by portal:ops@acme.test")
    ).to_have_count(1)
    expect(
        timeline.get_by_text(re.compile("done — Re-query the provider now .*: Shopper says they paid"))
    ).to_be_visible()
    path = page.get_by_role("region", name="Where this order stands")
    expect(path.get_by_role("img", name="Order: states and transitions")).to_be_visible()
    assert status_of(api, order["id"]) == "paid"

    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Operations").click()
    expect(
        page.get_by_role("region", name=re.compile("Paying for more than 15 minutes")).get_by_text(
            "No order has been paying that long."
        )
    ).to_be_visible()
