"""Reading settlements: the list, one settlement, its lines (the postings of its window and its own) and the
statement as CSV, streamed so a settlement of a million lines never sits in memory.

A partner's ``share`` posting is net of the fees it bears (``fee_withheld``); a statement shows it as the two lines it
stands for, the gross share and the fee, side by side and named by the posting's id."""

from __future__ import annotations

from datetime import datetime
from typing import Iterator, NamedTuple

from sqlalchemy import ColumnElement, and_, or_, select

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.ledger.accounts import partner_account
from app.ledger.books_models import SELF, SETTLEMENT_STATUSES, OrderClearing, Settlement
from app.ledger.models import Posting
from app.ledger.settlement.services import OWN_KINDS, WINDOW_KINDS
from app.platform.values.csv_export import CsvChunks, spreadsheet_safe
from app.platform.values.money import Money
from app.platform.values.pagination import newest_first
from app.platform.values.times import iso_time

# The API's four kinds of line; reserves held and released are adjustments.
API_KIND = {
    "share": "share",
    "fee": "fee",
    "refund": "refund",
    "adjustment": "adjustment",
    "reserve": "adjustment",
    "reserve_release": "adjustment",
}


def list_settlements(
    merchant_id: str,
    *,
    livemode: bool,
    partner: str | None = None,
    status: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
) -> tuple[list[Settlement], bool]:
    """One mode's settlements, newest first, cursor-paginated by id."""
    if status is not None and status not in SETTLEMENT_STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(SETTLEMENT_STATUSES)}", param="status")
    query = select(Settlement).where(Settlement.merchant_id == merchant_id, Settlement.livemode == livemode)
    if partner:
        query = query.where(Settlement.partner_id == partner)
    if status:
        query = query.where(Settlement.status == status)
    return newest_first(query, Settlement.id, limit=limit, starting_after=starting_after)


def get_settlement(merchant_id: str, settlement_id: str, *, livemode: bool) -> Settlement:
    settlement = db.session.scalar(
        select(Settlement).where(
            Settlement.id == settlement_id, Settlement.merchant_id == merchant_id, Settlement.livemode == livemode
        )
    )
    if settlement is None:
        raise NotFound(f"no settlement {settlement_id!r}", param="id")
    return settlement


class StatementLine(NamedTuple):
    id: int  # the posting's: a share and the fee withheld from it share theirs
    order_id: str | None
    sub_order_id: str | None
    sku_id: str | None
    partner_id: str | None
    line_kind: str | None
    amount: int
    currency: str
    available_at: datetime | None


def statement_lines(posting: Posting) -> list[StatementLine]:
    """The lines a posting stands for: a net share with fees withheld is its gross share and its fee."""
    line = StatementLine(
        posting.id,
        posting.order_id,
        posting.sub_order_id,
        posting.sku_id,
        posting.partner_id,
        posting.line_kind,
        posting.amount,
        posting.currency,
        posting.available_at,
    )
    if posting.line_kind != "share" or not posting.fee_withheld:
        return [line]
    return [
        line._replace(amount=posting.amount + posting.fee_withheld),
        line._replace(line_kind="fee", amount=-posting.fee_withheld),
    ]


def window_postings(settlement: Settlement, *, own: bool = True) -> ColumnElement[bool]:
    """Which postings are the settlement's lines: its window's on the partner's account, and (``own``) the reserve
    lines it made for itself."""
    account = partner_account(settlement.partner_id, livemode=settlement.livemode)
    window = [Posting.line_kind.in_(WINDOW_KINDS), Posting.available_at < settlement.period_end]
    if settlement.period_start is not None:
        window.append(Posting.available_at >= settlement.period_start)
    made = and_(Posting.settlement_id == settlement.id, Posting.line_kind.in_(OWN_KINDS))
    return and_(
        Posting.merchant_id == settlement.merchant_id,
        Posting.account == account,
        Posting.currency == settlement.currency,
        or_(and_(*window), made) if own else and_(*window),
    )


def _lines_query(settlement: Settlement):
    return select(Posting).where(window_postings(settlement))


def settlement_lines(
    settlement: Settlement, *, limit: int = 100, starting_after: int | None = None
) -> tuple[list[StatementLine], bool]:
    """The settlement's lines in the order they were posted, at most ``limit``, cursor-paginated by posting id. A
    share and the fee withheld from it are never split over two pages (with ``limit`` 1, such a page has both)."""
    query = _lines_query(settlement)
    if starting_after is not None:
        query = query.where(Posting.id > starting_after)
    page: list[StatementLine] = []
    for posting in db.session.scalars(query.order_by(Posting.id).limit(limit + 1)):
        lines = statement_lines(posting)
        if page and len(page) + len(lines) > limit:
            return page, True
        page += lines
    return page, False


def line_json(line: StatementLine) -> dict:
    return {
        "id": line.id,
        "order": line.order_id,
        "sub_order": line.sub_order_id,
        "sku": line.sku_id,
        "kind": API_KIND.get(line.line_kind, "adjustment"),
        "detail": line.line_kind,
        "amount": {"amount": line.amount, "currency": line.currency},
        "available_at": iso_time(line.available_at),
    }


def statement_csv(settlement: Settlement, partner_name: str) -> Iterator[str]:
    """The settlement as CSV: a summary, then every line (amounts in minor units and as decimals)."""
    out = CsvChunks()
    money = lambda amount: Money(amount, settlement.currency).format()  # noqa: E731
    out.row(["settlement", settlement.id])
    # The partner's name is typed text (portal, API): no cell a spreadsheet runs as a formula.
    out.row(
        ["partner", SELF if settlement.partner_id == SELF else settlement.partner_id, spreadsheet_safe(partner_name)]
    )
    out.row(
        [
            "period",
            settlement.period_start.isoformat() if settlement.period_start else "",
            settlement.period_end.isoformat(),
        ]
    )
    for label, amount in (
        ("gross", settlement.gross),
        ("fees", -settlement.fees),
        ("refunds", -settlement.refunds),
        ("adjustments", settlement.adjustments),
        ("net", settlement.net),
        ("reserve_held", -settlement.reserve_held),
        ("payout", settlement.payout_amount),
    ):
        out.row([label, amount, settlement.currency, money(amount)])
    out.row([])
    out.row(["line", "order", "sub_order", "sku", "kind", "detail", "amount", "currency", "available_at"])
    yield out.take()
    stream = db.session.execute(_lines_query(settlement).order_by(Posting.id).execution_options(yield_per=2000))
    for count, posting in enumerate(stream.scalars(), 1):
        for line in statement_lines(posting):
            out.row(
                [
                    line.id,
                    line.order_id or "",
                    line.sub_order_id or "",
                    line.sku_id or "",
                    API_KIND.get(line.line_kind, "adjustment"),
                    line.line_kind,
                    line.amount,
                    line.currency,
                    line.available_at.isoformat() if line.available_at else "",
                ]
            )
        if count % 2000 == 0:
            yield out.take()
    yield out.take()


def order_books(merchant_id: str, order_id: str) -> tuple[OrderClearing | None, list[StatementLine]]:
    """An order's clearing (None until it completes) and every partner line it gave rise to, oldest first."""
    clearing = db.session.get(OrderClearing, order_id)
    if clearing is not None and clearing.merchant_id != merchant_id:
        return None, []
    postings = db.session.scalars(
        select(Posting)
        .where(
            Posting.merchant_id == merchant_id,
            Posting.order_id == order_id,
            Posting.partner_id.isnot(None),
            Posting.line_kind.in_(("share", "fee", "refund")),
        )
        .order_by(Posting.id)
    )
    return clearing, [line for posting in postings for line in statement_lines(posting)]
