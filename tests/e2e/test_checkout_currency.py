"""A shopper in Germany opens the hosted checkout of an option priced in dollars and euros: they see euros, may
switch to dollars and back with the currency selector, pay, and the order is in euros."""

import re

import pytest
from playwright.sync_api import Browser, expect

from tests.e2e.test_portal import AXE, axe_violations

pytestmark = pytest.mark.e2e

NBSP = "\u00a0"


@pytest.fixture
def german_page(browser: Browser):
    """A browser in Germany: it sends Accept-Language: de-DE."""
    context = browser.new_context(locale="de-DE")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_shopper_in_germany_sees_and_pays_euros(german_page, app, api, live_server, sandbox, catalog):
    from app.extensions import db
    from app.orders.models import Order

    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 899, "currency": "eur"}]}).status_code == 200
    )
    page = german_page
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_role("radio", name="Founder edition").check()  # dollars only: no choice, the default price
    expect(page.get_by_test_id("total")).to_have_text(f"25,00{NBSP}$")
    expect(page.get_by_role("combobox", name="Währung")).to_have_count(0)
    expect(page.get_by_role("radio", name="Founder edition")).to_be_focused()  # the panel re-rendered around it
    page.get_by_role("radio", name="30 days").check()
    currency = page.get_by_role("combobox", name="Währung")
    expect(currency).to_have_value("eur")
    expect(page.get_by_test_id("total")).to_have_text(f"8,99{NBSP}€")
    assert axe_violations(page) == []  # the selector is labelled and reachable like every other field

    page.get_by_label("Menge").fill("2")
    expect(page.get_by_test_id("total")).to_have_text(f"17,98{NBSP}€")
    currency.select_option("usd")  # the whole panel follows: option prices, total, the Pay button
    expect(page.get_by_test_id("total")).to_have_text(f"19,98{NBSP}$")
    expect(page.locator("label.choice", has_text="30 days")).to_contain_text(f"9,99{NBSP}$")
    page.get_by_role("combobox", name="Währung").focus()  # as a keyboard user gets there
    page.get_by_role("combobox", name="Währung").select_option("eur")
    expect(page.get_by_role("button", name=f"17,98{NBSP}€ bezahlen")).to_be_visible()
    expect(page.get_by_role("combobox", name="Währung")).to_be_focused()  # the shopper's place is kept

    page.get_by_role("radio", name="Karte (Sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("Kaufbedingungen")).check()
    page.get_by_role("button", name="bezahlen").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))
    expect(page.get_by_text("17.98 EUR")).to_be_visible()  # the provider charges euros
    page.get_by_role("button", name="Approve").click()

    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server)}/checkout/orders/"))
    expect(page.get_by_role("heading", name="Zahlung erfolgreich")).to_be_visible()
    expect(page.locator(".row.total")).to_contain_text(f"Gesamt17,98{NBSP}€")
    with app.app_context():
        order = db.session.scalars(db.select(Order)).one()
        assert (order.status, order.total, order.currency) == ("paid", 1798, "eur")


def test_a_choice_made_as_the_panel_redraws_is_not_lost(page, api, live_server, catalog):
    """The shopper changes the currency again in the instant the panel redraws for the last change (an arrow key
    held on the selector, a slow phone finishing its swap). The new selector must already ask for a quote: before,
    htmx bound the new panel's triggers 20 ms after the swap, a change in that window was dropped, and the panel
    showed euros under "USD"."""
    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 899, "currency": "eur"}]}).status_code == 200
    )
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    expect(page.get_by_role("combobox", name="Currency")).to_have_value("usd")
    page.evaluate("""() => document.addEventListener("htmx:afterSwap", () => setTimeout(() => {
        const currency = document.getElementById("currency");
        currency.value = "usd";
        currency.dispatchEvent(new Event("change", {bubbles: true}));
        window.choiceMade = true;
    }, 0), {once: true})""")
    page.get_by_role("combobox", name="Currency").select_option("eur")  # euros redraw the panel; back to dollars
    page.wait_for_function("window.choiceMade && !document.querySelector('.htmx-request')")  # its quote answered
    expect(page.get_by_role("combobox", name="Currency")).to_have_value("usd")
    expect(page.get_by_test_id("total")).to_have_text("$9.99")
    expect(page.get_by_role("button", name=re.compile("^Pay"))).to_have_text(re.compile(r"\$9\.99"))
