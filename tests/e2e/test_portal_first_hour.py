"""A new merchant's first hour in the portal (issue #55), at a laptop's 1280×800 and a phone's 390×844: the
navigation fits one line in groups, signing in lands on the dashboard whose figures come first, and an order's page
leads with what was bought, with links to jump down a page several screens tall. A product is created with its
first price in one step (the currency picked from a list) and sells at checkout; a coupon's options are check boxes
whose whole names show on a phone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from app.catalog.products import add_sku
from tests.e2e.test_portal import serious_violations
from tests.support.portal import build_world

pytestmark = pytest.mark.e2e

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
SIZES = {"laptop": LAPTOP, "phone": PHONE}


@pytest.fixture(params=list(SIZES))
def screen(request, browser: Browser, live_server) -> Page:
    """A page at one of the two sizes the issue was found at (the phone one touch-driven, as a phone is)."""
    size = SIZES[request.param]
    phone = size is PHONE
    context = browser.new_context(viewport=size, is_mobile=phone, has_touch=phone, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    yield page
    context.close()


def is_phone(page: Page) -> bool:
    return page.viewport_size["width"] == PHONE["width"]


def sign_in_to_dashboard(page: Page, email: str, password: str) -> None:
    page.goto("/portal/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()


def open_menu(page: Page) -> None:
    """On a phone the navigation folds behind the Menu button."""
    if is_phone(page):
        page.get_by_role("button", name="Menu").click()


def first_screen_holds(page: Page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] + box["height"] <= page.viewport_size["height"]


def test_signing_in_lands_on_the_dashboard_with_its_figures_on_the_first_screen(screen: Page, merchant):
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    assert screen.url.endswith("/portal/dashboard")
    # The first figure (GMV) is there without scrolling, on a phone too: the custom dates fold below it.
    assert first_screen_holds(screen, screen.get_by_role("region", name="Key figures").locator(".figure").first)
    screen.get_by_text("Choose other dates").click()
    expect(screen.get_by_role("button", name="Show range")).to_be_visible()
    found = serious_violations(screen)
    assert found == [], [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in found]


def test_the_navigation_is_one_line_of_groups_that_open_as_menus(screen: Page, merchant):
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    nav = screen.get_by_role("navigation", name="Portal")
    open_menu(screen)
    top_level = nav.locator(":scope > a, :scope > details > summary")
    names = [name.strip() for name in top_level.all_inner_texts()]
    assert names == ["Dashboard", "Balance & payouts", "Sales", "Catalog", "Operations", "Setup"]
    if not is_phone(screen):
        tops = {round(box["y"]) for box in (item.bounding_box() for item in top_level.all())}
        assert len(tops) == 1, [item.bounding_box() for item in top_level.all()]  # one line at 1280 px
        header = screen.locator("header.topbar").bounding_box()
        assert header["height"] < 80
    # Money first: the group opens as a menu of its pages, and the page opened is marked as the current one.
    nav.get_by_text("Balance & payouts").click()
    nav.get_by_role("link", name="Reconciliation").click()
    expect(screen.get_by_role("heading", name="Reconciliation", exact=True)).to_be_visible()
    open_menu(screen)
    if not is_phone(screen):  # a phone's menu opens with the group of the page in view already open
        nav.get_by_text("Balance & payouts").click()
    expect(nav.get_by_role("link", name="Reconciliation")).to_have_attribute("aria-current", "page")
    if not is_phone(screen):
        nav.get_by_text("Setup").click()
        expect(nav.get_by_role("link", name="Team")).to_be_visible()
        screen.keyboard.press("Escape")
        expect(nav.get_by_role("link", name="Team")).to_be_hidden()
    found = serious_violations(screen)
    assert found == [], [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in found]


def test_an_orders_page_leads_with_what_was_bought(screen: Page, app, merchant, catalog):
    world = build_world(app, merchant.id, catalog["sku"])
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    screen.goto(f"/portal/orders/{world.order}")
    bought = screen.get_by_role("heading", name="What was bought")
    assert first_screen_holds(screen, bought)
    assert first_screen_holds(screen, screen.get_by_role("table", name="Items").locator("tbody tr").first)
    # The diagram and the maintenance tools are below, a jump away.
    assert not first_screen_holds(screen, screen.get_by_role("heading", name="Where this order stands"))
    jump = screen.get_by_role("navigation", name="On this page")
    jump.get_by_role("link", name="Maintenance").click()
    assert screen.url.endswith("#maintenance")
    assert first_screen_holds(screen, screen.locator("#maintenance-title"))
    found = serious_violations(screen)
    assert found == [], [(v["id"], [n["html"][:150] for n in v["nodes"]]) for v in found]


def test_a_product_created_with_its_first_price_in_one_step_sells_at_checkout(screen: Page, merchant, sandbox):
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    screen.goto("/portal/products/new")
    currency = screen.get_by_label("Currency")
    expect(currency).to_have_js_property("tagName", "SELECT")  # picked from a list, not typed
    expect(currency).to_have_value("usd")
    screen.get_by_label("Name", exact=True).fill("Dragon pack")
    screen.get_by_label("Option name").fill("100 dragons")
    screen.get_by_label("Price", exact=True).fill("4.50")
    currency.select_option(label="EUR")
    assert serious_violations(screen) == []
    screen.get_by_role("button", name="Create product").click()
    expect(screen.get_by_text("Product “Dragon pack” created with its price: it can be sold now.")).to_be_visible()
    product_id = screen.url.split("/portal/products/")[1].split("?")[0]

    screen.goto(f"/checkout/{product_id}")
    expect(screen.get_by_text("100 dragons").first).to_be_visible()
    expect(screen.get_by_text("€4.50").first).to_be_visible()
    screen.get_by_role("checkbox", name=re.compile("agree")).check()
    screen.get_by_role("button", name="Pay").click()
    screen.get_by_role("button", name="Approve").click()
    expect(screen.get_by_text("Payment successful")).to_be_visible()


def test_a_coupons_option_picker_shows_whole_names(screen: Page, app, merchant, catalog):
    long_name = "Lifetime membership with every expansion pack and the soundtrack"
    with app.app_context():
        add_sku(merchant.id, catalog["product"], {"name": long_name, "price": {"amount": 4999, "currency": "usd"}})
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    screen.goto("/portal/coupons/new")
    picker = screen.get_by_role("group", name=re.compile("Only for these options"))
    option = picker.get_by_role("checkbox", name=re.compile(long_name))
    option.check()  # a check box per option, its whole name beside it
    label = picker.locator("label", has_text=long_name)
    box = label.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen.viewport_size["width"]
    assert label.evaluate("e => e.scrollWidth <= e.clientWidth")  # nothing cut off
    assert serious_violations(screen) == []


def test_the_balance_names_accounts_in_words_and_says_when_money_is_available(screen: Page, app, merchant, catalog):
    build_world(app, merchant.id, catalog["sku"])  # money has moved: a settlement, a partner's lines
    sign_in_to_dashboard(screen, merchant.email, merchant.password)
    open_menu(screen)
    nav = screen.get_by_role("navigation", name="Portal")
    nav.get_by_text("Balance & payouts").click()
    nav.get_by_role("link", name="Balance", exact=True).click()
    expect(screen.get_by_role("heading", name="Balance", exact=True)).to_be_visible()
    accounts = screen.get_by_role("region", name="Accounts")
    expect(
        accounts.get_by_role("link", name=re.compile("^(Your share|Owed to partner|Held by the payment)")).first
    ).to_be_visible()
    expect(screen.get_by_text("When pending money becomes available:")).to_be_visible()
    coming_up = screen.get_by_role("list", name="Coming up")
    expect(coming_up).to_be_visible()  # with dates, or that nothing is waiting
    assert coming_up.evaluate("e => e.scrollWidth <= e.clientWidth + 1")  # readable on a phone, nothing cut off
    assert serious_violations(screen) == []
