"""When the provider fails: the circuit breaker pauses a channel, and a create with no clear answer
leaves the attempt ``unknown`` until the janitor learns the outcome."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

import pytest
import requests

from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.support.faulty_provider import FaultyProvider


def offered(api, order_id: str) -> list[str]:
    return [c["code"] for c in api.get(f"/orders/{order_id}").json["available_channels"]]


def card_payments_fail(api, sku: str, times: int) -> None:
    """``times`` orders whose card payment the (failing) provider answers with an error: 502 each."""
    for _ in range(times):
        order = create_order(api, sku)
        assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).status_code == 502


class BreakerClock:
    """The breaker's clock, moved by the test: a cool-down ends when the test says, not when a busy machine has
    taken long enough between two steps (with the real clock, a slow second step saw the circuit half-open)."""

    monotonic = staticmethod(time.monotonic)

    def __init__(self) -> None:
        self.now = time.time()

    def time(self) -> float:
        return self.now


def test_breaker_opens_after_repeated_errors_then_half_opens_and_closes(
    app, api, client, catalog, sandbox, monkeypatch
):
    from app.payments.channels import breaker

    clock = BreakerClock()
    monkeypatch.setattr(breaker, "time", clock)
    monkeypatch.setitem(app.config, "BREAKER_FAILURE_THRESHOLD", 3)
    monkeypatch.setitem(app.config, "BREAKER_COOLDOWN_SECONDS", 1)
    with FaultyProvider(sandbox.url, "error") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        card_payments_fail(api, catalog["sku"], 3)
        assert len(provider.calls) == 3

        health = client.get("/healthz")
        assert health.status_code == 200  # a paused channel is not an outage
        assert health.json["channels"] == {
            "sandbox_card": "open",
            "sandbox_qr": "closed",
            "wallet": "closed",
            "stripe": "closed",
        }
        # In words: suspended, why, and until when (the end of the cool-down).
        card = health.json["channel_health"]["sandbox_card"]
        assert card["status"] == "suspended" and "failed 3 times in a row" in card["reason"]
        assert 0 < datetime.fromisoformat(card["until"]).timestamp() - clock.now <= 2
        assert health.json["channel_health"]["sandbox_qr"] == {"status": "available", "reason": None, "until": None}
        fresh = create_order(api, catalog["sku"])
        assert offered(api, fresh["id"]) == ["sandbox_qr"]  # the next channel by priority
        refused = api.post(f"/orders/{fresh['id']}/pay", json={"channel": "sandbox_card"})
        assert refused.status_code == 400 and "temporarily unavailable" in refused.json["error"]["message"]
        assert len(provider.calls) == 3  # no call reached the provider while open

        clock.now += 1.1
        recovering = client.get("/healthz").json
        assert recovering["channels"]["sandbox_card"] == "half_open"
        assert recovering["channel_health"]["sandbox_card"]["status"] == "available"
        assert "the next payment tests" in recovering["channel_health"]["sandbox_card"]["reason"]
        assert "sandbox_card" in offered(api, fresh["id"])
        # The trial call fails: open again for another cool-down.
        assert api.post(f"/orders/{fresh['id']}/pay", json={"channel": "sandbox_card"}).status_code == 502
        assert client.get("/healthz").json["channels"]["sandbox_card"] == "open"

    clock.now += 1.1
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)  # the provider recovered
    again = create_order(api, catalog["sku"])
    paid = api.post(f"/orders/{again['id']}/pay", json={"channel": "sandbox_card"})
    assert paid.status_code == 200  # the trial succeeds and closes the circuit
    closed = client.get("/healthz").json
    assert closed["channels"]["sandbox_card"] == "closed"
    assert closed["channel_health"]["sandbox_card"] == {"status": "available", "reason": None, "until": None}
    assert "sandbox_card" in offered(api, create_order(api, catalog["sku"])["id"])


def test_an_unreachable_provider_counts_but_a_refusal_does_not(app, api, catalog, monkeypatch):
    from app.payments.channels import breaker
    from tests.conftest import free_port

    monkeypatch.setitem(app.config, "BREAKER_FAILURE_THRESHOLD", 2)
    monkeypatch.setitem(app.config, "SANDBOX_URL", f"http://127.0.0.1:{free_port()}")
    for _ in range(2):
        order = create_order(api, catalog["sku"])
        assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 502
    with app.app_context():
        assert breaker.state("sandbox_qr") == "open"
        assert breaker.state("sandbox_card") == "closed"


def test_a_success_forgives_the_errors_counted_before_its_call_began(app, api, catalog, sandbox, monkeypatch):
    from app.payments.channels import breaker

    monkeypatch.setitem(app.config, "BREAKER_FAILURE_THRESHOLD", 3)
    with FaultyProvider(sandbox.url, "error") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        card_payments_fail(api, catalog["sku"], 2)
    with app.app_context():
        assert breaker.view("sandbox_card").failures == 2
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    paid = api.post(f"/orders/{create_order(api, catalog['sku'])['id']}/pay", json={"channel": "sandbox_card"})
    assert paid.status_code == 200
    with app.app_context():
        assert breaker.view("sandbox_card").failures == 0  # not three in a row: the count starts again

        # A call that began with nothing counted does not forgive an error another process counted meanwhile;
        # the next call to succeed does.
        with breaker.guard("sandbox_card"):
            breaker.record_failure("sandbox_card", "another process's call failed")
        assert breaker.view("sandbox_card").failures == 1
        with breaker.guard("sandbox_card"):
            pass
        assert breaker.view("sandbox_card").failures == 0


def _set_due(app, attempt_id: str) -> None:
    """Move time forward for the janitor: the attempt's next check is now."""
    from sqlalchemy import update

    from app.extensions import db
    from app.payments.models import PaymentAttempt
    from app.platform.db.types import utcnow

    with app.app_context():
        db.session.execute(
            update(PaymentAttempt)
            .where(PaymentAttempt.id == attempt_id)
            .values(next_check_at=utcnow() - timedelta(seconds=1))
        )
        db.session.commit()


def _attempt(app, attempt_id: str):
    from app.extensions import db
    from app.payments.models import PaymentAttempt

    with app.app_context():
        attempt = db.session.get(PaymentAttempt, attempt_id)
        db.session.expunge(attempt)
        return attempt


def _run_janitor(app, worker) -> None:
    from app.platform.queueing import PAYMENTS, enqueue

    with app.app_context():
        enqueue("app.jobs.resolve_unknown_attempts", lane=PAYMENTS)
    worker()


def test_a_create_timeout_leaves_the_outcome_unknown_until_the_janitor_finds_the_payment(
    app, api, catalog, sandbox, worker, monkeypatch
):
    from app.platform.db.types import utcnow

    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    order = create_order(api, catalog["sku"])
    with FaultyProvider(sandbox.url, "slow", delay=1.0) as provider:  # creates it, then answers too late
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        response = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert response.status_code == 502
    assert response.json["error"]["code"] == "payment_outcome_unknown"
    paying = api.get(f"/orders/{order['id']}").json
    assert paying["status"] == "paying" and paying["payments"][0]["status"] == "unknown"
    attempt_id = paying["payments"][0]["id"]
    first_check = _attempt(app, attempt_id).next_check_at
    assert timedelta(minutes=4) < first_check - utcnow() <= timedelta(minutes=5)

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert again.status_code == 409 and again.json["error"]["code"] == "payment_outcome_unknown"
    assert "not known yet" in again.json["error"]["message"]

    _run_janitor(app, worker)  # not due yet: nothing asked
    assert _attempt(app, attempt_id).status == "unknown"

    # The shopper had paid at the provider; its callback was lost.
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payments",
        params={"reference": attempt_id},
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()["data"][0]
    sandbox.simulate(found["id"], "succeeded", callback="drop")
    _set_due(app, attempt_id)
    _run_janitor(app, worker)
    paid = api.get(f"/orders/{order['id']}").json
    assert paid["status"] in ("paid", "fulfilled")  # the worker also ran fulfilment
    assert paid["payments"][0] | {"status": "succeeded", "provider_reference": found["id"]} == paid["payments"][0]


def test_a_create_answered_with_json_that_is_not_a_payment_is_an_unknown_outcome_not_a_500(
    app, api, catalog, sandbox, worker, monkeypatch
):
    order = create_order(api, catalog["sku"])
    with FaultyProvider(sandbox.url, "misshapen") as provider:  # the provider created it; the answer is unusable
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        response = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert response.status_code == 502, response.json
    assert response.json["error"]["code"] == "payment_outcome_unknown"
    attempt = api.get(f"/orders/{order['id']}").json["payments"][0]
    assert attempt["status"] == "unknown"

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payments",
        params={"reference": attempt["id"]},
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()["data"][0]
    sandbox.simulate(found["id"], "succeeded", callback="drop")
    _set_due(app, attempt["id"])
    _run_janitor(app, worker)
    assert api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled")


def test_a_look_up_answered_with_another_attempts_payment_is_not_found_not_taken_as_this_ones(
    app, api, catalog, sandbox, worker, monkeypatch
):
    """The janitor looks an unknown attempt up by its reference and took the first payment of the answer. A search
    that answered with another shopper's payment handed this attempt that payment (its id and hosted page), so the
    shopper was sent to pay someone else's order. Now a payment that does not carry the reference asked for is not
    this attempt's: the create never took effect, and the shopper may pay again."""
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    theirs = create_order(api, catalog["sku"])
    their_payment = pay(api, theirs["id"])
    mine = create_order(api, catalog["sku"])
    with FaultyProvider(sandbox.url, "black_hole", delay=0.6) as provider:  # my payment is never created
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert api.post(f"/orders/{mine['id']}/pay", json={"channel": "sandbox_card"}).status_code == 502
    my_attempt = api.get(f"/orders/{mine['id']}").json["payments"][0]["id"]
    their_attempt = api.get(f"/orders/{theirs['id']}").json["payments"][0]

    _set_due(app, my_attempt)
    with FaultyProvider(sandbox.url, "misdirected", misdirect_to=their_attempt["id"]) as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        _run_janitor(app, worker)
    checked = _attempt(app, my_attempt)
    assert checked.status == "failed" and checked.provider_reference != their_attempt["provider_reference"]
    assert "never created" in checked.failure_reason
    assert api.get(f"/orders/{mine['id']}").json["status"] == "created"  # the shopper may pay again
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    again = pay(api, mine["id"])
    assert again["next_action"]["url"] != their_payment["next_action"]["url"]
    assert api.get(f"/orders/{theirs['id']}").json["payments"][0] == their_attempt  # theirs untouched


def test_an_unknown_payment_whose_check_fails_waits_its_back_off_instead_of_blocking_the_others(
    app, api, catalog, sandbox, monkeypatch
):
    """The janitor checks the oldest due attempts first, a batch at a time. One whose check broke (an answer it
    could not read) stayed due and oldest, so it was checked again at every run and, with a batch of such, the
    shoppers behind it were never told their payment went through."""
    from app.payments.attempts.janitor import resolve_unknown_attempts

    orders = [create_order(api, catalog["sku"]) for _ in range(2)]
    with FaultyProvider(sandbox.url, "misshapen") as provider:  # both made at the provider, both answers unusable
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        attempts = [api.post(f"/orders/{o['id']}/pay", json={"channel": "sandbox_card"}).json for o in orders]
        assert [a["error"]["code"] for a in attempts] == ["payment_outcome_unknown"] * 2
        attempt_ids = [api.get(f"/orders/{o['id']}").json["payments"][0]["id"] for o in orders]
        for attempt_id in attempt_ids:  # the first is the oldest due
            _set_due(app, attempt_id)
        with app.app_context():
            resolve_unknown_attempts(batch=1)  # its look-up answer cannot be read either
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    found = requests.get(
        f"{sandbox.url}/sandbox/api/payments",
        params={"reference": attempt_ids[1]},
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()["data"][0]
    sandbox.simulate(found["id"], "succeeded", callback="drop")
    with app.app_context():
        resolve_unknown_attempts(batch=1)
    assert api.get(f"/orders/{orders[1]['id']}").json["status"] in ("paid", "fulfilled")
    assert api.get(f"/orders/{orders[0]['id']}").json["payments"][0]["status"] == "unknown"  # on its back-off


def test_a_look_up_answered_with_json_that_is_not_a_list_of_payments_is_one_warning_not_a_traceback(
    app, api, catalog, sandbox, monkeypatch, caplog
):
    """The janitor asks the provider for an unknown payment by reference; an answer of something else (another service
    at its address) was read unguarded and logged a traceback on every check. Now it is one line saying the answer
    cannot be read, and the payment waits its back-off."""
    import logging

    from app.payments.attempts.janitor import resolve_unknown_attempts

    order = create_order(api, catalog["sku"])
    with FaultyProvider(sandbox.url, "misshapen") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).status_code == 502
        attempt_id = api.get(f"/orders/{order['id']}").json["payments"][0]["id"]
        _set_due(app, attempt_id)
        caplog.clear()
        with app.app_context(), caplog.at_level(logging.WARNING, logger="kassa.payments.janitor"):
            assert resolve_unknown_attempts() == 1
    janitor = [r for r in caplog.records if r.name == "kassa.payments.janitor" and r.levelno >= logging.WARNING]
    assert [(r.levelname, r.exc_info) for r in janitor] == [("WARNING", None)]
    assert "cannot read as a list of payments" in janitor[0].getMessage()
    assert api.get(f"/orders/{order['id']}").json["payments"][0]["status"] == "unknown"  # on its back-off


def test_a_create_that_never_reached_the_provider_fails_and_reopens_the_order(
    app, api, catalog, sandbox, worker, monkeypatch
):
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    order = create_order(api, catalog["sku"])
    with FaultyProvider(sandbox.url, "black_hole", delay=0.6) as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 502
        attempt_id = api.get(f"/orders/{order['id']}").json["payments"][0]["id"]

        # The provider is still down at the first check: back off to an hour.
        _set_due(app, attempt_id)
        _run_janitor(app, worker)
    from app.platform.db.types import utcnow

    after_first = _attempt(app, attempt_id)
    assert after_first.status == "unknown" and after_first.check_count == 1
    assert timedelta(minutes=59) < after_first.next_check_at - utcnow() <= timedelta(hours=1)

    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    _set_due(app, attempt_id)
    _run_janitor(app, worker)
    reopened = api.get(f"/orders/{order['id']}").json
    assert reopened["status"] == "created"
    assert reopened["payments"][0]["status"] == "failed"
    assert reopened["payments"][0]["failure_reason"] == "the provider never created the payment"
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 200


def test_the_janitor_backs_off_five_minutes_then_an_hour_then_daily():
    from app.payments.state import next_check_delay

    assert [next_check_delay(n) for n in range(4)] == [
        timedelta(minutes=5),
        timedelta(hours=1),
        timedelta(days=1),
        timedelta(days=1),
    ]


@pytest.mark.parametrize("behaviour", ["misshapen", "not_an_object"])
@pytest.mark.parametrize(
    "ask",
    [
        lambda card: card.query_payment("pay_unknown"),
        lambda card: card.signed_mandate("pay_unknown"),
        lambda card: card.mandate_status("mdt_unknown"),
        lambda card: card.cancel_mandate("mdt_unknown"),
        lambda card: card.submit_dispute_evidence("dp_unknown", "delivered"),
        lambda card: card.deduct("mdt_unknown", amount=999, currency="usd", reference="rnw_1", description="renewal"),
        lambda card: card.find_dispute("dp_unknown"),
    ],
    ids=[
        "query_payment",
        "signed_mandate",
        "mandate_status",
        "cancel_mandate",
        "submit_dispute_evidence",
        "deduct",
        "find_dispute",
    ],
)
def test_a_provider_answer_that_is_not_what_was_asked_is_an_unknown_outcome_never_a_crash_or_a_status(
    app, sandbox, behaviour, ask
):
    """JSON of something else (another service at the provider's address, a changed API) was read unguarded: a
    KeyError or TypeError (a 500, a crashed job), or worse a status Kassa acted on ("ok" read as a mandate that is
    no longer active). Each answer Kassa reads is checked: anything else is an outcome not known yet."""
    from app.payments.channels.adapters.sandbox_card import SandboxCardAdapter
    from app.payments.channels.interface import ProviderOutcomeUnknown

    with FaultyProvider(sandbox.url, behaviour) as provider, app.app_context():
        card = SandboxCardAdapter(provider.url, app.config["SANDBOX_API_KEY"], app.config["SANDBOX_CALLBACK_SECRET"])
        with pytest.raises(ProviderOutcomeUnknown, match="cannot read|not readable"):
            ask(card)
