"""The disputes list in a real browser: each status's badge has its own colour, so a merchant scanning the list
sees at once which disputes wait on them (needs response), which wait on the bank (under review) and how the
closed ones ended (won, lost). All four were the same grey pill, the colour of a plain one."""
from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in

pytestmark = pytest.mark.e2e

STATUSES = ("needs_response", "under_review", "won", "lost")


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


def test_each_dispute_status_has_its_own_colour(page: Page, app, merchant, catalog):
    _dispute_in_each_status(app, merchant.id, catalog["sku"])
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/disputes")
    colours = {}
    for status in STATUSES:
        badge = page.locator("td[data-label=Status] .badge", has_text=status.replace("_", " "))
        expect(badge).to_have_count(1)
        colours[status] = badge.evaluate("b => getComputedStyle(b).backgroundColor + ' / ' + getComputedStyle(b).color")
    plain = page.evaluate("""() => { const b = document.createElement('span'); b.className = 'badge';
        document.body.append(b); const s = getComputedStyle(b); return s.backgroundColor + ' / ' + s.color; }""")
    assert plain not in colours.values(), colours
    assert len(set(colours.values())) == len(STATUSES), colours
