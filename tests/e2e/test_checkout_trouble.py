"""What a shopper sees when Pay or a re-price cannot go through: Kassa refuses it (maintenance began after the page
opened, a field it cannot take), the phone loses its connection, or something between answers instead of Kassa.
Before, each of these left the page as it was (a Pay that did nothing) or nested a whole error page in the
summary."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def _orders(app) -> int:
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        return db.session.query(Order).count()


def _ready_to_pay(page: Page, url: str) -> None:
    page.goto(url)
    page.get_by_role("checkbox", name=re.compile("agree")).check()


def test_maintenance_that_began_after_the_page_opened_is_said_at_pay(page: Page, app, live_server, catalog):
    from app.platform.switches import PLATFORM, switch_off, switch_on

    _ready_to_pay(page, f"{live_server}/checkout/{catalog['product']}")
    with app.app_context():
        switch_on(PLATFORM, "maintenance", reason="database upgrade", set_by="test")
    try:
        page.get_by_role("button", name="Pay").click()
        expect(page.get_by_text("We'll be right back.")).to_be_visible()
        expect(page.get_by_role("alert").filter(has_text="takes no new orders")).to_be_focused()
    finally:
        with app.app_context():
            switch_off(PLATFORM, "maintenance", set_by="test")
    assert _orders(app) == 0


def test_a_field_kassa_refuses_is_said_above_the_panel_which_stays(page: Page, live_server, catalog):
    page.goto(f"{live_server}/checkout/{catalog['product']}")
    page.get_by_label("Coupon code").fill("SAVE\x0020")
    page.get_by_label("Quantity").fill("2")
    alert = page.locator("#page-alert")
    expect(alert).to_contain_text("“coupon” holds an invisible NUL character")
    expect(alert).to_contain_text("Request not accepted.")
    expect(page.locator("#summary")).to_have_count(1)
    expect(page.locator("#summary h1")).to_have_count(0)  # no page nested in the summary
    page.get_by_label("Coupon code").fill("")
    page.get_by_label("Quantity").fill("3")
    expect(page.get_by_test_id("total")).to_have_text("$29.97")
    expect(alert).to_be_empty()


def test_a_lost_connection_or_a_stranger_answering_is_said_and_pay_works_after(
    page: Page, app, live_server, sandbox, catalog
):
    _ready_to_pay(page, f"{live_server}/checkout/{catalog['product']}")
    alert = page.locator("#page-alert")

    page.route(re.compile(r"/pay$"), lambda route: route.abort("internetdisconnected"))
    page.get_by_role("button", name="Pay").click()
    expect(alert).to_have_text("The page could not reach the server. Check your connection, then try again. ×")
    # A poll or refresh (a GET: the order page asks for its status every second) leaves what was said in place.
    page.evaluate("() => new Promise((done) => htmx.ajax('GET', '/healthz', {swap: 'none'}).then(done))")
    expect(alert).to_contain_text("The page could not reach the server.")
    alert.get_by_role("button", name="Dismiss").click()
    expect(alert).to_be_empty()
    page.unroute(re.compile(r"/pay$"))

    # A proxy's own error page (no X-Request-Id: not Kassa's answer) is not swapped into the panel.
    page.route(
        re.compile(r"/pay$"),
        lambda route: route.fulfill(
            status=502, content_type="text/html", body="<html><body><h1>502 Bad Gateway</h1></body></html>"
        ),
    )
    page.get_by_role("button", name="Pay").click()
    expect(alert).to_contain_text("The server did not answer properly. Please try again in a moment.")
    expect(page.get_by_text("502 Bad Gateway")).to_have_count(0)
    page.unroute(re.compile(r"/pay$"))
    assert _orders(app) == 0

    page.get_by_role("button", name="Pay").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(sandbox.url)}/sandbox/pay/"))


def test_the_embedded_panel_says_maintenance_at_pay_too(page: Page, app, live_server, merchant, catalog):
    from app.platform.switches import PLATFORM, switch_off, switch_on

    _ready_to_pay(page, f"{live_server}/embed/{catalog['product']}?key={merchant.publishable_key}&origin={live_server}")
    with app.app_context():
        switch_on(PLATFORM, "maintenance", reason="database upgrade", set_by="test")
    try:
        page.get_by_role("button", name="Pay").click()
        expect(page.get_by_text("We'll be right back.")).to_be_visible()
    finally:
        with app.app_context():
            switch_off(PLATFORM, "maintenance", set_by="test")
    assert _orders(app) == 0
