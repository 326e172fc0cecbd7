"""Mandates: paying a subscription's first order on the sandbox card signs a mandate at the provider
(whose page names the recurring charge), the provider deducts against it and reports a revoke back to
Kassa; a wallet subscription deducts from the customer's wallet. The hosted checkout shows the terms."""

from __future__ import annotations

import re

import pytest
import requests

from app.platform.values.ids import new_id
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay
from tests.support.signing import CUSTOMER, make_recurring, pay_first_order, subscribe

SANDBOX_KEY = {"Authorization": "Bearer sbx_test_demo_key"}


@pytest.fixture
def monthly(app, catalog) -> str:
    make_recurring(app, catalog["sku"], "month")
    return catalog["sku"]


def test_the_provider_page_asks_to_authorise_the_recurring_charge(api, sandbox, monthly):
    created = subscribe(api, monthly)
    payment = pay(api, created["order"]["id"])
    page = requests.get(payment["next_action"]["url"], timeout=5).text
    assert "Authorise future payments" in page and "$9.99 every month, cancel anytime" in page


def test_a_one_off_order_asks_for_no_mandate(api, sandbox, catalog):
    from tests.payments.attempts.test_payment_flow import create_order

    payment = pay(api, create_order(api, catalog["limited_sku"])["id"])
    assert "Authorise future payments" not in requests.get(payment["next_action"]["url"], timeout=5).text


def test_paying_the_first_order_signs_a_mandate_the_provider_can_deduct_against(api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    mandate = sub["mandate"]
    assert mandate["channel"] == "sandbox_card" and mandate["status"] == "active"
    assert mandate["reference"].startswith("mdt_")
    at_provider = requests.get(
        f"{sandbox.url}/sandbox/api/mandates/{mandate['reference']}", headers=SANDBOX_KEY, timeout=5
    ).json()
    assert at_provider["status"] == "active" and at_provider["terms"] == "$9.99 every month, cancel anytime"

    # Each deduction under a reference shaped as Kassa's attempts are (the sandbox is one account for the whole
    # session, and a reference Kassa could not have made would show on every reconciliation of that day).
    references: dict[str, str] = {}

    def deduct(label: str) -> dict:
        return requests.post(
            f"{sandbox.url}/sandbox/api/mandates/{mandate['reference']}/deductions",
            json={"amount": 999, "currency": "usd", "reference": references.setdefault(label, new_id("pay"))},
            headers=SANDBOX_KEY,
            timeout=5,
        ).json()

    first = deduct("renewal-1")
    assert first["status"] == "succeeded" and deduct("renewal-1")["id"] == first["id"]  # a retry is the same one
    requests.post(
        f"{sandbox.url}/sandbox/api/mandates/{mandate['reference']}/simulate", json={"fail_next": 1}, timeout=5
    )
    declined = deduct("renewal-2")
    assert declined["status"] == "failed" and declined["failure_reason"] == "insufficient_funds"
    assert deduct("renewal-3")["status"] == "succeeded"


def test_a_revoke_at_the_provider_reaches_the_contract(app, api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    reference = sub["mandate"]["reference"]
    revoked = requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/revoke", timeout=5).json()
    assert revoked["status"] == "revoked"
    after = wait_for(lambda: (s := api.get(f"/subscriptions/{sub['id']}").json)["mandate"]["status"] == "revoked" and s)
    assert after["cancel_at_period_end"] is True and after["status"] == "active"  # the paid period runs out
    deduction = requests.post(
        f"{sandbox.url}/sandbox/api/mandates/{reference}/deductions",
        json={"amount": 999, "currency": "usd", "reference": new_id("pay")},
        headers=SANDBOX_KEY,
        timeout=5,
    ).json()
    assert deduction["status"] == "failed" and deduction["failure_reason"] == "mandate_inactive"


def test_a_forged_mandate_callback_is_refused(client, sandbox):
    forged = client.post(
        "/hooks/mandates/sandbox_card",
        data=b'{"type":"mandate.revoked","data":{"id":"mdt_x"}}',
        headers={"Content-Type": "application/json", "Sandbox-Signature": "t=1,v1=00"},
    )
    assert forged.status_code == 400


def test_a_wallet_subscription_deducts_from_the_wallet(api, sandbox, worker, monthly):
    from tests.ledger.wallet.test_wallet import top_up

    top_up(api, sandbox, worker, 5000, customer=CUSTOMER)
    created = subscribe(api, monthly)
    paid = api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"})
    assert paid.json["payment"]["status"] == "succeeded"
    worker()
    sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert sub["status"] == "active"
    assert sub["mandate"] == {"channel": "wallet", "status": "active", "reference": CUSTOMER}


def test_the_hosted_checkout_shows_the_terms_and_opens_a_subscription(api, client, sandbox, monthly, catalog):
    page = client.get(f"/checkout/{catalog['product']}?sku={monthly}")
    html = page.get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    quoted = client.post(
        f"/checkout/{catalog['product']}/quote", data={"csrf_token": token, "sku": monthly, "quantity": "1"}
    ).get_data(as_text=True)
    assert "$9.99 every month, cancel anytime" in quoted and "renews on" in quoted
    paid = client.post(
        f"/checkout/{catalog['product']}/pay",
        data={"csrf_token": token, "sku": monthly, "quantity": "1", "channel": "sandbox_card", "agree": "on"},
    )
    assert paid.status_code in (302, 303) or paid.headers.get("HX-Redirect")
    subs = api.get("/subscriptions").json["data"]
    assert len(subs) == 1 and subs[0]["status"] == "pending"
    order = api.get(f"/orders/{subs[0]['latest_order']}").json
    assert order["status"] == "paying"
    reference = order["payments"][0]["provider_reference"]
    provider_page = requests.get(f"{sandbox.url}/sandbox/pay/{reference}", timeout=5).text
    assert "$9.99 every month, cancel anytime" in provider_page


def test_a_coupon_on_the_hosted_checkout_takes_off_the_first_charge_it_shows_and_no_renewal(
    app, api, client, sandbox, worker, merchant, monthly, catalog
):
    from datetime import timedelta

    from app.catalog.coupons import create_coupon
    from app.platform.db.types import utcnow
    from app.signing.renewals.sweep import run_renewals

    with app.app_context():
        create_coupon(merchant.id, {"code": "HALF", "kind": "percent_off", "percent_bps": 5000})
    html = client.get(f"/checkout/{catalog['product']}?sku={monthly}").get_data(as_text=True)
    form = {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
        "sku": monthly,
        "quantity": "1",
        "coupon": "half",
    }
    quoted = client.post(f"/checkout/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert "First charge today: $5.00" in quoted and "authorise $9.99 every month" in quoted
    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code in (302, 303) or paid.headers.get("HX-Redirect")

    (sub,) = api.get("/subscriptions").json["data"]
    first = api.get(f"/orders/{sub['latest_order']}").json
    assert first["amount"] == {"subtotal": 999, "discount": 499, "total": 500, "currency": "usd"}
    assert sub["price"] == {"amount": 999, "currency": "usd"}
    provider_page = f"{sandbox.url}/sandbox/pay/{first['payments'][0]['provider_reference']}"
    assert "$9.99 every month" in requests.get(provider_page, timeout=5).text
    sandbox.simulate(first["payments"][0]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{first['id']}").json["status"] in ("paid", "fulfilled"))
    worker()
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"

    with app.app_context():  # a month later the renewal job charges the list price: the coupon was for one order
        run_renewals(now=utcnow() + timedelta(days=32))
    worker()
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["period"] == 2
    assert api.get(f"/orders/{renewed['latest_order']}").json["amount"]["total"] == 999


def test_the_embedded_panel_shows_the_terms_and_opens_a_subscription(api, client, merchant, sandbox, monthly, catalog):
    """mountPanel's iframe is the embedded panel: a subscription SKU shows its terms and buying it signs."""
    page = client.get(
        f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin=https://shop.example&sku={monthly}"
    ).get_data(as_text=True)
    token = re.search(r'name="embed_token" value="([^"]+)"', page).group(1)
    form = {"sku": monthly, "quantity": "1", "embed_token": token}
    quoted = client.post(f"/embed/{catalog['product']}/quote", data=form).get_data(as_text=True)
    assert "$9.99 every month, cancel anytime" in quoted and "renews on" in quoted
    paid = client.post(f"/embed/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code == 303
    assert "Authorise future payments" in requests.get(paid.headers["Location"], timeout=5).text
    assert len(api.get("/subscriptions").json["data"]) == 1


def test_the_checkout_never_preselects_a_subscription_even_when_it_is_the_cheapest_option(app, client, catalog):
    from app.catalog.models import Sku
    from app.extensions import db
    from app.platform.values.ids import new_id

    with app.app_context():
        sku = db.session.get(Sku, catalog["sku"])
        db.session.add(
            Sku(
                id=new_id("sku"),
                merchant_id=sku.merchant_id,
                product_id=sku.product_id,
                name="Monthly, renews",
                price_amount=1,
                currency="usd",
                specs={},
                stock=None,
                subscription_interval="month",
                subscription_interval_count=1,
            )
        )
        db.session.commit()
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    checked = re.findall(r'<input[^>]*name="sku"[^>]*value="([^"]+)"[^>]*checked', page)
    assert checked and checked[0] != "" and "every month" not in page.split("Payment method")[0]
    with app.app_context():
        assert db.session.get(Sku, checked[0]).subscription_interval is None
