"""Saved payment methods (issue #53): a vouched-for customer keeps the card that paid, pays the next checkout
session with it in one press, and the merchant lists and removes it; nobody else ever sees or spends it."""

from __future__ import annotations

import requests

from tests.conftest import wait_for

CUSTOMER = "cus_saver"


def session_order(api, pk_api, catalog, customer: str = CUSTOMER) -> dict:
    """An order made through a checkout session the merchant's server opened for ``customer``."""
    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": customer}},
    ).json
    created = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert created.status_code == 201, created.json
    return created.json


def pay(pk_api, order: dict, **body):
    return pk_api.post(f"/orders/{order['id']}/pay", json={"client_secret": order["client_secret"], **body})


def saved_card(api, pk_api, catalog, sandbox, worker, customer: str = CUSTOMER) -> dict:
    """Pay a session's order ticking "Save this card", approve it at the provider, and return the saved method."""
    order = session_order(api, pk_api, catalog, customer)
    paid = pay(pk_api, order, channel="sandbox_card", save_payment_method=True)
    assert paid.status_code == 200, paid.json
    sandbox.simulate(paid.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] != "paying")

    def listed():
        worker()
        return api.get(f"/customers/{customer}/payment_methods").json["data"]

    return wait_for(listed)[0]


def test_a_saved_card_pays_the_next_session_in_one_press_and_is_gone_once_removed(
    api, pk_api, catalog, sandbox, worker
):
    method = saved_card(api, pk_api, catalog, sandbox, worker)
    assert method["id"].startswith("spm_") and method["channel"] == "sandbox_card"
    assert method["card"] == {"brand": "visa", "last4": "4242"} and method["status"] == "active"
    assert method["customer"] == CUSTOMER and method["livemode"] is False

    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, payment_method=method["id"])
    assert paid.status_code == 200, paid.json
    # Charged in the call: no provider page to visit.
    assert paid.json["payment"]["status"] == "succeeded"
    assert paid.json["payment"]["next_action"] == {"type": "none"}
    assert api.get(f"/orders/{order['id']}").json["status"] in ("paid", "fulfilled", "completed")

    removed = api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}")
    assert removed.status_code == 200, removed.json
    assert removed.json == {"id": method["id"], "object": "payment_method", "deleted": True}
    assert api.get(f"/customers/{CUSTOMER}/payment_methods").json == {"object": "list", "data": [], "has_more": False}
    # Removing it again answers the same; paying with it is refused and charges nothing.
    assert api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}").status_code == 200
    third = session_order(api, pk_api, catalog)
    refused = pay(pk_api, third, payment_method=method["id"])
    assert refused.status_code == 404
    assert refused.json["error"]["param"] == "payment_method"
    assert api.get(f"/orders/{third['id']}").json["status"] == "created"


def test_an_unverified_customer_is_never_offered_nor_charged_a_saved_card(api, pk_api, catalog, sandbox, worker):
    method = saved_card(api, pk_api, catalog, sandbox, worker)
    # A web page claims the customer with the publishable key: an unverified customer.
    order = pk_api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": CUSTOMER},
            "agreement_accepted": True,
        },
    ).json
    for body in ({"payment_method": method["id"]}, {"channel": "sandbox_card", "save_payment_method": True}):
        refused = pay(pk_api, order, **body)
        assert refused.status_code == 403, refused.json
        assert refused.json["error"]["code"] == "checkout_session_required"
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"
    # Another vouched customer cannot use it either, nor see it.
    other = session_order(api, pk_api, catalog, customer="cus_other")
    assert pay(pk_api, other, payment_method=method["id"]).status_code == 404
    assert api.get("/customers/cus_other/payment_methods").json["data"] == []
    # The publishable key cannot list or remove anyone's cards.
    assert pk_api.get(f"/customers/{CUSTOMER}/payment_methods").status_code == 403
    assert pk_api.delete(f"/customers/{CUSTOMER}/payment_methods/{method['id']}").status_code == 403


def test_a_card_whose_issuer_asks_for_authentication_sends_the_shopper_to_the_provider(
    app, api, pk_api, catalog, sandbox, worker
):
    method = saved_card(api, pk_api, catalog, sandbox, worker)
    card = _provider_card(app, method)
    planned = requests.post(
        f"{sandbox.url}/sandbox/api/cards/{card}/simulate", json={"next_charge": "authentication_required"}, timeout=10
    )
    assert planned.status_code == 200, planned.text

    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, payment_method=method["id"])
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"]["next_action"]["type"] == "redirect"
    sandbox.simulate(paid.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] not in ("created", "paying"))


def test_a_channel_that_keeps_no_card_refuses_to_save_one(api, pk_api, catalog):
    order = session_order(api, pk_api, catalog)
    refused = pay(pk_api, order, channel="sandbox_qr", save_payment_method=True)
    assert refused.status_code == 400, refused.json
    assert refused.json["error"]["code"] == "saved_methods_unsupported"


def _provider_card(app, method: dict) -> str:
    """The provider's id of the card behind a saved method (the API never shows it: it is the merchant's account's)."""
    from app.extensions import db
    from app.payments.saved_methods.models import SavedPaymentMethod

    with app.app_context():
        return db.session.get(SavedPaymentMethod, method["id"]).provider_reference


def test_a_declined_saved_card_fails_the_payment_and_the_order_can_be_paid_another_way(
    app, api, pk_api, catalog, sandbox, worker
):
    method = saved_card(api, pk_api, catalog, sandbox, worker)
    planned = requests.post(
        f"{sandbox.url}/sandbox/api/cards/{_provider_card(app, method)}/simulate",
        json={"next_charge": "declined"},
        timeout=10,
    )
    assert planned.status_code == 200, planned.text
    order = session_order(api, pk_api, catalog)
    paid = pay(pk_api, order, payment_method=method["id"])
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"]["status"] == "failed"
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"
    # The shopper tries again with the same card (the issuer's decline was for one charge) and it pays.
    again = pay(pk_api, order, payment_method=method["id"])
    assert again.status_code == 200, again.json
    assert again.json["payment"]["status"] == "succeeded"


def test_one_dispatch_run_keeps_the_card_of_the_order_that_asked_and_of_no_other(api, pk_api, catalog, sandbox, worker):
    """The dispatcher reads which paid orders of its batch saved a card once for the batch: in a run that takes
    both, the order that ticked "Save this card" keeps it and the other customer gets none."""
    saver, other = (
        session_order(api, pk_api, catalog, "cus_batch_saver"),
        session_order(api, pk_api, catalog, "cus_batch_other"),
    )
    for order, save in ((saver, True), (other, False)):
        paid = pay(pk_api, order, channel="sandbox_card", save_payment_method=save)
        assert paid.status_code == 200, paid.json
        sandbox.simulate(paid.json["payment"]["provider_reference"], "succeeded")
    for order in (saver, other):
        wait_for(lambda order=order: api.get(f"/orders/{order['id']}").json["status"] != "paying")
    worker()  # one run: both orders' order.paid events in its batch
    kept = api.get("/customers/cus_batch_saver/payment_methods").json["data"]
    assert [(m["status"], m["card"]["last4"]) for m in kept] == [("active", "4242")]
    assert api.get("/customers/cus_batch_other/payment_methods").json["data"] == []
