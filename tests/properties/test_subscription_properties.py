"""A year of a subscription's life, generated: clock advances with random declines, mandate revokes, cancels,
pauses, resumes and plan changes, all through the API and the real sandbox provider. After every step:

- at most one paid renewal per period, and every renewal order captured at most once (dunning never charges
  a period twice);
- nothing is charged after a cancel takes effect or after the mandate is revoked;
- an ended contract's mandate is canceled (or revoked), never active;
- the membership ends exactly at the end of the last paid period;
- the contract reconciliation finds nothing to repair.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from tests.conftest import wait_for
from tests.support.signing import pay_first_order, subscribe

START = datetime(2027, 1, 31, 12, tzinfo=timezone.utc)
PLANS = ("sku_test_month", "sku_prop_plus")


@pytest.fixture
def plans(app, merchant, catalog):
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        month = db.session.get(Sku, catalog["sku"])
        month.subscription_interval, month.subscription_interval_count = "month", 1
        month.fulfilment = {"membership_days": 30}
        db.session.add(
            Sku(
                id="sku_prop_plus",
                merchant_id=merchant.id,
                product_id=catalog["product"],
                name="Plus",
                price_amount=1499,
                currency="usd",
                specs={},
                subscription_interval="month",
                subscription_interval_count=1,
                fulfilment={"membership_days": 30},
            )
        )
        db.session.commit()


@pytest.mark.postgres_only
def test_a_year_of_random_events_keeps_every_subscription_invariant(app, api, sandbox, worker, plans):
    from app.jobs import reconcile_contracts

    class SubscriptionLife(RuleBasedStateMachine):
        counter = 0

        @initialize()
        def subscribe(self) -> None:
            SubscriptionLife.counter += 1
            self.customer = f"cus_prop_{SubscriptionLife.counter}"
            self.clock = api.post("/test_clocks", json={"frozen_time": int(START.timestamp())}).json["id"]
            self.now = START
            created = subscribe(api, PLANS[0], customer=self.customer, test_clock=self.clock)
            self.sub = pay_first_order(api, sandbox, worker, created)
            assert self.sub["status"] == "active"
            self.frozen_captures: int | None = None  # captures may not grow once this is set

        def read(self) -> dict:
            return api.get(f"/subscriptions/{self.sub['id']}").json

        def captures(self, sub: dict) -> list[int]:
            return [
                sum(p["status"] == "succeeded" for p in api.get(f"/orders/{r['order']}").json["payments"])
                for r in sub["renewals"]
                if r["order"]
            ]

        def freeze(self) -> None:
            if self.frozen_captures is None:
                self.frozen_captures = sum(self.captures(self.read()))

        @rule(days=st.integers(min_value=1, max_value=45))
        def advance(self, days: int) -> None:
            self.now += timedelta(days=days)
            assert (
                api.post(f"/test_clocks/{self.clock}/advance", json={"to": int(self.now.timestamp())}).status_code
                == 200
            )
            worker()
            assert api.get(f"/test_clocks/{self.clock}").json["status"] == "ready"
            worker()

        @rule(count=st.integers(min_value=0, max_value=9))
        def bank_declines(self, count: int) -> None:
            requests.post(
                f"{sandbox.url}/sandbox/api/mandates/{self.sub['mandate']['reference']}/simulate",
                json={"fail_next": count},
                timeout=5,
            )

        @rule()
        def revoke(self) -> None:
            self.freeze()
            before = self.read()
            requests.post(f"{sandbox.url}/sandbox/api/mandates/{self.sub['mandate']['reference']}/revoke", timeout=5)
            # An ended contract's mandate ended with it (or was revoked before): a revoke now changes nothing.
            expected = before["mandate"]["status"] if before["status"] in ("canceled", "expired") else "revoked"
            wait_for(lambda: self.read()["mandate"]["status"] == expected)

        @rule(at_period_end=st.booleans())
        def cancel(self, at_period_end: bool) -> None:
            answer = api.post(f"/subscriptions/{self.sub['id']}/cancel", json={"at_period_end": at_period_end})
            assert answer.status_code in (200, 409), answer.json
            if answer.status_code == 200 and answer.json["status"] == "canceled":
                self.freeze()

        @rule()
        def pause(self) -> None:
            assert api.post(f"/subscriptions/{self.sub['id']}/pause").status_code in (200, 409)

        @rule()
        def resume(self) -> None:
            assert api.post(f"/subscriptions/{self.sub['id']}/resume").status_code in (200, 409)

        @rule(plan=st.sampled_from(PLANS))
        def change_plan(self, plan: str) -> None:
            assert api.patch(f"/subscriptions/{self.sub['id']}", json={"sku": plan}).status_code in (200, 409)

        @invariant()
        def one_paid_renewal_per_period_and_one_capture_per_order(self) -> None:
            sub = self.read()
            periods = [r["period"] for r in sub["renewals"]]
            assert len(periods) == len(set(periods))
            assert all(n <= 1 for n in self.captures(sub))
            for renewal, n in zip([r for r in sub["renewals"] if r["order"]], self.captures(sub)):
                assert (renewal["status"] == "paid") == (n == 1), renewal

        @invariant()
        def nothing_is_charged_after_cancel_or_revoke(self) -> None:
            if self.frozen_captures is not None:
                assert sum(self.captures(self.read())) == self.frozen_captures

        @invariant()
        def an_ended_contract_holds_no_active_mandate(self) -> None:
            sub = self.read()
            if sub["status"] in ("canceled", "expired"):
                assert sub["mandate"]["status"] in ("canceled", "revoked")

        @invariant()
        def the_membership_ends_with_the_last_paid_period(self) -> None:
            sub = self.read()
            until = api.get(f"/customers/{self.customer}/entitlements").json["membership"]["until"]
            assert datetime.fromisoformat(until) == datetime.fromisoformat(sub["current_period_end"])

        @invariant()
        def reconciliation_finds_nothing(self) -> None:
            with app.app_context():
                assert reconcile_contracts()["found"] == {}

    run_state_machine_as_test(
        SubscriptionLife,
        settings=settings(
            max_examples=4,
            stateful_step_count=10,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
