"""A business line's display name on the shopper's pages (issue #56): the hosted checkout, a checkout session's
page, the expired session and the order page of a line's products show the line's name instead of the merchant's;
everything else keeps the merchant's."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from app.checkout_sessions.models import CheckoutSession
from app.extensions import db
from app.platform.db.types import utcnow

ARCADE = '<p class="merchant-name">Acme Arcade</p>'
MERCHANT = '<p class="merchant-name">Acme Games</p>'


def _arcade(api) -> tuple[str, str]:
    """A games line shown to shoppers as Acme Arcade, and a product in it: the product and its SKU."""
    api.post("/business_lines", json={"code": "games", "name": "Games"})
    assert api.post("/business_lines/games", json={"display_name": "Acme Arcade"}).status_code == 200
    body = {
        "name": "Dragon saga",
        "business_line": "games",
        "skus": [{"name": "One", "price": {"amount": 500, "currency": "usd"}}],
    }
    made = api.post("/products", json=body).get_json()
    return made["id"], made["skus"][0]["id"]


def _page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code in (200, 410), (url, response.status_code)
    return response.get_data(as_text=True)


def _local(url: str) -> str:
    """A public URL of Kassa as the test client asks for it: its path and query."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def _title(page: str) -> str:
    return re.search(r"<title>(.*?)</title>", page, re.S).group(1)


def test_the_hosted_checkout_of_a_lines_product_shows_the_lines_name(client, api, catalog):
    line_product, sku = _arcade(api)

    page = _page(client, f"/checkout/{line_product}")
    assert ARCADE in page and MERCHANT not in page
    assert _title(page).endswith("Acme Arcade")
    assert "Payments are processed by Acme Arcade through Kassa." in page

    other = _page(client, f"/checkout/{catalog['product']}")  # a product of no line: the merchant's name
    assert MERCHANT in other and "Acme Arcade" not in other

    order = api.post(
        "/orders", json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True}
    ).get_json()
    status = _page(client, f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}")
    assert ARCADE in status and _title(status).endswith("Acme Arcade")


def test_a_checkout_session_of_a_lines_items_shows_the_lines_name_open_and_expired(app, client, api, catalog):
    _, sku = _arcade(api)
    session = api.post("/checkout_sessions", json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "c"}})
    assert session.status_code == 201, session.get_json()
    url = _local(session.get_json()["url"])
    page = _page(client, url)
    assert ARCADE in page and MERCHANT not in page

    plain = api.post(
        "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}}
    )
    assert MERCHANT in _page(client, _local(plain.get_json()["url"]))

    with app.app_context():  # its time runs out
        db.session.get(CheckoutSession, session.get_json()["id"]).expires_at = utcnow()
        db.session.commit()
    expired = client.get(url)
    assert expired.status_code == 410
    assert ARCADE in expired.get_data(as_text=True) and "Start again from Acme Arcade" in expired.get_data(as_text=True)


def test_a_line_without_a_display_name_shows_the_merchants(client, api):
    api.post("/business_lines", json={"code": "music", "name": "Music"})
    body = {
        "name": "Album",
        "business_line": "music",
        "skus": [{"name": "One", "price": {"amount": 500, "currency": "usd"}}],
    }
    product = api.post("/products", json=body).get_json()["id"]
    page = _page(client, f"/checkout/{product}")
    assert MERCHANT in page and _title(page).endswith("Acme Games")
