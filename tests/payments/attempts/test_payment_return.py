"""A redirect payment started for the merchant's own page (return_url) comes back to that page through Kassa,
which adds kassa_order, kassa_client_secret and redirect_status for the page (the SDK) to pick the payment up."""

from __future__ import annotations

import base64
import random
from urllib.parse import parse_qs, urlsplit

import requests

from tests.conftest import wait_for

SHOP_PAGE = "https://shop.example/checkout?step=pay&kassa_order=ord_stale#summary"


def _pay(pk_api, sku: str, return_url: str | None = SHOP_PAGE) -> tuple[dict, dict]:
    order = pk_api.post("/orders", json={"items": [{"sku": sku, "quantity": 1}], "agreement_accepted": True}).json
    body = {"channel": "sandbox_card", "client_secret": order["client_secret"]}
    if return_url is not None:
        body["return_url"] = return_url
    response = pk_api.post(f"/orders/{order['id']}/pay", json=body)
    assert response.status_code == 200, response.json
    return order, response.json["payment"]


def _decide_at_the_provider(payment: dict, outcome: str) -> str:
    """Press Approve or Decline on the provider's page; where the provider sends the shopper back to."""
    answer = requests.post(
        f"{payment['next_action']['url']}/decide", data={"outcome": outcome}, allow_redirects=False, timeout=10
    )
    assert answer.status_code == 303
    return answer.headers["Location"]


def _back_at_the_shop(client, kassa_return: str) -> str:
    parts = urlsplit(kassa_return)
    response = client.get(parts.path)
    assert response.status_code == 303
    assert response.headers["Cache-Control"] == "no-store"
    return response.headers["Location"]


def _status(pk_api, order: dict) -> str:
    return pk_api.get(f"/orders/{order['id']}?client_secret={order['client_secret']}").json["status"]


def test_an_approved_payment_returns_to_the_merchants_page_with_the_order_and_its_outcome(
    client, pk_api, catalog, sandbox
):
    order, payment = _pay(pk_api, catalog["sku"])
    kassa_return = _decide_at_the_provider(payment, "succeeded")
    assert urlsplit(kassa_return).path.startswith("/checkout/return/")  # Kassa's address, not the shop's

    wait_for(lambda: _status(pk_api, order) == "paid")
    shop = urlsplit(_back_at_the_shop(client, kassa_return))
    assert (shop.scheme, shop.netloc, shop.path, shop.fragment) == ("https", "shop.example", "/checkout", "summary")
    # The page's own parameters stay; a stale kassa_order of an earlier return is replaced, not doubled.
    assert parse_qs(shop.query) == {
        "step": ["pay"],
        "kassa_order": [order["id"]],
        "kassa_client_secret": [order["client_secret"]],
        "redirect_status": ["succeeded"],
    }


def test_a_declined_payment_returns_with_redirect_status_failed(client, pk_api, catalog, sandbox):
    order, payment = _pay(pk_api, catalog["sku"])
    kassa_return = _decide_at_the_provider(payment, "failed")
    wait_for(
        lambda: (
            pk_api.get(f"/orders/{order['id']}?client_secret={order['client_secret']}").json["payments"][-1]["status"]
            == "failed"
        )
    )
    query = parse_qs(urlsplit(_back_at_the_shop(client, kassa_return)).query)
    assert query["redirect_status"] == ["failed"] and query["kassa_order"] == [order["id"]]
    assert _status(pk_api, order) == "created"  # the shopper may try again on the same order


def test_a_return_before_the_provider_has_told_kassa_says_processing(client, pk_api, catalog, sandbox):
    order, payment = _pay(pk_api, catalog["sku"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")  # Kassa hears nothing yet
    kassa_return = _decide_at_the_provider(payment, "succeeded")
    query = parse_qs(urlsplit(_back_at_the_shop(client, kassa_return)).query)
    assert query["redirect_status"] == ["processing"]
    assert _status(pk_api, order) == "paying"


def test_a_forged_or_tampered_return_link_is_404(app, client, pk_api, catalog, sandbox):
    from app.payments.attempts.returns import return_token

    order, payment = _pay(pk_api, catalog["sku"])
    kassa_return = urlsplit(_decide_at_the_provider(payment, "succeeded")).path
    assert client.get(kassa_return[:-2] + ("AA" if not kassa_return.endswith("AA") else "BB")).status_code == 404
    forged = return_token("not-this-kassas-secret", "ord_x", "https://evil.example/")
    assert client.get(f"/checkout/return/{forged}").status_code == 404
    unknown = return_token(app.config["SECRET_KEY"], "ord_nope", "https://shop.example/")
    assert client.get(f"/checkout/return/{unknown}").status_code == 404
    # The provider's callback is on its way: let it land here, not in the next test's database wipe.
    wait_for(lambda: _status(pk_api, order) == "paid")


def test_without_a_return_url_the_provider_still_sends_the_shopper_to_kassas_order_page(pk_api, catalog, sandbox):
    order, payment = _pay(pk_api, catalog["sku"], return_url=None)
    back = urlsplit(_decide_at_the_provider(payment, "succeeded"))
    assert back.path == f"/checkout/orders/{order['id']}"
    assert parse_qs(back.query) == {"client_secret": [order["client_secret"]]}
    wait_for(lambda: _status(pk_api, order) == "paid")  # the callback lands in this test, not the next one's wipe


def test_the_longest_return_url_kassa_accepts_fits_the_providers_page(pk_api, catalog, sandbox):
    from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH

    base = "https://shop.example/checkout?ref="
    # Random characters: a repetitive URL would compress inside the token and prove nothing.
    noise = base64.urlsafe_b64encode(random.Random(7).randbytes(MAX_RETURN_URL_LENGTH)).decode()
    longest = base + noise[: MAX_RETURN_URL_LENGTH - len(base)]
    order, payment = _pay(pk_api, catalog["sku"], return_url=longest)
    assert payment["next_action"]["type"] == "redirect"

    too_long = pk_api.post(
        f"/orders/{order['id']}/pay",
        json={"channel": "sandbox_card", "client_secret": order["client_secret"], "return_url": longest + "k"},
    )
    assert too_long.status_code == 400 and too_long.json["error"]["param"] == "return_url"
    assert str(MAX_RETURN_URL_LENGTH) in too_long.json["error"]["message"]


def test_a_return_url_with_a_space_is_400_saying_so(pk_api, catalog):
    order = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True}
    ).json
    response = pk_api.post(
        f"/orders/{order['id']}/pay",
        json={
            "channel": "sandbox_card",
            "client_secret": order["client_secret"],
            "return_url": "https://shop.example/a b",
        },
    )
    assert response.status_code == 400 and "spaces" in response.json["error"]["message"]
    assert _status(pk_api, order) == "created"


def test_a_live_key_returns_shoppers_only_to_the_merchants_own_site(app, client, merchant, catalog):
    """A live publishable key is on every page of the merchant's shop: anyone may call with it. The return link is
    an address of Kassa's that sends whoever opens it on at once, so a return_url of another site made Kassa's
    domain a redirect to any page (a phishing link that reads as the shop's payment page). Live keys name the
    merchant's allowed origins only, as they are only taken from those pages; test keys work from anywhere."""
    from app.extensions import db
    from app.merchants.origins import set_allowed_origins
    from app.merchants.services import issue_key
    from tests.conftest import Api
    from tests.support.wallet import fund

    with app.app_context():
        _, live_pk = issue_key(merchant.id, "publishable", "live")
        _, live_sk = issue_key(merchant.id, "secret", "live")
        db.session.commit()
        set_allowed_origins(merchant.id, ["https://shop.example"])
    fund(app, merchant.id, "cus_ret", 5000, livemode=True)
    server, browser = Api(client, live_sk), Api(client, live_pk)
    order = server.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": "cus_ret"},
        },
    ).json

    for elsewhere in (
        "https://evil.example/phish",
        "https://shop.example.evil.example/",
        "https://shop.example@evil.example/",
        "http://shop.example/checkout",
    ):
        refused = browser.post(
            f"/orders/{order['id']}/pay",
            json={"channel": "wallet", "client_secret": order["client_secret"], "return_url": elsewhere},
        )
        assert refused.status_code == 400, (elsewhere, refused.json)
        assert (refused.json["error"]["code"], refused.json["error"]["param"]) == (
            "return_url_not_allowed",
            "return_url",
        )
        assert "https://shop.example" in refused.json["error"]["message"]
    assert server.get(f"/orders/{order['id']}").json["status"] == "created"  # nothing was started

    paid = browser.post(
        f"/orders/{order['id']}/pay",
        json={
            "channel": "wallet",
            "client_secret": order["client_secret"],
            "return_url": "https://SHOP.example:443/done?x=1",
        },
    )
    assert paid.status_code == 200, paid.json
    assert server.get(f"/orders/{order['id']}").json["status"] == "paid"
