"""Campaigns and personal coupons through the API: a paid order issues a coupon into the customer's wallet (once
per event, within the budget, never after the campaign ends), the coupon discounts that customer's next order and
no one else's, and the merchant can issue one by hand."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.catalog.test_coupons_api import coupons, error_of  # noqa: F401  (coupons is a fixture)
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.web.api.test_livemode import live  # noqa: F401  (a fixture)
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def new_campaign(api, template: str, **fields) -> dict:
    body = {"name": "Welcome back", "rule": "first_order", "template_coupon": template, **fields}
    response = api.post("/campaigns", json=body)
    assert response.status_code == 201, response.json
    return response.json


def paid_order(api, sandbox, worker, sku: str, customer: str, *, quantity: int = 1, coupon: str | None = None):
    """An order the merchant's server made for ``customer``, paid through the sandbox; the outbox has run."""
    body = {
        "items": [{"sku": sku, "quantity": quantity}],
        "customer": {"id": customer},
        "agreement_accepted": True,
        **({"coupon": coupon} if coupon else {}),
    }
    created = api.post("/orders", json=body)
    assert created.status_code == 201, created.json
    sandbox.simulate(pay(api, created.json["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created.json["id"]) == "paid")
    worker()
    return created.json


def wallet(api, customer: str) -> list[dict]:
    response = api.get(f"/customers/{customer}/coupons")
    assert response.status_code == 200, response.json
    return response.json["data"]


@pytest.fixture
def five_off(coupons) -> str:
    return coupons(code="TEMPLATE5", kind="amount_off", amount_off=500, currency="usd", description="$5 thank you")


def test_create_list_read_and_end_a_campaign(api, spec, five_off):
    created = api.post(
        "/campaigns",
        json={
            "name": "Spring",
            "rule": "paid_order",
            "template_coupon": five_off,
            "min_amount": {"amount": 1000, "currency": "usd"},
            "max_issued": 100,
            "max_discount_total": 20000,
            "coupon_valid_days": 30,
        },
    )
    check(spec, "post", "/campaigns", created)
    assert created.status_code == 201
    campaign = created.json
    assert campaign["status"] == "running" and campaign["issued_count"] == 0
    assert campaign["budget"] == {"max_issued": 100, "max_discount_total": 20000, "currency": "usd"}
    listed = api.get("/campaigns")
    check(spec, "get", "/campaigns", listed)
    assert [c["id"] for c in listed.json["data"]] == [campaign["id"]]
    shown = api.get(f"/campaigns/{campaign['id']}")
    check(spec, "get", "/campaigns/{id}", shown)
    assert shown.json == campaign
    ended = api.post(f"/campaigns/{campaign['id']}/end")
    check(spec, "post", "/campaigns/{id}/end", ended)
    assert ended.json["status"] == "ended" and ended.json["ended_at"]
    assert api.post(f"/campaigns/{campaign['id']}/end").json["ended_at"] == ended.json["ended_at"]


def test_bad_campaigns_are_refused_with_what_to_fix(api, pk_api, live, coupons, five_off):
    ladder = coupons(code="LADDER", kind="volume", tiers=[{"min_quantity": 5, "percent_bps": 1000}])
    base = {"name": "X", "rule": "first_order", "template_coupon": five_off}
    cases = [
        ({**base, "ends_at": "2020-01-01T00:00:00Z"}, "ends_at"),
        ({**base, "template_coupon": ladder, "max_discount_total": 1000}, "max_discount_total"),
        ({**base, "min_amount": {"amount": 100, "currency": "usd"}}, "min_amount"),
        ({**base, "rule": "birthday"}, "rule"),
        ({**base, "name": ""}, "name"),
        ({**base, "max_issued": 0}, "max_issued"),
    ]
    for body, param in cases:
        response = api.post("/campaigns", json=body)
        assert response.status_code == 400 and response.json["error"]["param"] == param, (body, response.json)
    unknown = api.post("/campaigns", json={**base, "template_coupon": "cpn_nope"})
    assert (unknown.status_code, unknown.json["error"]["param"]) == (404, "template_coupon")
    assert pk_api.post("/campaigns", json=base).status_code == 403
    assert api.get("/campaigns/cmp_missing").status_code == 404
    test_campaign = new_campaign(api, five_off)
    assert live.get(f"/campaigns/{test_campaign['id']}").status_code == 404  # not the live key's


def test_a_new_customers_first_paid_order_fills_their_wallet_and_the_coupon_discounts_their_next_order(
    api, spec, sandbox, worker, catalog, five_off
):
    campaign = new_campaign(api, five_off, coupon_valid_days=14)
    first = paid_order(api, sandbox, worker, catalog["sku"], "cus_new")
    response = api.get("/customers/cus_new/coupons")
    check(spec, "get", "/customers/{id}/coupons", response)
    [coupon] = response.json["data"]
    assert coupon["customer"] == "cus_new" and coupon["amount_off"] == 500 and coupon["description"] == "$5 thank you"
    assert api.get(f"/campaigns/{campaign['id']}").json["issued_count"] == 1

    # Another paid order is not a first one: nothing more is issued.
    paid_order(api, sandbox, worker, catalog["sku"], "cus_new")
    assert len(wallet(api, "cus_new")) == 1

    # Someone else cannot use the code; its customer can, once.
    stranger = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "customer": {"id": "cus_other"},
            "agreement_accepted": True,
            "coupon": coupon["code"],
        },
    )
    assert error_of(stranger) == (403, "coupon_not_yours", "coupon")
    second = paid_order(api, sandbox, worker, catalog["sku"], "cus_new", quantity=2, coupon=coupon["code"])
    assert (second["amount"]["discount"], second["amount"]["total"]) == (500, 1998 - 500)
    assert wallet(api, "cus_new") == []
    assert first["id"] != second["id"]


def test_a_guest_or_a_browser_claimed_customer_earns_nothing(api, pk_api, sandbox, worker, catalog, five_off):
    new_campaign(api, five_off, rule="paid_order")
    order = pk_api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_claim"},
            "agreement_accepted": True,
        },
    ).json
    paying = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "client_secret": order["client_secret"]}
    )
    sandbox.simulate(paying.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    worker()
    assert wallet(api, "cus_claim") == [] and wallet(api, "pk:cus_claim") == []


def test_the_budget_stops_issuing_when_it_is_spent(api, sandbox, worker, catalog, five_off):
    campaign = new_campaign(api, five_off, rule="paid_order", max_issued=5, max_discount_total=1000)
    for customer in ("cus_a", "cus_b", "cus_c"):
        paid_order(api, sandbox, worker, catalog["sku"], customer)
    shown = api.get(f"/campaigns/{campaign['id']}").json
    # $10 of discount budget holds two $5 coupons: the third order earns nothing.
    assert (shown["issued_count"], shown["discount_committed"], shown["status"]) == (2, 1000, "running")
    assert [len(wallet(api, c)) for c in ("cus_a", "cus_b", "cus_c")] == [1, 1, 0]


def test_min_amount_and_an_ended_campaign_issue_nothing(api, sandbox, worker, catalog, five_off):
    big = new_campaign(api, five_off, rule="paid_order", min_amount={"amount": 2000, "currency": "usd"})
    ended = new_campaign(api, five_off, rule="paid_order", name="Over")
    api.post(f"/campaigns/{ended['id']}/end")
    later = (datetime.now(timezone.utc) + timedelta(days=1)).isoformat()
    scheduled = new_campaign(api, five_off, rule="paid_order", name="Later", starts_at=later)
    paid_order(api, sandbox, worker, catalog["sku"], "cus_small")  # 9.99: under the minimum
    paid_order(api, sandbox, worker, catalog["sku"], "cus_big", quantity=3)  # 29.97
    counts = {c["name"]: c["issued_count"] for c in api.get("/campaigns").json["data"]}
    assert counts == {big["name"]: 1, "Over": 0, "Later": 0}
    assert wallet(api, "cus_small") == [] and len(wallet(api, "cus_big")) == 1
    assert api.get(f"/campaigns/{scheduled['id']}").json["status"] == "scheduled"


def test_the_merchant_issues_a_coupon_to_a_named_customer(api, pk_api, spec, catalog, five_off):
    response = api.post("/customers/cus_vip/coupons", json={"coupon": five_off, "valid_days": 7})
    check(spec, "post", "/customers/{id}/coupons", response)
    assert response.status_code == 201
    coupon = response.json
    assert coupon["customer"] == "cus_vip" and coupon["code"] != "TEMPLATE5"
    assert [c["id"] for c in wallet(api, "cus_vip")] == [coupon["id"]]
    assert api.post("/customers/cus_vip/coupons", json={"coupon": coupon["id"]}).status_code == 400
    assert api.post("/customers/cus_vip/coupons", json={"coupon": "cpn_missing"}).status_code == 404
    assert api.post("/customers/cus_vip/coupons", json={"coupon": "WELCOME"}).status_code == 400
    assert pk_api.get("/customers/cus_vip/coupons").status_code == 403

    # The shopper's browser reads the wallet of its order's customer with the order's client secret.
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_vip"},
            "agreement_accepted": True,
        },
    ).json
    seen = pk_api.get(f"/orders/{order['id']}/coupons?client_secret={order['client_secret']}")
    check(spec, "get", "/orders/{id}/coupons", seen)
    assert [c["code"] for c in seen.json["data"]] == [coupon["code"]]
    assert pk_api.get(f"/orders/{order['id']}/coupons").status_code == 404
