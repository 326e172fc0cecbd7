"""A reconciliation run's findings, the coupon list and the dashboard's channel table on a 390 × 844 phone: each row
is a card, and nothing of the page sits past the screen's right edge. Before, each was a table wider than the
screen, scrolled sideways inside its box: a run's Provider and Status columns, a coupon's state and a channel's
failures and success rate were off the screen until the merchant thought of scrolling the table."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_portal import sign_in

pytestmark = pytest.mark.e2e

PHONE = {"width": 390, "height": 844}

# Every element of the page's main part that is drawn (not a screen reader's hidden text) and ends past the right
# edge, or starts
# before the left one: inside a box that scrolls sideways too, which is the table a merchant would have to scroll.
PAST_THE_EDGES = """() => {
  const width = document.documentElement.clientWidth, out = [];
  for (const e of document.querySelectorAll("main *")) {
    if (e.closest(".visually-hidden, table.stacks thead, script, template")) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 || r.height === 0 || !e.checkVisibility({visibilityProperty: true})) continue;
    if (r.right > width + 0.5 || r.left < -0.5)
      out.push(`${e.tagName} "${(e.textContent || "").trim().slice(0, 30)}" `
               + `${Math.round(r.left)}..${Math.round(r.right)}`);
  }
  return out;
}"""


@pytest.fixture
def phone(browser: Browser, live_server):
    """A 390 × 844 touch phone (an iPhone 12 to 15) that honours the viewport tag, as a phone's browser does."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def assert_all_on_the_screen(page: Page) -> None:
    assert page.evaluate("() => document.documentElement.scrollWidth") == PHONE["width"]
    assert page.evaluate(PAST_THE_EDGES) == []


def test_a_runs_discrepancies_are_cards_on_a_phone(phone: Page, app, merchant, world):
    from app.extensions import db
    from app.reconciliation.models import Discrepancy
    from tests.web.portal.test_reconciliation_run_pages import seed_run

    with app.app_context():
        run = seed_run(merchant.id, 55)
        resolved = db.session.query(Discrepancy).filter_by(reference="pay_line_54").one()
        resolved.status, resolved.resolution = "resolved", "written_off"
        resolved.resolution_note = "The provider's rounding on a multi-currency capture, agreed with their support"
        db.session.commit()
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/reconciliation/runs/{run}")
    findings = phone.get_by_role("table", name="Discrepancies of this channel and day, newest first")
    expect(findings.get_by_role("row").filter(has_text="pay_line_54")).to_contain_text("agreed with their support")
    assert_all_on_the_screen(phone)
    phone.get_by_role("link", name="Older →").click()  # the pager is on the screen and works from there
    expect(findings.get_by_text("pay_line_0", exact=True)).to_be_visible()
    assert_all_on_the_screen(phone)


def test_the_coupon_list_is_cards_on_a_phone(phone: Page, app, merchant, world):
    from datetime import datetime, timezone

    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        create_coupon(
            merchant.id,
            {
                "code": "SPRING-BUNDLE-2027-EARLY-BIRDS",
                "kind": "amount_off",
                "amount_off": 500,
                "currency": "usd",
                "max_redemptions": 1000,
                "valid_until": datetime(2027, 5, 31, 23, 59, tzinfo=timezone.utc),
            },
        )
        db.session.commit()
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/coupons")
    coupons = phone.get_by_role("table", name="Coupons, newest first")
    expect(coupons.get_by_role("row").filter(has_text="SPRING-BUNDLE-2027-EARLY-BIRDS")).to_contain_text("active")
    assert_all_on_the_screen(phone)


def test_the_dashboards_channel_table_is_cards_on_a_phone(phone: Page, merchant, world):
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/dashboard")
    channels = phone.get_by_role("table", name="Payment attempts by channel")
    expect(channels.locator("tbody tr").first).to_be_visible()
    assert_all_on_the_screen(phone)
