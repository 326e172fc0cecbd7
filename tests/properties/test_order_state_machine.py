"""Hypothesis drives one order and its customer's wallet through random interleavings of what
shoppers, providers, workers and merchants do — pay by card or wallet, provider decisions,
callbacks (normal, duplicate, late, out of order), polls, cancel, expiry, fulfilment, confirm,
refunds — against the real app, database, Redis and sandbox provider, and checks the money
invariants after every step.

Provider callbacks are delivered by the test itself (the sandbox is told to drop its own), so a
run is deterministic and Hypothesis can shrink a failure to the shortest story.
"""

from __future__ import annotations

import json
import time
import uuid
from datetime import timedelta

import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from tests.payments.attempts.test_payment_flow import _sign

EXAMPLES = 30
STEPS = 14
RUNS = {"examples": 0, "steps": 0}


def machine_for(app, api, catalog, sandbox, live_server):
    from sqlalchemy import func, update

    from app.extensions import db
    from app.jobs import close_expired_orders, dispatch_events, refresh_payment_attempt
    from app.ledger.models import Posting
    from app.ledger.wallet.services import credit_topup, wallet_balance
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt, Refund
    from app.platform.db.types import utcnow
    from app.platform.outbox.events import Event
    from app.platform.values.money import Money

    class OrderMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            RUNS["examples"] += 1
            self.customer = f"cus_{uuid.uuid4().hex[:12]}"
            with app.app_context():  # a wallet that can pay the order about twice
                self.merchant_id = _merchant_id(app, api)
                credit_topup(
                    self.merchant_id,
                    self.customer,
                    Money(5000, "usd"),
                    reference=f"fund_{self.customer}",
                    livemode=False,
                )
                db.session.commit()
            created = api.post(
                "/orders",
                json={
                    "items": [{"sku": catalog["limited_sku"], "quantity": 1}],
                    "customer": {"id": self.customer},
                    "agreement_accepted": True,
                },
            )
            assert created.status_code == 201, created.json
            self.order_id = created.json["id"]
            self.attempts: list[dict] = []  # {id, ref, decided: None|"succeeded"|"failed"}

        # -- what people and systems do ------------------------------------------------------
        @rule(channel=st.sampled_from(["sandbox_card", "sandbox_card", "wallet"]))
        def press_pay(self, channel: str) -> None:
            response = api.post(f"/orders/{self.order_id}/pay", json={"channel": channel})
            assert response.status_code in (200, 400, 409, 422), response.json
            if response.status_code == 200 and channel == "sandbox_card":
                payment = response.json["payment"]
                self.attempts.append({"id": payment["id"], "ref": payment["provider_reference"], "decided": None})

        @rule()
        def outbox_runs(self) -> None:
            """Fulfilment, wallet releases and compensation happen here; afterwards no freeze remains
            for an attempt that is no longer waiting."""
            with app.app_context():
                dispatch_events()
                waiting = sum(
                    a.amount
                    for a in db.session.query(PaymentAttempt).filter_by(order_id=self.order_id, channel="wallet")
                    if a.status in ("pending", "unknown")
                )
                assert wallet_balance(self.merchant_id, self.customer, livemode=False).frozen.get("usd", 0) == waiting

        @rule()
        def merchant_confirms(self) -> None:
            assert api.post(f"/orders/{self.order_id}/confirm").status_code in (200, 409)

        @rule(amount=st.one_of(st.none(), st.integers(min_value=1, max_value=2600)))
        def merchant_refunds(self, amount) -> None:
            body = {} if amount is None else {"amount": amount}
            response = api.post(f"/orders/{self.order_id}/refunds", json=body)
            assert response.status_code in (201, 409, 422), response.json

        @precondition(lambda self: any(a["decided"] is None for a in self.attempts))
        @rule(outcome=st.sampled_from(["succeeded", "failed"]), data=st.data())
        def provider_decides(self, outcome: str, data) -> None:
            undecided = [a for a in self.attempts if a["decided"] is None]
            attempt = data.draw(st.sampled_from(undecided))
            sandbox.simulate(attempt["ref"], outcome, callback="drop")
            attempt["decided"] = outcome

        @precondition(lambda self: any(a["decided"] for a in self.attempts))
        @rule(data=st.data(), copies=st.integers(min_value=1, max_value=3))
        def callback_arrives(self, data, copies: int) -> None:
            """Any decided attempt's callback, possibly again, late, or after a newer attempt's."""
            attempt = data.draw(st.sampled_from([a for a in self.attempts if a["decided"]]))
            payment = requests.get(
                f"{sandbox.url}/sandbox/api/payments/{attempt['ref']}",
                timeout=5,
                headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
            ).json()
            body = json.dumps(
                {
                    "id": f"evt_{attempt['ref']}",
                    "type": f"payment.{payment['status']}",
                    "created": int(time.time()),
                    "data": payment,
                }
            ).encode()
            for _ in range(copies):
                response = requests.post(
                    f"{live_server}/hooks/channels/sandbox_card",
                    data=body,
                    timeout=10,
                    headers={
                        "Content-Type": "application/json",
                        "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body),
                    },
                )
                assert response.status_code == 200, response.text

        @precondition(lambda self: bool(self.attempts))
        @rule(data=st.data())
        def worker_polls(self, data) -> None:
            attempt = data.draw(st.sampled_from(self.attempts))
            with app.app_context():
                refresh_payment_attempt(attempt["id"])

        @rule()
        def merchant_cancels(self) -> None:
            response = api.post(f"/orders/{self.order_id}/cancel")
            assert response.status_code in (200, 409), response.json

        @rule()
        def order_expires(self) -> None:
            with app.app_context():
                db.session.execute(
                    update(Order).where(Order.id == self.order_id).values(expires_at=utcnow() - timedelta(seconds=1))
                )
                db.session.commit()
                close_expired_orders()

        # -- what must always hold ---------------------------------------------------------------
        def _state(self):
            with app.app_context():
                order = db.session.get(Order, self.order_id)
                attempts = db.session.query(PaymentAttempt).filter_by(order_id=self.order_id).all()
                events = [
                    e
                    for e in db.session.query(Event).filter(
                        Event.merchant_id == order.merchant_id,
                        Event.type.in_(["payment.captured_on_inactive_order", "order.paid"]),
                    )
                    if self.order_id
                    in ((e.data.get("object") or {}).get("order"), (e.data.get("object") or {}).get("id"))
                ]
                # Captures are paying → paid; a partial refund returning to paid is not one.
                timeline = [
                    "paid" if (t.from_status, t.status) == ("paying", "paid") else t.status
                    for t in order.timeline
                    if (t.from_status, t.status) != ("refunding", "paid")
                ]
                return order.status, order.refunded_amount, order.total, attempts, events, timeline

        @invariant()
        def captured_at_most_once(self) -> None:
            status, _, _, attempts, events, timeline = self._state()
            assert timeline.count("paid") <= 1
            succeeded = [a for a in attempts if a.status == "succeeded"]
            late = [e for e in events if e.type == "payment.captured_on_inactive_order"]
            # Every capture either paid the order or is on record as one to give back.
            assert len(succeeded) == timeline.count("paid") + len(late)
            assert len([e for e in events if e.type == "order.paid"]) == timeline.count("paid")

        @invariant()
        def refunds_never_exceed_captures(self) -> None:
            _, refunded, total, attempts, _, _ = self._state()
            captured = sum(a.amount for a in attempts if a.status == "succeeded")
            assert 0 <= refunded <= captured and refunded <= total

        @invariant()
        def closed_without_capture_moved_no_money(self) -> None:
            status, refunded, _, attempts, _, timeline = self._state()
            if status == "closed" and "paid" not in timeline:
                assert refunded == 0
                stock = api.get(f"/products/{catalog['product']}").json["skus"]
                # The reserved unit went back on the shelf (other examples' open orders aside).
                assert all(s["stock"] is None or s["stock"] >= 0 for s in stock)

        @invariant()
        def wallet_equals_its_postings_and_its_history(self) -> None:
            with app.app_context():
                balance = wallet_balance(self.merchant_id, self.customer, livemode=False)
                postings = (
                    db.session.query(func.coalesce(func.sum(Posting.amount), 0))
                    .filter(
                        Posting.merchant_id == self.merchant_id,
                        Posting.account.in_([f"wallet:{self.customer}:available", f"wallet:{self.customer}:frozen"]),
                    )
                    .scalar()
                )
                assert balance.available.get("usd", 0) + balance.frozen.get("usd", 0) == postings
                assert balance.available.get("usd", 0) >= 0 and balance.frozen.get("usd", 0) >= 0
                # Independently of the ledger: funded − wallet captures + wallet refunds.
                wallet_attempts = db.session.query(PaymentAttempt).filter_by(order_id=self.order_id, channel="wallet")
                captured = sum(a.amount for a in wallet_attempts if a.status == "succeeded")
                refunded = sum(
                    r.amount
                    for r in db.session.query(Refund).filter_by(order_id=self.order_id)
                    if r.status == "succeeded" and r.channel == "wallet"
                )
                assert postings == 5000 - captured + refunded
                # Every journal entry balances, so the whole ledger sums to zero.
                total = (
                    db.session.query(func.coalesce(func.sum(Posting.amount), 0))
                    .filter(Posting.merchant_id == self.merchant_id)
                    .scalar()
                )
                assert total == 0

        @invariant()
        def at_most_one_attempt_waits(self) -> None:
            RUNS["steps"] += 1
            _, _, _, attempts, _, _ = self._state()
            assert len([a for a in attempts if a.status in ("pending", "unknown")]) <= 1

    return OrderMachine


def _merchant_id(app, api) -> str:
    from app.extensions import db
    from app.merchants.models import Merchant

    return db.session.query(Merchant.id).filter_by(email="owner@acme.test").scalar()


def test_random_interleavings_keep_money_correct(app, api, catalog, sandbox, live_server, monkeypatch):
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():  # plenty of stock: every example opens an order
        db.session.get(Sku, catalog["limited_sku"]).stock = 10_000
        db.session.commit()
    machine = machine_for(app, api, catalog, sandbox, live_server)
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=EXAMPLES,
            stateful_step_count=STEPS,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    print(f"state machine: {RUNS['examples']} examples, {RUNS['steps']} checked steps")
    assert RUNS["examples"] >= EXAMPLES
