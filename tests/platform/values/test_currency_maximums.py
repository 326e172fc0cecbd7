"""The largest amount is per currency (app/money.max_amount): one cap of 99,999,999 minor units for all is $999,999.99
but only 999,999.99 IDR (about $62), so a merchant could not price anything worth more than a dinner in rupiah.
Eight digits where a dollar is a few hundred minor units or less, up to twelve (Stripe's IDR limit) where it is
millions; the columns are 64-bit so an order of them is stored on PostgreSQL too."""

from __future__ import annotations

from tests.orders.test_orders_api import order_body
from tests.support.books import completed_order, ledger_sums
from tests.web.api.test_hostile_input import sku_body
from tests.web.portal.test_portal_catalog import portal  # noqa: F401  (fixture)

FIFTY_MILLION_RUPIAH = 50_000_000_00  # minor units (sen)


def _price(api, amount: int, currency: str):
    return api.post("/products", json=sku_body(price={"amount": amount, "currency": currency}))


def test_an_idr_product_of_fifty_million_rupiah_is_sold_and_booked(app, api, sandbox, worker):
    created = _price(api, FIFTY_MILLION_RUPIAH, "idr")
    assert created.status_code == 201, created.json
    sku = created.json["skus"][0]["id"]
    order = completed_order(api, sandbox, worker, [(sku, 1)])
    assert order["status"] == "completed"
    assert order["amount"]["total"] == FIFTY_MILLION_RUPIAH and order["amount"]["currency"] == "idr"

    from app.extensions import db
    from app.ledger.books_models import OrderClearing

    with app.app_context():
        fee = db.session.get(OrderClearing, order["id"]).channel_fee
    assert 0 < fee < FIFTY_MILLION_RUPIAH // 10
    available = {b["currency"]: b["amount"] for b in api.get("/balance").json["available"]}
    assert available == {"idr": FIFTY_MILLION_RUPIAH - fee}
    assert ledger_sums(app) == {"idr": 0}


def test_each_currency_has_its_own_largest_price_and_the_refusal_names_it(api):
    dollars = _price(api, 100_000_000, "usd")
    assert dollars.status_code == 400 and dollars.json["error"]["param"] == "price"
    assert dollars.json["error"]["message"] == "a price in USD is at most 99999999 minor units ($999,999.99)"
    assert _price(api, 99_999_999, "usd").status_code == 201
    assert _price(api, 99_999_999, "jpy").status_code == 201  # ¥99,999,999: about $670,000
    assert _price(api, 9_999_999_999, "vnd").status_code == 201  # a dollar is ~25,000 đồng: ten digits
    assert _price(api, 999_999_999_999, "idr").status_code == 201
    rupiah = _price(api, 10**12, "idr")
    assert rupiah.status_code == 400
    assert rupiah.json["error"]["message"] == (
        "a price in IDR is at most 999999999999 minor units (9,999,999,999.99 IDR)"
    )
    other = api.post("/products", json=sku_body(prices=[{"amount": 10**10, "currency": "vnd"}]))
    assert other.status_code == 400 and other.json["error"]["param"] == "prices[0]"
    assert "at most 9999999999 minor units (9,999,999,999 VND)" in other.json["error"]["message"]


def test_an_order_above_its_currencys_largest_total_is_refused_naming_it(api):
    sku = _price(api, 600_000_000_000, "idr").json["skus"][0]["id"]
    assert api.post("/orders", json=order_body(sku, 1)).status_code == 201
    two = api.post("/orders", json=order_body(sku, 2))
    assert two.status_code == 400 and two.json["error"]["param"] == "items"
    assert two.json["error"]["message"] == (
        "an order in IDR may total at most 999999999999 minor units "
        "(9,999,999,999.99 IDR); split it into several orders"
    )


def test_wallet_amounts_are_bounded_per_currency(api):
    def top_up(amount: int, currency: str):
        return api.post(
            "/customers/cus_big/topups", json={"amount": amount, "currency": currency, "channel": "sandbox_card"}
        )

    assert top_up(100_000_000_000, "idr").status_code == 201  # 1,000,000,000 IDR: a tenth of the largest amount
    refused = top_up(100_000_000_001, "idr")
    assert refused.status_code == 400 and refused.json["error"]["param"] == "amount"
    assert refused.json["error"]["message"] == (
        "amount in IDR must be at most 100000000000 minor units (1,000,000,000.00 IDR)"
    )
    assert "at most 10000000 minor units ($100,000.00)" in top_up(10_000_001, "usd").json["error"]["message"]
    transfer = api.post("/customers/cus_big/transfers", json={"to": "cus_other", "amount": 10**12, "currency": "idr"})
    assert transfer.status_code == 400 and "999999999999 minor units" in transfer.json["error"]["message"]


def test_a_coupon_and_a_channel_limit_are_bounded_in_their_currency(portal):
    coupon = portal.submit(
        "/portal/coupons/new", {"code": "RUPIAH", "kind": "amount_off", "currency": "idr", "amount": "5000000000"}
    )
    assert coupon.status_code == 302, coupon.get_data(as_text=True)  # 5,000,000,000 IDR off: more than $62
    too_much = portal.submit(
        "/portal/coupons/new", {"code": "DOLLARS", "kind": "amount_off", "currency": "usd", "amount": "1000000"}
    )
    assert too_much.status_code == 422
    assert "Enter at most $999,999.99, the largest amount in USD." in too_much.get_data(as_text=True)

    limits = {"enabled": "y", "priority": "100", "limits_currency": "idr"}
    saved = portal.submit("/portal/channels/sandbox_card", {**limits, "max_amount": "9999999999.99"})
    assert saved.status_code == 302
    dollars = {**limits, "limits_currency": "usd", "max_amount": "1000000"}
    refused = portal.submit("/portal/channels/sandbox_card", dollars)
    assert refused.status_code == 422
    assert "Maximum order total in USD is at most 99999999 minor units ($999,999.99)" in refused.get_data(as_text=True)
