"""Contract reconciliation: the job finds contracts that disagree with their orders, entitlements or the
provider's mandates, repairs what it can prove, and shows every finding on the contract. Each test first
breaks one thing the way a lost callback or a crash would, then runs the job."""

from __future__ import annotations

from datetime import timedelta

import pytest
import requests
from sqlalchemy import update

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, membership_until, monthly, unix  # noqa: F401  (fixtures)
from tests.support.signing import CUSTOMER, pay_first_order, subscribe


@pytest.fixture
def reconcile(app):
    def run() -> dict:
        from app.jobs import reconcile_contracts

        with app.app_context():
            return reconcile_contracts()

    return run


def findings(api, sub_id: str) -> list[tuple[str, str]]:
    return [(f["kind"], f["status"]) for f in api.get(f"/subscriptions/{sub_id}").json["findings"]]


def test_a_clean_contract_has_no_findings(api, sandbox, worker, monthly, clock, reconcile):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 3, 1))
    assert reconcile() == {"found": {}, "fixed": 0}
    assert findings(api, sub["id"]) == []


def test_a_paid_renewal_the_contract_missed_is_applied(app, api, sandbox, worker, monthly, clock, reconcile):
    from app.extensions import db
    from app.signing.models import Subscription, SubscriptionRenewal

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 3, 1))
    with app.app_context():  # a crash between the capture and the contract's move
        db.session.execute(
            update(SubscriptionRenewal)
            .where(SubscriptionRenewal.subscription_id == sub["id"])
            .values(status="pending", paid_at=None)
        )
        db.session.execute(update(Subscription).where(Subscription.id == sub["id"]).values(period=1))
        db.session.commit()
    report = reconcile()
    assert report["found"] == {"renewal_not_applied": 1} and report["fixed"] == 1
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["period"] == 2 and after["renewals"][0]["status"] == "paid"
    assert findings(api, sub["id"]) == [("renewal_not_applied", "fixed")]
    assert reconcile()["found"] == {}  # recorded once


def test_a_revoke_whose_callback_was_lost_is_learned_from_the_provider(
    app, api, sandbox, worker, monthly, clock, reconcile
):
    from app.extensions import db
    from app.signing.models import Subscription

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    with app.app_context():  # as if the callback had never arrived
        db.session.execute(
            update(Subscription)
            .where(Subscription.id == sub["id"])
            .values(mandate_status="active", cancel_at_period_end=False)
        )
        db.session.commit()
    assert reconcile()["found"] == {"mandate_revoked_at_provider": 1}
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["mandate"]["status"] == "revoked" and after["cancel_at_period_end"] is True
    advance(api, worker, clock, unix(2027, 3, 5))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled"  # and it is never charged again


def test_a_mandate_answer_that_is_not_a_mandate_leaves_the_contract_alone(
    app, api, sandbox, worker, monthly, clock, reconcile, monkeypatch
):
    """Asked about a mandate, the provider's address answered JSON of something else ({"status": "ok"}): any status
    but "active" was read as a revoke, so the job ended a contract the shopper never withdrew. Now an answer that
    names no mandate status is skipped, and the contract renews."""
    from tests.support.faulty_provider import FaultyProvider

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    with FaultyProvider(sandbox.url, "misshapen") as provider:
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert reconcile()["found"] == {}
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["mandate"]["status"] == "active" and after["cancel_at_period_end"] is False
    assert findings(api, sub["id"]) == []


def test_a_membership_shorter_than_the_paid_period_is_extended(app, api, sandbox, worker, monthly, clock, reconcile):
    from app.extensions import db
    from app.orders.fulfilment_models import Entitlement

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    with app.app_context():
        db.session.execute(
            update(Entitlement)
            .where(Entitlement.customer_id == CUSTOMER)
            .values(membership_until=membership_until(api) - timedelta(days=5))
        )
        db.session.commit()
    assert reconcile()["found"] == {"membership_short": 1}
    assert membership_until(api).timestamp() == unix(2027, 2, 28)
    assert findings(api, sub["id"]) == [("membership_short", "fixed")]


def test_a_renewal_no_sweep_opened_is_reported_to_the_merchant(app, api, sandbox, worker, monthly, reconcile):
    from app.extensions import db
    from app.platform.db.types import utcnow
    from app.signing.models import Subscription

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))  # on the wall clock
    with app.app_context():
        db.session.execute(
            update(Subscription)
            .where(Subscription.id == sub["id"])
            .values(next_renewal_at=utcnow() - timedelta(days=2))
        )
        db.session.commit()
    assert reconcile()["found"] == {"renewal_overdue": 1}
    [finding] = api.get(f"/subscriptions/{sub['id']}").json["findings"]
    assert finding["status"] == "open" and "renew_subscriptions job" in finding["detail"]
