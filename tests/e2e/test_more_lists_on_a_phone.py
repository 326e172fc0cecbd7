"""The rest of the portal's lists on a 390 × 844 phone: products, a coupon's uses, the reconciliation queue and runs,
the audit log, test clocks, a subscription's renewals, the operations pages, a delivery's attempts, the dashboard's
tables, an order's manual actions and events. Each row is a card and nothing of the page sits past the screen's right
edge. Before, each was a table wider than the screen, scrolled sideways inside its box: a product's price, a
discrepancy's Resolve, an audit entry's changes, a renewal's error or an approval's Review… sat off the screen
until the merchant thought of swiping the table."""

from __future__ import annotations

from typing import Callable

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_books_lists_on_a_phone import assert_all_on_the_screen, phone  # noqa: F401  (fixture)
from tests.e2e.test_portal import sign_in
from tests.support.portal import World

pytestmark = pytest.mark.e2e

# The tables still a grid on a phone, by caption: a merchant reads them across (which role may do what).
GRIDS = ("Permissions by role",)

# Each table of the page's main part, by caption, and whether its body rows are drawn as cards (display: block).
ROWS_AS_CARDS = """grids => [...document.querySelectorAll("main table")]
  .filter(t => !grids.includes((t.caption && t.caption.textContent.trim()) || ""))
  .map(t => [(t.caption && t.caption.textContent.trim()) || "(no caption)",
             [...t.tBodies].flatMap(b => [...b.rows]).every(r => getComputedStyle(r).display === "block")])"""


def seed_uses_and_history(app, merchant_id: str, world: World) -> None:
    """What the world leaves empty: a coupon's use, a renewal, a delivery's attempt, an audited change, and a payment
    whose outcome is unknown (an operations list)."""
    from app.audit.models import AuditEntry
    from app.catalog.coupon_models import CouponRedemption
    from app.extensions import db
    from app.payments.models import PaymentAttempt
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id
    from app.signing.models import SubscriptionRenewal
    from app.webhooks.models import WebhookDeliveryAttempt

    with app.app_context():
        now = utcnow()
        db.session.add(
            CouponRedemption(
                id=new_id("cred"),
                merchant_id=merchant_id,
                coupon_id=world.coupon,
                order_id=world.order,
                customer_id="cus_world_with_a_long_customer_reference",
                code="WORLD",
                description="10 % off",
                amount=120,
                currency="usd",
            )
        )
        db.session.add(
            SubscriptionRenewal(
                subscription_id=world.subscription,
                merchant_id=merchant_id,
                period=2,
                period_start=now,
                period_end=now,
                order_id=world.order,
                status="failed",
                attempts=3,
                next_attempt_at=now,
                last_error="card_declined: the issuer refused the deduction",
            )
        )
        db.session.add(
            WebhookDeliveryAttempt(
                delivery_id=world.delivery,
                number=1,
                merchant_id=merchant_id,
                status_code=500,
                duration_ms=412,
                response_excerpt='{"error": "the shop\'s order service is down"}',
            )
        )
        db.session.add(
            AuditEntry(
                id=new_id("aud"),
                merchant_id=merchant_id,
                actor_id="usr_x",
                actor_email="operations.lead@example.test",
                actor_role="owner",
                action="product.update",
                object_type="product",
                object_id=world.product,
                before={"name": "Tee"},
                after={"name": "Organic cotton tee, limited run"},
            )
        )
        attempt = db.session.query(PaymentAttempt).filter_by(order_id=world.order).one()
        attempt.status = "unknown"
        db.session.commit()


# Each page and the caption of a table it must show with at least one row.
PAGES: dict[str, tuple[Callable[[World], str], str]] = {
    "products": (lambda w: "/portal/products", "Products"),
    "a coupon's uses": (lambda w: f"/portal/coupons/{w.coupon}", "Uses of "),
    "the reconciliation queue": (lambda w: "/portal/reconciliation", "Open discrepancies, oldest first"),
    "the reconciliation runs": (lambda w: "/portal/reconciliation", "The latest reconciliation runs"),
    "the audit log": (lambda w: "/portal/audit", "Changes and sign-ins, newest first"),
    "test clocks": (lambda w: "/portal/test-clocks", "Your test clocks, newest first"),
    "a test clock": (lambda w: f"/portal/test-clocks/{w.clock}", "Subscriptions living on this clock"),
    "a subscription's renewals": (
        lambda w: f"/portal/subscriptions/{w.subscription}",
        "Each renewal period with its order and deduction tries",
    ),
    "the channel switches": (lambda w: "/portal/operations", "Channel switches"),
    "operations now": (lambda w: "/portal/operations/now", "Payments with an unknown outcome"),
    "approvals": (lambda w: "/portal/operations/approvals", "Actions waiting for approval"),
    "a delivery's attempts": (lambda w: f"/portal/developers/deliveries/{w.delivery}", "Attempts, oldest first"),
    "the dashboard": (lambda w: "/portal/dashboard", "GMV and orders per day"),
    "the team": (lambda w: "/portal/team", "Users of this business"),
    "an order": (lambda w: f"/portal/orders/{w.order}", "Manual actions on this order"),
}


@pytest.mark.parametrize("page_name", list(PAGES))
def test_each_list_is_cards_with_everything_on_a_phones_screen(page_name: str, phone: Page, app, merchant, world):
    path, caption = PAGES[page_name]
    seed_uses_and_history(app, merchant.id, world)
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(path(world))
    phone.evaluate("() => document.querySelectorAll('main details').forEach(d => { d.open = true; })")  # all of it
    table = phone.locator("main table").filter(has=phone.locator("caption", has_text=caption)).first
    expect(table.locator("tbody tr").first).to_be_visible()
    tables = phone.evaluate(ROWS_AS_CARDS, list(GRIDS))
    assert [name for name, cards in tables if not cards] == []
    assert_all_on_the_screen(phone)


def test_an_orders_sub_orders_and_partner_lines_are_cards_on_a_phone(
    phone: Page, api, merchant, catalog, sandbox, worker
):
    from tests.support.books import add_partner, completed_order, set_rule

    partner = add_partner(api, "Northwind Studio and Sons, Handmade Ceramics")["id"]
    set_rule(api, catalog["sku"], [(partner, 7000), ("self", 3000)])
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 2), (catalog["limited_sku"], 1)])
    assert len(order["sub_orders"]) == 2, order
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/orders/{order['id']}")
    for caption in (
        "Sub-orders: the order's lines go to different partners",
        "The order's lines in its partners' books",
    ):
        rows = phone.get_by_role("table", name=caption).locator("tbody tr")
        expect(rows.filter(has_text=partner).first).to_be_visible()
    tables = phone.evaluate(ROWS_AS_CARDS, list(GRIDS))
    assert [name for name, cards in tables if not cards] == []
    assert_all_on_the_screen(phone)
