"""A subscription in the shopper's currency: a SKU priced in euros as well is signed in euros, its first order and
every renewal are charged in euros through the mandate, and it can only change to a SKU that has a euro price."""

from __future__ import annotations

from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.support.signing import pay_first_order, subscribe

EURO_PRICE = 899


def test_a_subscription_signed_in_euros_renews_in_euros(app, api, sandbox, worker, monthly, catalog, clock):
    from app.catalog.models import Sku
    from app.extensions import db

    euro_price = {"prices": [{"amount": EURO_PRICE, "currency": "eur"}]}
    assert api.patch(f"/skus/{monthly}", json=euro_price).status_code == 200
    with app.app_context():  # a second plan sold in dollars only
        db.session.add(
            Sku(
                id="sku_test_premium",
                merchant_id=db.session.get(Sku, monthly).merchant_id,
                product_id=catalog["product"],
                name="Premium",
                price_amount=1999,
                currency="usd",
                specs={},
                subscription_interval="month",
                subscription_interval_count=1,
            )
        )
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
            (EURO_PRICE, "eur", "succeeded")
        ]


def test_a_subscription_in_a_currency_the_sku_has_no_price_in_is_refused(api, monthly):
    response = api.post(
        "/subscriptions",
        json={"sku": monthly, "customer": {"id": "cus_yen"}, "agreement_accepted": True, "currency": "jpy"},
    )
    assert response.status_code == 400
    error = response.json["error"]
    assert (error["code"], error["param"]) == ("currency_unavailable", "currency")
    assert "JPY" in error["message"] and "USD" in error["message"]
    assert api.get("/subscriptions?customer=cus_yen").json["data"] == []  # nothing half-made


def test_a_wallet_subscription_in_euros_renews_from_the_euro_balance_in_the_same_batch_as_a_dollar_one(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    from app.signing.renewals import sweep as renewal_sweep
    from tests.conftest import wait_for
    from tests.ledger.wallet.test_wallet import top_up
    from tests.signing.renewals.test_renewal_batch import ledger_is_sound, wallet_subscription

    euro_price = {"prices": [{"amount": EURO_PRICE, "currency": "eur"}]}
    assert api.patch(f"/skus/{monthly}", json=euro_price).status_code == 200
    topup = api.post(
        "/customers/cus_eu/topups", json={"amount": 2 * EURO_PRICE, "currency": "eur", "channel": "sandbox_card"}
    )
    assert topup.status_code == 201, topup.json
    sandbox.simulate(topup.json["payment"]["provider_reference"], "succeeded")

    def euros(customer: str) -> list[dict]:
        worker()
        return api.get(f"/customers/{customer}/balance").json["available"]

    wait_for(lambda: euros("cus_eu") == [{"amount": 2 * EURO_PRICE, "currency": "eur"}])
    top_up(api, sandbox, worker, 2 * 999, customer="cus_us")
    created = api.post(
        "/subscriptions",
        json={
            "sku": monthly,
            "customer": {"id": "cus_eu"},
            "currency": "eur",
            "agreement_accepted": True,
            "test_clock": clock,
        },
    ).json
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    euro_sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert euro_sub["status"] == "active" and euro_sub["price"] == {"amount": EURO_PRICE, "currency": "eur"}
    dollar_sub = wallet_subscription(api, worker, monthly, clock, "cus_us")

    batches = []
    real_batch = renewal_sweep.renew_batch

    def watched(*args, **kwargs):
        batches.append(real_batch(*args, **kwargs))
        return batches[-1]

    monkeypatch.setattr(renewal_sweep, "renew_batch", watched)
    advance(api, worker, clock, unix(2027, 3, 1))

    assert [(b.renewed, b.declined) for b in batches if b.renewed or b.declined] == [(2, [])]  # one batch, both
    for sub, amount, currency in ((euro_sub, EURO_PRICE, "eur"), (dollar_sub, 999, "usd")):
        after = api.get(f"/subscriptions/{sub['id']}").json
        assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "paid")]
        order = api.get(f"/orders/{after['renewals'][0]['order']}").json
        assert (order["amount"]["total"], order["amount"]["currency"]) == (amount, currency)
        assert [(p["channel"], p["amount"], p["currency"], p["status"]) for p in order["payments"]] == [
            ("wallet", amount, currency, "succeeded")
        ]
    assert euros("cus_eu") == [{"amount": 0, "currency": "eur"}]  # two months of euros, two paid
    assert euros("cus_us") == [{"amount": 0, "currency": "usd"}]
    assert ledger_is_sound(app)
