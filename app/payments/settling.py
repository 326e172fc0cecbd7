"""Cut the settlements that are due and send their payouts (app/ledger/settlement.py does the cutting,
app/payments/payouts.py the sending): the settlement job, the cron sweep and the test-mode API share this."""
from __future__ import annotations

from datetime import datetime

from flask import current_app

from app.db_types import utcnow
from app.ledger.settlement import run_settlements
from app.payments.payouts import send_payouts_soon


def settle_due(*, merchant_id: str | None = None, livemode: bool | None = None,
               until: datetime | None = None) -> list[str]:
    """Cut every due settlement (up to ``until`` instead of each cycle's cutoff when given) and queue their
    payouts; returns the new settlements' ids."""
    cut = run_settlements(merchant_id=merchant_id, livemode=livemode, until=until, now=utcnow(),
                          payout_channel=current_app.config["PAYOUT_CHANNEL"])
    if any(settlement.payout_amount for settlement in cut):
        send_payouts_soon()  # the settlements are cut whatever Redis says: their payouts go out by the sweep anyway
    return [s.id for s in cut]
