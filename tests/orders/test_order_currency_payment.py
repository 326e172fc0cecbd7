"""An order in a SKU's second currency is paid, cleared, refunded and shown in that currency all the way down: the
sandbox provider charges euros, the ledger posts euros beside the dollars, the refund gives euros back."""

from __future__ import annotations

import requests

from app.payments.channels.configs import configure_channel
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of


def test_an_order_in_euros_is_captured_cleared_and_refunded_in_euros(app, api, merchant, catalog, sandbox, worker):
    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 899, "currency": "eur"}]}).status_code == 200
    )
    with app.app_context():
        configure_channel(merchant.id, "sandbox_qr", currencies=["usd"])  # the merchant takes QR payments in dollars
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 3}],
            "currency": "eur",
            "customer": {"id": "cus_eu"},
            "agreement_accepted": True,
        },
    ).json
    assert order["amount"] == {"subtotal": 2697, "discount": 0, "total": 2697, "currency": "eur"}
    assert "sandbox_qr" not in {c["code"] for c in order["available_channels"]}  # it cannot take euros
    qr = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"})
    assert qr.status_code == 400 and "does not accept EUR" in qr.json["error"]["message"]

    payment = pay(api, order["id"])
    assert (payment["amount"], payment["currency"]) == (2697, "eur")
    provider_page = requests.get(payment["next_action"]["url"], timeout=5)
    assert "26.97 EUR" in provider_page.text  # the provider charges euros, not dollars
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    dollars = api.post(
        "/orders", json={"items": [{"sku": catalog["sku"]}], "customer": {"id": "cus_us"}, "agreement_accepted": True}
    ).json
    sandbox.simulate(pay(api, dollars["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, dollars["id"]) == "paid")

    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # cleared: the merchant's share, less the sandbox's fee (30 + 2.9 % of 26.97 = 1.08 EUR), is available
    balance = api.get("/balance").json
    assert balance["available"] == [{"amount": 2697 - 108, "currency": "eur"}]
    assert balance["pending"] == [{"amount": 999, "currency": "usd"}]  # never added to the euros

    refund = api.post(f"/orders/{order['id']}/refunds", json={"amount": 697})
    assert refund.status_code == 201
    assert (refund.json["refund"]["amount"], refund.json["refund"]["currency"]) == (697, "eur")
    # The refund gives back its share of the fee (28 of 108) and takes the rest from the merchant's euros.
    assert api.get("/balance").json["available"] == [{"amount": 2697 - 108 - (697 - 28), "currency": "eur"}]
    after = api.get(f"/orders/{order['id']}").json
    assert after["refunded_amount"] == 697 and after["timeline"][-1]["reason"].startswith("partially refunded €6.97")
