"""The embedded panel and its order status say what the hosted pages say: they were copies of the hosted templates
and drifted (an English "Coupon code" in a German panel; a paid panel that named neither how it was paid nor where
its receipt went, a refunded one that still read "Payment successful"). Both are now the hosted templates, framed."""

from __future__ import annotations

import re

from tests.conftest import wait_for

SHOP = "https://shop.example"


def _panel(client, merchant, catalog, *, locale: str = "") -> str:
    url = f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin={SHOP}&frame=f1&locale={locale}"
    response = client.get(url)
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _token(page: str) -> str:
    return re.search(r'name="embed_token" value="([^"]+)"', page).group(1)


def test_a_german_embedded_panel_labels_the_coupon_field_in_german(client, merchant, catalog):
    page = _panel(client, merchant, catalog, locale="de")
    assert '<label for="coupon">Gutscheincode</label>' in page
    assert 'data-kassa-state="open"' in page  # what the SDK reads is still there


def test_the_embedded_status_of_a_paid_then_refunded_order_says_how_it_was_paid_and_what_came_back(
    app, client, api, merchant, catalog, sandbox, monkeypatch
):
    monkeypatch.setitem(app.config, "SMTP_HOST", "127.0.0.1")  # receipts are on (none is sent: no worker runs)
    token = _token(_panel(client, merchant, catalog))
    paying = client.post(
        f"/embed/{catalog['product']}/pay",
        data={
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "sandbox_card",
            "agree": "on",
            "email": "owner@acme.test",
            "embed_token": token,
        },
    )  # test mode: mail goes to the team only
    assert paying.status_code == 303 and "/sandbox/pay/" in paying.headers["Location"]
    [order] = api.get("/orders").json["data"]
    order_id = order["id"]
    sandbox.simulate(order["payments"][0]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order_id}").json["status"] == "paid")
    status_url = f"/embed/orders/{order_id}?client_secret={order['client_secret']}&token={token}"

    paid = client.get(status_url).get_data(as_text=True)
    assert 'data-kassa-state="paid"' in paid and "Payment successful" in paid
    assert "Thank you. Your payment of <strong>$9.99</strong> was received (Card (sandbox))." in paid
    assert "A receipt is on its way to <strong>owner@acme.test</strong>." in paid
    assert "View or print your receipt" in paid
    assert "Continue to" not in paid and "Start a new order" not in paid  # no link moves the frame away

    refunded = api.post(f"/orders/{order_id}/refunds", json={"amount": 999, "reason": "requested_by_customer"})
    assert refunded.status_code in (200, 201), refunded.json
    wait_for(lambda: api.get(f"/orders/{order_id}").json["status"] == "refunded")
    after = client.get(status_url).get_data(as_text=True)
    assert 'data-kassa-state="paid"' in after  # the SDK's contract: the payment did succeed
    assert "Order refunded" in after and "Refunded $9.99 to your original payment method." in after
