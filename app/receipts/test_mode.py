"""Test mode emails only the merchant's own people: a developer testing with a real customer's address must not
send that customer a receipt or a subscription notice for a purchase that never happened. A test-mode email to
any other address is kept, marked ``withheld`` with the reason, and shown where the merchant sees emails (the
customer's data export); live mode emails whoever the order names."""

from __future__ import annotations

from flask import current_app
from sqlalchemy import func, select

from app.extensions import db
from app.merchants.models import MerchantUser

WITHHELD = "withheld"
WITHHELD_REASON = (
    "not sent: test mode emails only the merchant's team (portal users), and this address is not one of them"
)


def is_team_address(merchant_id: str, address: str) -> bool:
    """Whether ``address`` signs in to the merchant's portal (any case: mail servers fold it too)."""
    return (
        db.session.scalar(
            select(MerchantUser.id)
            .where(MerchantUser.merchant_id == merchant_id, func.lower(MerchantUser.email) == address.strip().lower())
            .limit(1)
        )
        is not None
    )


def withheld_in_test_mode(merchant_id: str, livemode: bool, recipient: str) -> bool:
    """Whether an email of this mode to ``recipient`` is kept back rather than sent."""
    if livemode or current_app.config["TEST_MODE_EMAILS"] == "anyone":
        return False
    return not is_team_address(merchant_id, recipient)
