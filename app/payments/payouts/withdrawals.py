"""Wallet withdrawals: a customer's money sent to their payout account through the payout channel's API.

The merchant's server asks for one (secret key). The risk service assesses it first, with the merchant's lists
and its withdrawal rules (``applies_to: withdrawals``, e.g. a velocity limit per customer): a block refuses it
(402) and nothing moves. Then, in one transaction under the wallet's lock, the amount is frozen (available →
frozen; 422 ``insufficient_balance`` when not covered) and the withdrawal is written with its payout of purpose
``withdrawal``. The payout goes out like a settlement's (app/payments/payouts/services.py: sent by the worker, tried
again
under a new reference when refused, looked up by reference when an answer was lost); what its outcome does is
registered below:

- paid: the frozen money leaves the wallet (frozen → payouts in transit → the payout channel's clearing);
- failed for good: it is available again. That is final; the customer asks for a new withdrawal (to a fixed
  account), so a failed withdrawal's payout is never sent again by hand.

A review decision freezes the money as well but holds the payout (no ``next_try_at``) until the merchant approves
it (it is sent) or rejects it (the money is available again, the withdrawal ``canceled``).
"""

from __future__ import annotations

from sqlalchemy import select, update

from app.errors import Conflict, InvalidRequest, NotFound, ServiceUnavailable
from app.extensions import db
from app.ledger.books_models import Payout
from app.ledger.captures import WALLET
from app.ledger.partners import parse_payout_account
from app.ledger.wallet.models import WalletWithdrawal
from app.ledger.wallet.moves import post_withdrawal_paid, post_withdrawal_returned, withdrawal_hold
from app.ledger.wallet.services import parse_wallet_amount, require_covered
from app.orders.customers import parse_customer_id
from app.payments.channels.registry import adapter_for
from app.payments.payouts.rail import payout_channel_of
from app.payments.payouts.services import PURPOSES, Purpose, payout_json, payout_mode_refusal, send_payouts_soon
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.switches import refuse_money_movement
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.platform.values.times import iso_time
from app.risk.assessment import Prospect, assess, refuse_if_blocked

log = logs.get("payments.withdrawals")

STATUSES = ("review", "pending", "paid", "failed", "canceled")
DECISIONS = ("approve", "reject")
REJECTED = "rejected by the merchant in review"


def withdrawal_status(withdrawal: WalletWithdrawal, payout: Payout) -> str:
    """review (held for the merchant), pending (on its way), paid, failed (the money is back), canceled (rejected)."""
    if withdrawal.review == "open":
        return "review"
    if withdrawal.review == "rejected":
        return "canceled"
    return {"paid": "paid", "failed": "failed"}.get(payout.status, "pending")


def withdrawal_json(withdrawal: WalletWithdrawal, payout: Payout) -> dict:
    """A withdrawal as the API, its events and the portal show it."""
    return {
        "id": withdrawal.id,
        "object": "withdrawal",
        "status": withdrawal_status(withdrawal, payout),
        "customer": withdrawal.customer_id,
        "amount": withdrawal.amount,
        "currency": withdrawal.currency,
        "destination": withdrawal.destination,
        "livemode": withdrawal.livemode,
        "risk": withdrawal.risk or {"decision": "allow", "score": 0, "reasons": []},
        "reviewed_by": withdrawal.reviewed_by,
        "payout": payout_json(payout),
        "created_at": iso_time(withdrawal.created_at),
    }


def _payout_channel(merchant_id: str, livemode: bool) -> str:
    """The channel withdrawals are paid out through (the merchant's payout rail); a test channel never pays out a
    live wallet's money."""
    code = payout_channel_of(merchant_id)
    adapter = adapter_for(code, merchant_id)
    if adapter is None or not hasattr(adapter, "send_payout"):
        raise ServiceUnavailable(f"withdrawals need a payout channel, and {code!r} cannot pay out")
    wrong_mode = payout_mode_refusal(adapter, code, livemode=livemode)
    if wrong_mode:
        raise InvalidRequest(f"this wallet cannot be paid out: {wrong_mode}", code="channel_unavailable")
    return code


def request_withdrawal(
    merchant_id: str, customer_id: str, body: dict, *, livemode: bool
) -> tuple[WalletWithdrawal, Payout]:
    """Assess, freeze and record a withdrawal of ``{amount, currency, destination}`` in the key's mode, then queue
    its payout (unless held for review). Bad input is a 400, a block 402, an uncovered amount 422, a wallet switched
    off (or maintenance) 503: nothing moves."""
    refuse_money_movement(merchant_id, WALLET)
    customer_id = parse_customer_id(customer_id, param="id")
    money = parse_wallet_amount(body.get("amount"), body.get("currency"))
    destination = parse_payout_account(body.get("destination"), param="destination")
    channel = _payout_channel(merchant_id, livemode)
    # An amount the wallet cannot cover is refused before risk counts it against a withdrawal velocity limit.
    require_covered(merchant_id, customer_id, money, livemode=livemode)
    db.session.rollback()
    prospect = Prospect(merchant_id, customer_id, None, money.amount, money.currency, livemode, scope="withdrawals")
    assessment = assess(prospect)
    refuse_if_blocked(assessment, prospect)
    held, now = assessment.decision == "review", utcnow()
    withdrawal = WalletWithdrawal(
        id=new_id("wd"),
        merchant_id=merchant_id,
        livemode=livemode,
        customer_id=customer_id,
        amount=money.amount,
        currency=money.currency,
        destination=destination,
        payout_id=new_id("po"),
        risk=assessment.to_json(),
        review="open" if held else None,
        created_at=now,
    )
    payout = Payout(
        id=withdrawal.payout_id,
        merchant_id=merchant_id,
        livemode=livemode,
        purpose="withdrawal",
        customer_id=customer_id,
        amount=money.amount,
        currency=money.currency,
        destination=destination,
        channel=channel,
        status="pending",
        try_number=1,
        max_tries=5,
        next_try_at=None if held else now,
        created_at=now,
        updated_at=now,
    )
    with withdrawal_hold(merchant_id, customer_id, withdrawal.id, money, livemode=livemode):
        db.session.add_all([payout, withdrawal])
        record_event(merchant_id, "withdrawal.created", withdrawal_json(withdrawal, payout), livemode=livemode)
        db.session.commit()
    log.info(
        "withdrawal %s",
        "held for review" if held else "requested",
        extra={"fields": {"merchant_id": merchant_id, "withdrawal_id": withdrawal.id, "amount": money.amount}},
    )
    if not held:
        send_payouts_soon()
    return withdrawal, payout


def get_withdrawal(merchant_id: str, withdrawal_id: str, *, livemode: bool) -> tuple[WalletWithdrawal, Payout]:
    """One withdrawal of the merchant in one mode, with its payout; 404 otherwise."""
    row = db.session.execute(
        select(WalletWithdrawal, Payout)
        .join(Payout, Payout.id == WalletWithdrawal.payout_id)
        .where(
            WalletWithdrawal.id == withdrawal_id,
            WalletWithdrawal.merchant_id == merchant_id,
            WalletWithdrawal.livemode == livemode,
        )
    ).first()
    if row is None:
        raise NotFound(f"no withdrawal {withdrawal_id!r}", param="id")
    return row[0], row[1]


def list_withdrawals(
    merchant_id: str,
    *,
    livemode: bool,
    customer_id: str | None = None,
    review: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
) -> tuple[list[tuple[WalletWithdrawal, Payout]], bool]:
    """A customer's (or every) withdrawal of one mode, newest first, with their payouts; ``review="open"`` lists
    those waiting for the merchant."""
    query = (
        select(WalletWithdrawal, Payout)
        .join(Payout, Payout.id == WalletWithdrawal.payout_id)
        .where(WalletWithdrawal.merchant_id == merchant_id, WalletWithdrawal.livemode == livemode)
    )
    if customer_id is not None:
        query = query.where(WalletWithdrawal.customer_id == customer_id)
    if review is not None:
        query = query.where(WalletWithdrawal.review == review)
    if starting_after:
        query = query.where(WalletWithdrawal.id < starting_after)
    rows = [(w, p) for w, p in db.session.execute(query.order_by(WalletWithdrawal.id.desc()).limit(limit + 1))]
    return rows[:limit], len(rows) > limit


def review_withdrawal(
    merchant_id: str, withdrawal_id: str, decision: object, *, actor: str, livemode: bool
) -> tuple[WalletWithdrawal, Payout]:
    """Decide a withdrawal held for review, once: approve sends its payout, reject gives the money back."""
    withdrawal, payout = get_withdrawal(merchant_id, withdrawal_id, livemode=livemode)
    if decision not in DECISIONS:
        raise InvalidRequest("decision must be approve or reject", param="decision")
    if decision == "approve":  # sends the payout; a rejection gives the money back, which no switch stops
        refuse_money_movement(merchant_id, WALLET)
    changed = db.session.execute(
        update(WalletWithdrawal)
        .where(WalletWithdrawal.id == withdrawal.id, WalletWithdrawal.review == "open")
        .values(review="approved" if decision == "approve" else "rejected", reviewed_by=actor[:200])
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise Conflict("this withdrawal is not waiting for a review decision", code="review_not_open")
    now = utcnow()
    if decision == "approve":
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status == "pending")
            .values(next_try_at=now, updated_at=now)
        )
    else:
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status == "pending")
            .values(status="failed", failure_reason=REJECTED, next_try_at=None, updated_at=now)
        )
        _withdrawal_failed(db.session.get(Payout, payout.id, populate_existing=True))
    db.session.commit()
    if decision == "approve":
        send_payouts_soon()
    return get_withdrawal(merchant_id, withdrawal_id, livemode=livemode)


# --- the payout's outcome (app/payments/payouts/services.py calls these in its transaction) ---------------------------


def _withdrawal_of(payout: Payout) -> WalletWithdrawal:
    return db.session.scalar(select(WalletWithdrawal).where(WalletWithdrawal.payout_id == payout.id))


def _withdrawal_paid(payout: Payout) -> None:
    withdrawal = _withdrawal_of(payout)
    post_withdrawal_paid(
        payout.merchant_id,
        withdrawal.customer_id,
        withdrawal.id,
        Money(withdrawal.amount, withdrawal.currency),
        livemode=withdrawal.livemode,
    )
    record_event(payout.merchant_id, "withdrawal.paid", withdrawal_json(withdrawal, payout), livemode=payout.livemode)


def _withdrawal_failed(payout: Payout) -> None:
    withdrawal = _withdrawal_of(payout)
    post_withdrawal_returned(
        payout.merchant_id,
        withdrawal.customer_id,
        withdrawal.id,
        Money(withdrawal.amount, withdrawal.currency),
        livemode=withdrawal.livemode,
    )
    record_event(payout.merchant_id, "withdrawal.failed", withdrawal_json(withdrawal, payout), livemode=payout.livemode)


def _withdrawal_resent(payout: Payout) -> None:
    raise Conflict(
        "a failed withdrawal is final: its money is back in the customer's wallet; ask for a new withdrawal instead",
        code="payout_state_invalid",
    )


PURPOSES["withdrawal"] = Purpose(paid=_withdrawal_paid, failed=_withdrawal_failed, resent=_withdrawal_resent)
