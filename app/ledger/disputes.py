"""A dispute's money in the books: withdrawn at once when the bank opens it, returned if the merchant wins.

The withdrawal takes the amount back from where the order's money now is, exactly as a refund's hold does
(app/ledger/refund_holds.py ``give_back_legs``: the receivable of an order not cleared yet, else each part of its
clearing, a partner's part as a ``refund`` line of its next settlement, negative after settlement), and sends it to
the channel's clearing account at once: the provider has already taken it. Disputes count with refunds as given
back, so later refunds continue the same cumulative split. A dispute fee (the channel config's) is the merchant's
cost: a ``fee`` line of its own next settlement, into the channel's fee account; it is kept whatever the outcome.
Won, the withdrawal's legs come back mirrored, partner lines available from the moment it is won.
"""

from __future__ import annotations

from datetime import datetime

from app.ledger.accounts import channel_clearing_account, channel_fee_account, partner_account
from app.ledger.books_models import SELF
from app.ledger.journal import Leg, post_journal_entry
from app.ledger.partners import ensure_self
from app.ledger.refund_holds import floored_from_now, give_back_legs, post_reversal

WITHDRAWAL = "dispute.withdrawal"
RETURN = "dispute.return"
FEE = "dispute.fee"


def post_dispute_withdrawal(
    *,
    merchant_id: str,
    dispute_id: str,
    order_id: str,
    livemode: bool,
    currency: str,
    amount: int,
    channel: str,
    captured: int,
    capture_fee: int,
    fee_rule: str,
    given_back_before: int,
    dispute_fee: int,
    now: datetime,
) -> int:
    """Book the bank taking ``amount`` (and the provider its ``dispute_fee``), in the caller's transaction, once per
    dispute; returns the part of the capture's channel fee that came back with it."""
    legs, back = give_back_legs(
        merchant_id=merchant_id,
        order_id=order_id,
        livemode=livemode,
        currency=currency,
        amount=amount,
        channel=channel,
        captured=captured,
        capture_fee=capture_fee,
        fee_rule=fee_rule,
        refunded_before=given_back_before,
        now=now,
    )
    legs.append(Leg(channel_clearing_account(channel, livemode=livemode), amount, currency, order_id=order_id))
    post_journal_entry(merchant_id, WITHDRAWAL, dispute_id, legs)
    if dispute_fee > 0:
        ensure_self(merchant_id)
        fee = [
            Leg(
                partner_account(SELF, livemode=livemode),
                -dispute_fee,
                currency,
                order_id=order_id,
                partner_id=SELF,
                line_kind="fee",
            ),
            Leg(channel_fee_account(channel, livemode=livemode), dispute_fee, currency, order_id=order_id),
        ]
        post_journal_entry(
            merchant_id,
            FEE,
            dispute_id,
            floored_from_now(merchant_id, fee, livemode=livemode, currency=currency, now=now),
        )
    return back


def post_dispute_return(merchant_id: str, dispute_id: str, *, livemode: bool, now: datetime) -> None:
    """The merchant won: every leg of the withdrawal goes back where it came from (once)."""
    post_reversal(merchant_id, WITHDRAWAL, RETURN, dispute_id, livemode=livemode, now=now)
