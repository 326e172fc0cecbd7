"""Team invitations: an owner invites someone by email and role; the emailed one-time link lets them set their
password and join the team.

The link's token is an HMAC of the invitation's id under SECRET_KEY, so the job that mails it can write it again
while the database keeps only its SHA-256 (a copy of the database opens no invitation). A link works once, for
INVITATION_LIFETIME; Resend makes a new invitation (a new link) and kills the old one, Revoke kills it.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import MerchantUser, TeamInvitation
from app.merchants.passwords import hash_password
from app.merchants.services import check_new_password
from app.merchants.team import check_email, check_role
from app.platform.db.types import utcnow
from app.platform.values.ids import new_id

INVITATION_LIFETIME = timedelta(days=7)


def invitation_token(invitation_id: str) -> str:
    """The secret in the invitation's link (never stored: only its hash is)."""
    key = current_app.config["SECRET_KEY"].encode()
    return hmac.new(key, f"kassa.team-invitation:{invitation_id}".encode(), hashlib.sha256).hexdigest()


def token_hash(token: str) -> str:
    """What the database keeps of a link's token."""
    return hashlib.sha256(token.encode()).hexdigest()


def _new_invitation(merchant_id: str, email: str, role: str, invited_by: str) -> TeamInvitation:
    invitation_id = new_id("inv")
    invitation = TeamInvitation(
        id=invitation_id,
        merchant_id=merchant_id,
        email=email,
        role=role,
        token_hash=token_hash(invitation_token(invitation_id)),
        status="pending",
        invited_by=invited_by,
        expires_at=utcnow() + INVITATION_LIFETIME,
        created_at=utcnow(),
    )
    db.session.add(invitation)
    return invitation


def _end_pending(merchant_id: str, email: str, status: str) -> None:
    db.session.execute(
        update(TeamInvitation)
        .where(
            TeamInvitation.merchant_id == merchant_id,
            TeamInvitation.email == email,
            TeamInvitation.status == "pending",
        )
        .values(status=status, ended_at=utcnow())
        .execution_options(synchronize_session=False)
    )


def invite_member(merchant_id: str, *, email: object, role: object, invited_by: str) -> TeamInvitation:
    """Invite ``email`` with ``role``; an earlier pending invitation of that address is replaced. Not committed:
    the caller adds the invitation's email in the same transaction."""
    email, role = check_email(email), check_role(role)
    if db.session.scalar(select(MerchantUser.id).where(MerchantUser.email == email)):
        raise Conflict(f"{email} is already a member of a team", code="email_taken", param="email")
    _end_pending(merchant_id, email, "replaced")
    return _new_invitation(merchant_id, email, role, invited_by)


def list_pending(merchant_id: str) -> list[TeamInvitation]:
    """Invitations not yet accepted, revoked or replaced (expired ones too: they can be resent), newest first."""
    return list(
        db.session.scalars(
            select(TeamInvitation)
            .where(TeamInvitation.merchant_id == merchant_id, TeamInvitation.status == "pending")
            .order_by(TeamInvitation.created_at.desc())
        )
    )


def get_invitation(merchant_id: str, invitation_id: str) -> TeamInvitation:
    """One of the merchant's pending invitations; another merchant's is not found."""
    invitation = db.session.scalar(
        select(TeamInvitation).where(
            TeamInvitation.id == invitation_id,
            TeamInvitation.merchant_id == merchant_id,
            TeamInvitation.status == "pending",
        )
    )
    if invitation is None:
        raise NotFound(f"no pending invitation {invitation_id!r}", param="id")
    return invitation


def resend_invitation(merchant_id: str, invitation_id: str, *, invited_by: str) -> TeamInvitation:
    """A new invitation (a new link, a new week) in place of a pending one, whose link dies. Not committed."""
    old = get_invitation(merchant_id, invitation_id)
    ended = db.session.execute(
        update(TeamInvitation)
        .where(TeamInvitation.id == old.id, TeamInvitation.status == "pending")
        .values(status="replaced", ended_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if not ended:
        raise Conflict("this invitation was used or withdrawn meanwhile", code="invitation_ended", param="id")
    return _new_invitation(merchant_id, old.email, old.role, invited_by)


def revoke_invitation(merchant_id: str, invitation_id: str) -> str:
    """Withdraw a pending invitation: its link stops working; commits."""
    invitation = get_invitation(merchant_id, invitation_id)
    db.session.execute(
        update(TeamInvitation)
        .where(TeamInvitation.id == invitation.id, TeamInvitation.status == "pending")
        .values(status="revoked", ended_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return invitation.email


@dataclass(frozen=True)
class OpenInvitation:
    """A link that may still be accepted, as the invitee's page shows it."""

    id: str
    merchant_id: str
    email: str
    role: str
    expires_at: datetime


def open_invitation(token: object) -> OpenInvitation | None:
    """The pending, unexpired invitation behind a link's token; None for a used, revoked, replaced, expired or
    unknown one (the page says the same for all: ask for a new invitation)."""
    if not isinstance(token, str) or not token or len(token) > 200:
        return None
    invitation = db.session.scalar(select(TeamInvitation).where(TeamInvitation.token_hash == token_hash(token)))
    if invitation is None or invitation.status != "pending" or invitation.expires_at <= utcnow():
        return None
    return OpenInvitation(
        invitation.id, invitation.merchant_id, invitation.email, invitation.role, invitation.expires_at
    )


def accept_invitation(token: object, *, password: object) -> MerchantUser:
    """Use a link once: the invitee becomes a member with the invited role and their own password; commits."""
    password = check_new_password(password, param="password")
    invitation = open_invitation(token)
    if invitation is None:
        raise InvalidRequest("this invitation link is no longer valid", code="invitation_invalid", param="token")
    # One use: of two submits of the same link only the one that flips it from pending goes on.
    used = db.session.execute(
        update(TeamInvitation)
        .where(TeamInvitation.id == invitation.id, TeamInvitation.status == "pending")
        .values(status="accepted", ended_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if not used:
        db.session.rollback()
        raise InvalidRequest("this invitation link is no longer valid", code="invitation_invalid", param="token")
    if db.session.scalar(select(MerchantUser.id).where(MerchantUser.email == invitation.email)):
        db.session.rollback()
        raise Conflict(f"{invitation.email} is already a member of a team", code="email_taken", param="token")
    user = MerchantUser(
        id=new_id("usr"),
        merchant_id=invitation.merchant_id,
        email=invitation.email,
        role=invitation.role,
        password_hash=hash_password(password),
        password_temporary=False,
    )
    db.session.add(user)
    db.session.commit()
    return user
