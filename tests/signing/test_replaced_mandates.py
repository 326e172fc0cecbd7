"""A mandate replaced on a contract is canceled at its provider. A shopper whose renewal failed pays it by hand
on their billing page with a new card: later periods are deducted through the mandate that card signed, and the
old card's recurring agreement (a card they replaced, perhaps lost) must not stay open at the provider. Driven as
the shopper, the merchant and the provider would: a real contract on a test clock, a declined deduction, the
billing page's "Update payment method and pay", the worker, then the provider asked about both mandates."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
import requests

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, decline_next, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_self_service import pay_renewal_with_a_new_card
from tests.signing.test_unsigning import at_provider, cancel_calls, deduct
from tests.support.provider_proxy import ProviderProxy
from tests.support.signing import CUSTOMER, subscribe


def past_due(api, sandbox, worker, monthly, clock, customer: str = CUSTOMER) -> dict:
    """An active contract whose card is declined at its first renewal: past due, its old mandate still active."""
    sub = active_subscription(api, sandbox, worker, monthly, clock, customer=customer)
    decline_next(sandbox, sub, 100)  # the old card keeps failing
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"
    return sub


def renewed_events(api) -> list[dict]:
    return api.get("/events?type=subscription.renewed&limit=100").json["data"]


def test_the_card_a_shopper_replaces_by_paying_by_hand_is_canceled_at_the_provider(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = past_due(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    new = after["mandate"]["reference"]
    assert new != old and after["mandate"] == {"channel": "sandbox_card", "status": "active", "reference": new}
    assert after["period"] == 2 and after["renewals"][0]["status"] == "paid"
    assert at_provider(sandbox, old)["status"] == "canceled"  # the replaced card's agreement is closed there
    assert at_provider(sandbox, new)["status"] == "active"
    assert deduct(sandbox, old, "after-replace")["failure_reason"] == "mandate_inactive"
    assert (cancel_calls(app, old), cancel_calls(app, new)) == (1, 0)
    # The event merchants get is the contract as it is now, nothing more.
    [event] = renewed_events(api)
    assert set(event["data"]) == {"object"} and event["data"]["object"]["mandate"]["reference"] == new

    # The next period is deducted through the new card; the old mandate is asked about nothing more.
    advance(api, worker, clock, unix(2027, 3, 31, 13))
    again = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in again["renewals"]] == ["paid", "paid"] and again["mandate"]["reference"] == new
    assert at_provider(sandbox, new)["status"] == "active" and cancel_calls(app, old) == 1


@pytest.fixture
def provider_proxy(app, sandbox, monkeypatch):
    """Kassa talks to the sandbox provider through a loopback proxy that can make one call fail to arrive."""
    proxy = ProviderProxy(urlsplit(sandbox.url).port)
    monkeypatch.setitem(app.config, "SANDBOX_URL", proxy.url)
    yield proxy
    proxy.close()


def test_a_provider_down_at_first_gets_the_cancel_when_the_outbox_tries_again(
    app, api, client, sandbox, worker, monthly, clock, provider_proxy
):
    from app.extensions import db
    from app.jobs import dispatch_events
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import Event

    sub = past_due(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    # The provider cannot be reached for the cancel: the call never arrives (Kassa's one retry of a dropped
    # connection neither).
    provider_proxy.hold(f"POST /sandbox/api/mandates/{old}/cancel", forward=False, times=2).cut()

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    assert after["status"] == "active" and after["period"] == 2  # the renewal is neither blocked nor undone
    assert after["mandate"]["reference"] != old
    assert at_provider(sandbox, old)["status"] == "active"  # the provider heard nothing yet
    [renewed] = renewed_events(api)
    with app.app_context():
        event = db.session.get(Event, renewed["id"])
        assert event.dispatched_at is None and event.dispatch_attempts == 1 and event.next_dispatch_at > utcnow()

    provider_proxy.clear()  # the provider is back
    with app.app_context():  # the backoff has run out by the time the periodic sweep comes round
        event = db.session.get(Event, renewed["id"])
        event.next_dispatch_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        dispatch_events()  # the worker's periodic dispatch sweep
        assert db.session.get(Event, event.id, populate_existing=True).dispatched_at is not None
    assert at_provider(sandbox, old)["status"] == "canceled"
    assert at_provider(sandbox, after["mandate"]["reference"])["status"] == "active"
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"


def test_a_replaced_mandate_another_active_contract_renews_through_is_kept(
    app, api, client, sandbox, worker, monthly, clock
):
    from app.extensions import db
    from app.signing.models import Subscription

    first = active_subscription(api, sandbox, worker, monthly, clock)
    second = active_subscription(api, sandbox, worker, monthly, clock)
    shared = first["mandate"]["reference"]
    with app.app_context():  # the customer's two contracts renew through one card agreement
        db.session.get(Subscription, second["id"]).mandate_reference = shared
        db.session.commit()
    decline_next(sandbox, first, 100)  # that card keeps failing: both contracts fall past due
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    assert api.get(f"/subscriptions/{second['id']}").json["status"] == "past_due"

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, first)
    assert after["mandate"]["reference"] != shared
    assert at_provider(sandbox, shared)["status"] == "active"  # the second contract still renews through it
    assert cancel_calls(app, shared) == 0
    assert api.get(f"/subscriptions/{second['id']}").json["mandate"] == {
        "channel": "sandbox_card",
        "status": "active",
        "reference": shared,
    }

    # Once the last contract on it ends, it is canceled there as any ended contract's mandate is.
    assert api.post(f"/subscriptions/{second['id']}/cancel", json={}).status_code == 200
    worker()
    assert at_provider(sandbox, shared)["status"] == "canceled"


def test_a_replaced_wallet_mandate_asks_no_provider(app, api, client, sandbox, worker, monthly, clock):
    from tests.ledger.wallet.test_wallet import top_up

    top_up(api, sandbox, worker, 999, customer=CUSTOMER)  # the first month only
    created = subscribe(api, monthly, test_clock=clock)
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    advance(api, worker, clock, unix(2027, 2, 28, 13))  # the wallet is dry: the renewal fails
    sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert sub["status"] == "past_due" and sub["mandate"]["channel"] == "wallet"

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    assert after["mandate"]["channel"] == "sandbox_card" and after["mandate"]["status"] == "active"
    assert cancel_calls(app, CUSTOMER) == 0
    assert at_provider(sandbox, after["mandate"]["reference"])["status"] == "active"


def test_a_past_due_shopper_who_revoked_the_old_card_and_pays_with_a_new_one_keeps_renewing(
    api, client, sandbox, worker, monthly, clock
):
    """The shopper withdrew the old card's agreement while past due, then did what the email asked ("update your
    payment method"): paid the renewal with a new card, which signed a new mandate. Before, the revocation's "end
    with the paid period" stayed on the contract, so it ended a month later with the new mandate never used; now
    the new mandate renews it, as for any card replaced by hand."""
    sub = past_due(api, sandbox, worker, monthly, clock)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")

    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    assert after["mandate"]["status"] == "active" and after["cancel_at_period_end"] is False

    advance(api, worker, clock, unix(2027, 3, 31, 13))
    again = api.get(f"/subscriptions/{sub['id']}").json
    assert again["status"] == "active" and again["period"] == 3
    assert [r["status"] for r in again["renewals"]] == ["paid", "paid"]
