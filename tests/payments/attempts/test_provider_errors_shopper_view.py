"""What a shopper reads when the provider gave Kassa no usable answer.

A payment's failure_reason is written for the shopper (the hosted and embedded order pages print it, the SDK shows
it, the order's status stream and publishable-key reads carry it). A create that got no clear answer, and a renewal
deduction the provider could not take, used to store the provider's error there as it came (an exception naming the
provider's host and port, the body of its answer); the shopper now reads Kassa's sentence and the merchant the error,
on the order's timeline.
"""

from __future__ import annotations

import json

from tests.conftest import free_port
from tests.operations.test_maintenance_shopper_view import shopper_sees
from tests.payments.attempts.test_payment_flow import create_order
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.support.faulty_provider import FaultyProvider

UNCONFIRMED = "the payment provider has not confirmed the outcome yet"


def test_a_create_with_no_clear_answer_tells_the_shopper_it_is_being_confirmed_not_the_providers_error(
    app, client, api, pk_api, catalog, sandbox, merchant, monkeypatch
):
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    order = {**create_order(api, catalog["sku"]), "merchant": merchant.id}
    with FaultyProvider(sandbox.url, "slow", delay=1.0) as provider:  # creates it, then answers too late
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).status_code == 502
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)

    seen = shopper_sees(app, client, pk_api, order)
    assert "ReadTimeout" not in seen and "did not answer clearly" not in seen
    shopper = pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json
    assert (shopper["payments"][0]["status"], shopper["payments"][0]["failure_reason"]) == ("unknown", UNCONFIRMED)
    assert [t["reason"] for t in shopper["timeline"]][-1] == "The payment is being confirmed with the payment provider"

    # The merchant reads what went wrong on the order's timeline.
    notes = [t["reason"] for t in api.get(f"/orders/{order['id']}").json["timeline"]]
    assert any(
        "outcome is unknown: provider did not answer clearly: sandbox provider did not answer: ReadTimeout" in note
        for note in notes
    ), notes


def test_a_renewal_the_provider_could_not_take_tells_the_subscriber_only_that(
    app, client, api, sandbox, worker, monthly, clock, monkeypatch
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")  # nothing listens there
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)

    renewal = api.get(f"/subscriptions/{sub['id']}").json["renewals"][0]
    order = api.get(f"/orders/{renewal['order']}").json
    assert [(p["status"], p["failure_reason"]) for p in order["payments"]] == [
        ("failed", "the payment provider could not be reached")
    ]
    # The merchant reads the provider's error on the order's timeline, as before in the payment.
    assert any("deduction not made: sandbox provider unreachable" in t["reason"] for t in order["timeline"]), (
        json.dumps(order["timeline"])
    )
    # The subscriber paying the renewal by hand reads Kassa's words on the order page, not the error.
    page = client.get(f"/checkout/orders/{order['id']}", query_string={"client_secret": order["client_secret"]})
    text = page.get_data(as_text=True)
    assert page.status_code == 200 and "ConnectionError" not in text and "deduction not made" not in text
    assert "The payment was not completed: the payment provider could not be reached." in text


def test_a_renewal_the_provider_refused_says_so_not_that_it_was_unreachable(app, api, sandbox, worker, monthly, clock):
    """A 4xx is the provider answering no, not an outage: the merchant (the renewal's last error) and the subscriber
    read that it was refused; the provider's answer is on the timeline."""
    from app.extensions import db
    from app.signing.models import Subscription

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    with app.app_context():  # a mandate the provider does not know: it answers 404 to the deduction
        db.session.get(Subscription, sub["id"]).mandate_reference = "mdt_unknown_to_the_provider"
        db.session.commit()
    advance(api, worker, clock, unix(2027, 2, 28, 13))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["renewals"][0]["last_error"] == "the payment provider refused the payment"
    order = api.get(f"/orders/{after['renewals'][0]['order']}").json
    assert [(p["status"], p["failure_reason"]) for p in order["payments"]] == [
        ("failed", "the payment provider refused the payment")
    ]
    assert any("deduction not made: sandbox provider answered 404" in t["reason"] for t in order["timeline"])
