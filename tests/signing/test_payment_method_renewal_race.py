"""A renewal deduction already on its way while the subscriber updates the payment method: the try read the old
mandate, the update committed and the outbox canceled the old mandate at the provider before the deduction got
there, so the provider declines it. That decline charged nothing and was no failure of the customer's: the period is
deducted once, through the new mandate, with no dunning, no past due and no failed-payment email."""

from __future__ import annotations

import threading

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, events, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_payment_method_update import now_signed, press_at_provider, start_update
from tests.signing.test_self_service import billing_link
from tests.signing.test_unsigning import SANDBOX_KEY, at_provider


def test_a_renewal_deducting_through_the_card_just_replaced_is_charged_once_through_the_new_one(
    app, api, client, sandbox, worker, monthly, clock, monkeypatch
):
    import requests

    from app.jobs import dispatch_events
    from app.payments.channels.adapters.sandbox_card import SandboxCardAdapter

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    tab = start_update(client, billing_link(api), sub)  # the provider's page is open when the renewal comes due
    real_deduct = SandboxCardAdapter.deduct
    deducted: list[str] = []

    def update_lands() -> None:
        press_at_provider(tab)
        now_signed(api, sub, old)
        with app.app_context():
            dispatch_events()

    def deduct_as_the_update_lands(adapter, mandate: str, **kw):
        if not deducted:
            # The try read the old mandate; before its call reaches the provider the subscriber approves the new
            # card, the contract takes it, and the outbox cancels the old one there: all of it elsewhere (another
            # thread, as the web and another worker are), while this worker waits.
            elsewhere = threading.Thread(target=update_lands)
            elsewhere.start()
            elsewhere.join(30)
            assert at_provider(sandbox, old)["status"] == "canceled"
        deducted.append(mandate)
        return real_deduct(adapter, mandate, **kw)

    monkeypatch.setattr(SandboxCardAdapter, "deduct", deduct_as_the_update_lands)
    advance(api, worker, clock, unix(2027, 3, 1))
    worker()

    after = api.get(f"/subscriptions/{sub['id']}").json
    new = after["mandate"]["reference"]
    assert deducted == [old, new]  # one deduction per mandate: the old one declined, then the new one
    [renewal] = after["renewals"]
    assert (renewal["status"], renewal["attempts"], after["status"], after["period"]) == ("paid", 1, "active", 2)
    assert events(api, "subscription.renewal_failed") == [] and events(api, "subscription.past_due") == []
    # Charged exactly once: one captured payment on the renewal's order, at the provider and in Kassa.
    payments = api.get(f"/orders/{renewal['order']}").json["payments"]
    assert [p["status"] for p in payments] == ["failed", "succeeded"]
    captured = [
        requests.get(f"{sandbox.url}/sandbox/api/payments?reference={p['id']}", headers=SANDBOX_KEY, timeout=5).json()[
            "data"
        ][0]["status"]
        for p in payments
    ]
    assert captured == ["failed", "succeeded"]
    wait_for(lambda: at_provider(sandbox, new)["status"] == "active")
