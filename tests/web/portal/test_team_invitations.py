"""Team invitations as an owner and an invitee meet them: the owner invites by email, a real SMTP server (aiosmtpd on
loopback) catches what the worker sends, and the invitee's link sets their password once."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

from tests.receipts.test_receipts import mail_server, parts  # noqa: F401  (fixture)
from tests.support.portal import Portal

_CSRF = re.compile(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"')


def invite(portal: Portal, email: str, role: str = "finance"):
    return portal.post("/portal/team/invitations", {"invite-email": email, "invite-role": role})


def link_of(message) -> str:
    """The path the email's link opens (both parts link the same page)."""
    text, html = parts(message)
    url = re.search(r"(http\S+/portal/invitations/\S+)", text).group(1)
    assert f'href="{url}"' in html
    return urlsplit(url).path


def accept(app, path: str, password: str = "my-own-pass-1", repeat: str | None = None):
    """The invitee's browser: opens the link and sets a password; returns (client, response)."""
    invitee = app.test_client()
    page = invitee.get(path)
    if page.status_code != 200:
        return invitee, page
    token = _CSRF.search(page.get_data(as_text=True)).group(1)
    response = invitee.post(
        path, data={"password": password, "confirm_password": repeat or password, "csrf_token": token}
    )
    return invitee, response


def invitations(app) -> list:
    from sqlalchemy import select

    from app.extensions import db
    from app.merchants.models import TeamInvitation

    with app.app_context():
        rows = list(db.session.scalars(select(TeamInvitation).order_by(TeamInvitation.created_at)))
        db.session.expunge_all()
        return rows


def test_an_invitee_sets_a_password_by_the_emailed_link_and_gets_the_role(app, merchant, portal, worker, mail_server):
    mail_server.start()
    response = invite(portal, "Fin@Acme.test", "finance")
    assert response.status_code == 302
    page = portal.text("/portal/team")
    assert "fin@acme.test" in page and "Pending invitations" in page
    worker()

    [message] = mail_server.inbox.messages
    assert message["To"] == "fin@acme.test"
    assert "You are invited to join" in message["Subject"]
    text, _ = parts(message)
    assert merchant.email in text and "finance" in text
    path = link_of(message)
    token = path.rsplit("/", 1)[1]
    [row] = invitations(app)
    assert token not in row.token_hash and row.token_hash != token  # only a hash is kept

    invitee, differ = accept(app, path, "my-own-pass-1", "other-pass-22")
    assert differ.status_code == 422 and "The passwords differ." in differ.get_data(as_text=True)
    invitee, joined = accept(app, path)
    assert joined.status_code == 302
    assert invitee.get("/portal/audit").status_code == 200  # finance may read the audit log
    assert invitee.get("/portal/team").status_code == 403  # but not manage the team
    again, used = accept(app, path)
    assert used.status_code == 404
    assert "Ask the person who invited you to send you a new invitation" in used.get_data(as_text=True)

    fin = Portal(app.test_client())
    assert fin.sign_in("fin@acme.test", "my-own-pass-1").status_code == 302
    assert "Pending invitations" in (team := portal.text("/portal/team")) and "No pending invitations" in team
    audit = portal.text("/portal/audit")
    assert "accepted a team invitation" in audit and "team invitation" in audit


def test_inviting_a_member_is_a_form_error(app, merchant, portal, mail_server):
    mail_server.start()
    response = invite(portal, merchant.email)
    assert response.status_code == 422
    assert re.search(r'id="invite-email-error"[^>]*>.*already a member', response.get_data(as_text=True))
    assert invitations(app) == []


def test_an_expired_link_is_refused_and_resend_sends_a_working_one(app, merchant, portal, worker, mail_server):
    from app.extensions import db
    from app.merchants.models import TeamInvitation
    from app.platform.db.types import utcnow

    mail_server.start()
    invite(portal, "late@acme.test", "developer")
    worker()
    [first] = mail_server.inbox.messages
    [row] = invitations(app)
    with app.app_context():
        db.session.get(TeamInvitation, row.id).expires_at = utcnow() - timedelta(minutes=1)
        db.session.commit()
    _, expired = accept(app, link_of(first))
    assert expired.status_code == 404 and "no longer works" in expired.get_data(as_text=True)
    assert "expired" in portal.text("/portal/team")

    assert portal.post(f"/portal/team/invitations/{row.id}/resend").status_code == 302
    worker()
    [_, second] = mail_server.inbox.messages
    assert link_of(second) != link_of(first)
    _, still_dead = accept(app, link_of(first))
    assert still_dead.status_code == 404
    invitee, joined = accept(app, link_of(second))
    assert joined.status_code == 302
    assert invitee.get("/portal/").status_code == 200  # signed in
    assert invitee.get("/portal/team").status_code == 403  # a developer does not manage the team


def test_a_revoked_link_is_refused_after_confirmation(app, merchant, portal, worker, mail_server):
    mail_server.start()
    invite(portal, "gone@acme.test")
    worker()
    [message] = mail_server.inbox.messages
    [row] = invitations(app)
    confirm = portal.text(f"/portal/team/invitations/{row.id}/revoke")
    assert "Revoke the invitation to gone@acme.test?" in confirm
    assert invitations(app)[0].status == "pending"  # asking revoked nothing
    assert portal.post(f"/portal/team/invitations/{row.id}/revoke").status_code == 302
    _, refused = accept(app, link_of(message))
    assert refused.status_code == 404
    assert portal.get(f"/portal/team/invitations/{row.id}/revoke").status_code == 404


def test_an_invitation_revoked_before_its_email_went_out_is_not_sent(app, merchant, portal, worker, mail_server):
    mail_server.start()
    invite(portal, "never@acme.test")
    [row] = invitations(app)
    portal.post(f"/portal/team/invitations/{row.id}/revoke")
    worker()
    assert mail_server.inbox.messages == []


def test_the_token_is_kept_only_as_a_hash_and_works_once(app, merchant):
    import pytest

    from app.errors import InvalidRequest
    from app.extensions import db
    from app.merchants.invitations import accept_invitation, invitation_token, invite_member, open_invitation

    with app.app_context():
        invitation = invite_member(merchant.id, email="once@acme.test", role="operator", invited_by=merchant.email)
        db.session.commit()
        token = invitation_token(invitation.id)
        stored = [str(v) for v in db.session.execute(db.text("select * from team_invitations")).one()]
        assert token not in stored
        assert open_invitation(token).email == "once@acme.test"
        assert open_invitation("0" * 64) is None  # a guessed token opens nothing
        user = accept_invitation(token, password="correct-horse-9")
        assert user.role == "operator" and not user.password_temporary
        with pytest.raises(InvalidRequest, match="no longer valid"):
            accept_invitation(token, password="correct-horse-9")
        with pytest.raises(InvalidRequest, match="at least"):
            accept_invitation(token, password="short")


def test_without_a_mail_server_the_page_offers_the_temporary_password(app, merchant, portal):
    page = portal.text("/portal/team")
    assert "invitations are off" in page and "temporary password" in page
    assert invite(portal, "x@acme.test").status_code == 422
