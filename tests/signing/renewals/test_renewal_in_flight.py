"""A renewal whose deduction is still on its way (the provider's answer was lost: the janitor will ask) when the
contract is told to end with its paid period: the customer asked not to have another period, so the deduction
that lands afterwards buys nothing and goes back in full."""

from __future__ import annotations

import requests

from tests.conftest import wait_for
from tests.payments.channels.test_resilience import _run_janitor, _set_due
from tests.signing.renewals.test_renewals import (  # noqa: F401  (fixtures)
    active_subscription,
    advance,
    clock,
    decline_next,
    events,
    iso,
    membership_until,
    monthly,
    unix,
)
from tests.support.faulty_provider import FaultyProvider


def renew_answered_too_late(app, api, sandbox, worker, clock: str, monkeypatch) -> None:
    """Advance to period 2's renewal, the provider making its deduction but answering too late."""
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    with FaultyProvider(sandbox.url, "slow", delay=1.0) as provider:  # deducts, then answers too late
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        advance(api, worker, clock, unix(2027, 2, 28, 13))
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)


def renewal_in_flight(app, api, sandbox, worker, monthly: str, clock: str, monkeypatch) -> tuple[dict, dict]:
    """An active contract whose period-2 deduction the provider made but whose answer came too late: the renewal
    waits for the janitor, its order paying. Returns the contract and the renewal order."""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    renew_answered_too_late(app, api, sandbox, worker, clock, monkeypatch)
    sub = api.get(f"/subscriptions/{sub['id']}").json
    assert sub["status"] == "active" and [(r["period"], r["status"]) for r in sub["renewals"]] == [(2, "pending")]
    order = api.get(f"/orders/{sub['renewals'][0]['order']}").json
    assert order["status"] == "paying" and [p["status"] for p in order["payments"]] == ["unknown"]
    return sub, order


def the_deduction_lands(app, api, worker, order: dict) -> None:
    """The janitor asks the provider, which did take the money."""
    _set_due(app, order["payments"][0]["id"])
    _run_janitor(app, worker)
    worker()
    worker()  # the refund's own events


def assert_ended_with_period_1_and_the_deduction_given_back(api, sub: dict, order: dict) -> None:
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["period"] == 1
    assert after["canceled_at"] == iso(2027, 2, 28)
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "canceled")]
    order = api.get(f"/orders/{order['id']}").json
    assert [p["status"] for p in order["payments"]] == ["succeeded"]
    assert [(r["amount"], r["status"]) for r in order["refunds"]] == [(999, "succeeded")]
    assert order["status"] == "refunded" and order["refunded_amount"] == 999
    assert membership_until(api).timestamp() == unix(2027, 2, 28)  # no second month


def test_cancel_at_period_end_after_the_period_ended_gives_back_the_renewal_in_flight(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """The period ended and its renewal was being deducted when the customer asked to cancel at the period's end:
    before, the contract stayed active and the late deduction renewed it for a month they had declined (or, once a
    sweep had ended it, kept the money for nothing)."""
    sub, order = renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True})
    assert canceled.status_code == 200
    assert canceled.json["status"] == "canceled" and canceled.json["next_renewal_at"] is None
    advance(api, worker, clock, unix(2027, 3, 2))
    the_deduction_lands(app, api, worker, order)
    assert_ended_with_period_1_and_the_deduction_given_back(api, sub, order)


def test_a_mandate_revoked_while_its_renewal_is_in_flight_gives_that_deduction_back(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """The shopper revoked the mandate as the renewal was being deducted: the contract ends with its paid period
    at the next sweep. Before, the renewal was left pending, and the deduction that landed then was kept for a
    period the customer never got."""
    sub, order = renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    advance(api, worker, clock, unix(2027, 3, 2))
    the_deduction_lands(app, api, worker, order)
    assert_ended_with_period_1_and_the_deduction_given_back(api, sub, order)


def left_pending(app, sub_id: str, period: int, due: int) -> None:
    """A renewal an ended contract left pending, as the bug fixed above left them in the database."""
    from datetime import datetime, timezone

    from app.extensions import db
    from app.signing.models import Subscription, SubscriptionRenewal

    at = datetime.fromtimestamp(due, tz=timezone.utc)
    with app.app_context():
        db.session.add(
            SubscriptionRenewal(
                subscription_id=sub_id,
                merchant_id=db.session.get(Subscription, sub_id).merchant_id,
                period=period,
                period_start=at,
                period_end=at,
                status="pending",
                attempts=1,
                next_attempt_at=at,
                due_at=at,
            )
        )
        db.session.commit()


def test_renewals_left_pending_on_ended_contracts_hold_up_no_due_try(app, api, sandbox, worker, monthly, clock):
    """Every sweep picked such a renewal up first (the longest due) and "tried" it for nothing: a sweep's batch
    full of them never reached the tries really due, and a test clock's advance stepped on the spot until its job
    timed out, the clock left advancing and the other contracts' dunning never tried."""
    ended = active_subscription(api, sandbox, worker, monthly, clock, customer="cus_ended")
    assert api.post(f"/subscriptions/{ended['id']}/cancel", json={}).json["status"] == "canceled"
    left_pending(app, ended["id"], 2, unix(2027, 2, 28))
    declined = active_subscription(api, sandbox, worker, monthly, clock, customer="cus_declined")
    decline_next(sandbox, declined, 1)  # the first try (Feb 28) is declined, the retry (Mar 1) goes through

    advance(api, worker, clock, unix(2027, 3, 1, 13))
    after = api.get(f"/subscriptions/{declined['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    assert [(r["period"], r["status"], r["attempts"]) for r in after["renewals"]] == [(2, "paid", 2)]


def assert_kept_period_1_and_gave_the_deduction_back(api, sub: dict, order: dict, status: str) -> None:
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == status and after["period"] == 1
    order = api.get(f"/orders/{order['id']}").json
    assert [p["status"] for p in order["payments"]] == ["succeeded"]
    assert [(r["amount"], r["status"]) for r in order["refunds"]] == [(999, "succeeded")]
    assert order["status"] == "refunded" and order["refunded_amount"] == 999
    assert membership_until(api).timestamp() == unix(2027, 2, 28)  # no second month


def test_cancel_now_while_the_renewal_is_in_flight_gives_the_late_deduction_back(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """The merchant canceled at once as the renewal was being deducted. Before, the deduction was abandoned in
    Kassa alone: nobody asked the provider again, and the money it had taken was kept for a period never given."""
    sub, order = renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False})
    assert canceled.status_code == 200 and canceled.json["status"] == "canceled"
    the_deduction_lands(app, api, worker, order)
    assert_kept_period_1_and_gave_the_deduction_back(api, sub, order, "canceled")


def test_pause_while_the_renewal_is_in_flight_gives_the_late_deduction_back(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """Paused as the renewal was being deducted: the paused contract gets no new period, so the deduction that
    lands goes back (before, it was abandoned in Kassa and the provider's capture kept)."""
    sub, order = renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    paused = api.post(f"/subscriptions/{sub['id']}/pause")
    assert paused.status_code == 200 and paused.json["status"] == "paused"
    the_deduction_lands(app, api, worker, order)
    assert_kept_period_1_and_gave_the_deduction_back(api, sub, order, "paused")


def declined_renewal_in_flight(app, api, sandbox, worker, monthly: str, clock: str, monkeypatch) -> tuple[dict, dict]:
    """As ``renewal_in_flight``, but the provider declined the deduction whose answer came too late."""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 1)
    renew_answered_too_late(app, api, sandbox, worker, clock, monkeypatch)
    sub = api.get(f"/subscriptions/{sub['id']}").json
    order = api.get(f"/orders/{sub['renewals'][0]['order']}").json
    assert order["status"] == "paying" and [p["status"] for p in order["payments"]] == ["unknown"]
    return sub, order


def test_cancel_now_then_the_deduction_in_flight_fails_closes_its_order(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """Canceled while the deduction was in flight, which the provider then declined: the renewal order closes
    rather than staying open for the shopper to pay a period that will never come."""
    sub, order = declined_renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={}).json["status"] == "canceled"
    the_deduction_lands(app, api, worker, order)
    order = api.get(f"/orders/{order['id']}").json
    assert [p["status"] for p in order["payments"]] == ["failed"]
    assert order["status"] == "closed" and order["refunds"] == []


def test_a_deduction_in_flight_that_fails_is_a_dunning_try(app, api, sandbox, worker, monthly, clock, monkeypatch):
    """The provider declined the deduction whose answer came too late, and the janitor found out. Before, nothing
    recorded the failure (no renewal_failed event or email, the contract still active) and the renewal charged
    again six hours later, off the dunning schedule; now that try failed like any declined renewal, and the next
    one is the schedule's (a day after the due time)."""
    sub, order = declined_renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    advance(api, worker, clock, unix(2027, 2, 28, 19))  # the renewal looks again (18:00): still in flight, no try
    assert [r["attempts"] for r in api.get(f"/subscriptions/{sub['id']}").json["renewals"]] == [1]
    the_deduction_lands(app, api, worker, order)

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "past_due"
    [renewal] = after["renewals"]
    assert (renewal["status"], renewal["attempts"]) == ("pending", 1)
    assert renewal["next_attempt_at"] == iso(2027, 3, 1)  # the schedule's first retry day, not six hours on
    assert renewal["last_error"]
    assert [e["renewal"]["attempts"] for e in events(api, "subscription.renewal_failed")] == [1]
    assert len(events(api, "subscription.past_due")) == 1

    advance(api, worker, clock, unix(2027, 2, 28, 23))  # before the retry day: no charge
    assert [p["status"] for p in api.get(f"/orders/{order['id']}").json["payments"]] == ["failed"]
    advance(api, worker, clock, unix(2027, 3, 1, 13))  # the retry goes through
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    assert [(r["status"], r["attempts"]) for r in after["renewals"]] == [("paid", 2)]


def test_resumed_while_the_given_up_deduction_is_in_flight_charges_the_period_once(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """Paused as the renewal was being deducted, then resumed after the period had ended: the period starts again,
    but not until the deduction on its way is known. Before, the period was reopened at once with a new order, the
    old one forgotten, and when the old deduction landed it was kept: the customer paid the month twice."""
    sub, order = renewal_in_flight(app, api, sandbox, worker, monthly, clock, monkeypatch)
    assert api.post(f"/subscriptions/{sub['id']}/pause").json["status"] == "paused"
    assert api.post(f"/subscriptions/{sub['id']}/resume").json["status"] == "active"
    advance(api, worker, clock, unix(2027, 2, 28, 14))
    the_deduction_lands(app, api, worker, order)
    advance(api, worker, clock, unix(2027, 2, 28, 15))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    [renewal] = after["renewals"]
    assert renewal["status"] == "paid" and renewal["order"] != order["id"]
    old = api.get(f"/orders/{order['id']}").json
    assert old["status"] == "refunded" and old["refunded_amount"] == 999
    paid = [api.get(f"/orders/{o}").json for o in (order["id"], renewal["order"])]
    assert sum(o["amount"]["total"] - o["refunded_amount"] for o in paid) == 999  # the month, charged once
