"""The payout rail: which channel a merchant's settlements and wallet withdrawals are paid out through.

Each merchant chooses its own (the portal's Settings → Payouts); one that never chose keeps the installation's
``PAYOUT_CHANNEL``, so an install that set it before this choice existed pays out as it did. A payout remembers the
channel it was created with (``Payout.channel``): a change applies to payouts created from then on, never to one on
its way.
"""

from __future__ import annotations

from flask import current_app
from sqlalchemy import update

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import Merchant
from app.payments.channels.credentials import is_set_up
from app.payments.channels.registry import channel_spec, channels

PAYOUTS = "payouts"


def payout_channels() -> list[str]:
    """The codes of installed channels that can pay money out, in the registry's order."""
    return [code for code, spec in channels().items() if PAYOUTS in spec.capabilities]


def payout_channel_of(merchant_id: str) -> str:
    """The channel this merchant's payouts go through: its own choice, else the installation's PAYOUT_CHANNEL."""
    chosen = db.session.scalar(db.select(Merchant.payout_channel).where(Merchant.id == merchant_id))
    return chosen or current_app.config["PAYOUT_CHANNEL"]


def set_payout_channel(merchant_id: str, code: object) -> str:
    """Pay this merchant's future settlements and withdrawals through ``code``; 400 when that channel cannot pay
    out or the merchant has not entered its credentials yet. Returns the code."""
    spec = channel_spec(code)
    if spec is None or PAYOUTS not in spec.capabilities:
        raise InvalidRequest(
            f"payout_channel must be a channel that pays out: {', '.join(payout_channels())}", param="payout_channel"
        )
    if spec.needs_setup and not is_set_up(merchant_id, spec.code):
        raise InvalidRequest(
            f"set up {spec.name} first (Channels → {spec.name}): payouts go through the merchant's own account",
            param="payout_channel",
        )
    changed = db.session.execute(
        update(Merchant).where(Merchant.id == merchant_id).values(payout_channel=spec.code)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise NotFound(f"no merchant {merchant_id!r}", param="id")
    db.session.commit()
    return spec.code
