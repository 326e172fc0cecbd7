"""Hypothesis drives one order through random interleavings of what shoppers, providers,
workers and merchants do — pay, provider decisions, callbacks (normal, duplicate, late, out of
order), polls, cancel, expiry — against the real app, database, Redis and sandbox provider, and
checks the money invariants after every step.

Provider callbacks are delivered by the test itself (the sandbox is told to drop its own), so a
run is deterministic and Hypothesis can shrink a failure to the shortest story.
"""
from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
import requests
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from tests.integration.test_payment_flow import _sign

EXAMPLES = 30
STEPS = 14


def machine_for(app, api, catalog, sandbox, live_server):
    from sqlalchemy import update

    from app.db_types import utcnow
    from app.events import Event
    from app.extensions import db
    from app.jobs import close_expired_orders, refresh_payment_attempt
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt

    class OrderMachine(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            created = api.post("/orders", json={"items": [{"sku": catalog["limited_sku"], "quantity": 1}],
                                                "customer": {"id": "cus_prop"}, "agreement_accepted": True})
            assert created.status_code == 201, created.json
            self.order_id = created.json["id"]
            self.attempts: list[dict] = []  # {id, ref, decided: None|"succeeded"|"failed"}

        # -- what people and systems do ------------------------------------------------------
        @rule()
        def press_pay(self) -> None:
            response = api.post(f"/orders/{self.order_id}/pay", json={"channel": "sandbox_card"})
            assert response.status_code in (200, 409), response.json
            if response.status_code == 200:
                payment = response.json["payment"]
                self.attempts.append({"id": payment["id"], "ref": payment["provider_reference"], "decided": None})

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
            payment = requests.get(f"{sandbox.url}/sandbox/api/payments/{attempt['ref']}", timeout=5,
                                   headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"}).json()
            body = json.dumps({"id": f"evt_{attempt['ref']}", "type": f"payment.{payment['status']}",
                               "created": int(time.time()), "data": payment}).encode()
            for _ in range(copies):
                response = requests.post(f"{live_server}/hooks/channels/sandbox_card", data=body, timeout=10, headers={
                    "Content-Type": "application/json",
                    "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body)})
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
                db.session.execute(update(Order).where(Order.id == self.order_id)
                                   .values(expires_at=utcnow() - timedelta(seconds=1)))
                db.session.commit()
                close_expired_orders()

        # -- what must always hold ---------------------------------------------------------------
        def _state(self):
            with app.app_context():
                order = db.session.get(Order, self.order_id)
                attempts = db.session.query(PaymentAttempt).filter_by(order_id=self.order_id).all()
                events = [e for e in db.session.query(Event).filter(Event.merchant_id == order.merchant_id)
                          if self.order_id in ((e.data.get("object") or {}).get("order"),
                                               (e.data.get("object") or {}).get("id"))]
                timeline = [t.status for t in order.timeline]
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
        def at_most_one_attempt_waits(self) -> None:
            _, _, _, attempts, _, _ = self._state()
            assert len([a for a in attempts if a.status in ("pending", "unknown")]) <= 1

    return OrderMachine


def test_random_interleavings_keep_money_correct(app, api, catalog, sandbox, live_server, monkeypatch):
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():  # plenty of stock: every example opens an order
        db.session.get(Sku, catalog["limited_sku"]).stock = 10_000
        db.session.commit()
    machine = machine_for(app, api, catalog, sandbox, live_server)
    run_state_machine_as_test(machine, settings=settings(
        max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
