"""Team invitation emails: the one-time link to join a merchant's team, sent once by a job, retried with backoff.

The portal adds the invitation and its email's row in one transaction, then queues ``send_invitation_email``;
the job claims the row by a conditional UPDATE, sends with no transaction open and records the outcome
(app/receipts/delivery.py), so a retried or duplicated job sends nothing twice. Redis down when the invitation was
made: the sweep queues it. An invitation revoked or replaced before its email went out is not sent.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage

from flask import current_app, render_template
from sqlalchemy import update

from app.extensions import db
from app.merchants.invitations import invitation_token
from app.merchants.models import Merchant, TeamInvitation
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.queueing import BATCH, enqueue
from app.receipts import delivery
from app.receipts.mailer import mailer_from_config
from app.receipts.message import envelope, one_line
from app.receipts.models import InvitationEmail

log = logs.get("receipts")

JOB = "app.jobs.send_invitation_email"
MAIL = delivery.MailKind(InvitationEmail.invitation_id, JOB, "team invitation email", log)


def invitations_can_be_sent() -> bool:
    """Whether Kassa has a mail server to send invitations through (SMTP_HOST)."""
    return mailer_from_config(current_app.config) is not None


def add_invitation_email(invitation: TeamInvitation) -> None:
    """The invitation's email row, in the caller's transaction (the invitation's own)."""
    domain = current_app.config["SMTP_FROM"].rpartition("@")[2] or "kassa.localhost"
    db.session.add(
        InvitationEmail(
            invitation_id=invitation.id,
            merchant_id=invitation.merchant_id,
            recipient=invitation.email,
            status="pending",
            attempts=0,
            message_id=f"<invitation.{invitation.id}@{domain}>",
            created_at=utcnow(),
        )
    )


def queue_invitation_email(invitation_id: str) -> None:
    """Queue the job that sends a committed invitation's email; Redis down: the sweep will."""
    try:
        enqueue(JOB, invitation_id, lane=BATCH)
    except Exception:
        log.warning("could not queue a team invitation email", exc_info=True, extra={"fields": {"id": invitation_id}})


def invitation_url(invitation_id: str) -> str:
    """The link in the email: the page where the invitee sets their password."""
    base = current_app.config["PUBLIC_URL"].rstrip("/")
    return f"{base}/portal/invitations/{invitation_token(invitation_id)}"


def _skip(invitation_id: str, reason: str) -> str:
    db.session.execute(
        update(InvitationEmail)
        .where(InvitationEmail.invitation_id == invitation_id, InvitationEmail.status.in_(("pending", "failed")))
        .values(status="skipped", next_attempt_at=None, last_error=reason)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return "skipped"


def build_invitation_message(
    invitation: TeamInvitation, merchant_name: str, *, sender: str, recipient: Address, message_id: str
) -> EmailMessage:
    """The invitation as an email: who invited them, to which business and role, the link and until when."""
    message = envelope(merchant_name, sender=sender, recipient=recipient, message_id=message_id)
    message["Subject"] = f"You are invited to join {one_line(merchant_name)} on Kassa"
    context = {
        "merchant_name": merchant_name,
        "invitation": invitation,
        "url": invitation_url(invitation.id),
        "expires": _when(invitation.expires_at),
    }
    message.set_content(render_template("receipts/invitation_email.txt", **context))
    message.add_alternative(render_template("receipts/invitation_email.html", **context), subtype="html")
    return message


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def send_invitation_email(invitation_id: str) -> str:
    """Send one invitation's email unless it was sent (or is being sent); returns its status."""
    mailer = mailer_from_config(current_app.config)
    row = db.session.get(InvitationEmail, invitation_id)
    if mailer is None or row is None:
        return "none"
    invitation = db.session.get(TeamInvitation, invitation_id)
    if row.status in ("pending", "failed") and invitation.status != "pending":
        return _skip(invitation_id, f"the invitation was {invitation.status} before its email went out")
    if not delivery.claim(MAIL, invitation_id, utcnow()):
        return db.session.get(InvitationEmail, invitation_id, populate_existing=True).status
    row = db.session.get(InvitationEmail, invitation_id, populate_existing=True)
    merchant_name = db.session.get(Merchant, invitation.merchant_id).name
    fields = {"invitation_id": invitation_id, "merchant_id": row.merchant_id, "attempt": row.attempts}
    return delivery.send_claimed(
        MAIL,
        row,
        mailer,
        lambda recipient: build_invitation_message(
            invitation,
            merchant_name,
            sender=current_app.config["SMTP_FROM"],
            recipient=recipient,
            message_id=row.message_id,
        ),
        fields,
    )


def queue_due_invitation_emails() -> int:
    """Sweep: queue invitation emails whose job was lost (never tried, a retry due, a claim expired)."""
    if mailer_from_config(current_app.config) is None:
        return 0
    return delivery.queue_due(MAIL)
