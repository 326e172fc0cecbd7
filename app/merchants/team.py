"""A merchant's team: portal users and their roles. A merchant always keeps at least one owner."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import Merchant, MerchantUser
from app.merchants.passwords import hash_password
from app.merchants.permissions import ROLES
from app.merchants.services import check_new_password
from app.platform.values.ids import new_id

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def list_members(merchant_id: str) -> list[MerchantUser]:
    """The merchant's users, owners first, then by email."""
    order = [MerchantUser.role != "owner", MerchantUser.email]
    return list(
        db.session.scalars(select(MerchantUser).where(MerchantUser.merchant_id == merchant_id).order_by(*order))
    )


def get_member(merchant_id: str, user_id: str) -> MerchantUser:
    """One of the merchant's users; another merchant's user is not found."""
    user = db.session.scalar(
        select(MerchantUser).where(MerchantUser.id == user_id, MerchantUser.merchant_id == merchant_id)
    )
    if user is None:
        raise NotFound(f"no team member {user_id!r}", param="id")
    return user


def check_role(role: object) -> str:
    """One of the roles, else a 400 naming ``role``."""
    if role not in ROLES:
        raise InvalidRequest(f"role must be one of {', '.join(ROLES)}", param="role")
    return role


def check_email(email: object) -> str:
    """The address, trimmed and lower-cased, if it is one; else a 400 naming ``email``."""
    email = email.strip().lower() if isinstance(email, str) else ""
    if not _EMAIL.match(email) or len(email) > 320:
        raise InvalidRequest("email must be an email address", param="email")
    return email


def add_member(merchant_id: str, *, email: object, role: object, temporary_password: object) -> MerchantUser:
    """Add a user with a role and a temporary password they must replace at first sign-in."""
    email, role = check_email(email), check_role(role)
    password = check_new_password(temporary_password, param="temporary_password")
    if db.session.scalar(select(MerchantUser.id).where(MerchantUser.email == email)):
        raise Conflict(f"a user with email {email} already exists", code="email_taken", param="email")
    user = MerchantUser(
        id=new_id("usr"),
        merchant_id=merchant_id,
        email=email,
        role=role,
        password_hash=hash_password(password),
        password_temporary=True,
    )
    db.session.add(user)
    db.session.commit()
    return user


def _lock_team(merchant_id: str) -> None:
    # Two owners demoting each other at once must not leave the merchant with none: changes to
    # one merchant's team are serialised on its row (SQLite serialises all writes anyway).
    db.session.execute(select(Merchant.id).where(Merchant.id == merchant_id).with_for_update())


def _other_owners(merchant_id: str, user_id: str) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(MerchantUser)
        .where(MerchantUser.merchant_id == merchant_id, MerchantUser.role == "owner", MerchantUser.id != user_id)
    )


def change_role(merchant_id: str, user_id: str, role: object) -> MerchantUser:
    """Give a user another role; the last owner keeps theirs."""
    role = check_role(role)
    _lock_team(merchant_id)
    user = get_member(merchant_id, user_id)
    if user.role == "owner" and role != "owner" and _other_owners(merchant_id, user_id) == 0:
        db.session.rollback()
        raise Conflict(
            "the last owner cannot lose the owner role; make someone else an owner first",
            code="last_owner",
            param="role",
        )
    user.role = role
    db.session.commit()
    return user


def remove_member(merchant_id: str, user_id: str, *, acting_user_id: str) -> str:
    """Remove a user (their sessions end at once); never oneself, never the last owner."""
    _lock_team(merchant_id)
    user = get_member(merchant_id, user_id)
    if user.id == acting_user_id:
        db.session.rollback()
        raise Conflict("you cannot remove yourself; ask another owner", code="cannot_remove_self", param="id")
    if user.role == "owner" and _other_owners(merchant_id, user_id) == 0:
        db.session.rollback()
        raise Conflict("the last owner cannot be removed", code="last_owner", param="id")
    db.session.delete(user)
    db.session.commit()
    return user_id
