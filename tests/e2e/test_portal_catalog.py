"""A merchant signs in and builds a product with two options and an image, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_merchant_creates_a_product_with_two_skus_and_an_image(
    page: Page, app, merchant, live_server, tmp_path, monkeypatch
):
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()

    page.get_by_role("navigation", name="Portal").get_by_text("Catalog").click()
    page.get_by_role("link", name="Products").click()
    expect(page.get_by_text("No products yet")).to_be_visible()
    page.get_by_role("link", name="New product").click()
    page.get_by_role("button", name="Create product").click()
    expect(page.get_by_text("Enter the product's name.")).to_be_visible()  # inline, nothing saved
    page.get_by_label("Name", exact=True).fill("Dragon pack")
    page.get_by_label("Description").fill("Three dragons for your roster.")
    page.get_by_label(re.compile("Attributes")).fill("rarity: epic")
    page.get_by_role("button", name="Create product").click()
    expect(page.get_by_text("Product “Dragon pack” created.")).to_be_visible()

    for name, price, stock in (("Starter", "4.99", "100"), ("Hoard", "19.99", "")):
        page.get_by_role("link", name="Add an option").click()
        page.get_by_label("Option name").fill(name)
        page.get_by_label("Price", exact=True).fill(price)
        page.get_by_label(re.compile("Other currencies")).fill("eur: 4.59" if name == "Starter" else "")
        page.get_by_label(re.compile("^Stock")).fill(stock)
        page.get_by_role("button", name="Add option").click()
        expect(page.get_by_text(f"Option “{name}” added.")).to_be_visible()

    page.get_by_label(re.compile(r"^Image \(PNG")).set_input_files(
        files=[{"name": "dragon.png", "mimeType": "image/png", "buffer": PNG}]
    )
    page.get_by_role("button", name="Upload image").click()
    expect(page.get_by_text("Image added.")).to_be_visible()
    expect(page.get_by_role("img", name="Image 1 of Dragon pack")).to_be_visible()
    skus = page.get_by_role("region", name="Options (SKUs)")
    expect(skus.get_by_role("row", name=re.compile("Starter"))).to_contain_text("$4.99, €4.59")
    expect(skus.get_by_role("row", name=re.compile("Hoard"))).to_contain_text("unlimited")

    # Shoppers can buy it straight away.
    page.get_by_role("link", name=re.compile(r"checkout.prod_")).click()
    expect(page.get_by_role("heading", name="Dragon pack")).to_be_visible()
    expect(page.get_by_role("img", name="Dragon pack")).to_have_attribute(
        "src", re.compile(r"/checkout/media/\w+\.png")
    )
    expect(page.get_by_role("radio", name="Hoard")).to_be_visible()


def test_a_double_click_on_create_makes_one_product(page: Page, app, merchant, live_server, monkeypatch):
    """A form that creates something is sent once: a second click while the first is on its way (a slow
    connection, a busy server) made two products."""
    import time

    from app.catalog.models import Product
    from app.extensions import db
    from app.web.portal import catalog_views

    create = catalog_views.create_product

    def slow_create(*args, **kwargs):
        time.sleep(0.4)  # the first submit is still on its way when the second click comes
        return create(*args, **kwargs)

    monkeypatch.setattr(catalog_views, "create_product", slow_create)

    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/portal/products/new")
    page.get_by_label("Name", exact=True).fill("Twice pack")
    page.get_by_role("button", name="Create product").scroll_into_view_if_needed()
    box = page.get_by_role("button", name="Create product").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.click(x, y)
    page.wait_for_timeout(100)
    page.mouse.click(x, y)  # the mouse itself: a locator's click would wait for the first submit's page
    expect(page.get_by_role("heading", name="Twice pack")).to_be_visible()
    page.wait_for_load_state("networkidle")
    with app.app_context():
        assert db.session.query(Product).filter_by(merchant_id=merchant.id, name="Twice pack").count() == 1
    expect(page.get_by_text("Product “Twice pack” created.")).to_be_visible()
    page.go_back()  # the form again: sending it once more is a new product, as the merchant asks
    page.get_by_label("Name", exact=True).fill("Twice pack")
    page.get_by_role("button", name="Create product").click()
    expect(page.get_by_text("Product “Twice pack” created.")).to_be_visible()
    with app.app_context():
        assert db.session.query(Product).filter_by(merchant_id=merchant.id, name="Twice pack").count() == 2


def test_removing_a_products_image_asks_first(page: Page, app, merchant, live_server, tmp_path, monkeypatch):
    """ "Remove" under an image deleted it at one tap, and a removed image cannot be restored (only uploaded again)."""
    from app.catalog.images import add_product_image
    from app.catalog.products import create_product

    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    with app.app_context():
        product = create_product(merchant.id, {"name": "Dragon pack"}).id
        add_product_image(merchant.id, product, PNG)
    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/portal/products/{product}")
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Remove image 1").click()
    # A page asks, with the image in view, and not a dialog the browser may have been told to stop showing.
    expect(page.get_by_role("heading", name="Remove image 1 of “Dragon pack”?")).to_be_visible()
    expect(page.get_by_role("img", name="Image 1 of Dragon pack")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("img", name="Image 1 of Dragon pack")).to_be_visible()  # a slip changes nothing
    page.get_by_role("button", name="Remove image 1").click()
    page.get_by_role("button", name="Remove image").click()
    assert asked == []
    expect(page.get_by_text("No images yet.")).to_be_visible()
