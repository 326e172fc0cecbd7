"""Tiered rate limits, met the way clients meet them: a checkout flood from one address is refused with a
friendly page while another merchant's API calls and provider callbacks keep flowing; paying one order
again and again is limited per order; every limited answer says when to come back."""

from __future__ import annotations

import json
import time

import pytest

from tests.conftest import Api
from tests.payments.attempts.test_payment_flow import _sign, create_order
from tests.signing.renewals.test_renewals import monthly  # noqa: F401  (a fixture)


@pytest.fixture
def tight_limits(app):
    saved = {k: app.config[k] for k in ("RATE_LIMIT_CHECKOUT", "RATE_LIMIT_PAY", "RATE_LIMIT_ORDER_CREATE")}
    app.config.update(
        RATE_LIMIT_CHECKOUT="5 per minute", RATE_LIMIT_PAY="3 per minute", RATE_LIMIT_ORDER_CREATE="4 per minute"
    )
    yield
    app.config.update(saved)


def test_a_checkout_flood_from_one_address_does_not_starve_the_api_or_callbacks(
    app, client, catalog, other_merchant, tight_limits
):
    flood = {"REMOTE_ADDR": "198.51.100.9"}
    answers = [client.get(f"/checkout/{catalog['product']}", environ_base=flood) for _ in range(8)]
    assert [a.status_code for a in answers] == [200] * 5 + [429] * 3
    refused = answers[-1]
    assert "Please wait a minute" in refused.get_data(as_text=True)
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert refused.headers["RateLimit-Limit"] == "5" and refused.headers["RateLimit-Remaining"] == "0"
    assert answers[0].headers["RateLimit-Remaining"] == "4"

    # Another address still shops; another merchant's server and the provider's callbacks are untouched.
    assert client.get(f"/checkout/{catalog['product']}", environ_base={"REMOTE_ADDR": "203.0.113.4"}).status_code == 200
    rival = Api(client, other_merchant.secret_key)
    assert all(rival.get("/orders", environ_base=flood).status_code == 200 for _ in range(10))
    body = json.dumps(
        {
            "id": "evt_x",
            "type": "payment.succeeded",
            "created": int(time.time()),
            "data": {
                "id": "sbp_unknown",
                "status": "succeeded",
                "amount": 1,
                "currency": "usd",
                "reference": "pay_unknown",
            },
        }
    ).encode()
    callback = client.post(
        "/hooks/channels/sandbox_card",
        data=body,
        environ_base=flood,
        headers={
            "Content-Type": "application/json",
            "Sandbox-Signature": _sign(app.config["SANDBOX_CALLBACK_SECRET"], body),
        },
    )
    assert callback.status_code == 200


def test_paying_one_order_over_and_over_is_limited_per_order(api, catalog, sandbox, tight_limits):
    order = create_order(api, catalog["sku"])
    other = create_order(api, catalog["sku"])
    tries = [api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).status_code for _ in range(4)]
    assert tries[3] == 429 and 429 not in tries[:3]
    limited = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert limited.json["error"] == {
        "type": "rate_limit_error",
        "code": "rate_limited",
        "message": limited.json["error"]["message"],
        "request_id": limited.json["error"]["request_id"],
    }
    assert "at most 3 per minute" in limited.json["error"]["message"]
    assert limited.headers["Retry-After"]
    assert api.post(f"/orders/{other['id']}/pay", json={"channel": "sandbox_card"}).status_code == 200


def test_publishable_key_order_creation_is_limited_per_key_and_address(client, merchant, catalog, tight_limits):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "guest"}, "agreement_accepted": True}
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}
    one = {"REMOTE_ADDR": "198.51.100.20"}
    statuses = [
        client.post("/api/v1/orders", json=body, headers=headers, environ_base=one).status_code for _ in range(5)
    ]
    assert statuses == [201] * 4 + [429]
    assert (
        client.post(
            "/api/v1/orders", json=body, headers=headers, environ_base={"REMOTE_ADDR": "198.51.100.21"}
        ).status_code
        == 201
    )


def test_publishable_key_signups_count_against_the_order_create_budget(client, merchant, monthly, tight_limits):
    # A signup opens its first order (and may take a customer's trial claim), yet POST /subscriptions with a
    # publishable key was counted by no budget: a script could open orders without end where POST /orders is 429.
    headers = {"Authorization": f"Bearer {merchant.publishable_key}"}
    one = {"REMOTE_ADDR": "198.51.100.30"}
    body = {"sku": monthly, "customer": {"id": "cus_any"}, "agreement_accepted": True}
    statuses = [
        client.post("/api/v1/subscriptions", json=body, headers=headers, environ_base=one).status_code for _ in range(5)
    ]
    assert statuses == [201] * 4 + [429]
    refused = client.post(
        "/api/v1/orders",
        headers=headers,
        environ_base=one,
        json={"items": [{"sku": monthly, "quantity": 1}], "customer": {"id": "cus_any"}, "agreement_accepted": True},
    )
    assert refused.status_code == 429  # one budget for every way a key opens an order


def test_a_merchant_sets_its_own_budgets_and_another_merchant_keeps_the_default(
    client, merchant, other_merchant, catalog
):
    from tests.support.portal import Portal

    owner = Portal(client)
    assert owner.sign_in(merchant.email, merchant.password).status_code == 302
    too_much = owner.post("/portal/risk/rate-limits", {"rate_limit_order_create_per_minute": "999999"})
    assert too_much.status_code == 422 and "from 1 to 30000" in too_much.get_data(as_text=True)
    assert (
        owner.post(
            "/portal/risk/rate-limits", {"rate_limit_order_create_per_minute": "2", "rate_limit_api_per_minute": "5"}
        ).status_code
        == 302
    )
    shopper = {"REMOTE_ADDR": "198.51.100.77"}
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True}
    made = [
        client.post(
            "/api/v1/orders",
            json=body,
            environ_base=shopper,
            headers={"Authorization": f"Bearer {merchant.publishable_key}"},
        )
        for _ in range(3)
    ]
    assert [m.status_code for m in made] == [201, 201, 429]
    assert made[-1].headers["RateLimit-Limit"] == "2"
    server = Api(client, merchant.secret_key)
    assert [server.get("/orders").status_code for _ in range(6)] == [200] * 5 + [429]
    rival = Api(client, other_merchant.secret_key)
    assert all(rival.get("/orders").status_code == 200 for _ in range(8))  # the default 6000 a minute


def test_a_secret_key_in_a_sale_is_not_throttled_by_default_and_a_configured_budget_still_is(
    app, client, api, other_merchant
):
    # 1,300 calls within a minute: a server creating ~22 orders a second; the old default (1,200) refused the rest.
    answers = [api.get("/orders?limit=1").status_code for _ in range(1300)]
    assert answers.count(200) == 1300
    last = api.get("/orders?limit=1")
    assert last.status_code == 200 and last.headers["RateLimit-Limit"] == "6000"
    assert int(last.headers["RateLimit-Remaining"]) == 6000 - 1301

    # A budget the operator configures is still enforced.
    saved = app.config["RATE_LIMIT_SECRET_KEY"]
    app.config["RATE_LIMIT_SECRET_KEY"] = "100 per minute"
    try:
        rival = Api(client, other_merchant.secret_key)
        counted = [rival.get("/orders?limit=1") for _ in range(101)]
    finally:
        app.config["RATE_LIMIT_SECRET_KEY"] = saved
    assert [a.status_code for a in counted] == [200] * 100 + [429]
    refused = counted[-1]
    assert refused.json["error"]["code"] == "rate_limited" and refused.headers["RateLimit-Limit"] == "100"
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
