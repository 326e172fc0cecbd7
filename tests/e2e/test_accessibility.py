"""axe-core finds nothing, at any impact level, on the hosted checkout (product and terms pages, a paid and a
failed order's page, the receipt) and on every portal page, at a desktop and a phone size: a shopper or merchant
using a screen reader, the keyboard or zoom meets the same pages everyone else does."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import AXE, axe_violations, pay_in_hosted_panel, sign_in
from tests.support.portal import build_world, portal_pages

pytestmark = pytest.mark.e2e

SIZES = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 667}}


def decline_in_hosted_panel(page: Page, product: str) -> str:
    """Pay for ``product`` and decline at the sandbox provider; returns the failed order's id."""
    page.goto(f"/checkout/{product}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Decline").click()
    expect(page.get_by_role("heading", name="Payment failed")).to_be_visible()
    return page.url.split("/checkout/orders/")[1].split("?")[0]


@pytest.mark.parametrize("size", SIZES.values(), ids=SIZES.keys())
def test_no_page_has_an_accessibility_violation(page: Page, app, merchant, catalog, sandbox, size):
    world = build_world(app, merchant.id, catalog["sku"])
    page.set_viewport_size(size)
    page.context.add_init_script(path=str(AXE))  # in every page as it loads: far quicker than a script tag each time
    found: dict[str, list] = {}

    def check() -> None:
        violations = axe_violations(page)
        if violations:
            found[page.url] = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:4]) for v in violations]

    page.goto(f"/checkout/{catalog['product']}")
    expect(page.get_by_role("button", name="Pay")).to_be_visible()
    check()
    paid = pay_in_hosted_panel(page, catalog["product"])
    check()
    page.goto(page.url.replace(f"/checkout/orders/{paid}", f"/checkout/receipts/{paid}"))  # same client secret
    expect(page.get_by_role("heading", name=re.compile("Receipt"))).to_be_visible()
    check()
    decline_in_hosted_panel(page, catalog["product"])
    check()
    page.goto(f"/checkout/terms/{merchant.id}")
    check()

    page.goto("/portal/login")
    check()
    sign_in(page, merchant.email, merchant.password)
    visited = 0
    for path in [*portal_pages(app, world), f"/portal/orders/{paid}"]:  # a paid order's page offers a refund
        response = page.goto(path)
        if "text/html" not in (response.headers.get("content-type") or ""):
            continue  # images and downloads are not pages
        page.wait_for_load_state("load")
        visited += 1
        check()
    assert visited >= 20
    assert not found, "\n".join(f"{url}: {problems}" for url, problems in found.items())


def test_a_table_wider_than_a_phone_scrolls_from_the_keyboard(page: Page, app, merchant, catalog):
    sign_in(page, merchant.email, merchant.password)
    # The lists a merchant reads stack their rows on a phone; the one grid kept, the permissions by role, is still
    # wider than the narrowest phones' screen (320 px) and scrolls in its box there.
    page.set_viewport_size({"width": 320, "height": 568})
    page.goto("/portal/team")
    grid = page.get_by_role("table", name="Permissions by role")
    expect(grid).to_have_attribute("tabindex", "0")  # reachable with Tab, so the arrow keys can scroll it

    grid.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("t => t.scrollLeft > 0", arg=grid.element_handle(), timeout=5_000)

    page.set_viewport_size(SIZES["desktop"])  # it fits now: no tab stop that does nothing
    expect(grid).not_to_have_attribute("tabindex", "0")
