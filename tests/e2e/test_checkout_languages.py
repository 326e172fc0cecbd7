"""A shopper whose browser speaks German pays on the German checkout (the sandbox provider's page is its own)."""

import re

import pytest
from playwright.sync_api import Browser, expect

pytestmark = pytest.mark.e2e

NBSP = "\u00a0"


@pytest.fixture
def german_page(browser: Browser):
    """A browser set to German (Germany): it sends Accept-Language: de-DE."""
    context = browser.new_context(locale="de-DE")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_german_shopper_pays_on_the_german_checkout(german_page, live_server, sandbox, catalog):
    page = german_page
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("group", name="Zahlungsart")).to_be_visible()
    page.get_by_role("radio", name="30 days").check()
    expect(page.get_by_test_id("total")).to_have_text(f"9,99{NBSP}$")

    page.get_by_label("Menge").fill("3")
    expect(page.get_by_test_id("total")).to_have_text(f"29,97{NBSP}$")  # re-priced in place, still in German
    expect(page.get_by_role("button", name=f"29,97{NBSP}$ bezahlen")).to_be_visible()

    page.get_by_role("button", name="bezahlen").click()  # forgot the terms: told so in German
    expect(page.get_by_text("Bitte akzeptieren Sie die Bedingungen, um fortzufahren.")).to_be_visible()

    page.get_by_role("radio", name="Karte (Sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("Kaufbedingungen")).check()
    page.get_by_role("button", name="bezahlen").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    page.get_by_role("button", name="Approve").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_role("heading", name="Zahlung erfolgreich")).to_be_visible()
    expect(page.get_by_text(f"Ihre Zahlung über 29,97{NBSP}$ ist eingegangen")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text(f"Gesamt29,97{NBSP}$")

    with page.expect_popup() as opened:
        page.get_by_role("link", name="Quittung ansehen oder drucken").click()
    receipt = opened.value
    expect(receipt.get_by_role("heading", name="Quittung von Acme Games")).to_be_visible()
    expect(receipt.get_by_role("table", name="Was Sie gekauft haben").locator("tr.total")).to_contain_text(
        f"29,97{NBSP}$"
    )
    expect(receipt.get_by_role("button", name="Diese Quittung drucken")).to_be_visible()
