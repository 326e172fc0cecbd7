"""Fulfilment of virtual goods, confirm and auto-confirm, and the compensation refund when a
merchant's fulfilment webhook keeps failing. Jobs run on a real RQ worker; webhooks hit a real
local HTTP receiver."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import timedelta

import pytest

from tests.payments.attempts.test_payment_flow import events_of, status_of
from tests.support.lifecycle import ReceiverServer, paid_order, parse_time, set_auto_confirm, set_fulfilment


@pytest.fixture
def receiver():
    server = ReceiverServer(status=200)
    yield server.receiver
    server.stop()


def entitlements(api, customer: str = "cus_flow") -> dict:
    response = api.get(f"/customers/{customer}/entitlements")
    assert response.status_code == 200
    return response.json


def test_paid_orders_are_fulfilled_and_entitlements_stack(app, api, catalog, sandbox, worker):
    from app.platform.db.types import utcnow

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    set_fulfilment(app, catalog["limited_sku"], {"credits": 100})
    assert entitlements(api) == {
        "object": "entitlements",
        "customer": "cus_flow",
        "livemode": False,
        "membership": None,
        "credits": 0,
        "grants": [],
    }

    first = paid_order(api, sandbox, catalog["sku"])
    before = utcnow()
    worker()
    fulfilled = api.get(f"/orders/{first['id']}").json
    assert fulfilled["status"] == "fulfilled"
    assert fulfilled["timeline"][-1]["reason"] == "fulfilled: 30 membership days"
    held = entitlements(api)
    until = parse_time(held["membership"]["until"])
    assert held["membership"]["active"] is True
    assert timedelta(days=30) - timedelta(minutes=1) < until - before < timedelta(days=30, minutes=1)

    # Bought again before it ends: extended from the current end, not from now.
    paid_order(api, sandbox, catalog["sku"], quantity=2)
    worker()
    assert parse_time(entitlements(api)["membership"]["until"]) == until + timedelta(days=60)

    paid_order(api, sandbox, catalog["limited_sku"])
    paid_order(api, sandbox, catalog["limited_sku"], quantity=2)
    worker()
    held = entitlements(api)
    assert held["credits"] == 300
    assert [(g["kind"], g["membership_days"], g["credits"]) for g in held["grants"]] == [
        ("credits", None, 200),
        ("credits", None, 100),
        ("membership", 60, None),
        ("membership", 30, None),
    ]
    assert len(events_of(app, "order.fulfilled")) == 4
    assert entitlements(api, "someone_else")["credits"] == 0


def test_a_full_refund_takes_back_what_the_order_granted_and_no_more(app, api, catalog, sandbox, worker):
    """Refunded in full, an order takes back its grant: the credits the customer still holds (not those of other
    orders, never below zero) and the membership days not run yet. A partial refund (a goodwill gesture) takes
    nothing; an outbox run again takes nothing more."""
    from app.extensions import db
    from app.orders.fulfilment_models import Entitlement

    set_fulfilment(app, catalog["limited_sku"], {"credits": 100})
    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    coins_kept = paid_order(api, sandbox, catalog["limited_sku"])
    coins_refunded = paid_order(api, sandbox, catalog["limited_sku"])
    paid_order(api, sandbox, catalog["sku"])  # a month kept
    days = paid_order(api, sandbox, catalog["sku"], quantity=2)
    worker()
    assert entitlements(api)["credits"] == 200
    until = parse_time(entitlements(api)["membership"]["until"])

    partial = api.post(f"/orders/{coins_kept['id']}/refunds", json={"amount": 100})
    assert partial.status_code == 201, partial.json
    worker()
    assert entitlements(api)["credits"] == 200  # a partial refund takes nothing back

    with app.app_context():  # the customer spends 150 of their 200 coins in the merchant's game
        db.session.execute(
            db.update(Entitlement)
            .where(Entitlement.customer_id == "cus_flow", Entitlement.kind == "credits")
            .values(credits=50)
        )
        db.session.commit()
    for order in (coins_refunded, days):
        assert api.post(f"/orders/{order['id']}/refunds", json={}).status_code == 201
        assert status_of(api, order["id"]) == "refunded"
    worker()
    worker()
    held = entitlements(api)
    assert held["credits"] == 0  # 100 taken back, of which the customer held 50
    assert parse_time(held["membership"]["until"]) == until - timedelta(days=60)
    taken = {g["order"]: g["taken_back"] for g in held["grants"]}
    assert taken[coins_kept["id"]] is None
    assert (taken[coins_refunded["id"]]["credits"], taken[days["id"]]["membership_days"]) == (50, 60)

    # The handler run again (an outbox retry) takes nothing more, though the customer has bought coins since.
    from app.orders.entitlements import take_back_refunded

    paid_order(api, sandbox, catalog["limited_sku"])
    worker()
    with app.app_context():
        assert take_back_refunded(coins_refunded["id"]) == []
        db.session.commit()
    assert entitlements(api)["credits"] == 100


def test_fulfilling_an_order_twice_grants_nothing_more(app, api, catalog, sandbox, worker):
    from app.extensions import db
    from app.orders.entitlements import grant_entitlements
    from app.orders.fulfilment import fulfil_order
    from app.orders.models import Order

    set_fulfilment(app, catalog["sku"], {"credits": 50})
    order = paid_order(api, sandbox, catalog["sku"])
    worker()
    with app.app_context():
        assert fulfil_order(order["id"]) == "skipped"  # a replayed order.paid
        # Even if forced past the status check:
        assert grant_entitlements(db.session.get(Order, order["id"]), pays_a_period=False) == []
        db.session.commit()
    assert entitlements(api)["credits"] == 50
    assert [t["status"] for t in api.get(f"/orders/{order['id']}").json["timeline"]].count("fulfilled") == 1


def test_a_sku_without_fulfilment_is_fulfilled_with_nothing_to_grant(api, catalog, sandbox, worker):
    order = paid_order(api, sandbox, catalog["sku"])
    worker()
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "fulfilled" and after["timeline"][-1]["reason"] == "fulfilled: nothing to grant"
    assert entitlements(api)["grants"] == []


def test_confirm_through_the_api_completes_a_fulfilled_order_only(app, api, catalog, sandbox, worker):
    order = paid_order(api, sandbox, catalog["sku"])
    too_early = api.post(f"/orders/{order['id']}/confirm")
    assert too_early.status_code == 409 and too_early.json["error"]["code"] == "order_state_invalid"
    worker()

    confirmed = api.post(f"/orders/{order['id']}/confirm")
    assert confirmed.status_code == 200 and confirmed.json["status"] == "completed"
    assert confirmed.json["timeline"][-1]["reason"] == "confirmed by the merchant"
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 409
    assert api.post("/orders/ord_missing/confirm").status_code == 404
    assert len(events_of(app, "order.completed")) == 1


def test_a_fulfilled_order_is_confirmed_by_the_sweep_once_the_merchants_delay_has_passed(
    app, api, catalog, sandbox, worker
):
    """The auto-confirm time is the merchant's delay after fulfilment; the minutely sweep completes the order once
    it has come, not before, and nothing waits in Redis meanwhile: a job scheduled a week ahead per order held
    about 1.5 KB of Redis memory each for the whole week."""
    from rq import Queue
    from rq.job import Job

    from app.extensions import db, redis_client
    from app.orders.confirmation import confirm_due_orders
    from app.orders.models import Order
    from app.platform.db.types import utcnow

    order = paid_order(api, sandbox, catalog["sku"])
    worker()
    fulfilled_at = parse_time(api.get(f"/orders/{order['id']}").json["timeline"][-1]["at"])
    with app.app_context():
        due_at = db.session.get(Order, order["id"]).auto_confirm_at
        queue = Queue(app.config["RQ_QUEUE"], connection=redis_client())
        waiting = [
            Job.fetch(job_id, connection=redis_client()).func_name
            for job_id in queue.scheduled_job_registry.get_job_ids() + queue.get_job_ids()
        ]
    assert abs((due_at - fulfilled_at) - timedelta(days=7)) < timedelta(minutes=1)  # default 10080 minutes
    assert "app.jobs.auto_confirm_order" not in waiting

    with app.app_context():
        assert confirm_due_orders() == 0  # not due yet
        assert confirm_due_orders(now=utcnow() + timedelta(days=7, minutes=1)) == 1
    after = api.get(f"/orders/{order['id']}").json
    assert after["status"] == "completed" and after["timeline"][-1]["reason"] == "confirmed automatically"
    assert len(events_of(app, "order.completed")) == 1


def test_a_changed_delay_applies_to_the_next_fulfilled_order_though_the_worker_keeps_settings(
    app, api, merchant, catalog, sandbox, worker
):
    """The worker reads the merchant's delay from its cached settings: a change in the portal reaches the very next
    order it fulfils, and the move to ``fulfilled`` writes the due time with it."""
    from app.extensions import db
    from app.orders.models import Order

    def due_after_fulfilment(order_id: str) -> timedelta:
        fulfilled_at = parse_time(api.get(f"/orders/{order_id}").json["timeline"][-1]["at"])
        with app.app_context():
            return db.session.get(Order, order_id).auto_confirm_at - fulfilled_at

    first = paid_order(api, sandbox, catalog["sku"])
    worker()
    assert abs(due_after_fulfilment(first["id"]) - timedelta(days=7)) < timedelta(minutes=1)
    set_auto_confirm(app, merchant.id, 90)
    second = paid_order(api, sandbox, catalog["sku"])
    worker()
    assert status_of(api, second["id"]) == "fulfilled"
    assert abs(due_after_fulfilment(second["id"]) - timedelta(minutes=90)) < timedelta(minutes=1)


def test_the_sweep_confirms_more_due_orders_than_one_batch_in_one_run(app, api, catalog, sandbox, worker):
    """A busy shop's orders come due as fast as they were fulfilled: one run goes on batch after batch until none
    is due, oldest first, and leaves the orders not yet due alone."""
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.confirmation import confirm_due_orders
    from app.orders.models import Order
    from app.platform.db.types import utcnow

    orders = [paid_order(api, sandbox, catalog["sku"])["id"] for _ in range(6)]
    worker()
    now = utcnow()
    with app.app_context():
        for position, order_id in enumerate(orders):  # five due an hour ago, in order; the last one tomorrow
            due = now - timedelta(hours=1) + timedelta(seconds=position) if position < 5 else now + timedelta(days=1)
            db.session.execute(update(Order).where(Order.id == order_id).values(auto_confirm_at=due))
        db.session.commit()
        assert confirm_due_orders(batch=2) == 5
    assert [status_of(api, order_id) for order_id in orders] == ["completed"] * 5 + ["fulfilled"]


def test_with_no_delay_the_worker_confirms_the_order_by_itself(app, api, merchant, catalog, sandbox, worker):
    set_auto_confirm(app, merchant.id, 0)
    order = paid_order(api, sandbox, catalog["sku"])
    worker()
    after = api.get(f"/orders/{order['id']}").json
    assert [t["status"] for t in after["timeline"]][-2:] == ["fulfilled", "completed"]
    assert after["timeline"][-1]["reason"] == "confirmed automatically"
    with app.app_context():
        from app.jobs import auto_confirm_order

        assert auto_confirm_order(order["id"]) is False  # a second run is a no-op


def _signed_with(headers: dict, body: bytes, secret: str) -> bool:
    """Whether the delivery's ``Kassa-Signature`` checks out with ``secret``, as the merchant's server checks it."""
    parts = dict(p.split("=", 1) for p in headers["Kassa-Signature"].split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(parts["v1"], expected)


def _secret(app, merchant, *, test: bool) -> str:
    """The fulfilment secret the merchant copies from the CLI, of live orders or (``--test``) of test orders."""
    args = ["kassa", "fulfilment-secret", "--merchant-id", merchant.id] + (["--test"] if test else [])
    return app.test_cli_runner().invoke(args=args).output.strip()


def test_the_fulfilment_webhook_gets_the_signed_order(app, api, merchant, catalog, sandbox, worker, receiver):
    set_fulfilment(app, catalog["sku"], {"webhook_url": receiver.url})
    order = paid_order(api, sandbox, catalog["sku"])
    worker()

    assert status_of(api, order["id"]) == "fulfilled"
    [(headers, body)] = receiver.received
    assert _signed_with(headers, body, _secret(app, merchant, test=True))
    payload = json.loads(body)
    assert (payload["id"], payload["customer"]["id"], payload["items"][0]["sku"]) == (
        order["id"],
        "cus_flow",
        catalog["sku"],
    )


def test_only_a_fulfilment_that_calls_a_webhook_keeps_a_progress_row(app, api, catalog, sandbox, worker, receiver):
    """A progress row tells of webhook deliveries, tries, a fulfilment given up or waiting for a report. An order
    fulfilled at its first try with nothing to call (most) is fulfilled without one, its read telling the worker
    there is none; one whose webhook is called records the delivery on its row."""
    from app.extensions import db
    from app.orders.fulfilment_models import OrderFulfilment
    from tests.support.sql_sent import statements

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    plain = paid_order(api, sandbox, catalog["sku"])
    with statements(app) as sent:
        worker()
    assert status_of(api, plain["id"]) == "fulfilled"
    assert entitlements(api)["grants"][0]["membership_days"] == 30
    assert [s for s in sent if "order_fulfilments" in s and not s.startswith("SELECT")] == []

    set_fulfilment(app, catalog["sku"], {"webhook_url": receiver.url})
    called = paid_order(api, sandbox, catalog["sku"])
    worker()
    assert status_of(api, called["id"]) == "fulfilled" and len(receiver.received) == 1
    with app.app_context():
        assert db.session.get(OrderFulfilment, plain["id"]) is None
        delivered = db.session.get(OrderFulfilment, called["id"])
        assert delivered is not None and delivered.webhook_delivered_at is not None and delivered.attempts == 0


def test_a_test_orders_fulfilment_never_passes_for_a_paid_live_order(
    app, client, api, merchant, catalog, sandbox, worker, receiver
):
    """The SKU's webhook_url is one for both modes, and the hosted checkout sells test orders to anyone (the
    sandbox's Approve button pays them): the merchant's server, checking the live secret, must refuse a test
    order's delivery, and can tell the two apart by ``livemode``."""
    from tests.web.api.test_livemode import CUSTOMER, credit, live_key

    set_fulfilment(app, catalog["sku"], {"webhook_url": receiver.url})
    paid_order(api, sandbox, catalog["sku"])
    live, live_secret = live_key(app, client, merchant, "secret"), _secret(app, merchant, test=False)
    credit(app, merchant.id, True, 5000)
    order = live.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": CUSTOMER},
            "agreement_accepted": True,
        },
    ).json
    assert live.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    worker()

    (test_headers, test_body), (live_headers, live_body) = sorted(
        receiver.received, key=lambda delivery: json.loads(delivery[1])["livemode"]
    )
    assert json.loads(test_body)["livemode"] is False and json.loads(live_body)["livemode"] is True
    assert _signed_with(live_headers, live_body, live_secret)
    assert not _signed_with(test_headers, test_body, live_secret)
    assert _signed_with(test_headers, test_body, _secret(app, merchant, test=True))


def test_a_webhook_failing_for_good_is_compensated_by_a_full_refund(
    app, api, catalog, sandbox, worker, receiver, monkeypatch
):
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import dispatch_pending

    receiver.status = 500
    monkeypatch.setitem(app.config, "FULFILMENT_MAX_ATTEMPTS", 3)
    set_fulfilment(app, catalog["sku"], {"webhook_url": receiver.url})
    order = paid_order(api, sandbox, catalog["sku"])

    worker()  # first attempt fails; the outbox retries it later with backoff
    assert len(receiver.received) == 1 and status_of(api, order["id"]) == "paid"
    with app.app_context():
        later = utcnow()
        for _ in range(2):  # make each retry due, as time passing would
            later += timedelta(hours=2)
            dispatch_pending(now=later)
        assert len(receiver.received) == 3
        dispatch_pending(now=later)  # order.fulfilment_failed → the compensation refund
    worker()

    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("refunded", 999)
    [refund] = after["refunds"]
    assert refund["status"] == "succeeded"
    assert refund["reason"].startswith("fulfilment failed: ") and "answered 500" in refund["reason"]
    assert any("fulfilment failed" in t["reason"] for t in after["timeline"])
    assert "fulfilled" not in [t["status"] for t in after["timeline"]]
    assert len(events_of(app, "order.fulfilment_failed")) == 1
    assert len(receiver.received) == 3  # gave up: no further attempts


@pytest.mark.parametrize("grants", [{"membership_days": 30}, {"credits": 40}])
def test_two_workers_fulfilling_one_order_at_once_grant_it_once(app, api, catalog, sandbox, grants):
    """Two dispatchers handed the same order.paid (a lease that ran out under one of them) at the same moment."""
    import threading

    from app.extensions import db
    from app.orders.fulfilment import fulfil_order

    set_fulfilment(app, catalog["sku"], grants)
    order = paid_order(api, sandbox, catalog["sku"])
    start, outcomes = threading.Barrier(2), []

    def fulfil() -> None:
        with app.app_context():
            start.wait()
            try:
                outcomes.append(fulfil_order(order["id"]))
            except Exception as exc:  # the loser's move finds the order moved on: the outbox retries it later
                db.session.rollback()
                outcomes.append(type(exc).__name__)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=fulfil) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert outcomes.count("fulfilled") == 1, outcomes
    held = entitlements(api)
    assert len(held["grants"]) == 1
    if "credits" in grants:
        assert held["credits"] == 40
    else:
        assert held["membership"]["until"] == held["grants"][0]["membership_until"]
    assert [t["status"] for t in api.get(f"/orders/{order['id']}").json["timeline"]].count("fulfilled") == 1


def test_the_outbox_commits_a_fulfilment_together_with_its_handling(app, api, catalog, sandbox, worker):
    """The fulfilment's grants, the order's move to fulfilled and the record that the handler ran commit as one:
    a worker that dies in between leaves the order paid and the handler due, never fulfilled and due again."""
    from sqlalchemy import event as sa_event
    from sqlalchemy import select, text

    from app.extensions import db
    from app.platform.outbox.events import Event, EventHandling

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    order = paid_order(api, sandbox, catalog["sku"])
    commits: list[tuple[str | None, bool]] = []
    with app.app_context():
        paid = db.session.scalar(select(Event.id).where(Event.order_id == order["id"], Event.type == "order.paid"))
        db.session.remove()

        def seen(conn) -> None:  # at each commit: the order's status and whether fulfilment's run is recorded
            status = conn.execute(text("SELECT status FROM orders WHERE id = :id"), {"id": order["id"]}).scalar()
            handled = conn.execute(
                text("SELECT count(*) FROM event_handlings WHERE event_id = :event AND handler LIKE '%fulfil_paid%'"),
                {"event": paid},
            ).scalar()
            commits.append((status, bool(handled)))

        sa_event.listen(db.engine, "commit", seen)
        try:
            worker()
        finally:
            sa_event.remove(db.engine, "commit", seen)
        assert db.session.scalar(
            select(EventHandling.handler).where(
                EventHandling.event_id == paid, EventHandling.handler.like("%fulfil_paid%")
            )
        )
    assert api.get(f"/orders/{order['id']}").json["status"] == "fulfilled"
    assert ("fulfilled", False) not in commits and ("fulfilled", True) in commits, commits


def test_a_membership_bought_again_is_extended_and_recorded_on_its_grant_in_one_statement(
    app, api, catalog, sandbox, worker
):
    """A returning customer's membership days: the end moves from the current end (never past the ceiling) and the
    grant the customer sees records it; on PostgreSQL the membership and the grant are one statement after the
    grant's claim, instead of a look-up and two updates."""
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.entitlements import MEMBERSHIP_CEILING
    from app.orders.fulfilment_models import Entitlement
    from tests.conftest import IS_POSTGRES
    from tests.support.sql_sent import statements

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    paid_order(api, sandbox, catalog["sku"])
    worker()
    until = parse_time(entitlements(api)["membership"]["until"])

    paid_order(api, sandbox, catalog["sku"])
    with statements(app) as sent:
        worker()
    held = entitlements(api)
    assert parse_time(held["membership"]["until"]) == until + timedelta(days=30)
    assert held["grants"][0]["membership_until"] == held["membership"]["until"]
    touching = [s for s in sent if " entitlements " in s or " entitlement_grants " in s]
    assert len(touching) == (2 if IS_POSTGRES else 5), touching

    # A membership already near the last date it may reach stops there.
    with app.app_context():
        db.session.execute(
            update(Entitlement)
            .where(Entitlement.customer_id == "cus_flow")
            .values(membership_until=MEMBERSHIP_CEILING - timedelta(days=10))
        )
        db.session.commit()
    paid_order(api, sandbox, catalog["sku"])
    worker()
    held = entitlements(api)
    assert parse_time(held["membership"]["until"]) == MEMBERSHIP_CEILING
    assert held["grants"][0]["membership_until"] == held["membership"]["until"]
