"""Merchant webhooks end to end: outbox → fan-out → signed POSTs to a real receiver over HTTP,
run by a real RQ worker, retried with backoff until they succeed or 3 days have passed."""

from __future__ import annotations

from datetime import timedelta
from typing import Iterator

import pytest
from rq import Queue

from app.platform.queueing import BATCH, Lane, queue_name
from tests.conftest import run_queued_jobs, wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of
from tests.support.sql_sent import statements
from tests.support.webhook_receiver import Receiver, signatures


@pytest.fixture(scope="session")
def _receiver_server() -> Iterator[Receiver]:
    server = Receiver()
    server.server.start()
    yield server
    server.server.stop()


@pytest.fixture
def receiver(_receiver_server) -> Receiver:
    """The merchant's receiver, with no hooks registered yet."""
    _receiver_server.hooks.clear()
    return _receiver_server


@pytest.fixture
def worker(app):
    """The suite's burst worker, but bounded: with instant retries a broken signature would
    otherwise keep a burst busy for the 3 days a delivery may be retried."""

    def run(max_jobs: int = 50) -> int:
        return run_queued_jobs(app, max_jobs)

    return run


@pytest.fixture
def fast_retries(app, monkeypatch) -> None:
    """Retries are due at once, so one burst of the worker runs the whole retry chain."""
    monkeypatch.setitem(app.config, "WEBHOOK_RETRY_BASE_SECONDS", 0)


def register(api, receiver: Receiver, path: str, events: list[str], *, fail_first: int = 0):
    hook = receiver.hook(path, fail_first=fail_first)
    response = api.post("/webhook_endpoints", json={"url": f"{receiver.url}{path}", "events": events})
    assert response.status_code == 201, response.json
    hook.secret = response.json["secret"]
    return hook, response.json["id"]


def deliveries(app, merchant_id: str, endpoint_id: str | None = None, *, livemode: bool = False) -> list:
    """The merchant's deliveries to its endpoints of one mode (test, as the ``api`` fixture's key)."""
    from app.webhooks.history import list_deliveries

    with app.app_context():
        return list_deliveries(merchant_id, livemode=livemode, endpoint_id=endpoint_id)


def attempts(app, merchant_id: str, delivery_id: str, *, livemode: bool = False) -> list:
    from app.webhooks.history import delivery_attempts

    with app.app_context():
        return delivery_attempts(merchant_id, delivery_id, livemode=livemode)


def test_a_failing_receiver_gets_the_event_once_after_retries(
    app, api, merchant, catalog, receiver, worker, fast_retries
):
    hook, endpoint_id = register(api, receiver, "/hooks", ["order.created"], fail_first=3)
    order = create_order(api, catalog["sku"])

    worker()  # dispatch, fan-out, then the send and its three retries, all in one burst

    assert hook.rejected == []
    assert len(hook.failed) == 3 and len(hook.accepted) == 1
    event = hook.accepted[0]
    assert event["type"] == "order.created" and event["object"] == "event"
    assert event["data"]["object"]["id"] == order["id"]
    assert {e["id"] for e in hook.failed} == {event["id"]}  # every retry carried the same event
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == ("succeeded", 4, 200)
    tries = attempts(app, merchant.id, delivery.id)
    assert [(a.number, a.status_code) for a in tries] == [(1, 500), (2, 500), (3, 500), (4, 200)]
    assert all(a.duration_ms >= 0 and not a.manual for a in tries)
    assert tries[0].response_excerpt == "receiver says 500 Internal Server Error"

    # Never sent again: not by another worker run, not by the sweep.
    from app.platform.db.types import utcnow
    from app.webhooks.fanout import enqueue_due_deliveries

    with app.app_context():
        assert enqueue_due_deliveries(now=utcnow() + timedelta(days=1)) == 0
    worker()
    assert len(hook.accepted) == 1


def test_a_paid_order_reaches_only_the_endpoints_that_subscribed(
    app, api, merchant, catalog, receiver, worker, sandbox, fast_retries
):
    paid_hook, _ = register(api, receiver, "/paid", ["order.paid", "payment.succeeded"])
    all_hook, _ = register(api, receiver, "/all", ["*"])
    closed_hook, _ = register(api, receiver, "/closed", ["order.closed"])
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")

    worker()

    assert sorted(e["type"] for e in paid_hook.accepted) == ["order.paid", "payment.succeeded"]
    # order.paid and payment.succeeded come from one transaction: their relative order means nothing.
    types = [e["type"] for e in all_hook.accepted]
    assert types[:2] == ["order.created", "order.paying"]
    assert sorted(types[2:]) == ["order.fulfilled", "order.paid", "payment.succeeded"]  # the worker fulfilled it too
    assert closed_hook.accepted == []
    assert all(h.rejected == [] for h in (paid_hook, all_hook, closed_hook))
    paid = next(e for e in paid_hook.accepted if e["type"] == "payment.succeeded")
    assert paid["data"]["object"]["order"] == order["id"]

    # The order's own stream holds the same events, oldest first, as the webhooks sent them.
    stream = api.get(f"/orders/{order['id']}/events").json["data"]
    assert [e["type"] for e in stream][:2] == ["order.created", "order.paying"]
    assert sorted(stream, key=lambda e: e["id"]) == sorted(all_hook.accepted, key=lambda e: e["id"])


def test_a_backlog_of_two_merchants_reaches_each_subscribed_endpoint_once(
    app, api, merchant, other_merchant, client, receiver, worker
):
    """A worker catching up fans out a whole batch of events at once (one read of the endpoints for all of them):
    each merchant's endpoints still get exactly the events they subscribed to, once each, and never another
    merchant's. (Events of one transaction have no order among themselves.)"""
    from app.extensions import db
    from app.platform.outbox.events import record_event
    from tests.conftest import Api

    everything, everything_id = register(api, receiver, "/a-all", ["*"])
    paid_only, _ = register(api, receiver, "/a-paid", ["order.paid"])
    theirs, theirs_id = register(Api(client, other_merchant.secret_key), receiver, "/b-all", ["*"])
    kinds = ["order.created", "order.paid", "order.closed"]
    with app.app_context():
        ids = {
            (owner.id, kind): record_event(owner.id, kind, {"object": "order", "id": f"ord_{owner.id}_{n}"}).id
            for owner in (merchant, other_merchant)
            for n, kind in enumerate(kinds)
        }
        db.session.commit()  # one commit: one dispatch run takes all six

    worker()

    assert sorted(e["id"] for e in everything.accepted) == sorted(ids[merchant.id, kind] for kind in kinds)
    assert [e["id"] for e in paid_only.accepted] == [ids[merchant.id, "order.paid"]]
    assert sorted(e["id"] for e in theirs.accepted) == sorted(ids[other_merchant.id, kind] for kind in kinds)
    assert all(hook.rejected == [] for hook in (everything, paid_only, theirs))
    assert len(deliveries(app, merchant.id, everything_id)) == len(deliveries(app, other_merchant.id, theirs_id)) == 3


def test_an_order_paid_delivery_carries_what_the_receiver_needs_to_fulfil(app, api, catalog, receiver, worker, sandbox):
    """A receiver fulfils from the delivery alone: what was bought, who to send it to and the merchant's notes."""
    hook, _ = register(api, receiver, "/fulfil", ["order.paid"])
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "customer": {"id": "cus_fulfil", "email": "ada@example.com"},
            "agreement_accepted": True,
            "metadata": {"shipment": "express"},
        },
    )
    assert created.status_code == 201, created.json
    payment = pay(api, created.json["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created.json["id"]) == "paid")

    worker()

    [delivered] = hook.accepted
    order = delivered["data"]["object"]
    assert (delivered["type"], order["id"], order["status"]) == ("order.paid", created.json["id"], "paid")
    assert order["items"] == [
        {
            "sku": catalog["sku"],
            "product": catalog["product"],
            "name": "Pro membership — 30 days",
            "quantity": 2,
            "unit_amount": 999,
            "amount": 1998,
        }
    ]
    assert order["customer"]["email"] == "ada@example.com"
    assert order["metadata"] == {"shipment": "express"}
    assert order["amount"] == {"subtotal": 1998, "discount": 0, "total": 1998, "currency": "usd"}
    # What GET /orders/{id} says, field for field (the worker has fulfilled it since: status moved on).
    shown = api.get(f"/orders/{order['id']}").json
    assert {name: shown[name] for name in order if name != "status"} == {
        name: value for name, value in order.items() if name != "status"
    }


def test_a_deleted_endpoint_gets_nothing_and_its_pending_delivery_stops(app, api, merchant, catalog, receiver, worker):
    from app.platform.db.types import utcnow
    from app.webhooks.delivery import attempt_delivery

    kept, _ = register(api, receiver, "/kept", ["*"])
    gone, gone_id = register(api, receiver, "/gone", ["*"], fail_first=100)
    create_order(api, catalog["sku"])
    worker()
    assert len(kept.accepted) == 1 and len(gone.failed) == 1  # the second try is 30 s away
    [pending] = deliveries(app, merchant.id, gone_id)
    assert pending.status == "pending"

    response = api.client.delete(f"/api/v1/webhook_endpoints/{gone_id}", headers=api._headers(None))
    assert response.status_code == 200 and response.json == {
        "id": gone_id,
        "object": "webhook_endpoint",
        "deleted": True,
    }
    [stopped] = deliveries(app, merchant.id, gone_id)
    assert stopped.status == "failed"
    with app.app_context():
        attempt_delivery(stopped.id, now=utcnow() + timedelta(hours=1))  # its retry comes due: nothing is sent
    create_order(api, catalog["sku"])
    worker()
    assert len(gone.failed) == 1 and gone.accepted == []
    assert len(kept.accepted) == 2
    listed = api.get("/webhook_endpoints").json["data"]
    assert len(listed) == 1 and listed[0]["url"].endswith("/kept")


def test_retries_back_off_and_give_up_three_days_after_the_first_attempt(app, api, merchant, catalog, receiver, worker):
    from app.webhooks.delivery import attempt_delivery

    hook, endpoint_id = register(api, receiver, "/down", ["order.created"], fail_first=1000)
    create_order(api, catalog["sku"])
    worker()
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    first = delivery.first_attempt_at
    assert delivery.status == "pending" and delivery.attempts == 1
    assert timedelta(seconds=29) < delivery.next_attempt_at - first < timedelta(seconds=32)  # 30 s
    scheduled = Queue(queue_name(BATCH, app.config), connection=_redis(app)).scheduled_job_registry
    assert len(scheduled) == 1  # the retry waits in RQ's scheduler, not in a sleeping thread

    with app.app_context():
        assert attempt_delivery(delivery.id).attempts == 1  # not due yet: nothing sent
        second = attempt_delivery(delivery.id, now=first + timedelta(seconds=31))
        assert second.status == "pending" and second.attempts == 2
        assert second.next_attempt_at - (first + timedelta(seconds=31)) == timedelta(seconds=60)  # doubled
        late = attempt_delivery(delivery.id, now=first + timedelta(days=3))
        assert late.status == "failed" and late.attempts == 3 and late.next_attempt_at is None
        assert attempt_delivery(delivery.id, now=first + timedelta(days=4)).attempts == 3
    assert len(hook.failed) == 3 and hook.accepted == []


def test_the_sweep_requeues_a_delivery_whose_job_was_lost(app, api, merchant, catalog, receiver, worker, fast_retries):
    from app.jobs import dispatch_events
    from app.platform.db.types import utcnow
    from app.webhooks.fanout import enqueue_due_deliveries

    hook, _ = register(api, receiver, "/hooks", ["order.created"])
    create_order(api, catalog["sku"])
    with app.app_context():
        dispatch_events()  # fans out and queues the send ...
    for lane in Lane:  # ... which is lost, with the dispatch run the commit queued
        Queue(queue_name(lane, app.config), connection=_redis(app)).empty()
    assert worker() == 0 and hook.accepted == []

    with app.app_context():
        assert enqueue_due_deliveries() == 0  # just due: a queued job would still come, so wait
        assert enqueue_due_deliveries(now=utcnow() + timedelta(minutes=2)) == 1
    worker()
    assert len(hook.accepted) == 1


def test_two_workers_holding_the_same_attempt_send_it_once(app, api, merchant, catalog, receiver, worker):
    from app.extensions import db
    from app.jobs import dispatch_events
    from app.webhooks.delivery import attempt_delivery
    from app.webhooks.models import WebhookDelivery

    hook, endpoint_id = register(api, receiver, "/hooks", ["order.created"], fail_first=1)
    create_order(api, catalog["sku"])
    with app.app_context():
        dispatch_events()
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    with app.app_context():
        stale = db.session.get(WebhookDelivery, delivery.id)  # this "worker" read it: pending, 0 attempts
        assert (stale.status, stale.attempts) == ("pending", 0)
        worker()  # the other worker sends attempt 1 meanwhile (answered 500; retry in 30 s)
        retry_time = deliveries(app, merchant.id, endpoint_id)[0].next_attempt_at
        assert attempt_delivery(delivery.id, now=retry_time) is stale  # loses the conditional UPDATE
        assert len(hook.failed) == 1 and hook.accepted == []  # attempt 1 was not sent twice
        db.session.expire_all()
        assert attempt_delivery(delivery.id, now=retry_time).status == "succeeded"  # a fresh read: attempt 2
    assert len(hook.accepted) == 1
    assert [(a.number, a.status_code) for a in attempts(app, merchant.id, delivery.id)] == [(1, 500), (2, 200)]


def test_resend_by_hand(app, api, merchant, other_merchant, catalog, receiver, worker, fast_retries):
    from app.errors import NotFound
    from app.webhooks.delivery import resend_delivery

    hook, endpoint_id = register(api, receiver, "/hooks", ["order.created"])
    create_order(api, catalog["sku"])
    worker()
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    with app.app_context():
        attempt = resend_delivery(merchant.id, delivery.id)
        assert (attempt.number, attempt.status_code, attempt.manual) == (2, 200, True)
        with pytest.raises(NotFound):
            resend_delivery(other_merchant.id, delivery.id)
    assert [e["id"] for e in hook.accepted] == [delivery.event_id, delivery.event_id]
    [after] = deliveries(app, merchant.id, endpoint_id)
    assert (after.status, after.attempts) == ("succeeded", 2)


def test_resend_revives_a_delivery_that_gave_up(app, api, merchant, catalog, receiver, worker):
    from app.platform.db.types import utcnow
    from app.webhooks.delivery import attempt_delivery, resend_delivery

    hook, endpoint_id = register(api, receiver, "/hooks", ["order.created"], fail_first=2)
    create_order(api, catalog["sku"])
    worker()
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    with app.app_context():
        assert attempt_delivery(delivery.id, now=utcnow() + timedelta(days=3)).status == "failed"
        assert resend_delivery(merchant.id, delivery.id).status_code == 200  # the merchant fixed the server
    [after] = deliveries(app, merchant.id, endpoint_id)
    assert (after.status, after.attempts, len(hook.accepted)) == ("succeeded", 3, 1)


def test_a_rolled_endpoint_verifies_with_either_secret_during_the_overlap_and_only_the_new_one_after(
    app, api, merchant, catalog, receiver, worker
):
    from app.platform.db.types import utcnow
    from app.webhooks.delivery import attempt_delivery

    hook, endpoint_id = register(api, receiver, "/rolled", ["order.created"])
    old = hook.secret
    new = api.post(f"/webhook_endpoints/{endpoint_id}/roll_secret", json={"overlap_hours": 24}).json["secret"]

    create_order(api, catalog["sku"])  # the receiver still checks with the old secret: accepted
    worker()
    assert len(hook.accepted) == 1 and hook.rejected == []
    assert len(signatures(hook.raw[-1][1])[1]) == 2  # t=…,v1=<new>,v1=<old>
    hook.secret, hook.fail_first = new, 1  # switched to the new one: accepted too (after one 500 on purpose)
    create_order(api, catalog["sku"])
    worker()
    assert len(hook.accepted) == 1 and len(hook.failed) == 1 and hook.rejected == []
    retrying = next(d for d in deliveries(app, merchant.id, endpoint_id) if d.status == "pending")

    hook.secret = old  # a day later the overlap is over: the old secret no longer verifies ...
    with app.app_context():
        assert attempt_delivery(retrying.id, now=utcnow() + timedelta(hours=25)).status == "pending"
    assert len(hook.rejected) == 1 and len(signatures(hook.raw[-1][1])[1]) == 1
    hook.secret = new  # ... and the new one does
    with app.app_context():
        assert attempt_delivery(retrying.id, now=utcnow() + timedelta(hours=26)).status == "succeeded"
    assert len(hook.accepted) == 2


def test_rolling_with_no_overlap_retires_the_old_secret_at_once(app, api, merchant, catalog, receiver, worker):
    hook, endpoint_id = register(api, receiver, "/now", ["order.created"])
    new = api.post(f"/webhook_endpoints/{endpoint_id}/roll_secret", json={"overlap_hours": 0}).json["secret"]
    create_order(api, catalog["sku"])
    worker()
    assert hook.accepted == [] and len(hook.rejected) == 1  # the receiver's old secret fails at once
    hook.secret = new
    [delivery] = deliveries(app, merchant.id, endpoint_id)
    with app.app_context():
        from app.webhooks.delivery import resend_delivery

        assert resend_delivery(merchant.id, delivery.id).status_code == 200
    assert len(signatures(hook.raw[-1][1])[1]) == 1 and len(hook.accepted) == 1


def test_a_disabled_endpoint_gets_nothing_until_it_is_enabled_again(app, api, merchant, catalog, receiver, worker):
    from app.errors import Conflict
    from app.platform.db.types import utcnow
    from app.webhooks.delivery import attempt_delivery, resend_delivery

    kept, _ = register(api, receiver, "/kept", ["*"])
    paused, paused_id = register(api, receiver, "/paused", ["*"], fail_first=1)
    create_order(api, catalog["sku"])
    worker()
    assert len(kept.accepted) == 1 and len(paused.failed) == 1  # its retry is 30 s away
    assert api.post(f"/webhook_endpoints/{paused_id}", json={"enabled": False}).json["status"] == "disabled"
    [stopped] = deliveries(app, merchant.id, paused_id)
    assert stopped.status == "failed"  # the pending retry stopped with the endpoint

    create_order(api, catalog["sku"])
    worker()
    with app.app_context():
        attempt_delivery(stopped.id, now=utcnow() + timedelta(hours=1))
        with pytest.raises(Conflict, match="disabled"):
            resend_delivery(merchant.id, stopped.id)
    assert len(kept.accepted) == 2 and paused.accepted == [] and len(paused.failed) == 1
    assert len(deliveries(app, merchant.id, paused_id)) == 1  # no delivery was even queued for it
    assert api.post(f"/webhook_endpoints/{paused_id}/test").status_code == 409

    api.post(f"/webhook_endpoints/{paused_id}", json={"enabled": True})
    order = create_order(api, catalog["sku"])
    worker()
    assert [e["data"]["object"]["id"] for e in paused.accepted] == [order["id"]]  # only events from now on


def test_a_test_event_is_delivered_signed_and_listed(app, api, merchant, catalog, receiver, worker):
    other, _ = register(api, receiver, "/other", ["*"])
    hook, endpoint_id = register(api, receiver, "/test", ["refund.succeeded", "order.paid"])
    sent = api.post(f"/webhook_endpoints/{endpoint_id}/test")
    assert sent.status_code == 201
    delivery = sent.json["delivery"]
    assert (delivery["status"], delivery["attempts"], delivery["last_status_code"]) == ("succeeded", 1, 200)
    [event] = hook.accepted  # verified with the endpoint's secret by the receiver
    assert event == sent.json["event"]
    assert (event["type"], event["test_webhook"]) == ("order.paid", True)  # the default when it listens to it
    assert event["data"]["object"]["object"] == "order" and event["data"]["object"]["id"].startswith("ord_test_")

    refund = api.post(f"/webhook_endpoints/{endpoint_id}/test", json={"type": "refund.succeeded"}).json
    assert hook.accepted[-1]["type"] == "refund.succeeded" and refund["delivery"]["status"] == "succeeded"
    listed = deliveries(app, merchant.id, endpoint_id)
    assert [d.id for d in listed] == [refund["delivery"]["id"], delivery["id"]]
    worker()  # the outbox hands a test event to nobody else
    assert other.accepted == [] and api.get("/events").json["data"] == []


def _redis(app):
    from redis import Redis

    return Redis.from_url(app.config["REDIS_URL"])


def _queued(app) -> int:
    from redis import Redis

    return len(Queue(app.config["RQ_QUEUE"], connection=Redis.from_url(app.config["REDIS_URL"])))


def _event(app, order_id: str, event_type: str):
    from sqlalchemy import select

    from app.extensions import db
    from app.platform.outbox.events import Event

    with app.app_context():
        return db.session.scalar(select(Event).where(Event.order_id == order_id, Event.type == event_type))


def test_an_event_no_endpoint_takes_is_born_dispatched_and_queues_no_run(app, api, merchant, catalog, receiver, worker):
    """A merchant without an endpoint that takes order.created: the order's event is kept (the event log lists it)
    but dispatched as it is written, and the create queues no job. An endpoint added later gets the next order's."""
    first = create_order(api, catalog["sku"])
    event = _event(app, first["id"], "order.created")
    assert event.dispatched_at is not None and event.dispatched_at == event.created_at
    assert _queued(app) == 0
    assert first["id"] in [e["data"]["object"]["id"] for e in api.get("/events?type=order.created").json["data"]]

    hook, _ = register(api, receiver, "/created", ["order.created"])
    second = create_order(api, catalog["sku"])
    assert _event(app, second["id"], "order.created").dispatched_at is None
    assert _queued(app) == 1  # the run that hands it to the fan-out
    worker()
    assert [e["data"]["object"]["id"] for e in hook.accepted] == [second["id"]]
    assert _event(app, second["id"], "order.created").dispatched_at is not None


def test_an_event_a_handler_of_its_own_wants_goes_through_a_run_without_endpoints(
    app, api, merchant, catalog, sandbox, worker
):
    """order.paid has work whatever the endpoints (the fulfilment): it is dispatched by a run, and the order is
    fulfilled; order.paying, which only endpoints could want, is born dispatched."""
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    assert _event(app, order["id"], "order.paying").dispatched_at is not None
    assert _queued(app) == 0
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    assert _event(app, order["id"], "order.paid").dispatched_at is None
    with statements(app) as sent:
        worker()
    assert status_of(api, order["id"]) == "fulfilled"
    # The fan-out learns from the configuration the run read that no endpoint takes it, not from the endpoints.
    assert sent and not [statement for statement in sent if "webhook_endpoints" in statement]
    assert _event(app, order["id"], "order.paid").dispatched_at is not None


def test_disabling_or_deleting_the_only_endpoint_stops_the_runs_for_its_events(
    app, api, merchant, catalog, receiver, worker
):
    hook, endpoint_id = register(api, receiver, "/all", ["*"])
    create_order(api, catalog["sku"])
    assert _queued(app) == 1
    worker()
    assert len(hook.accepted) == 1

    api.post(f"/webhook_endpoints/{endpoint_id}", json={"enabled": False})
    paused = create_order(api, catalog["sku"])
    assert _queued(app) == 0 and _event(app, paused["id"], "order.created").dispatched_at is not None

    api.post(f"/webhook_endpoints/{endpoint_id}", json={"enabled": True})
    create_order(api, catalog["sku"])
    assert _queued(app) == 1
    worker()
    assert len(hook.accepted) == 2

    assert api.delete(f"/webhook_endpoints/{endpoint_id}").status_code == 200
    gone = create_order(api, catalog["sku"])
    assert _queued(app) == 0 and _event(app, gone["id"], "order.created").dispatched_at is not None
    assert len(hook.accepted) == 2
