"""A shopper's first hour, as issue #55 walked it, on a desktop (1280×800) and a phone (390×844): a subscription's
first order page says what is bought and what paying signs before Pay, the self-service pages name the product and
keep the cancel choice apart from the keep one, and the German and French pages speak no English (the catalogue
says what they should read), with a language picker that a reload remembers."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_portal import serious_violations
from tests.support.signing import CUSTOMER, make_recurring, subscribe

pytestmark = pytest.mark.e2e

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
# What a German or French shopper must never read in English on the checkout: the built-in channels' names and the
# options' legend.
SHOPPER_LABELS = ("Card (sandbox)", "QR code (sandbox)", "Option", "Payment method", "Quantity")


def catalogue(language: str) -> dict[str, str]:
    with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if isinstance(m.id, str) and m.id}


@pytest.fixture(params=list(SIZES))
def shopper(request, browser: Browser):
    """A browser of the given size speaking English (en-US), as a shopper opens a link."""
    phone = request.param == "phone"
    context = browser.new_context(viewport=SIZES[request.param], locale="en-US", is_mobile=phone, has_touch=phone)
    page = context.new_page()
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    yield page
    context.close()


@pytest.fixture
def monthly(app, catalog) -> str:
    make_recurring(app, catalog["sku"], "month")
    return catalog["sku"]


def gap_between(page: Page, first, second) -> float:
    """The space between two elements' boxes, across or down, whichever way they are laid out."""
    a, b = first.bounding_box(), second.bounding_box()
    return max(
        b["x"] - (a["x"] + a["width"]),
        a["x"] - (b["x"] + b["width"]),
        b["y"] - (a["y"] + a["height"]),
        a["y"] - (b["y"] + b["height"]),
    )


def background(locator) -> str:
    return locator.evaluate("element => getComputedStyle(element).backgroundColor")


def test_the_first_order_page_names_the_product_and_says_the_terms_above_pay(shopper: Page, api, monthly, live_server):
    order = subscribe(api, monthly)["order"]
    shopper.goto(order["url"])  # the address POST /subscriptions answers

    expect(shopper.get_by_test_id("product-header")).to_have_text("Pro membership — 30 days")
    expect(shopper.get_by_role("note").filter(has_text="Test mode")).to_be_visible()
    terms = shopper.get_by_test_id("recurring-terms")
    pay = shopper.get_by_role("button", name="Pay $9.99")
    expect(terms).to_contain_text("$9.99 every month, cancel anytime")
    expect(pay).to_be_visible()
    terms_box, pay_box = terms.bounding_box(), pay.bounding_box()
    assert terms_box["y"] + terms_box["height"] <= pay_box["y"], "the terms must be read before Pay"
    assert serious_violations(shopper) == []


def test_the_self_service_pages_name_the_product_and_keep_cancel_apart(shopper: Page, api, monthly, live_server):
    subscribe(api, monthly)
    shopper.goto(api.post(f"/customers/{CUSTOMER}/billing_links").json["url"])

    expect(shopper.get_by_role("heading", name="Pro membership — 30 days")).to_be_visible()
    expect(shopper.get_by_text("$9.99 every month, cancel anytime")).to_be_visible()
    expect(shopper.get_by_role("note").filter(has_text="Test mode")).to_be_visible()
    assert serious_violations(shopper) == []

    shopper.get_by_role("link", name="Cancel subscription").click()
    expect(shopper.get_by_role("heading", name="Cancel Pro membership — 30 days?")).to_be_visible()
    expect(shopper.get_by_text("$9.99 every month, cancel anytime")).to_be_visible()
    cancel = shopper.get_by_role("button", name="Yes, cancel it")
    keep = shopper.get_by_role("link", name="Keep my subscription")
    assert gap_between(shopper, cancel, keep) >= 8, "a thumb must not hit both"
    assert background(cancel) != background(keep)
    assert serious_violations(shopper) == []
    keep.click()
    expect(shopper.get_by_role("heading", name="Your subscriptions")).to_be_visible()


@pytest.mark.parametrize("language", ["de", "fr"])
def test_german_and_french_pages_speak_no_english_and_the_picker_remembers(
    shopper: Page, api, catalog, language, live_server
):
    words = catalogue(language)
    order = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c1"}, "agreement_accepted": True},
    ).json

    # The shopper's browser speaks English; they pick their language on the product page.
    shopper.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(shopper.locator("html")).to_have_attribute("lang", "en")
    picker = shopper.get_by_role("navigation", name="Language")
    picker.get_by_role("link", name={"de": "Deutsch", "fr": "Français"}[language]).click()
    expect(shopper.locator("html")).to_have_attribute("lang", language)
    shopper.reload()
    expect(shopper.locator("html")).to_have_attribute("lang", language)

    panel = shopper.locator("#panel")
    expect(shopper.get_by_role("group", name=words["Option"])).to_be_visible()
    expect(shopper.get_by_role("radio", name=words["Card (sandbox)"])).to_be_visible()
    expect(shopper.get_by_role("radio", name=words["QR code (sandbox)"])).to_be_visible()
    shown = panel.inner_text()
    assert [label for label in SHOPPER_LABELS if label in shown] == []

    # Another shopper page (an order's) keeps the choice, with its own channels translated too.
    shopper.goto(order["url"])
    expect(shopper.locator("html")).to_have_attribute("lang", language)
    expect(shopper.get_by_role("radio", name=words["Card (sandbox)"])).to_be_visible()
    assert [label for label in SHOPPER_LABELS if label in shopper.locator("#status").inner_text()] == []
    expect(shopper.get_by_role("navigation", name=words["Language"]).locator("[aria-current]")).to_have_attribute(
        "lang", language
    )
    assert serious_violations(shopper) == []

    # And back to English, remembered as well.
    shopper.get_by_role("navigation", name=words["Language"]).get_by_role("link", name="English").click()
    shopper.reload()
    expect(shopper.locator("html")).to_have_attribute("lang", "en")
    expect(shopper.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
