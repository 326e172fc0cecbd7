"""Clearing: when an order completes, what it kept is split among those it belongs to (DESIGN.md §5).

For an order that kept ``N`` (its total less what was refunded before it completed):

1. ``N`` is split over the order's lines by their net amounts (largest remainder, so the parts are exact).
2. The channel's fee (what it kept of the capture, less what it gave back on those refunds) and the platform's
   fee (the merchant's ``platform_fee_bps`` of ``N``, plus ``platform_fee_fixed`` on an order in that fee's currency)
   are split over the lines the same way: they are taken off first.
3. Each line is split among its rule's partners by their shares: each gets its gross share of the line and bears
   the line's fees in proportion to that gross share (so never more than it got), in one ``share`` line of the net
   that keeps the fees in ``fee_withheld`` (statements show the gross and the fee apart); only fees that take a
   whole share are a ``fee`` line of their own.

The merchant's receivable gives up ``N``: what the partners net in a posting that names the order, balanced by their
lines on their payable accounts; and the fees, which the channel's and the platform's fee accounts receive as one
total each per batch (each order's are in its ``order_clearings`` row), so an order's own postings still hold exactly
what it kept (app/payments/integrity.py). One balanced entry for a whole batch. A partner's lines carry ``available_at``
= clearing time + the rule's ``hold_days`` (never inside a window already settled). A row in ``order_clearings`` per
order is the claim: an order is cleared once, whoever else tries.

Orders of one shop come in few *shapes* (what they kept, their fees, their lines' amounts and rules): the caller
stages a batch's orders in the database, each with the key of its kind, and hands over one order of each kind; each
shape's split is worked out once, in Python, as a balanced template of legs; the database then writes every order's
postings from the templates with one ``INSERT … SELECT`` (the order's id, and each line's SKU and sub-order, which
the stage holds on PostgreSQL and a join finds on SQLite). So a batch of ten thousand orders is a handful of
statements, and never travels through Python.

This module computes and posts; app/payments/clearing.py finds the orders and gathers what they kept.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Sequence

from sqlalchemy import BigInteger, Boolean, Column, Integer, MetaData, String, Table, Text, bindparam, text

from app.extensions import db
from app.ledger.accounts import channel_fee_account, partner_account, platform_fee_account, receivable_account
from app.ledger.books_models import SELF
from app.ledger.journal import Leg, add_legs, check_balanced, open_entry
from app.ledger.partners import ensure_self
from app.ledger.settlement.cursors import available_from, ensure_cursors, settled_through
from app.platform.db.bulk_copy import copy_rows
from app.platform.db.types import UTCDateTime
from app.platform.values.ids import new_id
from app.platform.values.money import allocate

_HALF = 5_000  # of 10,000 basis points: rounds half up

# A line as clearing sees it: (net amount, rule key), the rule key being ((partner, share_bps), …), hold_days.
LineKey = tuple[int, tuple]


@dataclass(frozen=True)
class OrderToClear:
    order_id: str
    total: int
    refunded: int  # given back before clearing
    channel: str | None  # the channel that captured (None: nothing was captured)
    capture_fee: int  # what that channel charged on the capture
    fee_returned: int  # what it gave back of that fee on the refunds so far
    lines: tuple[LineKey, ...] = ()


@dataclass(frozen=True)
class PlatformFee:
    bps: int = 0
    fixed: int = 0
    fixed_currency: str | None = None  # the fixed part is minor units of this currency, taken off its orders only

    def on(self, amount: int, currency: str) -> int:
        """The platform's fee on ``amount`` (minor units of ``currency``) kept by an order."""
        fixed = self.fixed if currency == self.fixed_currency else 0
        if amount <= 0 or (self.bps == 0 and fixed == 0):
            return 0
        return fixed + (amount * self.bps + _HALF) // 10_000


def rule_key(rule: dict) -> tuple:
    """A clearing rule as a hashable key."""
    return tuple((s["partner"], s["share_bps"]) for s in rule["splits"]), rule.get("hold_days", 0)


def _split(amount: int, weights: Sequence[int]) -> list[int]:
    """``allocate`` that also takes all-zero weights (nothing to split by) when the amount is zero."""
    if amount == 0:
        return [0] * len(weights)
    if sum(weights) == 0:
        weights = [1] * len(weights)
    return allocate(amount, list(weights))


@dataclass(frozen=True)
class Part:
    """One leg of a shape: an account's amount, and for a partner's line which line (1-based), the fees taken off
    its gross share and when it may be settled (days after clearing)."""

    account: str
    amount: int
    partner_id: str | None = None
    line_no: int | None = None
    line_kind: str | None = None
    hold_days: int = 0
    fee_withheld: int | None = None

    @property
    def gross(self) -> int:
        return self.amount + (self.fee_withheld or 0)


@dataclass(frozen=True)
class Shape:
    kept: int
    channel_fee: int
    platform_fee: int
    parts: tuple[Part, ...]  # each order's own postings (they name it)
    fees: tuple[Part, ...] = ()  # its fees, to the fee accounts from the receivable: a batch posts their totals


@lru_cache(maxsize=4096)
def order_shape(
    merchant_id: str,
    livemode: bool,
    kept: int,
    channel: str | None,
    channel_fee: int,
    platform_fee: int,
    lines: tuple[LineKey, ...],
) -> Shape:
    """The split of every order that kept ``kept`` with these fees and lines: balanced parts, worked out once."""
    if kept <= 0 or not lines:
        return Shape(max(kept, 0), 0, 0, ())
    receivable = receivable_account(merchant_id, livemode=livemode)
    # The order's receivable gives up what its partners net; its fees leave the receivable in the batch's totals.
    parts = [Part(receivable, -(kept - channel_fee - platform_fee))] if kept != channel_fee + platform_fee else []
    fees = [Part(receivable, -(channel_fee + platform_fee))] if channel_fee + platform_fee else []
    if channel_fee:
        fees.append(Part(channel_fee_account(channel, livemode=livemode), channel_fee))
    if platform_fee:
        fees.append(Part(platform_fee_account(livemode=livemode), platform_fee))
    line_kept = _split(kept, [net for net, _ in lines])
    line_channel_fee = _split(channel_fee, line_kept)
    line_platform_fee = _split(platform_fee, line_kept)
    for line_no, ((_, (splits, hold)), amount, cf, pf) in enumerate(
        zip(lines, line_kept, line_channel_fee, line_platform_fee), 1
    ):
        grosses = _split(amount, [bps for _, bps in splits])
        # The fees by what each partner got, not by its share_bps again: largest remainder on the smaller amount
        # can round a unit the other way (a 32-cent line split 11/33/56 % is 3/11/18, its 31 cents of fees 4/10/17),
        # and a partner would net below zero, a part no refund can reverse in proportion.
        for (partner, _), gross, fee in zip(splits, grosses, _split(cf + pf, grosses)):
            account = partner_account(partner, livemode=livemode)
            if gross and gross != fee:  # one line of the net, keeping the fees taken off it
                parts.append(Part(account, gross - fee, partner, line_no, "share", hold, fee or None))
                continue
            # Fees that take the whole share (or fees on a share of nothing): a posting is never of zero.
            if gross:
                parts.append(Part(account, gross, partner, line_no, "share", hold))
            if fee:
                parts.append(Part(account, -fee, partner, line_no, "fee", hold))
    return Shape(kept, channel_fee, platform_fee, tuple(parts), tuple(fees))


def shape_of(order: OrderToClear, merchant_id: str, livemode: bool, platform: PlatformFee, currency: str) -> Shape:
    """The shape an order in ``currency`` clears by."""
    kept = order.total - order.refunded
    channel_fee = max(order.capture_fee - order.fee_returned, 0) if kept > 0 else 0
    platform_fee = min(platform.on(kept, currency), kept - channel_fee) if kept > 0 else 0
    return order_shape(merchant_id, livemode, kept, order.channel, channel_fee, platform_fee, order.lines)


# A batch is staged in temporary tables: its orders (filled set-based by the caller, each with the key of its kind),
# the figures and the template legs of each kind; the postings and claims are then joined from them.
_STAGE = MetaData()
# The orders need no key of their own: they come from orders, once each, and are only ever read whole.
STAGED = Table(
    "clearing_orders",
    _STAGE,
    Column("order_id", String(40)),
    Column("updated_at", UTCDateTime()),
    Column("livemode", Boolean),
    Column("currency", String(3)),
    Column("total", BigInteger),
    Column("refunded", BigInteger),
    Column("channel", String(40)),
    Column("capture_fee", BigInteger),
    Column("fee_returned", BigInteger),
    Column("lines", Text),
    Column("skus", Text),
    Column("sub_orders", Text),
    Column("key_id", Text),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
_KEYS = Table(
    "clearing_keys",
    _STAGE,
    Column("key_id", Text, primary_key=True),
    Column("amount", BigInteger),
    Column("channel_fee", BigInteger),
    Column("platform_fee", BigInteger),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)
_SHAPES = Table(
    "clearing_shapes",
    _STAGE,
    Column("key_id", Text),
    Column("account", String(300)),
    Column("amount", BigInteger),
    Column("partner_id", String(40)),
    Column("line_no", Integer),
    Column("line_kind", String(20)),
    Column("fee_withheld", BigInteger),
    Column("available_at", UTCDateTime()),
    prefixes=["TEMPORARY"],
    postgresql_on_commit="DROP",
)


def open_batch() -> Table:
    """The empty table of a batch's orders, for the caller to fill (made once per transaction on PostgreSQL,
    which drops it at commit; once per connection on SQLite)."""
    connection = db.session.connection()
    if db.engine.dialect.name == "postgresql":
        # The batch's statements are planned as costly enough to compile, which costs more than running them; and
        # the postings' statement trigger keeps the batch's rows in memory, which at 4 MB spills them to disk.
        connection.execute(text("SET LOCAL jit = off"))
        connection.execute(text("SET LOCAL work_mem = '64MB'"))
        # A batch need not wait for its commit to reach the disk: a crash can only lose it whole (claims and
        # postings together), and the sweep then clears its orders again; any later commit that waits (a
        # settlement reading these lines, say) writes it to disk first, as the log is written in order.
        connection.execute(text("SET LOCAL synchronous_commit = off"))
    for table in (STAGED, _KEYS, _SHAPES):
        table.create(connection, checkfirst=True)
        connection.execute(table.delete())
    return STAGED


_POSTINGS = """
    INSERT INTO postings (entry_id, merchant_id, account, amount, currency, order_id, partner_id, sku_id, sub_order_id,
                          line_kind, fee_withheld, available_at)
    SELECT :entry, :merchant, s.account, s.amount, o.currency, o.order_id, s.partner_id, {sku}, {sub_order},
           s.line_kind, s.fee_withheld, s.available_at
    FROM clearing_orders o
    JOIN clearing_shapes s ON s.key_id = o.key_id
    {items}
    WHERE o.livemode = :livemode AND o.currency = :currency"""
# Each line's SKU and sub-order: on PostgreSQL the stage has them in line order; SQLite numbers the items here.
_POST = {
    "postgresql": text(
        _POSTINGS.format(
            sku="NULLIF(split_part(o.skus, ' ', s.line_no), '')",
            sub_order="NULLIF(split_part(o.sub_orders, ' ', s.line_no), '')",
            items="",
        )
    ),
    "sqlite": text(
        _POSTINGS.format(
            sku="i.sku_id",
            sub_order="i.sub_order_id",
            items="""
    LEFT JOIN (SELECT order_id, sku_id, sub_order_id, row_number() OVER (PARTITION BY order_id ORDER BY id) AS line_no
               FROM order_items WHERE order_id IN (SELECT order_id FROM clearing_orders)) i
      ON i.order_id = o.order_id AND i.line_no = s.line_no""",
        )
    ),
}
_CLAIM = text("""
    INSERT INTO order_clearings (order_id, merchant_id, livemode, entry_id, amount, refunded_before, channel_fee,
                                 platform_fee, currency, cleared_at)
    SELECT o.order_id, :merchant, o.livemode, :entry, k.amount, o.refunded, k.channel_fee, k.platform_fee, o.currency,
           :now
    FROM clearing_orders o JOIN clearing_keys k ON k.key_id = o.key_id
    WHERE o.livemode = :livemode AND o.currency = :currency""").bindparams(bindparam("now", type_=UTCDateTime()))


def post_batch(
    merchant_id: str, kinds: Sequence[tuple[str, int, bool, str, OrderToClear]], platform: PlatformFee, *, now: datetime
) -> int:
    """Clear the orders staged in ``open_batch``'s table, in the caller's transaction: ``kinds`` are
    (key, how many orders, mode, currency, an order of that kind) for each key the staged orders carry. One balanced
    entry per mode and currency — each order's own postings, and the fees of them all as one total per account — and
    a claim per order (the primary key refuses an order cleared twice). The caller holds the merchant's clearing lock
    (app/payments/clearing.py) and commits. Returns how many postings were written."""
    groups: dict[tuple[bool, str], list[tuple[str, int, Shape]]] = defaultdict(list)
    keys = []
    for key_id, count, livemode, currency, order in kinds:
        shape = shape_of(order, merchant_id, livemode, platform, currency)
        groups[(livemode, currency)].append((key_id, count, shape))
        keys.append((key_id, shape.kept, shape.channel_fee, shape.platform_fee))
    copy_rows(_KEYS, [c.name for c in _KEYS.columns], keys)
    templates = []
    for (livemode, currency), shapes in groups.items():
        partners = {part.partner_id for _, _, shape in shapes for part in shape.parts if part.partner_id}
        if SELF in partners:
            ensure_self(merchant_id)
        ensure_cursors(merchant_id, partners, livemode=livemode, currency=currency)
        floors = settled_through(merchant_id, partners, livemode=livemode, currency=currency)
        for key_id, _, shape in shapes:
            for legs in (shape.parts, shape.fees):  # each order's own postings balance, and so do its fees
                if legs:
                    check_balanced([Leg(p.account, p.amount, currency) for p in legs])
            for p in shape.parts:
                when = (
                    available_from(now + timedelta(days=p.hold_days), floors.get(p.partner_id))
                    if p.partner_id
                    else None
                )
                templates.append(
                    (key_id, p.account, p.amount, p.partner_id, p.line_no, p.line_kind, p.fee_withheld, when)
                )
    copy_rows(_SHAPES, [c.name for c in _SHAPES.columns], templates)
    written = 0
    for (livemode, currency), shapes in groups.items():
        where = {"merchant": merchant_id, "livemode": livemode, "currency": currency}
        fees: dict[str, int] = defaultdict(int)
        for _, count, shape in shapes:
            for p in shape.fees:
                fees[p.account] += p.amount * count
        totals = [Leg(account, amount, currency) for account, amount in fees.items() if amount]
        entry_id = None
        if totals or any(shape.parts for _, _, shape in shapes):
            entry_id = open_entry(merchant_id, "clearing", new_id("clr"))
            written += db.session.execute(_POST[db.engine.dialect.name], where | {"entry": entry_id}).rowcount
            if totals:
                add_legs(entry_id, merchant_id, totals)
                written += len(totals)
        db.session.execute(_CLAIM, where | {"entry": entry_id, "now": now})
    return written
