"""The portal's lists in a real browser: each status's badge has its own colour, so a merchant scanning a list sees
at once what waits on them and what ended well or badly. A dispute's four statuses, and a subscription's active,
trialing and past due, were all the same grey pill, the colour of a plain one. On a phone the subscriptions list
is a card per subscription (its status and next renewal had been off the screen, the table scrolled sideways)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_new_pages_on_a_phone import SMALL_PHONE, laid_out_width, phone  # noqa: F401  (fixture)
from tests.e2e.test_portal import sign_in
from tests.support.signing import make_recurring

pytestmark = pytest.mark.e2e

STATUSES = ("needs_response", "under_review", "won", "lost")
SUBSCRIPTION_STATUSES = ("active", "trialing", "past_due", "paused", "canceled")


def _dispute_in_each_status(app, merchant_id: str, sku: str) -> None:
    from app.extensions import db
    from app.orders.services import create_order
    from app.payments.models import Dispute, PaymentAttempt
    from app.platform.db.types import utcnow
    from app.platform.values.ids import new_id

    with app.app_context():
        for status in STATUSES:
            order = create_order(
                merchant_id,
                items=[{"sku": sku, "quantity": 1}],
                customer={"id": f"cus_{status}"},
                agreement_accepted=True,
                livemode=False,
                customer_source="secret_key",
            )
            attempt = PaymentAttempt(
                id=new_id("pay"),
                merchant_id=merchant_id,
                order_id=order.id,
                channel="sandbox_card",
                status="succeeded",
                amount=order.total,
                currency=order.currency,
            )
            db.session.add(attempt)
            db.session.flush()
            db.session.add(
                Dispute(
                    id=new_id("dp"),
                    merchant_id=merchant_id,
                    livemode=False,
                    order_id=order.id,
                    payment_id=attempt.id,
                    channel="sandbox_card",
                    provider_dispute_id=f"dp_badge_{status}_{order.id}",
                    amount=100,
                    currency=order.currency,
                    reason="fraudulent",
                    status=status,
                    evidence_due_by=utcnow() + timedelta(days=7),
                )
            )
        db.session.commit()


def _subscription_in_each_status(app, merchant_id: str, sku: str) -> None:
    from app.extensions import db
    from app.signing.contracts import open_subscription

    make_recurring(app, sku)
    with app.app_context():
        for status in SUBSCRIPTION_STATUSES:
            sub, _ = open_subscription(
                merchant_id,
                sku=sku,
                customer={"id": f"cus_{status}"},
                customer_source="secret_key",
                agreement_accepted=True,
                livemode=False,
            )
            sub.status = status
        db.session.commit()


def badge_colours(page: Page, statuses) -> dict:
    """Each status's badge colours in the list (background / text), and those of a plain badge under None."""
    colours = {}
    for status in statuses:
        badge = page.locator("td .badge", has_text=status.replace("_", " "))
        expect(badge).to_have_count(1)
        colours[status] = badge.evaluate("b => getComputedStyle(b).backgroundColor + ' / ' + getComputedStyle(b).color")
    colours[None] = page.evaluate("""() => { const b = document.createElement('span'); b.className = 'badge';
        document.body.append(b); const s = getComputedStyle(b); return s.backgroundColor + ' / ' + s.color; }""")
    return colours


def test_each_dispute_status_has_its_own_colour(page: Page, app, merchant, catalog):
    _dispute_in_each_status(app, merchant.id, catalog["sku"])
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/disputes")
    colours = badge_colours(page, STATUSES)
    assert len(set(colours.values())) == len(STATUSES) + 1, colours  # and none is the plain grey


def test_subscription_statuses_have_colours_and_the_list_reads_on_a_phone(phone: Page, app, merchant, catalog):
    _subscription_in_each_status(app, merchant.id, catalog["sku"])
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/subscriptions")
    colours = badge_colours(phone, SUBSCRIPTION_STATUSES)
    # Going well, waiting on the shopper's trial, failing to charge, held by the merchant, over: five meanings.
    assert len(set(colours.values())) == len(SUBSCRIPTION_STATUSES) + 1, colours
    row = phone.get_by_role("row").filter(has_text="cus_past_due")
    for label in ("Status", "Next renewal"):
        cell = row.locator(f"td[data-label='{label}']")
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], (label, box)
        assert cell.evaluate("td => getComputedStyle(td, '::before').content") == f'"{label}: "'
    assert laid_out_width(phone) == SMALL_PHONE["width"]


ORDER_STATUSES = ("created", "paying", "paid", "refunding", "refunded", "closed")
# Relative luminance and contrast ratio as WCAG 2 defines them, from a computed "rgb(r, g, b)".
CONTRAST = """b => { const lum = c => { const [r, g, bl] = c.match(/\\d+/g).slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * bl; };
  const s = getComputedStyle(b); const [hi, lo] = [lum(s.color), lum(s.backgroundColor)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05); }"""


def _order_in_each_status(app, merchant_id: str, sku: str) -> dict:
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import create_order

    with app.app_context():
        orders = {}
        for status in ORDER_STATUSES:
            order = create_order(
                merchant_id,
                items=[{"sku": sku, "quantity": 1}],
                customer={"id": "cus_badges"},
                agreement_accepted=True,
                livemode=False,
                customer_source="secret_key",
            )
            db.session.execute(update(Order).where(Order.id == order.id).values(status=status))
            orders[status] = order.id
        db.session.commit()
    return orders


def test_each_order_status_has_a_readable_colour_of_its_meaning_wherever_it_shows(page: Page, app, merchant, catalog):
    """Created, paying, refunding and refunded orders were the plain grey pill while paid and closed had colours: a
    merchant scanning the orders could not tell a refund under way from an order nobody had paid. Each now has its
    own colour, at WCAG AA contrast, the same in the list, on the order and on the customer's page."""
    orders = _order_in_each_status(app, merchant.id, catalog["sku"])
    sign_in(page, merchant.email, merchant.password)

    def colours_on(path: str) -> dict:
        page.goto(path)
        found = {}
        for status, order_id in orders.items():
            row = page.get_by_role("row").filter(has=page.get_by_role("link", name=order_id))
            badge = row.locator(".badge")
            expect(badge).to_have_text(status)
            found[status] = badge.evaluate(
                "b => getComputedStyle(b).backgroundColor + ' / ' + getComputedStyle(b).color"
            )
            assert badge.evaluate(CONTRAST) >= 4.5, (status, found[status])
        return found

    in_list = colours_on("/portal/orders?q=cus_badges")
    plain = page.evaluate("""() => { const b = document.createElement('span'); b.className = 'badge';
        document.body.append(b); const s = getComputedStyle(b); return s.backgroundColor + ' / ' + s.color; }""")
    assert plain not in in_list.values(), in_list
    assert len(set(in_list.values())) == len(ORDER_STATUSES), in_list  # six meanings, six colours
    assert colours_on("/portal/customers/cus_badges") == in_list
    for status, order_id in orders.items():
        page.goto(f"/portal/orders/{order_id}")
        badge = page.get_by_role("heading", level=1).locator(".badge")
        expect(badge).to_have_text(status)
        assert (
            badge.evaluate("b => getComputedStyle(b).backgroundColor + ' / ' + getComputedStyle(b).color")
            == in_list[status]
        )
