"""What the portal says after an action, in a real browser: a refusal is an alert a screen reader announces at once
and that looks like a refusal, never a green note that reads like a success."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import sign_in

pytestmark = pytest.mark.e2e


def test_demoting_the_last_owner_is_refused_in_an_alert_not_a_success_note(page: Page, merchant):
    """Before, "…keeps the role owner: the last owner cannot lose the owner role" came in the green status note of a
    done action; now it is an alert, styled as one."""
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/team")
    page.get_by_label(f"Role of {merchant.email}").select_option("operator")
    page.get_by_role("button", name="Change role").first.click()

    refusal = page.get_by_role("alert").filter(has_text="the last owner cannot lose the owner role")
    expect(refusal).to_be_visible()
    expect(refusal).to_have_class("alert")
    expect(page.get_by_role("status").filter(has_text="keeps the role")).to_have_count(0)
    expect(page.get_by_label(f"Role of {merchant.email}")).to_have_value("owner")


def test_a_done_action_still_says_so_in_a_status_note(page: Page, merchant):
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/team")
    page.get_by_label("Email", exact=True).fill("ann@shop.example")
    page.get_by_label("Temporary password").fill("temporary-pass-1")
    page.get_by_role("button", name="Add user").click()
    expect(page.get_by_role("status").filter(has_text="Added ann@shop.example as operator")).to_be_visible()
    expect(page.get_by_role("alert").filter(has_text="ann@shop.example")).to_have_count(0)
