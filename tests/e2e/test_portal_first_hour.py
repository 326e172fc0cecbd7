"""A new merchant's first hour in the portal (issue #55), at a laptop's 1280×800 and a phone's 390×844: the
navigation fits one line in groups, signing in lands on the dashboard whose figures come first, and an order's page
leads with what was bought, with links to jump down a page several screens tall."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

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

