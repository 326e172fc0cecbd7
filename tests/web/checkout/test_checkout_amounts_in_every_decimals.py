"""The hosted checkout shows a price as Kassa charges it, in the shopper's language: whole yen, dinars to the fils,
and shillings to the cent where Kassa keeps cents, whatever decimals the locale data would give the currency."""

from __future__ import annotations

import pytest

from tests.web.checkout.test_checkout_languages import FRENCH, GERMAN, NBSP, _page

ENGLISH = {"Accept-Language": "en-US"}
GROUP = "\u202f"  # French groups thousands with a narrow no-break space


@pytest.mark.parametrize(
    "currency, amount, headers, shown",
    [
        ("jpy", 1000, ENGLISH, "¥1,000"),
        ("jpy", 1000, GERMAN, f"1.000{NBSP}¥"),
        ("jpy", 1000, FRENCH, f"1{GROUP}000{NBSP}JPY"),
        ("kwd", 1500, ENGLISH, "KWD1.500"),
        ("kwd", 1500, GERMAN, f"1,500{NBSP}KWD"),
        ("bhd", 1_000_000, FRENCH, f"1{GROUP}000,000{NBSP}BHD"),
        # Kassa keeps Ugandan shillings in cents (app/platform/values/currencies.py); the locale data shows them
        # whole and rounded.
        ("ugx", 100050, ENGLISH, "UGX1,000.50"),
        ("ugx", 100050, GERMAN, f"1.000,50{NBSP}UGX"),
        ("xof", 250075, FRENCH, f"2{GROUP}500,75{NBSP}F{GROUP}CFA"),
    ],
)
def test_the_checkout_shows_the_price_it_charges(app, client, merchant, currency, amount, headers, shown):
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        db.session.add(Product(id="prod_test_local", merchant_id=merchant.id, name="Gems", description=""))
        db.session.add(
            Sku(
                id="sku_test_local",
                merchant_id=merchant.id,
                product_id="prod_test_local",
                name="Pouch",
                price_amount=amount,
                currency=currency,
                specs={},
                stock=None,
            )
        )
        db.session.commit()
    page = _page(client, "/checkout/prod_test_local", headers)
    assert f'data-testid="total">{shown}<' in page, page[page.find('data-testid="total"') :][:80]
