"""Redis goes away mid-flow and comes back. Kassa's locks live there, so while it is gone every decision
about an order (a callback, a payment) answers 503 with a clear message and writes nothing; reading,
ordering, signing in and live status keep working; once Redis is back the provider's retry and Kassa's
own sweeps finish what was waiting, and the money adds up."""

from __future__ import annotations

import re
import time

import pytest
import requests

from tests.conftest import wait_for
from tests.support.invariants import assert_money_consistent

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]


def _is_service_unavailable(response: requests.Response) -> bool:
    error = response.json()["error"]
    return (
        response.status_code == 503
        and error["type"] == "api_error"
        and error["code"] == "service_unavailable"
        and "try again" in error["message"]
    )


def _balance(shop, customer: str) -> tuple[int, int]:
    """(available, frozen) in usd."""
    body = shop.get(f"/customers/{customer}/balance").json()
    usd = [{b["currency"]: b["amount"] for b in body[side]}.get("usd", 0) for side in ("available", "frozen")]
    return usd[0], usd[1]


def _topped_up(faults, shop, customer: str, amount: int) -> None:
    """The customer tops up through the provider; the worker credits the wallet."""
    started = shop.post(
        f"/customers/{customer}/topups", {"amount": amount, "currency": "usd", "channel": "sandbox_card"}
    )
    assert started.status_code == 201, started.text
    faults.provider.decide(faults.provider.payment_for(started.json()["payment"]["id"])["id"])
    wait_for(lambda: _balance(shop, customer) == (amount, 0), 20)


def test_redis_dropped_between_order_and_callback_refuses_decisions_with_503_then_recovers(app, faults, shop, catalog):
    card_order = shop.create_order(catalog["sku"], customer="cus_card")
    started = shop.post(f"/orders/{card_order['id']}/pay", {"channel": "sandbox_card"})
    assert started.status_code == 200, started.text
    attempt_id = started.json()["payment"]["id"]
    _topped_up(faults, shop, "cus_wallet", 5000)
    wallet_order = shop.create_order(catalog["sku"], customer="cus_wallet")

    faults.redis.kill()

    # The shopper approves at the provider; its callbacks (and their retries) find Kassa without Redis.
    approved = faults.provider.decide(faults.provider.payment_for(attempt_id)["id"])
    retried = faults.post_callback(approved)
    assert _is_service_unavailable(retried), retried.text
    assert shop.order(card_order["id"])["status"] == "paying"

    # Paying from the wallet needs its lock: refused, and nothing reserved or recorded.
    refused = shop.post(f"/orders/{wallet_order['id']}/pay", {"channel": "wallet"})
    assert _is_service_unavailable(refused), refused.text
    untouched = shop.order(wallet_order["id"])
    assert untouched["status"] == "created" and untouched["payments"] == []
    assert _balance(shop, "cus_wallet") == (5000, 0)

    # A new order can still be placed (its follow-up jobs wait for the sweep), and health says what is wrong.
    assert (
        shop.post(
            "/orders",
            {
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "cus_late"},
                "agreement_accepted": True,
            },
        ).status_code
        == 201
    )
    health = requests.get(f"{faults.kassa_url}/healthz", timeout=10)
    assert health.status_code == 503
    assert health.json()["checks"]["database"] == "ok" and health.json()["checks"]["redis"].startswith("error")

    faults.redis.start()

    assert faults.post_callback(approved).status_code == 200  # the provider's next retry
    paid = shop.post(f"/orders/{wallet_order['id']}/pay", {"channel": "wallet"})
    assert paid.status_code == 200 and paid.json()["payment"]["status"] == "succeeded", paid.text
    faults.settle(app)
    assert shop.order(card_order["id"])["status"] in ("paid", "fulfilled")
    assert shop.order(wallet_order["id"])["status"] in ("paid", "fulfilled")
    assert _balance(shop, "cus_wallet") == (5000 - wallet_order["amount"]["total"], 0)
    assert health_ok(faults)
    assert_money_consistent(app, faults.provider)


def health_ok(faults) -> bool:
    return requests.get(f"{faults.kassa_url}/healthz", timeout=10).status_code == 200


def _csrf(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


def test_without_redis_shoppers_see_a_friendly_page_and_merchants_can_still_sign_in(faults, merchant, catalog):
    shopper = requests.Session()
    product = shopper.get(f"{faults.kassa_url}/checkout/{catalog['product']}", timeout=10)
    assert product.status_code == 200

    faults.redis.kill()

    answer = shopper.post(
        f"{faults.kassa_url}/checkout/{catalog['product']}/pay",
        timeout=30,
        data={
            "csrf_token": _csrf(product.text),
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "sandbox_card",
            "agree": "on",
        },
    )
    assert answer.status_code < 500 and answer.headers["Content-Type"].startswith("text/html")
    assert "try again in a moment" in answer.text

    # Live status falls back to re-reading the order on a timer.
    order = faults.kassa_url + "/api/v1/orders"
    created = requests.post(
        order,
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
        timeout=10,
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_sse"},
            "agreement_accepted": True,
        },
    )
    stream = requests.get(
        f"{order}/{created.json()['id']}/stream", params={"client_secret": created.json()["client_secret"]}, timeout=15
    )
    assert stream.status_code == 200
    assert '"status":"created"' in stream.text and "event: end" in stream.text

    # Signing in works; failed sign-ins are still limited, counted in each web process's memory
    # (LOGIN_RATE_LIMIT is 3 per 15 minutes in the harness, so at most 2 × 3 failures pass).
    login = f"{faults.kassa_url}/portal/login"
    merchant_user = requests.Session()
    signed_in = merchant_user.post(
        login,
        timeout=10,
        allow_redirects=False,
        data={
            "csrf_token": _csrf(merchant_user.get(login, timeout=10).text),
            "email": merchant.email,
            "password": merchant.password,
        },
    )
    assert signed_in.status_code == 302 and "/login" not in signed_in.headers["Location"]
    guesser, statuses = requests.Session(), []
    for _ in range(8):
        form = {"csrf_token": _csrf(guesser.get(login, timeout=10).text), "email": merchant.email, "password": "wrong"}
        statuses.append(guesser.post(login, data=form, timeout=10).status_code)
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429 and set(statuses[:-1]) == {422} and len(statuses) <= 7, statuses


def test_a_hung_redis_gets_a_503_in_bounded_time_not_a_hanging_request(app, faults, shop, catalog):
    order = shop.create_order(catalog["sku"])
    attempt_id = shop.post(f"/orders/{order['id']}/pay", {"channel": "sandbox_card"}).json()["payment"]["id"]
    approved = faults.provider.decide(faults.provider.payment_for(attempt_id)["id"], callback="drop")

    faults.redis.pause()  # connections are accepted, nothing ever answers
    try:
        started = time.monotonic()
        answer = faults.post_callback(approved)
        assert _is_service_unavailable(answer), answer.text
        health = requests.get(f"{faults.kassa_url}/healthz", timeout=30)
        assert health.status_code == 503 and "Timeout" in health.json()["checks"]["redis"]
        assert time.monotonic() - started < 10  # REDIS_TIMEOUT_SECONDS is 1 in the harness
    finally:
        faults.redis.resume()

    # The lock request that timed out was queued in the frozen Redis and is applied on resume: a lock held
    # by no one until its 15 s expiry, during which the order stays untouched (503 order_locked, the
    # provider retries). Time passes:
    faults.expire_locks()
    assert faults.post_callback(approved).status_code == 200
    assert shop.order(order["id"])["status"] in ("paid", "fulfilled")
    faults.settle(app)
    assert_money_consistent(app, faults.provider)
