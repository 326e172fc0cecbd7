"""Unsigning: a subscription that ends for good ends its mandate. The contract says `mandate.status: canceled` at
once, and the worker cancels the recurring agreement at the provider, so the shopper's "until I cancel" is kept
there too. Driven as a merchant and a provider would: the first order paid through the sandbox, the contract
canceled over the API (now, at period end on a test clock, by dunning), the worker run, then the provider asked."""

from __future__ import annotations

from datetime import timedelta

import requests

from app.platform.values.ids import new_id
from tests.conftest import free_port, wait_for
from tests.signing.renewals.test_renewals import (  # noqa: F401  (fixtures)
    active_subscription,
    advance,
    clock,
    decline_next,
    events,
    monthly,
    set_dunning,
    unix,
)
from tests.support.signing import CUSTOMER, pay_first_order, subscribe

SANDBOX_KEY = {"Authorization": "Bearer sbx_test_demo_key"}


def at_provider(sandbox, reference: str) -> dict:
    response = requests.get(f"{sandbox.url}/sandbox/api/mandates/{reference}", headers=SANDBOX_KEY, timeout=5)
    assert response.status_code == 200, response.text
    return response.json()


def cancel_at_provider(sandbox, reference: str, headers: dict | None = None) -> requests.Response:
    return requests.post(
        f"{sandbox.url}/sandbox/api/mandates/{reference}/cancel",
        headers=SANDBOX_KEY if headers is None else headers,
        timeout=5,
    )


def deduct(sandbox, reference: str, what: str) -> dict:
    """A deduction for ``what``, under a reference shaped as Kassa's attempts are (tests/signing/test_mandates.py)."""
    return requests.post(
        f"{sandbox.url}/sandbox/api/mandates/{reference}/deductions",
        headers=SANDBOX_KEY,
        json={"amount": 999, "currency": "usd", "reference": new_id("pay"), "description": what},
        timeout=5,
    ).json()


def cancel_calls(app, reference: str) -> int:
    """How many times Kassa asked a provider to cancel this mandate (the integration log)."""
    from sqlalchemy import func, select

    from app.extensions import db
    from app.payments.integration_log import IntegrationLog

    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(IntegrationLog)
            .where(IntegrationLog.url.like(f"%/mandates/{reference}/cancel"))
        )


def test_the_provider_cancels_a_mandate_once_and_refuses_deductions_on_it(api, sandbox, worker, monthly):
    reference = pay_first_order(api, sandbox, worker, subscribe(api, monthly))["mandate"]["reference"]
    assert cancel_at_provider(sandbox, reference, headers={}).status_code == 401  # the merchant's key only
    assert cancel_at_provider(sandbox, "mdt_nobody").status_code == 404
    first = cancel_at_provider(sandbox, reference)
    assert first.status_code == 200 and first.json()["status"] == "canceled" and first.json()["id"] == reference
    again = cancel_at_provider(sandbox, reference)
    assert again.status_code == 200 and again.json() == first.json()  # idempotent
    refused = deduct(sandbox, reference, "after-cancel")
    assert refused["status"] == "failed" and refused["failure_reason"] == "mandate_inactive"
    # The shopper cannot revoke what is already canceled: it stays canceled.
    assert (
        requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/revoke", timeout=5).json()["status"]
        == "canceled"
    )


def test_canceling_now_cancels_the_mandate_here_and_at_the_provider(app, api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    reference = sub["mandate"]["reference"]
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={})
    assert canceled.status_code == 200, canceled.json
    assert canceled.json["status"] == "canceled"
    assert canceled.json["mandate"] == {"channel": "sandbox_card", "status": "canceled", "reference": reference}
    [event] = events(api, "subscription.canceled")
    assert event["mandate"]["status"] == "canceled"

    worker()  # the outbox: the provider is told
    assert at_provider(sandbox, reference)["status"] == "canceled"
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "canceled"
    assert deduct(sandbox, reference, "after-cancel")["failure_reason"] == "mandate_inactive"
    assert cancel_calls(app, reference) == 1
    # Canceling again changes nothing and asks the provider nothing more.
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={}).json["mandate"]["status"] == "canceled"
    worker()
    assert cancel_calls(app, reference) == 1


def test_canceling_at_period_end_keeps_the_mandate_until_the_period_ends(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    reference = sub["mandate"]["reference"]
    later = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True})
    assert later.status_code == 200 and later.json["mandate"]["status"] == "active"
    worker()
    assert at_provider(sandbox, reference)["status"] == "active"  # the paid period is still running

    advance(api, worker, clock, unix(2027, 2, 27))
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "active"
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["mandate"]["status"] == "canceled"
    assert at_provider(sandbox, reference)["status"] == "canceled"
    [event] = events(api, "subscription.canceled")
    assert event["mandate"]["status"] == "canceled"


def test_the_last_failed_dunning_try_cancels_the_mandate_too(app, merchant, api, sandbox, worker, monthly, clock):
    set_dunning(app, merchant.id, retry_days="1", final_action="cancel")  # two tries: Feb 28 and Mar 1
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 2))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["mandate"]["status"] == "canceled"
    assert at_provider(sandbox, sub["mandate"]["reference"])["status"] == "canceled"


def test_a_provider_outage_neither_blocks_the_cancel_nor_loses_the_provider_call(
    app, api, sandbox, worker, monthly, monkeypatch
):
    from app.extensions import db
    from app.jobs import dispatch_events
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import Event

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    reference = sub["mandate"]["reference"]
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")  # the provider is down

    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={})
    assert canceled.status_code == 200, canceled.json
    assert (canceled.json["status"], canceled.json["mandate"]["status"]) == ("canceled", "canceled")
    worker()  # the call to the provider fails: the outbox keeps the event to try again later
    assert at_provider(sandbox, reference)["status"] == "active"
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "canceled"  # nothing undone
    with app.app_context():
        [event] = db.session.query(Event).filter(Event.type == "subscription.canceled").all()
        assert event.dispatched_at is None and event.dispatch_attempts == 1 and event.next_dispatch_at > utcnow()

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)  # the provider is back
    with app.app_context():  # the backoff has run out by the time the periodic sweep comes round
        event = db.session.get(Event, event.id)
        event.next_dispatch_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        dispatch_events()  # the worker's periodic dispatch sweep
        assert db.session.get(Event, event.id, populate_existing=True).dispatched_at is not None
    assert at_provider(sandbox, reference)["status"] == "canceled"
    assert cancel_calls(app, reference) == 2  # the failed try and the one that went through


def test_a_wallet_mandate_ends_with_its_contract_without_a_provider_call(app, api, sandbox, worker, monthly):
    from tests.ledger.wallet.test_wallet import top_up

    top_up(api, sandbox, worker, 5000, customer=CUSTOMER)
    created = subscribe(api, monthly)
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    sub_id = created["subscription"]["id"]
    assert api.get(f"/subscriptions/{sub_id}").json["mandate"]["status"] == "active"
    canceled = api.post(f"/subscriptions/{sub_id}/cancel", json={}).json
    assert canceled["mandate"] == {"channel": "wallet", "status": "canceled", "reference": CUSTOMER}
    worker()
    assert cancel_calls(app, CUSTOMER) == 0


def test_a_mandate_the_shopper_revoked_stays_revoked(app, api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    reference = sub["mandate"]["reference"]
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")

    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={}).json
    assert canceled["status"] == "canceled" and canceled["mandate"]["status"] == "revoked"
    worker()
    assert at_provider(sandbox, reference)["status"] == "revoked"
    assert cancel_calls(app, reference) == 0  # nothing to end: the shopper ended it
    # Asked anyway, the provider keeps the revoke.
    kept = cancel_at_provider(sandbox, reference)
    assert kept.status_code == 200 and kept.json()["status"] == "revoked"


def test_a_canceled_contracts_canceled_mandate_is_no_reconciliation_finding(app, api, sandbox, worker, monthly):
    from app.jobs import reconcile_contracts

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    api.post(f"/subscriptions/{sub['id']}/cancel", json={})
    worker()
    with app.app_context():
        assert reconcile_contracts() == {"found": {}, "fixed": 0}
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["findings"] == [] and after["mandate"]["status"] == "canceled"


def test_every_terminal_status_ends_a_provider_mandate():
    """A status the state machine makes terminal must not leave its mandate open at the provider: its event has
    the handler that cancels it there."""
    from app import subscribers  # noqa: F401  (registers the handlers)
    from app.platform.outbox.events import subscriptions_for
    from app.signing.state import TERMINAL

    assert TERMINAL == {"canceled", "expired"}
    for status in TERMINAL:
        assert any(s.name.startswith("app.signing.unsigning.") for s in subscriptions_for(f"subscription.{status}"))
