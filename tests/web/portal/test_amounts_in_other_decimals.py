"""A Japanese (JPY, no decimals) and a Kuwaiti (KWD, three decimals) merchant typing amounts in the portal: what
they type is what is stored, and a thousands comma is never read as a decimal comma."""

from __future__ import annotations

import re

import pytest

from tests.support.lifecycle import paid_order
from tests.web.portal.test_orders import _form_fields
from tests.web.portal.test_portal_catalog import create_product, csrf_of, portal  # noqa: F401  (portal is a fixture)


def _sku_prices(app, product_id: str) -> dict[str, int]:
    from app.catalog.models import Product
    from app.extensions import db

    with app.app_context():
        return {sku.name: sku.price_amount for sku in db.session.get(Product, product_id).skus}


def test_prices_typed_in_yen_and_dinars_are_stored_in_their_own_minor_units(app, portal):
    product_id = create_product(portal)
    for name, price, currency in (
        ("Yen", "1000", "jpy"),
        ("Dinar and a half", "1.5", "kwd"),
        ("Dinars", "2500", "kwd"),
        ("Bahraini", "0,250", "bhd"),
    ):
        response = portal.submit(
            f"/portal/products/{product_id}/skus/new",
            {"name": name, "price": price, "currency": currency, "status": "active"},
        )
        assert response.status_code == 302, response.get_data(as_text=True)
    assert _sku_prices(app, product_id) == {"Yen": 1000, "Dinar and a half": 1500, "Dinars": 2_500_000, "Bahraini": 250}
    page = portal.page(f"/portal/products/{product_id}")
    assert "¥1,000" in page and "1.500 KWD" in page and "2,500.000 KWD" in page


def test_a_thousands_comma_in_dinars_is_refused_not_read_as_a_thousandth(app, portal):
    product_id = create_product(portal)
    response = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {"name": "Founder pack", "price": "2,500", "currency": "kwd", "status": "active", "other_prices": "bhd: 1,000"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422, _sku_prices(app, product_id)
    assert re.search(
        r'id="price-error"[^>]*>“2,500” could be 2500 or 2.500: write it without a thousands separator', page
    )
    assert "“1,000” could be 1000 or 1.000" in page
    assert _sku_prices(app, product_id) == {}


@pytest.fixture
def dinar_order(api, sandbox) -> dict:
    """A paid order of 1,500.000 KWD."""
    product = api.post(
        "/products",
        json={"name": "Gold", "skus": [{"name": "Chest", "price": {"amount": 1_500_000, "currency": "kwd"}}]},
    ).json
    return paid_order(api, sandbox, product["skus"][0]["id"])


@pytest.fixture
def yen_order(api, sandbox) -> dict:
    """A paid order of ¥1,000."""
    product = api.post(
        "/products", json={"name": "Gems", "skus": [{"name": "Pouch", "price": {"amount": 1000, "currency": "jpy"}}]}
    ).json
    return paid_order(api, sandbox, product["skus"][0]["id"])


def _refund(portal, order_id: str, data: dict):
    """Type into the order page's refund form (or its confirmation) and press the button."""
    return portal.submit(f"/portal/orders/{order_id}", data, action=f"/portal/orders/{order_id}/refunds")


def test_a_refund_of_1_000_dinars_typed_with_a_comma_is_refused_not_made_as_one_dinar(api, portal, dinar_order):
    path = f"/portal/orders/{dinar_order['id']}/refunds"
    asked = _refund(portal, dinar_order["id"], {"amount": "1,000", "reason": "duplicate"})
    assert asked.status_code == 422  # it asked "Refund 1.000 KWD?"
    assert "“1,000” could be 1000 or 1.000" in asked.get_data(as_text=True)
    # Typed without the comma, it is a thousand dinars.
    confirm = _refund(portal, dinar_order["id"], {"amount": "1000", "reason": "duplicate"})
    assert "Refund 1,000.000 KWD?" in confirm.get_data(as_text=True)
    assert portal.client.post(path, data=_form_fields(confirm.get_data(as_text=True))).status_code == 302
    assert api.get(f"/orders/{dinar_order['id']}").json["refunded_amount"] == 1_000_000


def test_a_refund_in_yen_is_whole_yen_and_a_fraction_is_refused_with_an_example_in_yen(api, portal, yen_order):
    path = f"/portal/orders/{yen_order['id']}/refunds"
    for typed in ("12.50", "ten"):
        refused = _refund(portal, yen_order["id"], {"amount": typed, "reason": "late"})
        assert refused.status_code == 422 and "Enter an amount like 12 in JPY." in refused.get_data(as_text=True)
    confirm = _refund(portal, yen_order["id"], {"amount": "500", "reason": "late"})
    assert "Refund ¥500?" in confirm.get_data(as_text=True)
    assert portal.client.post(path, data=_form_fields(confirm.get_data(as_text=True))).status_code == 302
    assert api.get(f"/orders/{yen_order['id']}").json["refunded_amount"] == 500
    assert "Up to <strong>¥500</strong> can be refunded." in portal.page(f"/portal/orders/{yen_order['id']}")
