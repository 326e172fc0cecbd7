"""The channel list, the webhook deliveries, an order's items and deliveries, the team and the API request log on a
phone: each row is a card whose figures and actions are on the screen as laid out. Before, each was a table wider
than the screen, scrolled inside its box: a merchant who opened Channels on their phone to switch a failing channel
off saw no Disable or Edit, the deliveries list hid every status past the right edge, an order's amounts and its
deliveries' Resend were off the screen too, as were a team member's Remove and a logged request's key and time."""

from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Locator, Page, expect

from tests.conftest import wait_for
from tests.e2e.test_new_pages_on_a_phone import SMALL_PHONE, laid_out_width, phone  # noqa: F401  (fixture)
from tests.e2e.test_portal import sign_in

pytestmark = pytest.mark.e2e


def assert_on_the_screen(controls: Locator) -> None:
    expect(controls.first).to_be_visible()
    for control in controls.all():
        left, right = control.evaluate("e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; }")
        assert left >= 0 and right <= SMALL_PHONE["width"], (control.inner_text(), left, right)


def test_each_channels_actions_are_on_a_phones_screen(phone: Page, merchant):
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/channels")
    assert_on_the_screen(phone.get_by_role("button", name=re.compile(r"^(Disable|Enable) ")))
    assert_on_the_screen(phone.get_by_role("link", name=re.compile(r"^Edit ")))
    assert_on_the_screen(phone.get_by_role("button", name=re.compile(r"^Move .* (up|down)$")))
    assert_on_the_screen(phone.get_by_text(re.compile(r"^(offered|paused|disabled)$")))
    assert laid_out_width(phone) == SMALL_PHONE["width"]

    phone.get_by_role("button", name="Disable Card (sandbox)").click()  # and it works from there
    expect(phone.get_by_role("status").filter(has_text="sandbox_card is disabled.")).to_be_visible()


def test_each_deliverys_status_is_on_a_phones_screen(phone: Page, merchant, world):
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/developers/deliveries")
    assert_on_the_screen(phone.locator("main table").get_by_text("failed", exact=True))
    assert_on_the_screen(phone.locator("main table").get_by_text("https://hooks.example.test/kassa"))
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_an_orders_amounts_and_resend_are_on_a_phones_screen(phone: Page, merchant, world):
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/orders/{world.order}")
    items = phone.get_by_role("table", name="Items")
    assert_on_the_screen(items.locator("tbody td:last-child"))  # the line's amount
    assert_on_the_screen(phone.get_by_role("button", name=re.compile(r"^Resend delivery ")))
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_each_team_members_remove_is_on_a_phones_screen(phone: Page, merchant, world):
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/team")
    assert_on_the_screen(phone.get_by_role("link", name=re.compile(r"^Remove ")))
    assert_on_the_screen(
        phone.get_by_role("table", name="Users of this business").get_by_role("button", name="Change role")
    )
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_each_logged_requests_key_and_time_are_on_a_phones_screen(phone: Page, app, merchant, live_server):
    from sqlalchemy import func, select

    from app.extensions import db
    from app.request_log.models import ApiRequestLog

    requests.get(
        f"{live_server}/api/v1/products", headers={"Authorization": f"Bearer {merchant.secret_key}"}, timeout=10
    ).raise_for_status()

    def logged() -> int:
        with app.app_context():
            return db.session.scalar(select(func.count()).select_from(ApiRequestLog))

    wait_for(lambda: logged() == 1)  # written by the server once the answer was sent
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/developers/logs")
    rows = phone.get_by_role("table", name=re.compile("API requests")).locator("tbody td")
    expect(rows.first).to_be_visible()
    assert_on_the_screen(rows)
    assert laid_out_width(phone) == SMALL_PHONE["width"]
