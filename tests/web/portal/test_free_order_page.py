"""The portal's page of an order that cost nothing: it was completed without a payment, books nothing, and offers
no refund (a refund asked for all the same is refused beside the form, not a 500)."""

from __future__ import annotations

from tests.catalog.test_coupons_api import coupons  # noqa: F401  (a fixture)
from tests.orders.test_orders_api import order_body
from tests.payments.attempts.test_free_orders import journal


def test_a_free_order_shows_it_was_completed_without_a_payment_and_offers_no_refund(
    app, api, portal, catalog, coupons, worker
):  # noqa: F811
    coupons(code="ONUS", kind="percent_off", percent_bps=10000)
    order = api.post("/orders", json=order_body(catalog["sku"], 1, coupon="ONUS")).json
    booked = journal(app)
    assert api.post(f"/orders/{order['id']}/pay", json={}).status_code == 200
    worker()  # fulfilment
    confirmed = api.post(f"/orders/{order['id']}/confirm")
    assert confirmed.status_code == 200 and confirmed.json["status"] == "completed", confirmed.json
    worker()  # clearing of the completed order
    assert journal(app) == booked  # no capture, no clearing postings of nothing

    page = portal.text(f"/portal/orders/{order['id']}")
    assert "Nothing to refund: this order cost nothing and was completed without a payment." in page
    assert "Refund…" not in page and "can be refunded" not in page
    assert "nothing to pay: the order&#39;s total is 0" in page  # the timeline says why it is paid

    refused = portal.post(f"/portal/orders/{order['id']}/refunds", {"amount": "", "reason": "asked anyway"})
    assert refused.status_code in (400, 409, 422)
    assert "nothing to refund" in refused.get_data(as_text=True)
    assert api.get(f"/orders/{order['id']}").json["refunds"] == []

    balance = api.get("/balance").json
    assert not [m for m in balance["available"] + balance["pending"] if m["amount"]]  # no line of 0 either
