"""An option's prices in other currencies, typed by a merchant in a real browser: every line they type either becomes
a price or is refused by its line number, with what they typed kept; none is dropped without a word."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in

pytestmark = pytest.mark.e2e


def skus_of(app, product_id: str) -> list[tuple[str, list[tuple[str, int]]]]:
    from app.catalog.models import Product
    from app.extensions import db

    with app.app_context():
        product = db.session.get(Product, product_id)
        return [(sku.name, sorted((p.currency, p.amount) for p in sku.prices)) for sku in product.skus]


def add_option(page: Page, product_id: str, name: str, price: str, others: str) -> None:
    page.goto(f"/portal/products/{product_id}/skus/new")
    page.get_by_label("Option name").fill(name)
    page.get_by_label("Price", exact=True).fill(price)
    page.get_by_label(re.compile("Other currencies")).fill(others)
    page.get_by_role("button", name="Add option").click()


@pytest.mark.parametrize(
    ("others", "says"),
    [
        # Before, the usd line vanished: the option was saved at $9.99 alone.
        ("eur: 8.99\nusd: 8.99", "Line 2: USD is this option's own currency"),
        # Before, the later eur line won and €8.99 was gone.
        ("eur: 8.99\neur: 9.99", "Line 2: “eur” is already on line 1"),
        ("eur: 8.99\nEUR: 9.99", "Line 2: “EUR” is already on line 1"),
    ],
)
def test_a_price_line_that_would_be_lost_is_refused_by_its_line(page: Page, app, merchant, catalog, others, says):
    sign_in(page, merchant.email, merchant.password)
    before = skus_of(app, catalog["product"])
    add_option(page, catalog["product"], "Gold", "9.99", others)

    field = page.get_by_label(re.compile("Other currencies"))
    expect(page.get_by_text(says)).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_be_focused()
    expect(field).to_have_value(others)  # nothing typed is lost
    expect(page.get_by_label("Option name")).to_have_value("Gold")
    assert skus_of(app, catalog["product"]) == before  # nothing saved


def test_an_amount_that_is_not_one_names_its_line_and_currency(page: Page, app, merchant, catalog):
    sign_in(page, merchant.email, merchant.password)
    add_option(page, catalog["product"], "Gold", "9.99", "eur: 8.99\ngbp: 7.999")
    expect(page.get_by_text("Line 2 (GBP): Enter an amount like 9.99.")).to_be_visible()


def test_every_other_currency_typed_once_becomes_a_price(page: Page, app, merchant, catalog):
    sign_in(page, merchant.email, merchant.password)
    add_option(page, catalog["product"], "Gold", "9.99", "EUR: 8,99\n\ngbp: 7.99")
    expect(page.get_by_text("Option “Gold” added.")).to_be_visible()
    expect(
        page.get_by_role("region", name="Options (SKUs)").get_by_role("row", name=re.compile("Gold"))
    ).to_contain_text("$9.99, €8.99, £7.99")
    assert ("Gold", [("eur", 899), ("gbp", 799), ("usd", 999)]) in skus_of(app, catalog["product"])


def test_an_attribute_named_twice_is_refused_not_overwritten(page: Page, app, merchant, catalog):
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/products/new")
    page.get_by_label("Name", exact=True).fill("Dragon pack")
    page.get_by_label(re.compile("Attributes")).fill("rarity: epic\nrarity: rare")
    page.get_by_role("button", name="Create product").click()
    expect(page.get_by_text("Line 2: “rarity” is already on line 1; give each once.")).to_be_visible()
    expect(page.get_by_label(re.compile("Attributes"))).to_have_value("rarity: epic\nrarity: rare")


def test_a_subscription_option_says_so_in_the_products_list(page: Page, app, merchant, catalog):
    """Before, a monthly option with a free trial was listed like a one-off purchase at its price: the merchant
    could not tell from the product's page which option renews."""
    sign_in(page, merchant.email, merchant.password)
    page.goto(f"/portal/products/{catalog['product']}/skus/new")
    page.get_by_label("Option name").fill("Gold monthly")
    page.get_by_label("Price", exact=True).fill("9.99")
    page.get_by_label("Sold as").select_option("month")
    page.get_by_label(re.compile("Free trial")).fill("7")
    page.get_by_role("button", name="Add option").click()

    options = page.get_by_role("table", name=re.compile("^Options of"))
    expect(options.get_by_role("row", name=re.compile("Gold monthly"))).to_contain_text(
        "a subscription, renewed every month, 7-day free trial"
    )
    expect(options.get_by_role("row", name=re.compile("30 days"))).not_to_contain_text("subscription")
