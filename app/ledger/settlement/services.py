"""Settlement: a partner's cleared lines of one period, added up and paid out as one (DESIGN.md §5).

A partner's lines (``share`` — net, with the fees it bears —, ``fee``, ``refund``, ``adjustment``,
``reserve_release`` postings on its payable account) carry ``available_at``. A settlement takes the window
``[settled_through, cutoff)`` of them — the cutoff is the start of the current day, week (Monday) or month by the
partner's cycle, UTC, or a test's ``until`` — adds them up in SQL, and moves the partner's cursor to the cutoff:
nothing is updated per line, and a posting belongs to exactly one window. A line posted later always lands at or
after the cursor (app/ledger/settlement/cursors.py), so a refund after settlement is a negative line of the next one.

The settlement's own entry takes its payout out of the partner's payable into payouts in transit; a rolling
reserve holds part back (a ``reserve`` line now, a ``reserve_release`` line ``reserve_days`` later, in a later
window). A window that nets to nothing or less is not cut: its lines wait for the next one.
Two runs at once queue on the cursor's row lock; the second finds nothing left to settle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app.extensions import db
from app.ledger.accounts import partner_account, payouts_in_transit_account
from app.ledger.books_models import Partner, Payout, Settlement, SettlementCursor
from app.ledger.journal import Leg, post_journal_entry
from app.ledger.models import Posting
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

log = logs.get("ledger.settlement")

WINDOW_KINDS = ("share", "fee", "refund", "adjustment", "reserve_release")
OWN_KINDS = ("reserve",)  # lines a settlement makes for itself, named by its id


def cycle_cutoff(cycle: str, now: datetime) -> datetime:
    """Where the current period of a cycle began: lines available before it are due."""
    day = now.replace(hour=0, minute=0, second=0, microsecond=0)
    if cycle == "weekly":
        return day - timedelta(days=day.weekday())
    if cycle == "monthly":
        return day.replace(day=1)
    return day


@dataclass(frozen=True)
class WindowTotals:
    gross: int = 0
    fees: int = 0
    refunds: int = 0
    adjustments: int = 0
    released: int = 0  # the part of ``adjustments`` that is reserve held by earlier settlements, now due
    lines: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.fees - self.refunds + self.adjustments


def window_totals(
    merchant_id: str, partner_id: str, livemode: bool, currency: str, start: datetime | None, end: datetime
) -> WindowTotals:
    """A partner's lines available in ``[start, end)``, summed by kind in one query. A share line is net of the fees
    it bears (``fee_withheld``): its gross and its fees count apart, as two lines, as its statement shows them."""
    query = (
        select(
            Posting.line_kind,
            func.sum(Posting.amount),
            func.sum(func.coalesce(Posting.fee_withheld, 0)),
            func.count(),
            func.count(Posting.fee_withheld),
        )
        .where(
            Posting.merchant_id == merchant_id,
            Posting.account == partner_account(partner_id, livemode=livemode),
            Posting.currency == currency,
            Posting.line_kind.in_(WINDOW_KINDS),
            Posting.available_at < end,
        )
        .group_by(Posting.line_kind)
    )
    if start is not None:
        query = query.where(Posting.available_at >= start)
    sums = {
        kind: (int(total), int(withheld), count + with_fee)
        for kind, total, withheld, count, with_fee in db.session.execute(query)
    }
    amount = lambda kind: sums.get(kind, (0, 0, 0))[0]  # noqa: E731
    withheld = sums.get("share", (0, 0, 0))[1]
    return WindowTotals(
        gross=amount("share") + withheld,
        fees=withheld - amount("fee"),
        refunds=-amount("refund"),
        adjustments=amount("adjustment") + amount("reserve_release"),
        released=amount("reserve_release"),
        lines=sum(count for _, _, count in sums.values()),
    )


def _locked_cursor(merchant_id: str, partner_id: str, livemode: bool, currency: str) -> SettlementCursor | None:
    query = select(SettlementCursor).where(
        SettlementCursor.merchant_id == merchant_id,
        SettlementCursor.partner_id == partner_id,
        SettlementCursor.livemode == livemode,
        SettlementCursor.currency == currency,
    )
    if db.engine.dialect.name == "postgresql":
        query = query.with_for_update()
    else:
        # SQLite: hold the database's write lock from here, so no line is posted between the read and the cut.
        db.session.execute(text("UPDATE settlement_cursors SET partner_id = partner_id WHERE 1 = 0"))
    return db.session.execute(query.execution_options(populate_existing=True)).scalar_one_or_none()


def settle_partner(
    merchant_id: str,
    partner: Partner,
    livemode: bool,
    currency: str,
    *,
    cutoff: datetime,
    now: datetime,
    payout_channel: str,
) -> Settlement | None:
    """Cut the partner's window up to ``cutoff`` into a settlement and its payout (caller commits); None when
    there is nothing to pay (already settled this far, no lines, or a net of zero or less)."""
    cursor = _locked_cursor(merchant_id, partner.id, livemode, currency)
    if cursor is None or (cursor.settled_through is not None and cursor.settled_through >= cutoff):
        return None
    totals = window_totals(merchant_id, partner.id, livemode, currency, cursor.settled_through, cutoff)
    if totals.lines == 0:
        cursor.settled_through = cutoff  # an empty window: nothing to carry
        return None
    if totals.net <= 0:
        return None  # carried: the next window takes these lines with it
    # A rolling reserve holds back part of the new takings only: a released reserve is paid out whole, never held
    # again (re-holding it each cycle would keep a slice of the partner's money back for good).
    reserve_bps, reserve_days = partner.reserve_in(livemode)
    reserve = max(totals.net - totals.released, 0) * reserve_bps // 10_000
    settlement = Settlement(
        id=new_id("stl"),
        merchant_id=merchant_id,
        partner_id=partner.id,
        livemode=livemode,
        currency=currency,
        period_start=cursor.settled_through,
        period_end=cutoff,
        gross=totals.gross,
        fees=totals.fees,
        refunds=totals.refunds,
        adjustments=totals.adjustments,
        reserve_held=reserve,
        net=totals.net,
        payout_amount=totals.net - reserve,
        line_count=totals.lines,
        status="pending" if totals.net - reserve > 0 else "paid",
        created_at=now,
        paid_at=None if totals.net - reserve > 0 else now,
    )
    db.session.add(settlement)
    account = partner_account(partner.id, livemode=livemode)
    legs = []
    if settlement.payout_amount:
        legs += [
            Leg(
                account,
                -settlement.payout_amount,
                currency,
                partner_id=partner.id,
                line_kind="settlement",
                settlement_id=settlement.id,
            ),
            Leg(
                payouts_in_transit_account(livemode=livemode),
                settlement.payout_amount,
                currency,
                partner_id=partner.id,
                settlement_id=settlement.id,
            ),
        ]
    if reserve:
        release = max(now + timedelta(days=reserve_days), cutoff)
        legs += [
            Leg(account, -reserve, currency, partner_id=partner.id, line_kind="reserve", settlement_id=settlement.id),
            Leg(
                account,
                reserve,
                currency,
                partner_id=partner.id,
                line_kind="reserve_release",
                available_at=release,
                settlement_id=settlement.id,
            ),
        ]
    settlement.entry_id = post_journal_entry(merchant_id, "settlement", settlement.id, legs).id
    cursor.settled_through = cutoff
    if settlement.payout_amount:
        destination = partner.payout_account_in(livemode)
        db.session.add(
            Payout(
                id=new_id("po"),
                merchant_id=merchant_id,
                livemode=livemode,
                purpose="settlement",
                settlement_id=settlement.id,
                amount=settlement.payout_amount,
                currency=currency,
                destination=destination or "",
                channel=payout_channel,
                status="pending",
                next_try_at=now if destination else None,
                created_at=now,
                updated_at=now,
            )
        )
    record_event(merchant_id, "settlement.created", settlement_json(settlement), livemode=livemode)
    log.info(
        "settlement cut",
        extra={
            "fields": {
                "merchant_id": merchant_id,
                "partner_id": partner.id,
                "settlement_id": settlement.id,
                "net": settlement.net,
            }
        },
    )
    return settlement


def settlement_json(settlement: Settlement) -> dict:
    """A settlement as the API shows it (without its payout, which the caller adds)."""
    return {
        "id": settlement.id,
        "object": "settlement",
        "partner": settlement.partner_id,
        "livemode": settlement.livemode,
        "period_start": iso_time(settlement.period_start),
        "period_end": iso_time(settlement.period_end),
        "currency": settlement.currency,
        "gross": settlement.gross,
        "refunds": settlement.refunds,
        "fees": settlement.fees,
        "adjustments": settlement.adjustments,
        "reserve_held": settlement.reserve_held,
        "net": settlement.net,
        "payout_amount": settlement.payout_amount,
        "line_count": settlement.line_count,
        "status": settlement.status,
        "created_at": iso_time(settlement.created_at),
        "paid_at": iso_time(settlement.paid_at),
    }


def due_cursors(*, merchant_id: str | None = None, livemode: bool | None = None) -> list[tuple]:
    """(merchant, partner, mode, currency) of every cursor, with the partner's row, to consider for settling."""
    query = (
        select(
            SettlementCursor.merchant_id,
            SettlementCursor.partner_id,
            SettlementCursor.livemode,
            SettlementCursor.currency,
            Partner,
        )
        .join(
            Partner, (Partner.merchant_id == SettlementCursor.merchant_id) & (Partner.id == SettlementCursor.partner_id)
        )
        .order_by(SettlementCursor.merchant_id, SettlementCursor.partner_id, SettlementCursor.currency)
    )
    if merchant_id is not None:
        query = query.where(SettlementCursor.merchant_id == merchant_id)
    if livemode is not None:
        query = query.where(SettlementCursor.livemode == livemode)
    return list(db.session.execute(query).all())


def run_settlements(
    *,
    merchant_id: str | None = None,
    livemode: bool | None = None,
    until: datetime | None = None,
    now: datetime,
    payout_channel: str | Callable[[str], str],
) -> list[Settlement]:
    """Cut every settlement that is due: each partner's window up to its cycle's cutoff (or ``until``, for a test
    merchant who wants to see a cycle now), one transaction per partner and currency. ``payout_channel`` is the
    channel every payout goes through, or a function naming it per merchant (the payout rail is the merchant's
    choice, which payments know and the ledger does not)."""
    cut = []
    for merchant, _partner_id, mode, currency, partner in due_cursors(merchant_id=merchant_id, livemode=livemode):
        cutoff = until if until is not None else cycle_cutoff(partner.cycle, now)
        try:
            settlement = settle_partner(
                merchant,
                partner,
                mode,
                currency,
                cutoff=cutoff,
                now=now,
                payout_channel=payout_channel if isinstance(payout_channel, str) else payout_channel(merchant),
            )
            db.session.commit()
        except IntegrityError:  # another run cut this window first
            db.session.rollback()
            continue
        if settlement is not None:
            cut.append(settlement)
    return cut
