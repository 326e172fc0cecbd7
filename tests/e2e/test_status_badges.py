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
from tests.signing.support import make_recurring

pytestmark = pytest.mark.e2e

STATUSES = ("needs_response", "under_review", "won", "lost")
SUBSCRIPTION_STATUSES = ("active", "trialing", "past_due", "paused", "canceled")


def _dispute_in_each_status(app, merchant_id: str, sku: str) -> None:
    from app.db_types import utcnow
    from app.extensions import db
    from app.ids import new_id
    from app.orders.services import create_order
    from app.payments.dispute_models import Dispute
    from app.payments.models import PaymentAttempt

    with app.app_context():
        for status in STATUSES:
            order = create_order(merchant_id, items=[{"sku": sku, "quantity": 1}], customer={"id": f"cus_{status}"},
                                 agreement_accepted=True, livemode=False, customer_source="secret_key")
            attempt = PaymentAttempt(id=new_id("pay"), merchant_id=merchant_id, order_id=order.id,
                                     channel="sandbox_card", status="succeeded", amount=order.total,
                                     currency=order.currency)
            db.session.add(attempt)
            db.session.flush()
            db.session.add(Dispute(id=new_id("dp"), merchant_id=merchant_id, livemode=False, order_id=order.id,
                                   payment_id=attempt.id, channel="sandbox_card",
                                   provider_dispute_id=f"dp_badge_{status}_{order.id}", amount=100,
                                   currency=order.currency, reason="fraudulent", status=status,
                                   evidence_due_by=utcnow() + timedelta(days=7)))
        db.session.commit()


def _subscription_in_each_status(app, merchant_id: str, sku: str) -> None:
    from app.extensions import db
    from app.signing.contracts import open_subscription

    make_recurring(app, sku)
    with app.app_context():
        for status in SUBSCRIPTION_STATUSES:
            sub, _ = open_subscription(merchant_id, sku=sku, customer={"id": f"cus_{status}"},
                                       customer_source="secret_key", agreement_accepted=True, livemode=False)
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
