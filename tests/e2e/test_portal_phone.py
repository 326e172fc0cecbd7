"""The portal on a phone (375×667, the smallest phone in common use): no page scrolls sideways, and the navigation
folds behind a Menu button that opens it. On a desktop the navigation shows at once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in
from tests.support.portal import build_world, portal_pages

pytestmark = pytest.mark.e2e

PHONE = {"width": 375, "height": 667}
WIDER_THAN_THE_SCREEN = """() => [...document.querySelectorAll('body *')]
  .filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
  .filter(el => !el.closest("table"))  /* a table scrolls inside its own box */
  .slice(0, 3).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
                          + ' right=' + Math.round(el.getBoundingClientRect().right))"""


def test_no_portal_page_scrolls_sideways_on_a_phone(page: Page, app, merchant, catalog):
    world = build_world(app, merchant.id, catalog["sku"])
    page.set_viewport_size(PHONE)
    sign_in(page, merchant.email, merchant.password)
    too_wide, visited = [], 0
    for path in portal_pages(app, world):
        response = page.goto(path)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue  # images and downloads are not pages
        visited += 1
        width = page.evaluate("() => document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            too_wide.append((path, width, page.evaluate(WIDER_THAN_THE_SCREEN)))
    assert visited >= 20
    assert not too_wide, "\n".join(map(str, too_wide))


def test_the_navigation_folds_behind_a_menu_button_on_a_phone(page: Page, merchant):
    page.set_viewport_size(PHONE)
    sign_in(page, merchant.email, merchant.password)
    nav = page.get_by_role("navigation", name="Portal")
    menu = page.get_by_role("button", name="Menu")
    expect(nav.get_by_role("link", name="Dashboard")).to_be_hidden()
    expect(menu).to_have_attribute("aria-expanded", "false")

    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav.get_by_role("link", name="Dashboard").click()
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_have_attribute("aria-expanded", "false")


def test_the_test_mode_note_switches_to_live_data_where_a_phone_shows_it(page: Page, merchant):
    page.set_viewport_size(PHONE)
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/orders?status=paid")
    note = page.get_by_role("note").filter(has_text="Test mode")
    expect(page.get_by_role("button", name="Live", exact=True)).to_be_hidden()  # folded into the menu
    note.get_by_role("button", name="See live data").click()
    expect(page.get_by_role("note").filter(has_text="Test mode")).to_have_count(0)
    expect(page).to_have_url(re.compile(r"/portal/orders\?status=paid$"))  # the same list, in live data
    live = page.get_by_role("button", name="Live", exact=True, include_hidden=True)
    expect(live).to_have_attribute("aria-pressed", "true")


def test_on_a_desktop_the_navigation_shows_without_a_menu_button(page: Page, merchant):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, merchant.email, merchant.password)
    expect(page.get_by_role("navigation", name="Portal").get_by_role("link", name="Dashboard")).to_be_visible()
    expect(page.get_by_role("button", name="Menu")).to_be_hidden()


def test_the_orders_list_reads_on_a_phone_without_scrolling_sideways(page: Page, api, merchant, catalog):
    """Each order is a card whose status and total show on the screen, each under its column's name; before, the
    table scrolled sideways with both off the screen, and the search box cut its own hint short."""
    from tests.payments.attempts.test_payment_flow import create_order

    order = create_order(api, catalog["sku"])
    page.set_viewport_size(PHONE)
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/orders")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=order["id"]))
    for shown in ("Status: created", "Total: $9.99"):
        cell = row.get_by_role("cell").filter(has_text=shown.split(": ")[1])
        expect(cell).to_have_text(shown.split(": ")[1])
        box = cell.bounding_box()
        assert box and box["x"] + box["width"] <= PHONE["width"], (shown, box)
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == f'"{shown.split(": ")[0]}: "', label
    search = page.get_by_role("searchbox", name="Search").bounding_box()
    assert search and search["width"] >= PHONE["width"] - 60, search  # the whole hint fits


BOOKS_AND_RISK_FIGURES = [
    # (page, text of the row, the figures a merchant looks for in that row); {account} etc. name the world's objects
    ("/portal/balance", "{account}", ("Currency", "Balance")),
    ("/portal/balance/accounts/{account}", "", ("Entry", "Amount")),
    ("/portal/wallets", "cus_world", ("Available", "Frozen")),
    ("/portal/wallets/cus_world", "{withdrawal}", ("Amount", "Status")),
    ("/portal/wallets/cus_world", "", ("Movement", "Available after")),
    ("/portal/settlements", "{settlement}", ("Gross", "Net", "Status")),
    ("/portal/risk", "bad-", ("Action", "Expires")),
    ("/portal/risk", "{refund_request}", ("Their reason", "Abuse score")),
]


@pytest.mark.parametrize("path, row_text, labels", BOOKS_AND_RISK_FIGURES)
def test_books_and_risk_lists_read_on_a_phone_without_scrolling_sideways(
    page: Page, app, merchant, catalog, path, row_text, labels
):
    """Balance, wallets, settlements and risk lists are cards on a phone, like the orders: each figure on the screen
    under its column's name. Before, their tables scrolled sideways inside their box with the net amount, the wallet
    balance or a list entry's action off the screen."""
    world = build_world(app, merchant.id, catalog["sku"])
    names = {
        "account": world.account,
        "settlement": world.settlement,
        "refund_request": world.refund_request,
        "withdrawal": world.withdrawal,
    }
    page.set_viewport_size(PHONE)
    sign_in(page, merchant.email, merchant.password)
    page.goto(path.format(**names))
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]
    anchor = row_text.format(**names)
    row = (
        page.get_by_role("row").filter(has_text=anchor).filter(has=page.locator(f'td[data-label="{labels[0]}"]')).first
    )
    for label in labels:
        cell = row.locator(f'td[data-label="{label}"]')
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (label, box)
        shown = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert shown == f'"{label}: "', shown
