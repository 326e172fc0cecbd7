"""The coupon form shows only the fields of the kind the merchant picks, in a real browser."""

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def test_switching_the_coupon_kind_shows_only_its_fields(page: Page, merchant, live_server):
    page.goto(f"{live_server}/portal/login")
    page.get_by_label("Email").fill(merchant.email)
    page.get_by_label("Password").fill(merchant.password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server}/portal/coupons/new")

    kind = page.get_by_label("Kind")
    percent, cap = page.get_by_label("Percent off", exact=True), page.get_by_label("Largest discount (cap)")
    amount, min_spend = page.get_by_label("Amount off", exact=True), page.get_by_label("Minimum spend")
    ladder = page.get_by_label(re.compile("^Ladder"))
    expect(kind).to_have_value("percent_off")
    expect(percent).to_be_visible()
    expect(cap).to_be_visible()
    for hidden in (amount, min_spend, ladder):
        expect(hidden).to_be_hidden()

    percent.fill("15")  # typed, then the merchant changes their mind: it must not be sent
    kind.select_option("spend_and_save")
    expect(amount).to_be_visible()
    expect(min_spend).to_be_visible()
    for hidden in (percent, cap, ladder):
        expect(hidden).to_be_hidden()

    kind.select_option("volume")
    expect(ladder).to_be_visible()
    expect(page.get_by_label("Currency")).to_be_hidden()
    expect(amount).to_be_hidden()

    kind.select_option("amount_off")
    page.get_by_label("Code", exact=True).fill("SWITCH5")
    amount.fill("5")
    page.get_by_role("button", name="Create coupon").click()
    expect(page.get_by_text("Coupon SWITCH5 created.")).to_be_visible()
