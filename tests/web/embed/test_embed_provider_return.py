"""The embedded panel sends the shopper to a provider's page in the whole window, and back to the page that embeds
it (app/web/embed/leaving.py): what the frame takes from the SDK, and what it shows a returning page.

The browser's side (the frame's height on every page, the window going to the provider and back) is in
tests/e2e/test_panel_provider_page.py; here, what a page could try to make the frame do.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import requests

from tests.conftest import wait_for
from tests.web.embed.test_embedded_panel_parity import SHOP, _token

PAGE = f"{SHOP}/buy?plan=pro"


def panel(client, merchant, catalog, **params: str):
    query = {"key": merchant.publishable_key, "origin": SHOP, "frame": "f1", **params}
    return client.get(f"/embed/{catalog['product']}", query_string=query)


def pay(client, catalog, token: str):
    """The shopper presses Pay in the frame (htmx, as the panel does)."""
    return client.post(
        f"/embed/{catalog['product']}/pay",
        headers={"HX-Request": "true"},
        data={"sku": catalog["sku"], "quantity": "1", "channel": "sandbox_card", "agree": "on", "embed_token": token},
    )


def approve(provider: str) -> str:
    """The shopper presses Approve on the provider's page; where the provider sends them back to."""
    decided = requests.post(f"{provider}/decide", data={"outcome": "succeeded"}, allow_redirects=False, timeout=5)
    assert decided.status_code == 303
    return decided.headers["Location"]


def test_the_frame_asks_the_page_to_go_to_the_provider_and_the_provider_sends_the_shopper_back_to_that_page(
    client, api, merchant, catalog, sandbox
):
    token = _token(panel(client, merchant, catalog, page=PAGE).get_data(as_text=True))
    answer = pay(client, catalog, token)
    assert answer.status_code == 200 and "HX-Redirect" not in answer.headers  # the frame does not go there itself
    body = answer.get_data(as_text=True)
    provider = re.search(r'data-kassa-redirect="([^"]+)"', body).group(1)
    assert provider.startswith(f"{sandbox.url}/sandbox/pay/")
    assert f'<a href="{provider}" target="_top">Continue the payment</a>' in body  # without the SDK: a click

    returning = urlsplit(approve(provider))
    [order] = api.get("/orders").json["data"]
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] == "paid")
    assert returning.path.startswith("/checkout/return/")  # Kassa's signed return address
    back = client.get(returning.path)
    assert back.status_code == 303
    landed = urlsplit(back.headers["Location"])
    assert f"{landed.scheme}://{landed.netloc}{landed.path}" == f"{SHOP}/buy"
    assert parse_qs(landed.query) == {
        "plan": ["pro"],
        "kassa_order": [order["id"]],
        "kassa_client_secret": [order["client_secret"]],
        "redirect_status": ["succeeded"],
    }

    # The page passes the return on to the frame, which opens at the order's outcome.
    resumed = panel(client, merchant, catalog, page=PAGE, order=order["id"], client_secret=order["client_secret"])
    assert resumed.status_code == 200 and resumed.headers["Cache-Control"] == "private, no-store"
    assert 'data-kassa-state="paid"' in resumed.get_data(as_text=True)


def test_a_page_of_another_origin_or_an_order_not_of_this_panel_changes_nothing(
    client, api, merchant, catalog, sandbox
):
    # A page the frame is not embedded by is not taken: the provider's page opens in the frame, as without the SDK's.
    token = _token(panel(client, merchant, catalog, page="https://elsewhere.example/buy").get_data(as_text=True))
    provider = pay(client, catalog, token).headers["HX-Redirect"]
    assert provider.startswith(f"{sandbox.url}/sandbox/pay/")
    [order] = api.get("/orders").json["data"]
    assert urlsplit(approve(provider)).path == f"/embed/orders/{order['id']}"

    # A wrong client secret, or an order of another product's panel, opens the panel as usual.
    for shown in (
        panel(client, merchant, catalog, order=order["id"], client_secret="ord_x_secret_guess"),
        panel(client, merchant, catalog, order="ord_nosuch", client_secret="x"),
    ):
        assert shown.status_code == 200 and 'data-kassa-state="open"' in shown.get_data(as_text=True)
    other = api.post(
        "/products",
        json={"name": "Coins", "skus": [{"name": "100 coins", "price": {"amount": 499, "currency": "usd"}}]},
    ).json
    elsewhere = client.get(
        f"/embed/{other['id']}",
        query_string={
            "key": merchant.publishable_key,
            "origin": SHOP,
            "order": order["id"],
            "client_secret": order["client_secret"],
        },
    )
    assert 'data-kassa-state="open"' in elsewhere.get_data(as_text=True)


def test_a_checkout_sessions_panel_opens_at_its_paid_order_once_the_page_is_back(
    client, api, merchant, catalog, sandbox, worker
):
    session = api.post("/checkout_sessions", json={"product": catalog["product"], "customer": {"id": "cus_back"}}).json
    query = {
        "key": merchant.publishable_key,
        "origin": SHOP,
        "frame": "f1",
        "session": session["client_secret"],
        "page": PAGE,
    }
    token = _token(client.get("/embed/session", query_string=query).get_data(as_text=True))
    answer = client.post(
        f"/embed/sessions/{session['id']}/pay",
        headers={"HX-Request": "true"},
        data={"sku": catalog["sku"], "quantity": "1", "channel": "sandbox_card", "agree": "on", "embed_token": token},
    )
    provider = re.search(r'data-kassa-redirect="([^"]+)"', answer.get_data(as_text=True)).group(1)
    approve(provider)
    [made] = api.get("/orders").json["data"]
    order, secret = made["id"], made["client_secret"]
    wait_for(lambda: api.get(f"/orders/{order}").json["status"] == "paid")
    wait_for(
        lambda: worker() is not None and api.get(f"/checkout_sessions/{session['id']}").json["status"] == "complete"
    )

    # The session is complete now: its panel alone would say so; the page coming back for its order sees it paid.
    resumed = client.get("/embed/session", query_string={**query, "order": order, "client_secret": secret})
    assert resumed.status_code == 200 and 'data-kassa-state="paid"' in resumed.get_data(as_text=True)
