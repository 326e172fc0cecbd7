"""Money a closed order did not keep goes back by itself (issue 8 items 4-5): a payment the shopper
approves after Kassa gave the order up is captured, journaled and refunded in full automatically, with the
reason on the order's timeline; and an attempt whose create call never answered is looked up at the
provider by reference before anything is decided, never failed blind."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from tests.conftest import wait_for
from tests.ledger.test_journal_of_payments import entries, ledger_totals
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of


def test_a_payment_approved_after_the_order_was_given_up_is_refunded_automatically(app, api, catalog, sandbox, worker):
    from app.extensions import db
    from app.orders.models import Order
    from app.payments.attempts.polling import refresh_attempt

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    with app.app_context():  # the shopper walked away: the order expired long ago
        from app.platform.db.types import utcnow

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
    from app.payments.refunds.capture_returns import refund_stray_capture

    with app.app_context():
        assert refund_stray_capture(payment["id"], "again").status == "succeeded"
    assert len(api.get(f"/orders/{order['id']}").json["refunds"]) == 1


def test_an_attempt_whose_create_never_answered_is_looked_up_not_failed(app, api, catalog, sandbox):
    from app.extensions import db
    from app.payments.attempts.polling import refresh_attempt
    from app.payments.models import PaymentAttempt

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    with app.app_context():  # as if the web process died before it stored the provider's answer
        db.session.execute(
            update(PaymentAttempt).where(PaymentAttempt.id == payment["id"]).values(provider_reference=None)
        )
        db.session.commit()
        refresh_attempt(payment["id"])
    found = api.get(f"/orders/{order['id']}").json
    assert found["status"] == "paying"  # not reopened: the payment is alive at the provider
    assert found["payments"][0]["status"] == "pending"
    assert found["payments"][0]["provider_reference"] == payment["provider_reference"]
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) in ("paid", "fulfilled"))


def _closed_order_with_a_refused_return(app, api, sandbox, worker, sku: str) -> tuple[dict, dict]:
    """A capture that landed after its order closed, whose automatic return the provider refused."""
    import requests

    from app.extensions import db
    from app.orders.models import Order
    from app.payments.attempts.polling import refresh_attempt

    order = create_order(api, sku)
    payment = pay(api, order["id"])
    with app.app_context():
        from app.platform.db.types import utcnow

        db.session.execute(update(Order).where(Order.id == order["id"]).values(expires_at=utcnow() - timedelta(days=2)))
        db.session.commit()
        refresh_attempt(payment["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["payments"][0]["status"] == "succeeded")
    assert (
        requests.post(
            f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/simulate_refund",
            json={"outcome": "failed"},
            timeout=5,
        ).status_code
        == 200
    )
    worker()
    return order, payment


def test_a_refused_automatic_return_can_be_retried_by_the_merchant_and_leaves_the_order_alone(
    app, api, catalog, sandbox, worker
):
    order, payment = _closed_order_with_a_refused_return(app, api, sandbox, worker, catalog["sku"])
    refused = api.get(f"/orders/{order['id']}").json["refunds"]
    assert [(r["status"], r["payment"]) for r in refused] == [("failed", payment["id"])]

    retried = api.post(f"/refunds/{refused[0]['id']}/retry")
    assert retried.status_code == 200, retried.json
    assert retried.json["refund"]["status"] == "succeeded"
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("closed", 0)
    assert [r["status"] for r in after["refunds"]] == ["succeeded"]
    worker()  # the outbox's own retry finds it returned: still one return, nothing paid out twice
    assert [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["succeeded"]
    assert ledger_totals(app) == {"usd": 0}


def test_a_merchant_refund_whose_reason_reads_like_a_return_is_an_ordinary_refund(api, catalog, sandbox):
    from tests.support.lifecycle import paid_order

    order = paid_order(api, sandbox, catalog["sku"])
    done = api.post(f"/orders/{order['id']}/refunds", json={"reason": "stray capture returned: customer asked"})
    assert done.status_code == 201 and done.json["refund"]["status"] == "succeeded"
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", 999)


def test_a_capture_for_an_attempt_kassa_had_failed_pays_the_still_open_order_once(app, api, catalog, sandbox, worker):
    """Item 4: the order must not stay payable with the shopper's money taken; a second capture goes back."""
    from app.payments.attempts.hub import fail_attempt

    order = create_order(api, catalog["sku"])
    first = pay(api, order["id"])
    with app.app_context():  # given up on while it was still open at the provider
        fail_attempt(first["id"], "the provider never confirmed the payment")
    assert status_of(api, order["id"]) == "created"
    second = pay(api, order["id"])  # the shopper tries again...

    sandbox.simulate(first["provider_reference"], "succeeded")  # ...and the first tab is approved too
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert again.status_code == 409  # not payable again
    sandbox.simulate(second["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["payments"][1]["status"] == "succeeded")
    worker()

    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("fulfilled", 0)  # paid once, then fulfilled
    assert [t["status"] for t in after["timeline"]].count("paid") == 1
    assert [(r["payment"], r["amount"], r["status"]) for r in after["refunds"]] == [(second["id"], 999, "succeeded")]
    assert ledger_totals(app) == {"usd": 0}


def test_a_refund_made_before_a_late_capture_is_returned_gives_back_the_payment_that_paid(
    app, api, catalog, sandbox, worker
):
    """The shopper's first try lands after a second one paid the order: that first capture is the stray one, though
    it is the older payment. A refund asked for before the outbox returns it (the shopper charged twice asks at
    once) must give back the payment that paid, not the stray: refunded there, the stray's own return was refused
    ("at most 0 remains") and the payment that paid was never given back, so the shopper got one of two back."""
    from app.payments.attempts.hub import fail_attempt

    order = create_order(api, catalog["sku"])
    first = pay(api, order["id"])
    with app.app_context():  # given up on while it was still open at the provider
        fail_attempt(first["id"], "the provider never confirmed the payment")
    second = pay(api, order["id"])
    sandbox.simulate(second["provider_reference"], "succeeded")  # the second try pays the order
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    sandbox.simulate(first["provider_reference"], "succeeded")  # ...and the first one lands after all
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["payments"][0]["status"] == "succeeded")

    refund = api.post(f"/orders/{order['id']}/refunds", json={})  # before the outbox returns the stray capture
    assert refund.status_code == 201, refund.json
    assert (refund.json["refund"]["payment"], refund.json["refund"]["status"]) == (second["id"], "succeeded")
    worker()

    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", 999)
    assert sorted((r["payment"], r["amount"], r["status"]) for r in after["refunds"]) == sorted(
        [(second["id"], 999, "succeeded"), (first["id"], 999, "succeeded")]
    )  # both of the shopper's payments
    assert ledger_totals(app) == {"usd": 0}
