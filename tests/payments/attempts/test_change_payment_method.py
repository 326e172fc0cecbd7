"""A shopper shown a QR code changes the payment method, or lets the code expire: the waiting attempt is given
up and the same order (same basket) reopens for another try. A QR payment the provider captures after all
pays that order once; the order is never payable twice."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, events_of, status_of
from tests.payments.channels.test_qr_channel import pay_qr


def _switch(client, order: dict, payment_id: str | None):
    page = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}").get_data(as_text=True)
    csrf = re.search(r'name="csrf-token" content="([^"]+)"', page).group(1)
    data = {"csrf_token": csrf, "client_secret": order["client_secret"]}
    if payment_id:
        data["payment"] = payment_id
    return client.post(f"/checkout/orders/{order['id']}/switch", data=data)


def test_a_qr_code_says_when_it_expires(api, catalog, sandbox):
    order = create_order(api, catalog["sku"], 2)
    expires = datetime.fromisoformat(pay_qr(api, order["id"])["next_action"]["expires_at"].replace("Z", "+00:00"))
    left = (expires - datetime.now(timezone.utc)).total_seconds()
    assert 290 < left <= 300


def test_changing_the_method_reopens_the_same_order_for_another_channel(client, api, catalog, sandbox):
    order = create_order(api, catalog["sku"], 2)
    qr = pay_qr(api, order["id"])

    response = _switch(client, order, qr["id"])
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Choose another way to pay" in page and "Pay $19.98" in page
    reopened = api.get(f"/orders/{order['id']}").json
    assert reopened["status"] == "created"
    assert reopened["amount"]["total"] == 1998
    assert reopened["payments"][0]["status"] == "failed"

    card = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert card.status_code == 200, card.json
    sandbox.simulate(card.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")


def test_a_given_up_qr_payment_captured_after_all_pays_the_order_once(client, api, catalog, sandbox):
    order = create_order(api, catalog["sku"], 1)
    qr = pay_qr(api, order["id"])
    assert _switch(client, order, qr["id"]).status_code == 200

    sandbox.simulate(qr["provider_reference"], "succeeded")  # the shopper had scanned and approved already
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    paid = api.get(f"/orders/{order['id']}").json
    assert "after the attempt was given up" in paid["timeline"][-1]["reason"]
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert again.status_code == 409 and again.json["error"]["code"] == "order_state_invalid"


def test_when_both_the_given_up_code_and_the_new_attempt_are_paid_the_second_capture_is_flagged_for_refund(
    app, client, api, catalog, sandbox
):
    order = create_order(api, catalog["sku"], 1)
    qr = pay_qr(api, order["id"])
    assert _switch(client, order, qr["id"]).status_code == 200
    card = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).json["payment"]

    sandbox.simulate(qr["provider_reference"], "succeeded")  # the code, scanned just before the switch
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    sandbox.simulate(card["provider_reference"], "succeeded")  # and the card as well
    wait_for(
        lambda: [p["status"] for p in api.get(f"/orders/{order['id']}").json["payments"]] == ["succeeded", "succeeded"]
    )
    assert status_of(api, order["id"]) == "paid"  # paid once, by the code
    flagged = [e.data["object"]["id"] for e in events_of(app, "payment.captured_on_inactive_order")]
    assert flagged == [card["id"]]  # recorded so the second capture is returned, never kept


def test_a_stale_page_cannot_abandon_a_newer_payment_and_a_decided_one_cannot_be_switched(
    client, api, catalog, sandbox
):
    order = create_order(api, catalog["sku"], 1)
    first = pay_qr(api, order["id"])
    assert _switch(client, order, first["id"]).status_code == 200
    second = pay_qr(api, order["id"])

    stale = _switch(client, order, first["id"])  # the page of the first code, in another tab
    assert stale.status_code == 409
    assert "no payment waiting" in stale.get_data(as_text=True)
    assert api.get(f"/orders/{order['id']}").json["payments"][1]["status"] == "pending"

    unknown = _switch(client, order, "pay_nosuch")
    assert unknown.status_code == 404
    assert "no payment pay_nosuch on this order" in unknown.get_data(as_text=True)

    sandbox.simulate(second["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    assert _switch(client, order, second["id"]).status_code == 409
    assert status_of(api, order["id"]) == "paid"


def _order_with_an_expired_code(app, api, catalog) -> dict:
    """An order waiting on a QR code that expired the moment it was shown."""
    order = create_order(api, catalog["sku"], 1)
    app.config["QR_CODE_TTL_SECONDS"] = 0
    try:
        pay_qr(api, order["id"])
    finally:
        app.config["QR_CODE_TTL_SECONDS"] = 300
    return order


def test_an_expired_qr_code_is_given_up_by_the_poller(app, api, catalog, sandbox, worker):
    from app.payments.attempts.polling import poll_stale_attempts

    order = _order_with_an_expired_code(app, api, catalog)
    with app.app_context():
        assert poll_stale_attempts() == 1
    expired = api.get(f"/orders/{order['id']}").json
    assert expired["status"] == "created"  # open for another way to pay
    assert expired["payments"][0]["status"] == "failed"
    assert status_of(api, order["id"]) == "created"


def test_the_order_page_gives_up_an_expired_code_and_says_so(app, client, api, catalog, sandbox):
    order = _order_with_an_expired_code(app, api, catalog)
    page = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}")
    text = page.get_data(as_text=True)
    assert "Payment failed" in text and "the QR code expired" in text and "No money was taken" in text
    assert 'role="dialog"' not in text


def test_the_api_lets_a_page_holding_the_client_secret_change_the_method(pk_api, catalog, sandbox):
    created = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 3}], "coupon": None, "agreement_accepted": True}
    )
    order = created.json
    secret = {"client_secret": order["client_secret"]}
    qr = pk_api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr", **secret}).json["payment"]

    assert pk_api.post(f"/orders/{order['id']}/change_payment_method", json={}).status_code == 404
    bad = pk_api.post(f"/orders/{order['id']}/change_payment_method", json={"payment": 7, **secret})
    assert bad.status_code == 400 and bad.json["error"]["param"] == "payment"
    assert "id of the order's waiting payment" in bad.json["error"]["message"]

    reopened = pk_api.post(f"/orders/{order['id']}/change_payment_method", json={"payment": qr["id"], **secret})
    assert reopened.status_code == 200, reopened.json
    assert reopened.json["status"] == "created" and reopened.json["amount"]["total"] == 2997
    again = pk_api.post(f"/orders/{order['id']}/change_payment_method", json=secret)
    assert again.status_code == 409 and again.json["error"]["code"] == "payment_not_waiting"
