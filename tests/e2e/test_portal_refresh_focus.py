"""A portal fragment that refreshes itself keeps a keyboard user's place: Operations → Now redraws its figures every
15 seconds, and before, the link that had focus was replaced with the rest, so focus fell back to the top of the
page and a keyboard or screen reader user started again from the navigation every 15 seconds."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in
from tests.payments.attempts.test_payment_flow import create_order

pytestmark = pytest.mark.e2e


def refresh_now(page: Page) -> None:
    """Let the page's 15-second refresh come (the page's clock is moved on) and wait until it has replaced the list."""
    page.evaluate("document.getElementById('orders-now').dataset.before = 'refresh'")
    page.clock.run_for(16_000)
    expect(page.locator("#orders-now[data-before]")).to_have_count(0)
    expect(page.locator("#orders-now")).to_be_visible()


def test_the_link_a_keyboard_was_on_keeps_focus_when_orders_now_refreshes(page: Page, api, merchant, catalog):
    create_order(api, catalog["sku"])
    page.clock.install()
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/operations/now")
    created = page.get_by_role("link", name="1 created order")
    created.focus()

    refresh_now(page)

    expect(page.get_by_role("link", name="1 created order")).to_be_focused()
    page.keyboard.press("Tab")  # and the keyboard goes on from there, not from the top of the page
    expect(page.locator("#orders-now")).to_contain_text(page.evaluate("document.activeElement.textContent"))


def test_a_link_gone_from_the_refreshed_list_leaves_focus_at_its_place(page: Page, api, merchant, catalog):
    order = create_order(api, catalog["sku"])
    page.clock.install()
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/operations/now")
    page.get_by_role("link", name="1 created order").focus()
    api.post(f"/orders/{order['id']}/cancel")  # no created order is left: the next refresh has no such link

    refresh_now(page)

    focused = page.evaluate("document.activeElement.closest('#orders-now') !== null")
    assert focused, page.evaluate("document.activeElement.outerHTML")
