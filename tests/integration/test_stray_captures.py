"""Money a closed order did not keep goes back by itself (issue 8 items 4-5): a payment the shopper
approves after Kassa gave the order up is captured, journaled and refunded in full automatically, with the
reason on the order's timeline; and an attempt whose create call never answered is looked up at the
provider by reference before anything is decided, never failed blind."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from tests.conftest import wait_for
from tests.integration.test_payment_flow import create_order, pay, status_of
from tests.ledger.test_journal_of_payments import entries, ledger_totals


def test_a_payment_approved_after_the_order_was_given_up_is_refunded_automatically(app, api, catalog, sandbox,
                                                                                  worker):
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.hub import refresh_attempt

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    with app.app_context():  # the shopper walked away: the order expired long ago
        from app.db_types import utcnow

        db.session.execute(update(Order).where(Order.id == order["id"]).values(expires_at=utcnow() - timedelta(days=2)))
        db.session.commit()
        refresh_attempt(payment["id"])  # the poller gives the attempt up; the order closes
    assert status_of(api, order["id"]) == "closed"

    sandbox.simulate(payment["provider_reference"], "succeeded")  # ...and then the shopper approves
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["payments"][0]["status"] == "succeeded")
    worker()  # the outbox hands the stray capture to compensation

    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "closed" and after["refunded_amount"] == 0  # the order never kept the money
    assert [(r["amount"], r["status"]) for r in after["refunds"]] == [(999, "succeeded")]
    assert after["refunds"][0]["reason"].startswith("stray capture returned")
    assert any("returned $9.99 captured by payment" in t["reason"] for t in after["timeline"])
    assert entries(app, "payment.capture")[payment["id"]]["channel:sandbox_card:clearing"] == -999
    assert ledger_totals(app) == {"usd": 0}
    # Running the compensation again changes nothing: one refund per stray capture.
    from app.payments.refunds import refund_stray_capture

    with app.app_context():
        assert refund_stray_capture(payment["id"], "again").status == "succeeded"
    assert len(api.get(f"/orders/{order['id']}").json["refunds"]) == 1


def test_an_attempt_whose_create_never_answered_is_looked_up_not_failed(app, api, catalog, sandbox):
    from app.extensions import db
    from app.payments.hub import refresh_attempt
    from app.payments.models import PaymentAttempt

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    with app.app_context():  # as if the web process died before it stored the provider's answer
        db.session.execute(update(PaymentAttempt).where(PaymentAttempt.id == payment["id"])
                           .values(provider_reference=None))
        db.session.commit()
        refresh_attempt(payment["id"])
    found = api.get(f"/orders/{order['id']}").json
    assert found["status"] == "paying"  # not reopened: the payment is alive at the provider
    assert found["payments"][0]["status"] == "pending"
    assert found["payments"][0]["provider_reference"] == payment["provider_reference"]
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))
