"""An owner invites a colleague by email from the Team page; the colleague opens the emailed link, chooses a
password and lands signed in with the invited role. Expired, revoked and used links say to ask for a new one; Resend
mails a working link. On a desktop and on a phone, with axe on every new page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.test_portal import serious_violations, sign_in
from tests.receipts.test_receipts import mail_server, parts  # noqa: F401  (fixture)

pytestmark = pytest.mark.e2e

SIZES = [
    pytest.param({"width": 1280, "height": 800}, id="desktop"),
    pytest.param({"width": 390, "height": 844}, id="phone"),
]


def emailed_link(mail_server, index: int = -1) -> str:
    text, _ = parts(mail_server.inbox.messages[index])
    return re.search(r"(http\S+/portal/invitations/\S+)", text).group(1)


def invite(page: Page, email: str, role: str) -> None:
    page.goto("/portal/team")
    invite_form = page.get_by_role("region", name="Invite a user")
    invite_form.get_by_label("Email").fill(email)
    invite_form.get_by_label("Role").select_option(label=role)
    invite_form.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text(f"Invitation sent to {email}")).to_be_visible()


def set_password(page: Page, password: str = "finance-pass-1") -> None:
    page.get_by_label("Choose a password").fill(password)
    page.get_by_label("Repeat the password").fill(password)
    page.get_by_role("button", name="Join the team").click()


@pytest.mark.parametrize("size", SIZES)
def test_an_invited_colleague_joins_by_the_emailed_link(
    page: Page, browser, merchant, live_server, worker, mail_server, size
):
    mail_server.start()
    page.set_viewport_size(size)
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/team")
    expect(page.get_by_text("No pending invitations")).to_be_visible()
    assert serious_violations(page) == []

    invite_form = page.get_by_role("region", name="Invite a user")
    invite_form.get_by_label("Email").fill(merchant.email)
    invite_form.get_by_role("button", name="Send invitation").click()
    expect(page.locator("#invite-email-error")).to_contain_text("already a member")
    expect(page.get_by_role("region", name="Invite a user").get_by_label("Email")).to_have_attribute(
        "aria-invalid", "true"
    )

    invite(page, f"fin-{size['width']}@acme.test", "Finance")
    table = page.get_by_role("table", name="Invitations not accepted yet")
    expect(table).to_contain_text(f"fin-{size['width']}@acme.test")
    assert serious_violations(page) == []
    worker()
    link = emailed_link(mail_server)

    colleague = browser.new_page(viewport=size)
    colleague.goto(link)
    expect(colleague.get_by_role("heading", name="Join Acme Games")).to_be_visible()
    assert serious_violations(colleague) == []
    colleague.get_by_label("Choose a password").fill("finance-pass-1")
    colleague.get_by_label("Repeat the password").fill("different-pass")
    colleague.get_by_role("button", name="Join the team").click()
    expect(colleague.locator("#confirm_password-error")).to_have_text("The passwords differ.")
    assert serious_violations(colleague) == []
    set_password(colleague)
    expect(colleague.get_by_text(re.compile(r"Welcome to Acme Games\. You are signed in as fin-"))).to_be_visible()
    colleague.goto(f"{live_server}/portal/team")
    expect(colleague.get_by_role("heading", name="Your role does not allow this")).to_be_visible()

    colleague.goto(link)  # a used link
    expect(colleague.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()
    expect(colleague.get_by_text("Ask the person who invited you to send you a new invitation.")).to_be_visible()
    assert serious_violations(colleague) == []
    colleague.close()


def test_expired_and_revoked_links_are_refused_and_resend_mails_a_working_one(
    page: Page, browser, app, merchant, worker, mail_server
):
    from sqlalchemy import update

    from app.extensions import db
    from app.merchants.models import TeamInvitation
    from app.platform.db.types import utcnow

    mail_server.start()
    page.set_viewport_size({"width": 390, "height": 844})
    sign_in(page, merchant.email, merchant.password)
    invite(page, "late@acme.test", "Developer")
    invite(page, "gone@acme.test", "Operator")
    worker()
    late_link, gone_link = emailed_link(mail_server, 0), emailed_link(mail_server, 1)
    if "late@" not in str(mail_server.inbox.messages[0]["To"]):
        late_link, gone_link = gone_link, late_link
    with app.app_context():  # a week goes by for the first invitation
        db.session.execute(
            update(TeamInvitation).where(TeamInvitation.email == "late@acme.test").values(expires_at=utcnow())
        )
        db.session.commit()

    visitor = browser.new_page(viewport={"width": 390, "height": 844})
    visitor.goto(late_link)
    expect(visitor.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()

    page.goto("/portal/team")
    expect(page.get_by_role("table", name="Invitations not accepted yet")).to_contain_text("expired")
    page.get_by_role("button", name="Resend the invitation to late@acme.test").click()
    expect(page.get_by_text("A new invitation was sent to late@acme.test")).to_be_visible()
    worker()
    fresh_link = emailed_link(mail_server)
    assert fresh_link != late_link

    page.get_by_role("link", name="Revoke the invitation to gone@acme.test").click()
    expect(page.get_by_role("heading", name="Revoke the invitation to gone@acme.test?")).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="Revoke invitation").click()
    expect(page.get_by_text("Revoked the invitation to gone@acme.test")).to_be_visible()

    visitor.goto(gone_link)
    expect(visitor.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()
    visitor.goto(late_link)  # the link Resend replaced stays dead
    expect(visitor.get_by_role("heading", name="This invitation link no longer works")).to_be_visible()
    visitor.goto(fresh_link)
    set_password(visitor, "developer-pass-1")
    expect(visitor.get_by_text("You are signed in as late@acme.test (developer)")).to_be_visible()
    visitor.close()
