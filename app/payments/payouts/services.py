"""Payouts: money sent out through a channel's payout API — a partner's settlement, or a customer's wallet
withdrawal — and what its outcome does to the books.

Sending happens outside any transaction, like a payment's create. Each try has its own reference
(``Payout.provider_reference``), so a retried call returns the payout the provider already has. An answer lost in
transit leaves the payout ``unknown``: it is looked up by reference, never sent blind a second time. The provider's
verdict arrives by callback (``/hooks/payouts/<channel>``) or by that look-up, and is applied once (a conditional
UPDATE from ``pending``/``unknown``):

- ``paid``: the money leaves payouts in transit for good (it was drawn from the channel's balance);
- ``failed``: tried again under a new reference with back-off, up to ``max_tries``; then the payout fails and the
  money goes back where it came from (a settlement's partner, a withdrawal's wallet), and ``payout.failed`` is sent.

What a paid or failed payout means for its purpose (settlement or withdrawal) is registered in ``PURPOSES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from flask import current_app
from sqlalchemy import select, update

from app.errors import Conflict, NotFound
from app.extensions import db
from app.ledger.accounts import channel_clearing_account, partner_account, payouts_in_transit_account
from app.ledger.books_models import Partner, Payout, Settlement
from app.ledger.journal import Leg, post_journal_entry
from app.ledger.settlement.services import settlement_json
from app.payments.channels.interface import PayoutResult, ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.queueing import BATCH, enqueue
from app.platform.values.times import iso_time

log = logs.get("payments.payouts")

ACTIVE = ("pending", "unknown")
MAX_BACKOFF = timedelta(hours=6)


def _backoff(try_number: int) -> timedelta:
    return min(timedelta(minutes=5) * 2 ** max(try_number - 1, 0), MAX_BACKOFF)


@dataclass(frozen=True)
class Purpose:
    """What a payout's outcome does beyond the payout itself (in the same transaction)."""

    paid: Callable[[Payout], None]
    failed: Callable[[Payout], None]  # for good: give the money back
    resent: Callable[[Payout], None]  # a failed payout sent again by hand: take the money again


PURPOSES: dict[str, Purpose] = {}


def payout_json(payout: Payout) -> dict:
    return {
        "id": payout.id,
        "object": "payout",
        "status": payout.status,
        "amount": payout.amount,
        "currency": payout.currency,
        "destination": payout.destination or None,
        "channel": payout.channel,
        "provider_reference": payout.provider_payout_id,
        "tries": payout.try_number,
        "failure_reason": payout.failure_reason,
        "created_at": iso_time(payout.created_at),
        "paid_at": iso_time(payout.paid_at),
    }


def payout_mode_refusal(adapter, channel: str, *, livemode: bool) -> str | None:
    """Why this channel cannot pay out money of this mode (None: it can): a test channel moves no real money, and a
    merchant's account keys of one mode (Stripe's sk_test_/sk_live_) move only that mode's money."""
    if livemode and getattr(adapter, "test_only", False):
        return f"{channel} moves no real money: choose a live payout channel in Settings"
    keys = getattr(adapter, "livemode", None)
    if isinstance(keys, bool) and keys is not livemode:
        return (
            f"{channel} has {'live' if keys else 'test'} keys, which cannot pay out "
            f"{'live' if livemode else 'test'} money: enter keys of that mode or choose another payout channel"
        )
    return None


def _callback_url(channel: str) -> str:
    return f"{current_app.config['PUBLIC_URL'].rstrip('/')}/hooks/payouts/{channel}"


def send_payout(payout_id: str) -> Payout | None:
    """Send a pending payout's current try to its channel and apply what the provider answers."""
    payout = db.session.get(Payout, payout_id, populate_existing=True)
    if payout is None or payout.status != "pending" or not payout.destination:
        db.session.rollback()
        return payout
    adapter = adapter_for(payout.channel, payout.merchant_id)
    wrong_mode = payout_mode_refusal(adapter, payout.channel, livemode=payout.livemode)
    if wrong_mode:
        # Live money is never "paid out" by a channel that moves none, nor test money by live keys: it waits.
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status == "pending")
            .values(next_try_at=None, updated_at=utcnow(), failure_reason=wrong_mode)
        )
        db.session.commit()
        log.error("payout waits: the payout channel is of the other mode", extra={"fields": {"payout_id": payout.id}})
        return db.session.get(Payout, payout.id, populate_existing=True)
    reference = payout.provider_reference
    db.session.rollback()  # no transaction is held open while the provider is called
    try:
        result = adapter.send_payout(
            reference=reference,
            amount=payout.amount,
            currency=payout.currency,
            destination=payout.destination,
            callback_url=_callback_url(payout.channel),
        )
    except ProviderRefused as exc:  # a healthy provider said no: nothing was sent
        return apply_payout_result(
            PayoutResult("", reference, "failed", payout.amount, payout.currency, str(exc)[:500])
        )
    except ProviderOutcomeUnknown as exc:
        return _outcome_unknown(payout.id, str(exc))
    except ProviderUnavailable as exc:  # never reached the provider: the same try is sent again later
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status == "pending")
            .values(
                next_try_at=utcnow() + _backoff(1),
                failure_reason=f"provider unreachable: {exc}"[:500],
                updated_at=utcnow(),
            )
        )
        db.session.commit()
        return db.session.get(Payout, payout.id, populate_existing=True)
    return apply_payout_result(result)


def _outcome_unknown(payout_id: str, why: str) -> Payout:
    db.session.execute(
        update(Payout)
        .where(Payout.id == payout_id, Payout.status == "pending")
        .values(
            status="unknown",
            next_try_at=utcnow() + _backoff(1),
            updated_at=utcnow(),
            failure_reason=f"outcome unknown, checking with the provider: {why}"[:500],
        )
    )
    db.session.commit()
    log.warning("payout outcome unknown", extra={"fields": {"payout_id": payout_id}})
    return db.session.get(Payout, payout_id, populate_existing=True)


def _payout_of(reference: str) -> Payout | None:
    base, _, try_number = reference.partition(".")
    payout = db.session.get(Payout, base, populate_existing=True)
    if payout is None or payout.try_number != int(try_number or 1):
        return None  # an earlier try's news: that try was already decided
    return payout


def apply_payout_result(result: PayoutResult, *, merchant_id: str | None = None) -> Payout | None:
    """Apply the provider's word on one try of a payout, once; a ``pending`` answer only records its id. News that
    came to one merchant's own provider account (``merchant_id``) is applied to that merchant's payouts only."""
    payout = _payout_of(result.reference)
    if payout is not None and merchant_id is not None and payout.merchant_id != merchant_id:
        db.session.rollback()
        return None
    if payout is None or payout.status not in ACTIVE:
        db.session.rollback()
        return payout
    now = utcnow()
    if result.status == "pending":
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout.id, Payout.status.in_(ACTIVE))
            .values(
                status="pending",
                provider_payout_id=result.provider_reference or payout.provider_payout_id,
                next_try_at=now + _backoff(payout.try_number),
                failure_reason=None,
                updated_at=now,
                sweep_failures=0,
            )
        )
        _settlement_status(payout, "paying")
        db.session.commit()
        return db.session.get(Payout, payout.id, populate_existing=True)
    retry = result.status == "failed" and payout.try_number < payout.max_tries
    values = {
        "provider_payout_id": result.provider_reference or payout.provider_payout_id,
        "updated_at": now,
        "failure_reason": result.failure_reason,
        "sweep_failures": 0,
    }
    if result.status == "paid":
        values |= {"status": "paid", "paid_at": now, "next_try_at": None}
    elif retry:  # the money stays in transit; the next try goes under a new reference
        values |= {
            "status": "pending",
            "try_number": payout.try_number + 1,
            "provider_payout_id": None,
            "next_try_at": now + _backoff(payout.try_number),
        }
    else:
        values |= {"status": "failed", "next_try_at": None}
    changed = db.session.execute(
        update(Payout)
        .where(Payout.id == payout.id, Payout.status.in_(ACTIVE), Payout.try_number == payout.try_number)
        .values(**values)
    ).rowcount
    if changed != 1:
        db.session.rollback()
        return db.session.get(Payout, payout.id, populate_existing=True)
    payout = db.session.get(Payout, payout.id, populate_existing=True)
    purpose = PURPOSES[payout.purpose]
    if payout.status == "paid":
        post_journal_entry(
            payout.merchant_id,
            "payout.paid",
            payout.id,
            [
                Leg(payouts_in_transit_account(livemode=payout.livemode), -payout.amount, payout.currency),
                Leg(channel_clearing_account(payout.channel, livemode=payout.livemode), payout.amount, payout.currency),
            ],
        )
        purpose.paid(payout)
    elif payout.status == "failed":
        purpose.failed(payout)
        record_event(payout.merchant_id, "payout.failed", payout_json(payout), livemode=payout.livemode)
    db.session.commit()
    log.info("payout %s", payout.status, extra={"fields": {"payout_id": payout.id, "merchant_id": payout.merchant_id}})
    return payout


def send_payouts_soon() -> None:
    """Queue the payout sweep now, after the caller committed its payouts; if Redis is away, the cron sweep sends
    them within a minute of its return: what was committed is never reported as failed."""
    try:
        enqueue("app.jobs.send_payouts", lane=BATCH)
    except Exception:
        log.warning("could not queue the payouts; the sweep sends them", exc_info=True)


def resolve_payouts(*, now: datetime | None = None, batch: int = 100) -> int:
    """Sweep: send pending payouts that are due (a first send, or a retry's back-off over) and look up unknown
    ones by reference; returns how many were handled."""
    now = now or utcnow()
    due = list(
        db.session.scalars(
            select(Payout.id)
            .where(Payout.status.in_(ACTIVE), Payout.next_try_at.isnot(None), Payout.next_try_at <= now)
            .order_by(Payout.next_try_at)
            .limit(batch)
        )
    )
    db.session.rollback()
    for payout_id in due:
        try:
            payout = db.session.get(Payout, payout_id, populate_existing=True)
            if payout.status == "unknown" or payout.provider_payout_id:
                look_up_payout(payout)
            else:
                send_payout(payout_id)
        except Exception as exc:  # one broken payout must not starve the others behind it
            db.session.rollback()
            log.exception(
                "could not send or look up a payout; it waits its back-off", extra={"fields": {"payout_id": payout_id}}
            )
            _postpone(payout_id, now, f"could not be sent or looked up ({type(exc).__name__}); tried again later")
    return len(due)


def _postpone(payout_id: str, now: datetime, why: str) -> None:
    """Left due, the broken payout would head every sweep: it waits 5 min, doubling per break up to 6 h. The breaks
    are counted on its row (``sweep_failures``): a wait read back from its timestamps shrank whenever anything else
    wrote ``updated_at``, or the sweep reached it long after the moment it started at."""
    db.session.execute(
        update(Payout)
        .where(Payout.id == payout_id, Payout.status.in_(ACTIVE))
        .values(
            sweep_failures=Payout.sweep_failures + 1,
            next_try_at=now + _sweep_backoff(payout_id),
            updated_at=utcnow(),
            failure_reason=why,
        )
    )
    db.session.commit()


def _sweep_backoff(payout_id: str) -> timedelta:
    breaks = db.session.scalar(select(Payout.sweep_failures).where(Payout.id == payout_id)) or 0
    return min(_backoff(1) * 2 ** min(breaks, 16), MAX_BACKOFF)


def look_up_payout(payout: Payout) -> None:
    """Ask the provider what became of the current try; one it never got is sent again, same reference."""
    reference, payout_id = payout.provider_reference, payout.id
    adapter = adapter_for(payout.channel, payout.merchant_id)
    db.session.rollback()
    try:
        found = adapter.find_payout(reference)
    except ProviderUnavailable as exc:
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout_id, Payout.status.in_(ACTIVE))
            .values(
                next_try_at=utcnow() + _backoff(2), failure_reason=f"outcome unknown: {exc}"[:500], updated_at=utcnow()
            )
        )
        db.session.commit()
        return
    if found is None:
        db.session.execute(
            update(Payout)
            .where(Payout.id == payout_id, Payout.status == "unknown")
            .values(status="pending", updated_at=utcnow())
        )
        db.session.commit()
        send_payout(payout_id)
        return
    apply_payout_result(found)


def retry_payout(merchant_id: str, payout_id: str) -> Payout:
    """Send a failed payout again by hand (after its account was fixed): the money is taken again."""
    payout = db.session.scalar(select(Payout).where(Payout.id == payout_id, Payout.merchant_id == merchant_id))
    if payout is None:
        raise NotFound(f"no payout {payout_id!r}", param="id")
    if payout.status != "failed":
        raise Conflict(
            f"payout is {payout.status}; only a failed payout can be sent again", code="payout_state_invalid"
        )
    now = utcnow()
    changed = db.session.execute(
        update(Payout)
        .where(Payout.id == payout.id, Payout.status == "failed")
        .values(
            status="pending",
            try_number=Payout.try_number + 1,
            max_tries=Payout.max_tries + 1,
            failure_reason=None,
            provider_payout_id=None,
            next_try_at=now,
            updated_at=now,
            sweep_failures=0,
        )
    ).rowcount
    if changed != 1:
        db.session.rollback()
        raise Conflict("the payout changed meanwhile; reload", code="payout_state_invalid")
    payout = db.session.get(Payout, payout.id, populate_existing=True)
    try:
        PURPOSES[payout.purpose].resent(payout)
    except Exception:  # the purpose refuses it (a withdrawal's failure is final): nothing changes
        db.session.rollback()
        raise
    db.session.commit()
    return send_payout(payout.id)


def payout_for_settlement(settlement_id: str) -> Payout | None:
    return db.session.scalar(select(Payout).where(Payout.settlement_id == settlement_id))


# --- a settlement's payout -------------------------------------------------------------------------------


def _settlement_status(payout: Payout, status: str) -> None:
    if payout.settlement_id:
        db.session.execute(
            update(Settlement)
            .where(Settlement.id == payout.settlement_id, Settlement.status.in_(("pending", "paying", "failed")))
            .values(status=status, paid_at=utcnow() if status == "paid" else None)
        )


def _settlement_paid(payout: Payout) -> None:
    _settlement_status(payout, "paid")
    settlement = db.session.get(Settlement, payout.settlement_id, populate_existing=True)
    record_event(
        payout.merchant_id,
        "settlement.paid",
        settlement_json(settlement) | {"payout": payout_json(payout)},
        livemode=payout.livemode,
    )


def _settlement_returned(payout: Payout, kind: str, sign: int) -> None:
    settlement = db.session.get(Settlement, payout.settlement_id)
    account = partner_account(settlement.partner_id, livemode=payout.livemode)
    post_journal_entry(
        payout.merchant_id,
        kind,
        f"{payout.id}:{payout.try_number}",
        [
            Leg(
                payouts_in_transit_account(livemode=payout.livemode),
                -sign * payout.amount,
                payout.currency,
                partner_id=settlement.partner_id,
                settlement_id=settlement.id,
            ),
            Leg(
                account,
                sign * payout.amount,
                payout.currency,
                partner_id=settlement.partner_id,
                line_kind="payout_returned" if sign > 0 else "settlement",
                settlement_id=settlement.id,
            ),
        ],
    )


def _settlement_failed(payout: Payout) -> None:
    _settlement_returned(payout, "payout.returned", +1)  # the partner is owed it again
    _settlement_status(payout, "failed")


def _settlement_resent(payout: Payout) -> None:
    _settlement_returned(payout, "payout.resent", -1)
    _settlement_status(payout, "paying")
    # A payout is sent again because the bank refused the account it went to: it goes to the partner's account as
    # it is now (the one the portal's confirmation names), or waits for one, never to the refused one again.
    settlement = db.session.get(Settlement, payout.settlement_id)
    partner = db.session.get(Partner, (settlement.partner_id, payout.merchant_id))
    account = partner.payout_account_in(payout.livemode) if partner is not None else None
    db.session.execute(
        update(Payout)
        .where(Payout.id == payout.id)
        .values(destination=account or "", next_try_at=payout.next_try_at if account else None)
    )


PURPOSES["settlement"] = Purpose(paid=_settlement_paid, failed=_settlement_failed, resent=_settlement_resent)
