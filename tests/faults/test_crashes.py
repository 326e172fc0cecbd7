"""Kassa's web process dies (SIGKILL) in the middle of a payment or a refund, while its call to the provider
is held at the proxy after the provider acted; the provider dies mid-call, or its answer is lost. After a
restart and Kassa's own recovery (the cron's sweeps on the real worker), and whatever the shopper and the
merchant do next, the money must add up (tests/support/invariants.py).

The issue 8 items these prove: 4 (a crash during pay must not let the order be captured twice), 5 (a capture
on an order Kassa gave up on is refunded) and 3 (a refund whose answer was lost is an unknown outcome, not a
failure that invites a second payout).
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor

import pytest
import requests

from tests.conftest import wait_for
from tests.support.invariants import assert_money_consistent

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]

CREATE_PAYMENT = "POST /sandbox/api/payments HTTP"
REFUND = "/refunds HTTP"


def in_background(call) -> Future:
    """Run a blocking HTTP call on its own thread (it is held at the proxy meanwhile)."""
    pool = ThreadPoolExecutor(1)
    future = pool.submit(call)
    pool.shutdown(wait=False)
    return future


def _paid_order(faults, shop, sku: str) -> dict:
    order = shop.create_order(sku)
    started = shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"})
    assert started.status_code == 200, started.text
    faults.provider.decide(started.json()["payment"]["provider_reference"])
    wait_for(lambda: shop.order(order["id"])["status"] in ("paid", "fulfilled"), 15)
    return shop.order(order["id"])


def test_web_killed_mid_pay_then_restarted_never_lets_the_order_be_charged_twice(app, faults, shop, catalog):
    order = shop.create_order(catalog["sku"])
    held = faults.proxy.hold(CREATE_PAYMENT)
    paying = in_background(lambda: shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"}))
    held.wait_arrived()  # the provider opened the payment; its answer waits at the proxy
    faults.web.kill()
    held.cut()
    assert isinstance(paying.exception(30), requests.ConnectionError)
    faults.web.start()

    faults.settle(app)  # Kassa recovers on its own: pollers and janitor
    first = shop.order(order["id"])["payments"][0]
    # The shopper tries again if the checkout lets them, and approves that payment...
    again = shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"})
    assert again.status_code in (200, 409), again.text
    if again.status_code == 200:
        faults.provider.decide(again.json()["payment"]["provider_reference"])
    # ...and also approves the first one, still open in another tab.
    opened = faults.provider.payment_for(first["id"])
    assert opened is not None and opened["status"] == "pending"
    faults.provider.decide(opened["id"])

    faults.settle(app)
    assert shop.order(order["id"])["status"] in ("paid", "fulfilled")
    assert_money_consistent(app, faults.provider)


def test_web_killed_mid_refund_then_restarted_refunds_exactly_once(app, faults, shop, catalog):
    order = _paid_order(faults, shop, catalog["sku"])
    held = faults.proxy.hold(REFUND)
    refunding = in_background(lambda: shop.post(f"/orders/{order['id']}/refunds", {"amount": 400}))
    held.wait_arrived()  # the provider made the refund; its answer waits at the proxy
    faults.web.kill()
    held.cut()
    assert isinstance(refunding.exception(30), requests.ConnectionError)
    faults.web.start()

    # The merchant, unsure, presses Refund again: refused while the first one's outcome is open.
    again = shop.post(f"/orders/{order['id']}/refunds", {"amount": 400})
    assert again.status_code == 409, again.text

    faults.settle(app)
    after = shop.order(order["id"])
    assert after["refunded_amount"] == 400 and [r["status"] for r in after["refunds"]] == ["succeeded"]
    assert_money_consistent(app, faults.provider)


def test_provider_killed_mid_create_leaves_the_outcome_unknown_until_it_is_back(app, faults, shop, catalog):
    order = shop.create_order(catalog["sku"])
    held = faults.proxy.hold(CREATE_PAYMENT)
    paying = in_background(lambda: shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"}))
    held.wait_arrived()  # the provider opened the payment, then dies before answering
    faults.sandbox.kill()
    held.cut()
    answer = paying.result(30)
    assert answer.status_code == 502 and answer.json()["error"]["code"] == "payment_outcome_unknown"
    again = shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"})
    assert again.status_code == 409 and again.json()["error"]["code"] == "payment_outcome_unknown"

    faults.settle(app)  # the provider is still down: nothing is decided
    waiting = shop.order(order["id"])
    assert waiting["status"] == "paying" and waiting["payments"][0]["status"] == "unknown"

    faults.sandbox.start()
    faults.settle(app)  # the janitor finds the payment, still pending: polling and callbacks take over
    attempt = shop.order(order["id"])["payments"][0]
    assert attempt["status"] == "pending" and attempt["provider_reference"]
    # The shopper approves, and that callback is lost too: the poller, now in charge again, finds it paid.
    faults.provider.decide(attempt["provider_reference"], callback="drop")
    faults.settle(app)
    assert shop.order(order["id"])["status"] in ("paid", "fulfilled")
    assert_money_consistent(app, faults.provider)


@pytest.mark.parametrize("provider_saw_it", [False, True], ids=["closed-before-the-provider", "answer-lost"])
def test_a_provider_connection_closed_before_the_answer_is_tried_once_more_and_the_pay_goes_through(
    app, faults, shop, catalog, provider_saw_it
):
    """The provider closes a kept-alive connection just as Kassa reuses it (or the answer is lost on the way):
    the create carries the attempt as its reference, so Kassa asks again and the shopper gets the payment (the
    same one, if the provider had made it), not a 502 with the outcome unknown."""
    order = shop.create_order(catalog["sku"])
    held = faults.proxy.hold(CREATE_PAYMENT, forward=provider_saw_it)
    paying = in_background(lambda: shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"}))
    held.wait_arrived()
    held.cut()
    answer = paying.result(30)
    assert answer.status_code == 200, answer.text
    payment = answer.json()["payment"]
    assert payment["status"] == "pending"
    assert faults.provider.payment_for(payment["id"])["id"] == payment["provider_reference"]
    faults.provider.decide(payment["provider_reference"])
    wait_for(lambda: shop.order(order["id"])["status"] in ("paid", "fulfilled"), 15)
    faults.settle(app)
    assert len(shop.order(order["id"])["payments"]) == 1
    assert_money_consistent(app, faults.provider)


def test_provider_answer_lost_mid_refund_never_pays_the_refund_out_twice(app, faults, shop, catalog):
    order = _paid_order(faults, shop, catalog["sku"])
    faults.proxy.cut(REFUND)  # the provider refunds; Kassa never hears back

    first = shop.post(f"/orders/{order['id']}/refunds", {"amount": 400})
    assert first.status_code < 500 or first.json()["error"]["type"] == "channel_error", first.text
    shown = first.json().get("refund", {}).get("status")
    if shown != "succeeded":  # the merchant sees no success and asks again
        again = shop.post(f"/orders/{order['id']}/refunds", {"amount": 400})
        assert again.status_code in (201, 409), again.text

    faults.settle(app)
    assert_money_consistent(app, faults.provider)
