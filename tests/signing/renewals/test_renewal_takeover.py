"""A worker killed in the middle of a renewal's deduction: the provider got the charge, Kassa never heard its answer,
and the try's lease runs out. Whoever learns the charge's outcome — the poller, or the try that takes the renewal
over — must settle it once, as that try's: a decline is one failed dunning try (the subscriber told, the next try on
the schedule), never a second charge straight away."""

from __future__ import annotations

from tests.payments.channels.test_resilience import _set_due
from tests.signing.renewals.test_renewals import (  # noqa: F401  (fixtures)
    active_subscription,
    advance,
    clock,
    decline_next,
    events,
    iso,
    monthly,
    unix,
)


class WorkerKilled(BaseException):
    """The worker dies here: nothing more of its job runs (an Exception would be caught and handled)."""


def killed_mid_deduction(app, api, sandbox, worker, monthly: str, clock: str, monkeypatch) -> tuple[dict, dict]:
    """An active contract whose period-2 deduction the bank declines, the worker dying before it hears so."""
    from app.payments.channels.adapters.sandbox_card import SandboxCardAdapter

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 1)
    deduct = SandboxCardAdapter.deduct

    def deduct_then_die(self, *args, **kwargs):
        deduct(self, *args, **kwargs)
        raise WorkerKilled

    with monkeypatch.context() as patched:
        patched.setattr(SandboxCardAdapter, "deduct", deduct_then_die)
        advance(api, worker, clock, unix(2027, 2, 28, 12))
    sub = api.get(f"/subscriptions/{sub['id']}").json
    [renewal] = sub["renewals"]
    order = api.get(f"/orders/{renewal['order']}").json
    assert order["status"] == "paying" and [p["status"] for p in order["payments"]] == ["pending"]
    return sub, order


def the_poller_learns_the_decline(app, worker, order: dict) -> None:
    from app.platform.queueing import PAYMENTS, enqueue

    _set_due(app, order["payments"][0]["id"])
    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)
    worker()
    worker()  # the outbox: payment.failed reaches the renewal


def assert_one_failed_try_then_the_schedule(api, worker, clock: str, sub: dict, order: dict) -> None:
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "past_due"
    [renewal] = after["renewals"]
    assert (renewal["status"], renewal["attempts"]) == ("pending", 1)
    assert renewal["next_attempt_at"] == iso(2027, 3, 1)  # the schedule's first retry day
    assert [e["renewal"]["attempts"] for e in events(api, "subscription.renewal_failed")] == [1]
    advance(api, worker, clock, unix(2027, 2, 28, 23))  # before the retry day: no second charge
    assert [p["status"] for p in api.get(f"/orders/{order['id']}").json["payments"]] == ["failed"]
    advance(api, worker, clock, unix(2027, 3, 1, 13))  # the retry goes through
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    assert [(r["status"], r["attempts"]) for r in after["renewals"]] == [("paid", 2)]
    payments = api.get(f"/orders/{order['id']}").json["payments"]
    assert [p["status"] for p in payments] == ["failed", "succeeded"]


def test_a_decline_learned_after_the_takeover_is_one_dunning_try(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """The lease ran out and another try took the renewal over while the dead worker's charge was still open; then
    the poller learned the bank had declined it. Before, the takeover did not record which charge it waited on: the
    decline was never counted (no renewal_failed event, no email, the contract still active) and the renewal was
    charged again six hours later, off the dunning schedule."""
    sub, order = killed_mid_deduction(app, api, sandbox, worker, monthly, clock, monkeypatch)
    advance(api, worker, clock, unix(2027, 2, 28, 13))  # the lease (15 minutes) ran out: the takeover waits
    assert [r["attempts"] for r in api.get(f"/subscriptions/{sub['id']}").json["renewals"]] == [1]
    the_poller_learns_the_decline(app, worker, order)
    assert_one_failed_try_then_the_schedule(api, worker, clock, sub, order)


def test_a_decline_learned_before_the_takeover_is_one_dunning_try(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    """The poller learned of the decline while the dead worker's lease still held. Before, nothing tied that charge
    to the renewal: the decline went unrecorded and the try taking over charged the card again at once."""
    sub, order = killed_mid_deduction(app, api, sandbox, worker, monthly, clock, monkeypatch)
    the_poller_learns_the_decline(app, worker, order)
    assert_one_failed_try_then_the_schedule(api, worker, clock, sub, order)
