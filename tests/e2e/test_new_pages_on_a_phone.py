"""The pages and emails added lately, on a small touch phone (375×667) and from the keyboard: disputes, settings,
partners, and the emails a shopper opens in a phone's mail app. Nothing scrolls sideways or shrinks to a zoomed-out
desktop page, and a form that comes back with an error says so beside the field, where focus lands."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.e2e.test_portal import axe_violations, sign_in

pytestmark = pytest.mark.e2e

SMALL_PHONE = {"width": 375, "height": 667}


@pytest.fixture
def phone(browser: Browser, live_server):
    """A touch phone that lays pages out as a phone's browser or mail app does (it honours a viewport tag)."""
    context = browser.new_context(viewport=SMALL_PHONE, is_mobile=True, has_touch=True, base_url=live_server)
    page = context.new_page()
    page.set_default_timeout(10_000)
    expect.set_options(timeout=10_000)
    yield page
    context.close()


def laid_out_width(page: Page) -> int:
    """How wide the page is laid out: wider than the screen means a zoomed-out page, or one scrolled sideways."""
    return page.evaluate("() => Math.max(document.documentElement.scrollWidth, window.innerWidth)")


def test_the_emails_read_at_a_phones_width_in_a_mail_app(phone: Page, app, merchant, catalog):
    """A mail app lays out an HTML email without a viewport tag at a desktop's 980 px and shrinks it to the screen:
    the receipt and the 'update your payment method' email read at a third of their size, to be zoomed and
    scrolled sideways."""
    from flask import render_template

    from app.extensions import db
    from app.orders.services import create_order
    from app.platform.values.money import Money
    from app.receipts.contents import build_receipt
    from app.receipts.subscription_notices import SubscriptionNotice

    with app.app_context():
        order = create_order(
            merchant.id,
            items=[{"sku": catalog["sku"], "quantity": 1}],
            customer={"id": "cus_mail"},
            agreement_accepted=True,
            livemode=False,
            customer_source="secret_key",
        )
        db.session.commit()
        notice = SubscriptionNotice(
            kind="payment_failed",
            merchant_name="Acme Games",
            product="Pro membership — 30 days",
            price=Money(999, "usd"),
            interval="month",
            interval_count=1,
            livemode=False,
            language="en",
            amount=Money(999, "usd"),
            charge_at=datetime(2027, 3, 1, tzinfo=timezone.utc),
            billing_url="http://127.0.0.1:5000/checkout/billing/token",
            link_expires_at=datetime(2027, 3, 15, tzinfo=timezone.utc),
        )
        with app.test_request_context():
            emails = {
                "receipt": render_template("receipts/email.html", receipt=build_receipt(order)),
                "payment failed": render_template("receipts/subscription_email.html", notice=notice),
            }
    for name, html in emails.items():
        mail_app = phone.context.new_page()  # each email its own document, as a mail app opens it
        mail_app.set_content(html)
        assert laid_out_width(mail_app) == SMALL_PHONE["width"], name
        heading = mail_app.get_by_role("heading", level=1).bounding_box()
        assert heading["x"] + heading["width"] <= SMALL_PHONE["width"], (name, heading)


TRACKING = (
    "Delivered on 2026-11-02 and signed for by the shopper.\nTracking: https://tracking.example.test/parcel/"
    "7C1B9D3F0A2E4C6B8D0F1A3C5E7B9D1F3A5C7E9B1D3F5A7C9E1B3D5F7A9C1E3B5D7F9"
)


def test_evidence_with_a_tracking_link_is_reviewed_and_sent_on_a_phone_from_the_keyboard(
    phone: Page, app, merchant, world
):
    """A tracking link, unbroken, laid the confirmation page out 1000 px wide on a phone: the merchant read their
    evidence zoomed out or scrolled sideways to check it before the one answer the provider takes."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/disputes/{world.dispute}")
    evidence = phone.get_by_role("textbox", name="Evidence for the shopper's bank")
    evidence.fill(TRACKING)
    evidence.focus()
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("button", name="Review evidence")).to_be_focused()
    phone.keyboard.press("Enter")

    expect(phone.get_by_role("heading", name="Send this evidence?")).to_be_visible()
    assert laid_out_width(phone) == SMALL_PHONE["width"]
    quoted = phone.locator("blockquote.evidence")
    expect(quoted).to_have_text(TRACKING)  # as written, its line break kept
    assert quoted.bounding_box()["height"] > 3 * 20  # the link wraps over lines, inside the card
    send = phone.get_by_role("button", name="Send evidence")
    send.focus()
    phone.keyboard.press("Tab")  # the confirmation's two ways out, in reading order
    expect(phone.get_by_role("link", name="Cancel")).to_be_focused()
    assert axe_violations(phone) == []  # the confirmation step, a page no GET opens
    box = send.bounding_box()
    assert box["x"] + box["width"] <= SMALL_PHONE["width"] and box["height"] >= 24


def test_the_disputes_list_shows_each_disputes_status_and_due_date_on_a_phone(phone: Page, merchant, world):
    """Each dispute is a card, each value under its column's name; the table scrolled sideways with the status and
    the date by which to answer off the screen, the two things a merchant opens the list for."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/disputes")
    row = phone.get_by_role("row").filter(has=phone.get_by_role("link", name=world.dispute))
    for label, shown in (("Status", "needs response"), ("Evidence due by", " UTC"), ("Amount", "$1.00")):
        cell = row.get_by_role("cell").filter(has_text=shown)
        expect(cell).to_be_visible()
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], (label, box)
        assert cell.evaluate("td => getComputedStyle(td, '::before').content") == f'"{label}: "'
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_settings_subscriptions_reads_on_a_phone_and_says_a_mistake_beside_its_field(phone: Page, merchant):
    """Each checkbox's explanation sat beside its label as a third column, squeezing the label to a word a line,
    and a refused value was said in plain black text that the field neither was marked by nor described."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/settings")
    section = phone.get_by_role("region", name="Subscriptions")
    for label in (
        "Email subscribers about their subscriptions",
        "Give a product's free trial again to customers who have had it",
    ):
        box = section.get_by_role("checkbox", name=label)
        hint = phone.locator(f"#{box.get_attribute('aria-describedby')}")
        label_box, hint_box, tick = (
            phone.locator(f"label[for={box.get_attribute('id')}]").bounding_box(),
            hint.bounding_box(),
            box.bounding_box(),
        )
        assert hint_box["y"] >= label_box["y"] + label_box["height"] - 1, (label, label_box, hint_box)  # under it
        assert label_box["height"] < 5 * 24, (label, label_box)  # a few lines, not a word a line
        assert tick["width"] >= 20 and tick["height"] >= 20, tick

    notice = section.get_by_role("textbox", name="Renewal notice (days before)")
    notice.fill("abc")
    section.get_by_role("button", name="Save subscription settings").click()
    notice = phone.get_by_role("textbox", name="Renewal notice (days before)")
    expect(notice).to_have_attribute("aria-invalid", "true")
    expect(notice).to_be_focused()  # where the mistake is
    expect(notice).to_have_accessible_description(re.compile("whole number of days from 0 to 30"))
    error = phone.get_by_role("alert").filter(has_text="whole number of days")
    expect(error).to_have_css("color", "rgb(179, 38, 30)")  # the form's error red, not body text
    assert axe_violations(phone) == []


def test_a_partners_refused_reserve_is_said_on_its_field(phone: Page, merchant, world):
    """The payout account and reserve of the portal's mode: a refused reserve was shown under the field, but the
    field was neither marked invalid nor described by it, so a screen reader on it read a valid-sounding '0'."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/partners/{world.partner}")
    expect(phone.get_by_role("heading", name="Test payouts")).to_be_visible()
    phone.get_by_role("textbox", name="Rolling reserve (basis points)").fill("lots")
    phone.get_by_role("button", name="Save").click()
    reserve = phone.get_by_role("textbox", name="Rolling reserve (basis points)")
    expect(reserve).to_have_value("lots")
    expect(reserve).to_have_attribute("aria-invalid", "true")
    expect(reserve).to_be_focused()
    error = phone.get_by_role("alert").filter(has_text="whole number of basis points")
    expect(reserve).to_have_accessible_description(error.inner_text())
    expect(phone.get_by_role("textbox", name="Payout account")).not_to_have_attribute("aria-invalid", "true")


def test_evidence_sent_empty_comes_back_with_focus_on_the_field_that_says_why(phone: Page, merchant, world):
    """The page came back with focus at its top: a keyboard user tabbed through the menu again, and a screen
    reader user was not told where the mistake was."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(f"/portal/disputes/{world.dispute}")
    phone.get_by_role("button", name="Review evidence").focus()
    phone.keyboard.press("Enter")
    evidence = phone.get_by_role("textbox", name="Evidence for the shopper's bank")
    expect(evidence).to_be_focused()
    expect(evidence).to_have_accessible_description(re.compile("Write the evidence: what was sold"))
    expect(evidence).to_have_css("border-top-color", "rgb(179, 38, 30)")  # marked, as an input is
    box = evidence.bounding_box()
    assert 0 <= box["y"] < SMALL_PHONE["height"], box  # scrolled to, on the screen

    evidence.fill("Licence key sent by email on 3 May.")  # fixed, it goes on to the confirmation
    phone.keyboard.press("Tab")
    phone.keyboard.press("Enter")
    expect(phone.get_by_role("heading", name="Send this evidence?")).to_be_visible()


def test_the_partners_list_shows_each_payout_account_and_reserve_on_a_phone(phone: Page, merchant, world):
    """The payout account and reserve of the portal's mode are what the list is for; at 375 px the table scrolled
    sideways with the account cut at the screen's edge and the cycle and reserve off it."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/partners")
    row = phone.get_by_role("row").filter(has=phone.get_by_role("link", name="World Studio"))
    for label, shown in (("Payout account", "acct_world_0001"), ("Cycle", "daily"), ("Rolling reserve", "none")):
        cell = row.get_by_role("cell").filter(has_text=shown)
        box = cell.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], (label, box)
        assert cell.evaluate("td => getComputedStyle(td, '::before').content") == f'"{label}: "'
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_place_order_says_nothing_is_due_where_a_phone_shows_it(phone: Page, app, merchant, catalog):
    """A coupon that takes the whole price off turns 'Pay $25.00' into 'Place order': on a phone the summary
    ('Total $0.00') is under the button docked at the screen's foot, so the shopper saw no sign that the coupon
    took, and pressed a button that named no amount."""
    from app.catalog.coupons import create_coupon

    with app.app_context():
        create_coupon(merchant.id, {"code": "ONUS", "kind": "percent_off", "percent_bps": 10000})
    phone.goto(f"/checkout/{catalog['product']}?sku=sku_test_limited")
    expect(phone.get_by_role("button", name="Pay $25.00")).to_be_visible()
    coupon = phone.get_by_label("Coupon code")
    coupon.tap()
    coupon.fill("ONUS")
    place = phone.get_by_role("button", name="Place order Due today: $0.00")
    expect(place).to_be_visible()
    box = place.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= SMALL_PHONE["height"], box  # on the screen, as typed
    coupon.fill("")  # the coupon taken off: the price is due again
    expect(phone.get_by_role("button", name="Pay $25.00")).to_be_visible()


@pytest.mark.parametrize(
    "page_url, action",
    [
        ("/portal/developers", "Revoke key ending"),
        ("/portal/developers", "Roll key ending"),
        ("/portal/developers/webhooks", "Delete endpoint"),
        ("/portal/developers/webhooks", "Roll secret of"),
    ],
)
def test_each_api_key_and_webhook_endpoint_has_its_actions_on_a_phones_screen(
    phone: Page, merchant, world, page_url, action
):
    """The keys' and endpoints' tables were wider than the screen, their actions past its right edge: a merchant who
    opened the page on their phone to revoke a leaked key or delete an endpoint saw no way to, unless they thought of
    scrolling the table sideways. Each key and endpoint is now a card with its actions on it."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto(page_url)
    links = phone.get_by_role("link", name=re.compile(f"^{action}"))
    expect(links.first).to_be_visible()
    for link in links.all():
        across = link.evaluate("a => { const r = a.getBoundingClientRect(); return [r.left, r.right]; }")
        assert across[0] >= 0 and across[1] <= SMALL_PHONE["width"], across  # as laid out, before any scrolling
    assert laid_out_width(phone) == SMALL_PHONE["width"]


def test_a_webhook_endpoints_event_boxes_are_a_thumbs_size_on_a_phone(phone: Page, merchant):
    """The forty-odd event checkboxes were the browser's 13 px squares packed 17 px apart: a thumb ticked the one
    above or below the event meant."""
    sign_in(phone, merchant.email, merchant.password)
    phone.goto("/portal/developers/webhooks")
    boxes = phone.get_by_role("group", name="…or these events").get_by_role("checkbox")
    expect(boxes.first).to_be_visible()
    tops = []
    for box in boxes.all()[:10]:
        tick = box.bounding_box()
        assert tick["width"] >= 20 and tick["height"] >= 20, tick
        tops.append(tick["y"])
    assert min(b - a for a, b in zip(tops, tops[1:])) >= 30, tops  # rows far enough apart for a thumb
