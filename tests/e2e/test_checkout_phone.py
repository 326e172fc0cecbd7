"""The hosted checkout on a phone (390×844): Pay, naming the total, is on screen as the page loads and after the
shopper picks another payment method, without scrolling; it stays reachable from the keyboard in form order, and
a focused field is never hidden behind it. On a desktop the panel keeps its single column with Pay at its end."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}
LONG_DESCRIPTION = (
    "Every level unlocked, every future expansion included, cloud saves on all your devices, "
    "early access to seasonal events and a monthly bundle of cosmetics. "
) * 3


@pytest.fixture
def phone(browser: Browser):
    """A touch phone, as a shopper would open the checkout link."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    yield page
    context.close()


@pytest.fixture
def typical_product(app, merchant, catalog) -> str:
    """The catalog's product with an image, a long description and three options (a typical product page)."""
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        db.session.get(Product, catalog["product"]).description = LONG_DESCRIPTION
        db.session.add(
            Sku(
                id="sku_test_year",
                merchant_id=merchant.id,
                product_id=catalog["product"],
                name="365 days",
                price_amount=7999,
                currency="usd",
                specs={"days": 365},
                stock=None,
            )
        )
        db.session.commit()
    return catalog["product"]


def in_viewport(page: Page, locator) -> bool:
    box = locator.bounding_box()
    view = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= view["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= view["width"]
    )


def test_pay_is_on_screen_without_scrolling_on_a_phone(phone: Page, live_server, typical_product):
    phone.goto(f"{live_server}/checkout/{typical_product}")
    pay = phone.get_by_role("button", name="Pay $9.99")
    expect(pay).to_be_visible()
    assert phone.evaluate("() => window.scrollY") == 0
    assert in_viewport(phone, pay)
    # The shopper sees what they agree to beside Pay, not somewhere below it.
    assert in_viewport(phone, phone.get_by_role("checkbox", name=re.compile("agree")))

    channels = phone.get_by_role("group", name="Payment method").get_by_role("radio")
    channels.last.check()  # another method: its agreement text appears, and Pay must not move away
    expect(pay).to_be_visible()
    assert in_viewport(phone, pay)
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]  # nothing scrolls sideways


def test_the_description_opens_on_demand_on_a_phone(phone: Page, live_server, typical_product):
    phone.goto(f"{live_server}/checkout/{typical_product}")
    more = phone.get_by_text("More about this product")
    expect(more).to_be_visible()
    expect(phone.get_by_text(LONG_DESCRIPTION.strip()[:40])).to_be_hidden()
    more.click()
    expect(phone.get_by_text(LONG_DESCRIPTION.strip()[:40])).to_be_visible()


def test_pay_comes_after_the_agreement_from_the_keyboard_and_no_focused_field_hides_behind_it(
    phone: Page, live_server, typical_product
):
    phone.goto(f"{live_server}/checkout/{typical_product}")
    email = phone.get_by_label("Email for your receipt")
    email.focus()
    assert in_viewport(phone, email)
    pay_box = phone.get_by_role("button", name=re.compile(r"^Pay")).bounding_box()
    email_box = email.bounding_box()
    assert email_box["y"] + email_box["height"] <= pay_box["y"]  # scrolled clear of the sticky Pay bar

    phone.get_by_role("checkbox", name=re.compile("agree")).focus()
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("link", name="terms of purchase")).to_be_focused()
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name=re.compile(r"^Pay"))).to_be_focused()
    phone.keyboard.press("Enter")  # without agreeing: focus goes back to what needs fixing
    agree = phone.get_by_role("checkbox", name=re.compile("agree"))
    expect(agree).to_be_focused()
    assert in_viewport(phone, agree)


def test_on_a_desktop_the_whole_description_shows_and_pay_ends_the_panel(page: Page, live_server, typical_product):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server}/checkout/{typical_product}")
    expect(page.get_by_text(LONG_DESCRIPTION.strip()[:40])).to_be_visible()
    pay = page.get_by_role("button", name="Pay $9.99")
    agree = page.get_by_role("checkbox", name=re.compile("agree"))
    assert pay.bounding_box()["y"] > agree.bounding_box()["y"]
    panel = page.locator("#panel").bounding_box()
    assert pay.bounding_box()["y"] + pay.bounding_box()["height"] <= panel["y"] + panel["height"]
