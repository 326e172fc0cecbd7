"""Every Order the API answers carries ``url``, its hosted page: a merchant's server sends the shopper there to pay
a one-off order, a subscription's first order or a renewal, whichever key read it, and the address opens that
order's page over real HTTP."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from tests.payments.attempts.test_payment_flow import create_order
from tests.support.signing import make_recurring, pay_first_order, subscribe


@pytest.fixture
def monthly(app, catalog) -> str:
    make_recurring(app, catalog["sku"], "month")
    return catalog["sku"]


def opens_its_page(order: dict) -> str:
    """The page the order's ``url`` opens (it carries the order's client secret); its text."""
    url = urlsplit(order["url"])
    assert url.path == f"/checkout/orders/{order['id']}"
    assert parse_qs(url.query) == {"client_secret": [order["client_secret"]]}
    page = requests.get(order["url"], timeout=10)
    assert page.status_code == 200
    assert order["id"] in page.text
    return page.text


def test_a_one_off_order_carries_its_page_for_either_key_and_in_lists(api, pk_api, catalog, live_server):
    order = create_order(api, catalog["sku"])
    assert "Pay $" in opens_its_page(order)
    assert api.get(f"/orders/{order['id']}").json["url"] == order["url"]
    shopper = pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json
    assert shopper["url"] == order["url"]
    listed = api.get("/orders").json["data"]
    assert [o["url"] for o in listed if o["id"] == order["id"]] == [order["url"]]


def test_a_subscriptions_first_order_carries_its_page_with_the_terms(api, monthly, live_server):
    created = subscribe(api, monthly)
    page = opens_its_page(created["order"])
    assert "every month" in page and "Paying signs the agreement for the renewals" in page


def test_a_renewal_order_carries_its_page(app, api, sandbox, worker, monthly):
    from app.platform.db.types import utcnow
    from app.signing.renewals.sweep import run_renewals

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    with app.app_context():
        run_renewals(now=utcnow() + timedelta(days=32))
    worker()
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["period"] == 2 and renewed["latest_order"] != sub["latest_order"]
    renewal = api.get(f"/orders/{renewed['latest_order']}").json
    assert "Payment successful" in opens_its_page(renewal)
