"""Kassa's card page for Stripe: it loads Stripe.js with the merchant's publishable key, and confirms the
PaymentIntent with the PaymentMethod Stripe.js made (here made through the official library, as Stripe.js's
createPaymentMethod would: localstripe's own Stripe.js fake leaves createPaymentMethod empty, so a browser journey
through its card element cannot make one; see docs/channels.md)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.payments.attempts.test_payment_flow import create_order
from tests.support.localstripe import PUBLISHABLE_KEY


def _card_page(client, api, catalog, live_server) -> tuple[dict, dict, str, str]:
    order = create_order(api, catalog["sku"])
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"}).json["payment"]
    path = payment["next_action"]["url"].removeprefix(live_server)
    page = client.get(path)
    assert page.status_code == 200
    return order, payment, path, page.get_data(as_text=True)


def _confirm(client, path: str, page: str, payment_method: str):
    token = re.search(r'data-csrf-token="([^"]+)"', page).group(1)
    return client.post(path, json={"payment_method": payment_method}, headers={"X-CSRFToken": token})


def _card(localstripe, number: str) -> str:
    return localstripe.client.v1.payment_methods.create(
        params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
    ).id


def test_the_card_page_loads_stripe_js_with_the_merchants_publishable_key(
    app, client, api, catalog, localstripe, stripe_merchant, live_server
):
    _, _, path, page = _card_page(client, api, catalog, live_server)
    assert f'src="{app.config["STRIPE_JS_URL"]}"' in page and f'data-publishable-key="{PUBLISHABLE_KEY}"' in page
    assert "Pay $9.99 by card" in page
    assert client.get(path[:-3] + "xyz").status_code == 404  # a link Kassa did not sign


def test_a_good_card_pays_and_a_declined_one_lets_the_shopper_try_again(
    app, client, api, catalog, localstripe, stripe_merchant, live_server
):
    order, payment, path, page = _card_page(client, api, catalog, live_server)
    assert _confirm(client, path, page, "not-a-payment-method").status_code == 400
    answer = _confirm(client, path, page, _card(localstripe, "4242424242424242"))
    assert answer.status_code == 200 and "/checkout/orders/" in answer.json["next_url"]
    assert api.get(f"/orders/{order['id']}").json["status"] == "paid"
    assert "no longer waiting for a card" in client.get(path).get_data(as_text=True)

    declined, payment, path, page = _card_page(client, api, catalog, live_server)
    answer = _confirm(client, path, page, _card(localstripe, "4000000000000341"))
    assert answer.status_code == 200
    after = api.get(f"/orders/{declined['id']}").json
    assert after["status"] == "created" and after["payments"][-1]["status"] == "failed"
    next_url = urlsplit(answer.json["next_url"])
    status_page = client.get(f"{next_url.path}?{next_url.query}")
    assert "Your card was declined." in status_page.get_data(as_text=True)


def test_a_card_that_asks_for_authentication_hands_stripe_js_the_client_secret(
    app, client, api, catalog, localstripe, stripe_merchant, live_server
):
    order, payment, path, page = _card_page(client, api, catalog, live_server)
    answer = _confirm(client, path, page, _card(localstripe, "4000002500003155"))
    assert answer.json["authenticate"].startswith(f"{payment['provider_reference']}_secret_")
    assert api.get(f"/orders/{order['id']}").json["status"] == "paying"


def test_the_card_page_speaks_the_shoppers_language(
    app, client, api, catalog, localstripe, stripe_merchant, live_server
):
    order = create_order(api, catalog["sku"])
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"}).json["payment"]
    page = client.get(
        payment["next_action"]["url"].removeprefix(live_server), headers={"Accept-Language": "fr-FR,fr;q=0.9"}
    ).get_data(as_text=True)
    assert '<html lang="fr">' in page and "Payer 9,99\u00a0$US par carte" in page
    # What the page's script shows when Stripe.js gives no message of its own, in the same language.
    assert 'data-error-card="Vérifiez les données de la carte."' in page
