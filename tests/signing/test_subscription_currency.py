"""A subscription in the shopper's currency: a SKU priced in euros as well is signed in euros, its first order and
every renewal are charged in euros through the mandate, and it can only change to a SKU that has a euro price."""
from __future__ import annotations

from tests.signing.support import pay_first_order, subscribe
from tests.signing.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)

EURO_PRICE = 899


def test_a_subscription_signed_in_euros_renews_in_euros(app, api, sandbox, worker, monthly, catalog, clock):
    from app.catalog.models import Sku
    from app.extensions import db

    assert api.patch(f"/skus/{monthly}", json={"prices": [{"amount": EURO_PRICE, "currency": "eur"}]}).status_code == 200
    with app.app_context():  # a second plan sold in dollars only
        db.session.add(Sku(id="sku_test_premium", merchant_id=db.session.get(Sku, monthly).merchant_id,
                           product_id=catalog["product"], name="Premium", price_amount=1999, currency="usd",
                           specs={}, subscription_interval="month", subscription_interval_count=1))
        db.session.commit()

    created = subscribe(api, monthly, test_clock=clock, currency="eur")
    assert created["order"]["amount"]["total"] == EURO_PRICE and created["order"]["amount"]["currency"] == "eur"
    sub = pay_first_order(api, sandbox, worker, created)
    assert sub["status"] == "active" and sub["price"] == {"amount": EURO_PRICE, "currency": "eur"}

    refused = api.patch(f"/subscriptions/{sub['id']}", json={"sku": "sku_test_premium"})
    assert refused.status_code == 400 and refused.json["error"]["code"] == "currency_mismatch"
    assert "no price in EUR" in refused.json["error"]["message"]

    advance(api, worker, clock, unix(2027, 4, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "paid"), (3, "paid")]
    for renewal in after["renewals"]:
        order = api.get(f"/orders/{renewal['order']}").json
        assert order["amount"]["total"] == EURO_PRICE and order["amount"]["currency"] == "eur"
        assert [(p["amount"], p["currency"], p["status"]) for p in order["payments"]] == [
            (EURO_PRICE, "eur", "succeeded")]


def test_a_subscription_in_a_currency_the_sku_has_no_price_in_is_refused(api, monthly):
    response = api.post("/subscriptions", json={"sku": monthly, "customer": {"id": "cus_yen"},
                                                "agreement_accepted": True, "currency": "jpy"})
    assert response.status_code == 400
    error = response.json["error"]
    assert (error["code"], error["param"]) == ("currency_unavailable", "currency")
    assert "JPY" in error["message"] and "USD" in error["message"]
    assert api.get("/subscriptions?customer=cus_yen").json["data"] == []  # nothing half-made
