"""A settlement split by business line: what each line of the merchant contributed to one partner's settlement.

A partner is paid once per cycle (one bank transfer, one settlement), whatever lines its money came from; the
statement says how much of it each line made, read from the orders its lines name. Lines that name no order (a
reserve released, an adjustment) and orders of no line are the merchant's default (``business_line`` null). The
parts add up to the settlement's net exactly: the held reserve is the settlement's own, not a line's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from app.extensions import db
from app.ledger.books_models import Settlement
from app.ledger.models import Posting
from app.ledger.settlement.statements import window_postings
from app.orders.models import Order


@dataclass(frozen=True)
class LineShare:
    business_line: str | None
    gross: int = 0
    fees: int = 0
    refunds: int = 0
    adjustments: int = 0

    @property
    def net(self) -> int:
        return self.gross - self.fees - self.refunds + self.adjustments

    def to_json(self) -> dict:
        return {
            "business_line": self.business_line,
            "gross": self.gross,
            "fees": self.fees,
            "refunds": self.refunds,
            "adjustments": self.adjustments,
            "net": self.net,
        }


def settlement_by_line(settlement: Settlement) -> list[LineShare]:
    """The settlement's window summed per business line and kind in one query, the default (null) line first."""
    rows = db.session.execute(
        select(
            Order.business_line_id,
            Posting.line_kind,
            func.sum(Posting.amount),
            func.sum(func.coalesce(Posting.fee_withheld, 0)),
        )
        .select_from(Posting)
        .outerjoin(Order, Order.id == Posting.order_id)
        .where(window_postings(settlement, own=False))
        .group_by(Order.business_line_id, Posting.line_kind)
    )
    sums: dict[str | None, dict[str, int]] = {}
    for line, kind, amount, withheld in rows:
        part = sums.setdefault(line, {"gross": 0, "fees": 0, "refunds": 0, "adjustments": 0})
        if kind == "share":
            part["gross"] += int(amount) + int(withheld)
            part["fees"] += int(withheld)
        elif kind == "fee":
            part["fees"] -= int(amount)
        elif kind == "refund":
            part["refunds"] -= int(amount)
        else:  # adjustment, reserve_release
            part["adjustments"] += int(amount)
    return [LineShare(line, **sums[line]) for line in sorted(sums, key=lambda line: (line is not None, line or ""))]
