"""Shared steps of the subscription tests: a subscription SKU, a contract opened over the API, its first
order paid through the sandbox provider."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of

CUSTOMER = "cus_sub"


def make_recurring(app, sku_id: str, interval: str = "month", interval_count: int = 1) -> None:
    """Give a SKU subscription terms, as the merchant's catalog would."""
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        sku = db.session.get(Sku, sku_id)
        sku.subscription_interval, sku.subscription_interval_count = interval, interval_count
        db.session.commit()


def subscribe(api, sku: str, customer: str = CUSTOMER, **extra) -> dict:
    response = api.post(
        "/subscriptions", json={"sku": sku, "customer": {"id": customer}, "agreement_accepted": True, **extra}
    )
    assert response.status_code == 201, response.json
    return response.json


def pay_first_order(api, sandbox, worker, created: dict) -> dict:
    """Pay the contract's first order on the sandbox card and run the outbox; the contract as it is then."""
    payment = pay(api, created["order"]["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created["order"]["id"]) in ("paid", "fulfilled"))
    worker()  # waits for the callback's answer, after which the outbox run that activates the contract is queued
    return api.get(f"/subscriptions/{created['subscription']['id']}").json
