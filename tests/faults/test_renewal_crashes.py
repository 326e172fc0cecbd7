"""The worker dies (SIGKILL) in the middle of a subscription's renewal deduction. Once it is back and Kassa has
recovered (the cron's sweeps on the real worker), the dead worker's try is settled as dunning's (the renewal waited
on that deduction from the moment it was opened) and the period is charged exactly once: the customer is neither
charged twice nor left with a contract that never renews."""

from __future__ import annotations

import os
import signal

import pytest
import requests

from tests.conftest import wait_for
from tests.support.invariants import assert_money_consistent
from tests.support.processes import children
from tests.support.signing import make_recurring

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]

DEDUCTION = "/deductions HTTP"


def _run_job(faults, name: str) -> None:
    job = faults.queue().enqueue(name)
    wait_for(lambda: job.get_status(refresh=True) in ("finished", "failed"), 30, interval=0.1)
    assert job.get_status() == "finished", job.latest_result().exc_string


def _kill_the_job_runner(faults) -> None:
    """SIGKILL the RQ worker process itself (as the OOM killer would), not its supervisor, which starts another."""
    supervisor = faults.worker.process.pid
    (running,) = children(supervisor)  # found by the process tree: a Redis restart forgets who registered
    os.kill(running, signal.SIGKILL)
    wait_for(lambda: children(supervisor) not in ([], [running]), 30, interval=0.1)


def _a_month_passes(app, subscription_id: str) -> None:
    """Move the contract's paid month into the past, as a month of waiting would."""
    from sqlalchemy import text

    from app.extensions import db

    with app.app_context():
        db.session.execute(
            text(
                "UPDATE subscriptions SET anchor_at = anchor_at - interval '32 days', "
                "current_period_start = current_period_start - interval '32 days', "
                "current_period_end = current_period_end - interval '32 days', "
                "next_renewal_at = next_renewal_at - interval '32 days' WHERE id = :id"
            ),
            {"id": subscription_id},
        )
        db.session.commit()


def test_a_renewal_try_whose_worker_was_killed_is_one_dunning_try_and_the_period_is_charged_once(
    app, faults, shop, catalog
):
    make_recurring(app, catalog["sku"], "month")
    created = shop.post(
        "/subscriptions", {"sku": catalog["sku"], "customer": {"id": "cus_renews"}, "agreement_accepted": True}
    )
    assert created.status_code == 201, created.text
    sub_id, first_order = created.json()["subscription"]["id"], created.json()["order"]["id"]
    started = shop.post(f"/orders/{first_order}/pay", {"channel": "sandbox_card"})
    faults.provider.decide(started.json()["payment"]["provider_reference"])
    wait_for(lambda: shop.get(f"/subscriptions/{sub_id}").json()["status"] == "active", 20)
    _a_month_passes(app, sub_id)

    # The sweep claims period 2's try and asks the provider to deduct; the bank declines it, and the worker dies
    # before it hears so.
    mandate = shop.get(f"/subscriptions/{sub_id}").json()["mandate"]["reference"]
    declined = requests.post(
        f"{faults.sandbox_url}/sandbox/api/mandates/{mandate}/simulate", json={"outcome": "failed"}, timeout=10
    )
    assert declined.status_code == 200, declined.text
    held = faults.proxy.hold(DEDUCTION)
    faults.queue().enqueue("app.jobs.renew_subscriptions")
    held.wait_arrived()
    _kill_the_job_runner(faults)
    held.cut()

    faults.settle(app)  # the poller learns the deduction never took effect: the dead worker's try failed
    sub = shop.get(f"/subscriptions/{sub_id}").json()
    assert sub["status"] == "past_due" and [r["attempts"] for r in sub["renewals"]] == [1], sub
    # Dunning's retries are due at once (the period is days overdue here): the bank declines one, takes the next.
    for _ in range(3):
        _run_job(faults, "app.jobs.renew_subscriptions")
        faults.settle(app)

    sub = shop.get(f"/subscriptions/{sub_id}").json()
    assert sub["status"] == "active" and sub["period"] == 2, sub
    renewal = sub["renewals"][0]
    assert renewal["period"] == 2 and renewal["status"] == "paid", renewal
    payments = shop.order(renewal["order"])["payments"]
    charged = [
        p
        for p in payments
        if faults.provider.payment_for(p["id"]) is not None
        and faults.provider.payment_for(p["id"])["status"] == "succeeded"
    ]
    assert len(charged) == 1, payments
    assert_money_consistent(app, faults.provider)
