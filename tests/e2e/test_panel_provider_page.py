"""The embedded panel's frame is as tall as what it shows, on every page of a payment by card.

The provider's page is another origin: in the frame it could not say its height, so the frame kept the tall panel's
and the provider's page sat on a grey band (seen on a phone and a desktop). It now opens in the whole window, as the
hosted checkout's does, and sends the shopper back to the merchant's page, where the panel shows the outcome.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import test_sdk
from tests.e2e.test_sdk import _panel_page

pytestmark = pytest.mark.e2e
shop = test_sdk.shop  # the merchant's own site, on an origin of its own

PHONE, DESKTOP = {"width": 390, "height": 844}, {"width": 1280, "height": 800}


def fits_its_content(page: Page) -> None:
    """The frame is as tall as the Kassa page inside it (the frame adds 2 px so nothing scrolls): no band under it."""

    def gap() -> float:
        frame_height = page.locator("iframe").evaluate("f => f.getBoundingClientRect().height")
        content = page.frames[1].evaluate("document.body.getBoundingClientRect().height")
        return abs(frame_height - content)

    for _ in range(50):  # the last resize message may still be on its way
        if gap() <= 4:
            return
        page.wait_for_timeout(100)
    raise AssertionError(f"the frame is {gap()} px off its content")


def ends_at_its_fine_print(page: Page) -> None:
    """Under Pay the frame holds the fine print and a little padding, no band (a sticky Pay bar or the hosted
    page's spacing, ~60 px, before)."""
    frame_bottom = page.locator("iframe").evaluate("f => f.getBoundingClientRect().bottom")
    inside = page.frame_locator("iframe[title='Checkout']")
    pay = inside.get_by_role("button", name="Pay").bounding_box()  # page coordinates
    fine_print = inside.locator(".fineprint").last.bounding_box()
    under_pay = frame_bottom - (pay["y"] + pay["height"])
    assert under_pay - fine_print["height"] <= 26, f"{under_pay} px under Pay, {fine_print['height']} px of it text"


def start_card_payment(page: Page) -> None:
    frame = page.frame_locator("iframe[title='Checkout']")
    frame.get_by_role("radio", name="Card (sandbox)").check()
    frame.get_by_role("checkbox", name=re.compile("agree")).check()
    frame.get_by_role("button", name="Pay").click()


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_the_providers_page_opens_in_the_whole_window_and_the_panel_shows_the_outcome_at_its_own_height(
    page: Page, live_server, sandbox, shop, merchant, catalog, size
):
    page.set_viewport_size(size)
    shop_page = _panel_page(shop, live_server, merchant, catalog)
    page.goto(shop_page)
    page.wait_for_function("window.panelEvents.includes('ready')")
    fits_its_content(page)
    ends_at_its_fine_print(page)

    start_card_payment(page)
    # The provider's page is the whole window, not a frame inside the shop's page.
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.locator("iframe")).to_have_count(0)
    page.get_by_role("button", name="Approve").click()

    # Back on the shop's page (its address cleaned of the return), the panel says so and the page hears it.
    expect(page).to_have_url(shop_page)
    expect(page.frame_locator("iframe[title='Checkout']").get_by_text("Payment successful")).to_be_visible()
    page.wait_for_function("window.panelEvents.includes('paid')")
    fits_its_content(page)


def test_a_declined_card_comes_back_to_the_panel_to_try_again(
    page: Page, live_server, sandbox, shop, merchant, catalog
):
    page.set_viewport_size(PHONE)
    page.goto(_panel_page(shop, live_server, merchant, catalog))
    page.wait_for_function("window.panelEvents.includes('ready')")
    start_card_payment(page)
    page.get_by_role("button", name="Decline").click()

    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("heading", name="Payment failed")).to_be_visible()
    page.wait_for_function("window.panelEvents.includes('failed')")
    fits_its_content(page)
    frame.get_by_role("radio", name="Card (sandbox)").check()
    frame.get_by_role("button", name="Try again").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    page.get_by_role("button", name="Approve").click()
    expect(page.frame_locator("iframe[title='Checkout']").get_by_text("Payment successful")).to_be_visible()
    fits_its_content(page)
