"""The portal in a real browser: sign in, refund a paid order, reorder channels and see the hosted panel
follow, a live channel preview, axe-core accessibility checks, and no console errors on any page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.support.portal import build_world, portal_pages

pytestmark = pytest.mark.e2e

AXE = Path(__file__).resolve().parent.parent / "vendor" / "axe-core-4.14.1.min.js"


def sign_in(page: Page, email: str, password: str) -> None:
    page.goto("/portal/login")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Dashboard", exact=True)).to_be_visible()


def pay_in_hosted_panel(page: Page, product: str) -> str:
    page.goto(f"/checkout/{product}")
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Payment successful")).to_be_visible()
    return page.url.split("/checkout/orders/")[1].split("?")[0]


def axe_violations(page: Page) -> list[dict]:
    """axe-core's findings on the current page, at every impact level (a summary is printed)."""
    if not page.evaluate("() => typeof axe !== 'undefined'"):  # a context's init script may have loaded it
        page.add_script_tag(path=str(AXE))
    violations = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    found = [(v["id"], v["impact"], len(v["nodes"])) for v in violations]
    print(f"axe {page.url}: {found or 'no violations'}")
    return violations


def serious_violations(page: Page) -> list[dict]:
    """axe-core on the current page; only serious and critical findings are returned (all are printed)."""
    return [v for v in axe_violations(page) if v["impact"] in ("serious", "critical")]


def test_signing_in_through_the_form(page: Page, merchant):
    sign_in(page, merchant.email, merchant.password)
    expect(page.get_by_role("navigation", name="Portal").get_by_role("link", name="Dashboard")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_text("You are signed out.")).to_be_visible()


def test_refunding_a_paid_order_from_its_page(page: Page, api, merchant, catalog, sandbox):
    order_id = pay_in_hosted_panel(page, catalog["product"])
    sign_in(page, merchant.email, merchant.password)
    page.get_by_role("navigation", name="Portal").get_by_text("Sales").click()
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Orders").click()
    page.get_by_role("link", name=order_id).click()
    expect(page.get_by_role("heading", name=re.compile(f"Order {order_id}"))).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_label("Amount to refund").fill("3.00")
    page.get_by_label(re.compile("Reason")).fill("Shopper asked")
    page.get_by_role("button", name="Refund…").click()
    expect(page.get_by_role("heading", name="Refund $3.00?")).to_be_visible()
    page.get_by_role("button", name="Confirm refund").click()
    expect(page.get_by_role("status").filter(has_text="Refunded $3.00.")).to_be_visible()
    expect(page.get_by_text("Up to $6.99 can be refunded.")).to_be_visible()
    assert api.get(f"/orders/{order_id}").json["refunded_amount"] == 300


def test_reordering_channels_changes_the_hosted_panel(page: Page, merchant, catalog, live_server):
    sign_in(page, merchant.email, merchant.password)
    page.get_by_role("navigation", name="Portal").get_by_text("Setup").click()
    page.get_by_role("navigation", name="Portal").get_by_role("link", name="Channels").click()
    page.get_by_role("button", name="Move QR code (sandbox) up").focus()
    page.keyboard.press("Enter")  # as a keyboard user moves it
    expect(page.get_by_text("Moved sandbox_qr up.")).to_be_visible()
    # Focus comes back to the row moved (its Up is disabled now it is first): not to the top of the page.
    expect(page.get_by_role("button", name="Move QR code (sandbox) down")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text("Moved sandbox_qr down.")).to_be_visible()
    expect(page.get_by_role("button", name="Move QR code (sandbox) down")).to_be_focused()
    page.get_by_role("button", name="Move QR code (sandbox) up").click()
    expect(page.get_by_text("Moved sandbox_qr up.")).to_be_visible()

    page.goto(f"/checkout/{catalog['product']}")
    radios = page.get_by_role("group", name="Payment method").get_by_role("radio")
    expect(radios.first).to_have_accessible_name("QR code (sandbox)")
    expect(radios.nth(1)).to_have_accessible_name("Card (sandbox)")
    expect(page.get_by_role("radio", name="QR code (sandbox)")).to_be_checked()  # the first is preselected


def test_the_channel_preview_follows_the_form_as_you_type(page: Page, merchant):
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/channels/sandbox_card")
    preview = page.locator("#channel-preview")
    expect(preview.get_by_role("radio", name="Card (sandbox)")).to_be_visible()
    page.get_by_label("Name shown to shoppers").fill("Visa or Mastercard")
    expect(preview.get_by_role("radio", name="Visa or Mastercard")).to_be_visible()
    page.get_by_label("Priority (lower comes first)").fill("500")
    expect(preview.get_by_role("radio").last).to_have_accessible_name("Visa or Mastercard")
    page.get_by_label("Offer this channel at checkout").uncheck()
    expect(preview.get_by_role("radio", name="Visa or Mastercard")).to_have_count(0)


def test_checkout_panel_and_dashboard_have_no_serious_accessibility_violations(page: Page, app, merchant, catalog):
    build_world(app, merchant.id, catalog["sku"])
    page.goto(f"/checkout/{catalog['product']}")
    expect(page.get_by_role("button", name="Pay")).to_be_visible()
    assert serious_violations(page) == []
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/dashboard")
    expect(page.locator("#chart-gmv")).to_be_visible()
    assert serious_violations(page) == []


def test_every_portal_page_loads_without_console_errors(page: Page, app, merchant, catalog):
    world = build_world(app, merchant.id, catalog["sku"])
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(f"{page.url}: {message.text}"))
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    sign_in(page, merchant.email, merchant.password)
    visited = []
    for path in portal_pages(app, world):
        response = page.goto(path)
        assert response.status == 200, (path, response.status)
        page.wait_for_load_state("load")
        visited.append(path)
    assert len(visited) >= 20
    assert errors == []
