"""Cut the settlements that are due and send their payouts (app/ledger/settlement/services.py does the cutting,
app/payments/payouts/services.py the sending): the settlement job, the cron sweep and the test-mode API share this."""

from __future__ import annotations

from datetime import datetime, timedelta

from app.errors import InvalidRequest
from app.ledger.clearing.rules import MAX_HOLD_DAYS
from app.ledger.partners import MAX_RESERVE_DAYS
from app.ledger.settlement.services import run_settlements
from app.payments.payouts.rail import payout_channel_of
from app.payments.payouts.services import send_payouts_soon
from app.platform.db.types import utcnow

# How far ahead a run may settle: far enough for a line held the longest, then its reserve, to come due.
MAX_UNTIL_DAYS = MAX_HOLD_DAYS + MAX_RESERVE_DAYS


def settle_due(
    *, merchant_id: str | None = None, livemode: bool | None = None, until: datetime | None = None
) -> list[str]:
    """Cut every due settlement (up to ``until`` instead of each cycle's cutoff when given) and queue their
    payouts; returns the new settlements' ids."""
    now = utcnow()
    # A run moves the cursor to ``until`` and every line cleared later is posted at or after it: a cursor in year
    # 9999 would leave every later line of that mode unsettled for good, as no run can reach past it.
    if until is not None and until > now + timedelta(days=MAX_UNTIL_DAYS):
        raise InvalidRequest(
            f"until is at most {MAX_UNTIL_DAYS} days from now (enough for the longest hold, then "
            "the longest reserve, to come due)",
            param="until",
        )
    cut = run_settlements(
        merchant_id=merchant_id,
        livemode=livemode,
        until=until,
        now=now,
        payout_channel=payout_channel_of,
    )
    if any(settlement.payout_amount for settlement in cut):
        send_payouts_soon()  # the settlements are cut whatever Redis says: their payouts go out by the sweep anyway
    return [s.id for s in cut]
