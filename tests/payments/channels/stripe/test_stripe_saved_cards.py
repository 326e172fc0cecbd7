"""Saved cards on Stripe (issue #53), against localstripe behind the card-saving stand-in
(tests/support/stripe_billing_server.py): a checkout session's payment that asks to save its card keeps it on the
customer's Stripe Customer, the next session pays with it in one press (or the shopper completes the bank's check on
the card page), the API lists it and DELETE detaches it at Stripe; an unverified customer never pays with it."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.saved_methods.test_saved_methods import pay, session_order
from tests.signing.test_stripe_subscriptions import (  # noqa: F401  (fixture)
    AUTHENTICATES,
    pay_by_card,
    status_of,
    stripe_account,
)

CUSTOMER = "cus_saver"


def _paid(api, order_id: str) -> bool:
    return status_of(api, order_id) in ("paid", "fulfilled", "completed")


def save_stripe_card(api, pk_api, catalog, billing, worker, number: str = "4242424242424242") -> dict:
    """A session's order paid by Stripe card with "Save this card for next time"; the saved method the API lists."""
    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, channel="stripe", save_payment_method=True)
    assert paid.status_code == 200, paid.json
    assert "/checkout/card/" in paid.json["payment"]["next_action"]["url"]
    pay_by_card(billing, paid.json["payment"]["provider_reference"], number)
    wait_for(lambda: _paid(api, order["id"]), timeout=15)

    def listed():
        worker()
        return api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]

    return wait_for(listed)[0]


def provider_card(app, method_id: str) -> str:
    """The pm_… behind a saved method (the API never shows it: it is the merchant's Stripe account's)."""
    from app.extensions import db
    from app.payments.saved_methods.models import SavedPaymentMethod

    with app.app_context():
        return db.session.get(SavedPaymentMethod, method_id).provider_reference


def test_a_saved_stripe_card_pays_the_next_session_in_one_press_and_delete_detaches_it(
    app, api, pk_api, catalog, stripe_account, worker
):
    method = save_stripe_card(api, pk_api, catalog, stripe_account, worker)
    assert method["channel"] == "stripe" and method["card"] == {"brand": "visa", "last4": "4242"}
    pm = provider_card(app, method["id"])
    at_stripe = stripe_account.client.v1.payment_methods.retrieve(pm)
    assert at_stripe.customer  # kept on the customer's Stripe Customer

    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, payment_method=method["id"])
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"]["status"] == "succeeded"
    assert paid.json["payment"]["next_action"] == {"type": "none"}  # no card page: paid in the press
    assert _paid(api, order["id"])
    intent = stripe_account.client.v1.payment_intents.retrieve(paid.json["payment"]["provider_reference"])
    assert (intent.customer, intent.payment_method, intent.amount) == (at_stripe.customer, pm, 999)
    assert stripe_account.off_session_creates == []  # the shopper was there

    removed = api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}")
    assert removed.status_code == 200, removed.json
    assert stripe_account.client.v1.payment_methods.retrieve(pm).customer is None  # detached at Stripe
    assert api.get(f"/customers/{CUSTOMER}/payment_methods").json["data"] == []
    third = session_order(api, pk_api, catalog)
    assert pay(pk_api, third, payment_method=method["id"]).status_code == 404
    # Removing it again answers the same, and asks Stripe nothing it cannot do.
    assert api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}").status_code == 200


def test_a_saved_card_whose_bank_asks_goes_to_the_card_page_and_pays_once_authenticated(
    api, pk_api, catalog, stripe_account, worker
):
    method = save_stripe_card(api, pk_api, catalog, stripe_account, worker, AUTHENTICATES)
    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, payment_method=method["id"])
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"]["status"] == "pending"
    assert "/checkout/card/" in paid.json["payment"]["next_action"]["url"]
    reference = paid.json["payment"]["provider_reference"]
    intent = stripe_account.client.v1.payment_intents.retrieve(reference)
    assert intent.status == "requires_action"
    # What Stripe.js does on the card page when the shopper completes the bank's check.
    stripe_account.client.raw_request(
        "post", f"/v1/payment_intents/{reference}/_authenticate", client_secret=intent.client_secret, success="true"
    )
    wait_for(lambda: _paid(api, order["id"]), timeout=15)


def test_an_unverified_customer_cannot_pay_with_a_saved_stripe_card(api, pk_api, catalog, stripe_account, worker):
    method = save_stripe_card(api, pk_api, catalog, stripe_account, worker)
    order = pk_api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": CUSTOMER},
            "agreement_accepted": True,
        },
    ).json
    refused = pay(pk_api, order, payment_method=method["id"])
    assert refused.status_code == 403, refused.json
    assert refused.json["error"]["code"] == "checkout_session_required"
    assert status_of(api, order["id"]) == "created"
    assert len(stripe_account.client.v1.payment_intents.list().data) == 1  # only the payment that saved it
