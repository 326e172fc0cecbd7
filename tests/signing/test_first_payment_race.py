"""A contract canceled after its first order was paid but before that payment activated it (the outbox had not run
yet): the contract stays canceled, so the payment buys nothing and goes back in full, as a renewal paid just before
a cancel does."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.signing.renewals.test_renewals import monthly  # noqa: F401  (fixture)
from tests.support.signing import subscribe


def test_a_first_payment_that_lands_just_before_the_cancel_is_given_back(api, sandbox, worker, monthly):
    """Before, the cancel went through and the activation then found the contract canceled and did nothing: the
    customer had paid for a first month they never got (no membership, no refund)."""
    created = subscribe(api, monthly)
    order_id = created["order"]["id"]
    payment = pay(api, order_id)
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order_id) == "paid")

    canceled = api.post(f"/subscriptions/{created['subscription']['id']}/cancel", json={})  # before the outbox ran
    assert canceled.status_code == 200 and canceled.json["status"] == "canceled"
    worker()
    worker()  # the refund's own events

    order = api.get(f"/orders/{order_id}").json
    assert [(r["amount"], r["status"]) for r in order["refunds"]] == [(999, "succeeded")]
    assert order["status"] == "refunded" and order["refunded_amount"] == 999
    after = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert after["status"] == "canceled" and after["period"] == 0
