"""A refund's money is set aside when the refund starts and leaves when the provider confirms it.

When a purchase refund starts (in the transaction that marks the order ``refunding``), its amount moves from where
the order's money now is into the merchant's ``refunds_in_flight`` account (the frozen balance):

- an order not cleared yet: from the merchant's receivable; when a channel that keeps its fee (rule ``none``) gives
  back the last of its capture this way, the order will never be cleared (where a capture's fee is booked), so the
  fee it kept is booked here too, against the merchant's own balance (``_kept_fee_legs``);
- a cleared order: back from each part of its clearing, in proportion — the channel's fee by the channel's own
  rule (its spec's ``fee_returned_on_refund``: a provider that keeps its fee gives none back, so the whole amount
  comes from the other parts), the rest from the platform's fee and every partner's line by their shares of what
  the order kept, counted cumulatively from what each part has given back so far (its postings, whatever order
  refunds and disputes won or lost took), so refunding everything reverses everything exactly.
  A partner's part is a ``refund`` line of its next settlement (after settlement, a negative line there). A refund
  of one sub-order takes only from that sub-order's partner lines and its part of the platform's fee; a refund of a
  split order as a whole is attributed to its sub-orders (``sub_order_shares``) and takes each share, with its part
  of the channel's fee returned, from that sub-order's parts, exactly as refunds of each sub-order would.

The provider's answer then either sends the money out (``post_refund_sent``: frozen → the channel, or the wallet)
or, when it refused, puts every leg of the hold back (``release_refund_hold``). An unknown answer leaves the hold
in place. Top-up refunds keep their own path (app/ledger/wallet/services.py): their money is the customer's, not a
merchant's.
"""

from __future__ import annotations

from datetime import datetime
from typing import Sequence

from sqlalchemy import case, func, or_, select

from app.extensions import db
from app.ledger.accounts import (
    channel_fee_account,
    partner_account,
    platform_fee_account,
    receivable_account,
    refunds_in_flight_account,
)
from app.ledger.books_models import SELF, OrderClearing
from app.ledger.clearing.locks import clearing_lock
from app.ledger.fees import fee_back
from app.ledger.journal import Leg, find_entry, post_journal_entry
from app.ledger.models import Posting
from app.ledger.partners import ensure_self
from app.ledger.settlement.cursors import available_from, ensure_cursors, settled_through
from app.platform.values.money import allocate

HOLD = "refund.hold"
RELEASE = "refund.release"


def hold_reference(refund_id: str, provider_attempt: int) -> str:
    return f"{refund_id}:{provider_attempt}"


def _cleared_parts(clearing: OrderClearing, *, fee_kept: bool) -> list[tuple[Leg, int]]:
    """What each part of a cleared order received: (a leg template, its amount), platform fee first. When the
    channel keeps its fee on refunds (``fee_kept``), a partner's part also counts the channel's fee it bore (the
    clearing's channel fee split by the partners' gross shares, as clearing took it off): giving everything back
    then takes from each partner what it got before that fee, leaving it bearing the fee the provider kept, and
    from the platform only the platform's fee."""
    parts, grosses = [], []
    if clearing.platform_fee:
        parts.append(
            (
                Leg(platform_fee_account(livemode=clearing.livemode), 0, clearing.currency, order_id=clearing.order_id),
                clearing.platform_fee,
            )
        )
    gross = case((Posting.line_kind == "share", Posting.amount + func.coalesce(Posting.fee_withheld, 0)), else_=0)
    rows = db.session.execute(
        select(
            Posting.account,
            Posting.partner_id,
            Posting.sku_id,
            Posting.sub_order_id,
            func.sum(Posting.amount),
            func.sum(gross),
        )
        .where(
            Posting.entry_id == clearing.entry_id,
            Posting.order_id == clearing.order_id,
            Posting.line_kind.in_(("share", "fee")),
        )
        .group_by(Posting.account, Posting.partner_id, Posting.sku_id, Posting.sub_order_id)
        .order_by(Posting.partner_id, Posting.sku_id, Posting.sub_order_id)
    )
    first_partner = len(parts)
    for account, partner, sku, sub_order, net, before_fees in rows:
        if net or (fee_kept and before_fees):
            parts.append(
                (Leg(account, 0, clearing.currency, clearing.order_id, partner, sku, sub_order, "refund"), int(net))
            )
            grosses.append(int(before_fees))
    if fee_kept and clearing.channel_fee and sum(grosses) > 0:
        borne = allocate(clearing.channel_fee, grosses)
        parts[first_partner:] = [(template, net + fee) for (template, net), fee in zip(parts[first_partner:], borne)]
    return parts


def _split_signed(amount: int, weights: list[int]) -> list[int]:
    """``allocate`` by weights of which some may be below zero (their sum above it): largest remainder the same way,
    and ``amount`` = the sum of the weights gives each exactly its weight."""
    if all(w >= 0 for w in weights):
        return allocate(amount, weights)
    total = sum(weights)
    shares = [amount * w // total for w in weights]
    short = amount - sum(shares)
    for i in sorted(range(len(weights)), key=lambda i: (-(amount * weights[i] % total), i))[:short]:
        shares[i] += 1
    return shares


def _reversal(weights: list[int], given: list[int], amount: int) -> list[int]:
    """How much each part gives back when ``amount`` more is to be given back and each has given ``given`` so far:
    the split of the new cumulative total less what the part already gave, so a part never gives back more in all
    than its weight, whatever order earlier give-backs (a dispute won back among refunds) took.
    A part may be below zero: an order cleared before fees were split by the partners' gross shares can have left a
    partner netting -1 (app/ledger/clearing/services.py); refunding gives that back to it like any other part."""
    if not weights or sum(weights) <= 0:
        return [0] * len(weights)
    will = _split_signed(sum(given) + amount, weights)
    return [w - g for w, g in zip(will, given)]


def _given_back(clearing: OrderClearing, parts: list[tuple[Leg, int]]) -> list[int]:
    """What each part of a cleared order has given back since clearing, from its postings: refunds' holds (less those
    released), disputes' withdrawals (less those won back). The clearing's own postings of the platform's fee are a
    batch total that names no order, so every posting of a part that names the order is a give-back."""
    rows = db.session.execute(
        select(Posting.account, Posting.partner_id, Posting.sku_id, Posting.sub_order_id, func.sum(Posting.amount))
        .where(
            Posting.order_id == clearing.order_id,
            Posting.entry_id != clearing.entry_id,
            Posting.account.in_({template.account for template, _ in parts}),
            or_(Posting.partner_id.is_(None), Posting.line_kind == "refund"),
        )
        .group_by(Posting.account, Posting.partner_id, Posting.sku_id, Posting.sub_order_id)
    )
    given = {(account, partner, sku, sub_order): -int(total) for account, partner, sku, sub_order, total in rows}
    # The platform's fee of the whole order counts what its sub-orders' own refunds took from it too.
    return [
        sum(v for (a, p, k, _), v in given.items() if (a, p, k) == (t.account, None, None))
        if t.partner_id is None and t.sub_order_id is None
        else given.get((t.account, t.partner_id, t.sku_id, t.sub_order_id), 0)
        for t, _ in parts
    ]


def hold_for_refund(
    *,
    merchant_id: str,
    order_id: str,
    livemode: bool,
    currency: str,
    refund_id: str,
    provider_attempt: int,
    amount: int,
    channel: str,
    captured: int,
    capture_fee: int,
    fee_rule: str,
    refunded_before: int,
    capture_return: bool,
    now: datetime,
    sub_order_id: str | None = None,
    sub_order_shares: Sequence[tuple[str, int]] = (),
) -> int:
    """Set a purchase refund's ``amount`` aside, in the caller's transaction (which holds the order's row lock);
    returns the part of the channel's fee the refund gets back."""
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
        refunded_before=refunded_before,
        capture_return=capture_return,
        now=now,
        sub_order_id=sub_order_id,
        sub_order_shares=sub_order_shares,
    )
    frozen = Leg(refunds_in_flight_account(merchant_id, livemode=livemode), amount, currency, order_id=order_id)
    post_journal_entry(merchant_id, HOLD, hold_reference(refund_id, provider_attempt), [frozen] + legs)
    return back


def give_back_legs(
    *,
    merchant_id: str,
    order_id: str,
    livemode: bool,
    currency: str,
    amount: int,
    channel: str,
    captured: int,
    capture_fee: int,
    fee_rule: str,
    refunded_before: int,
    capture_return: bool = False,
    now: datetime,
    sub_order_id: str | None = None,
    sub_order_shares: Sequence[tuple[str, int]] = (),
) -> tuple[list[Leg], int]:
    """The legs that take ``amount`` of an order back from where its money now is (they sum to -``amount``), and
    the part of the channel's fee that comes back with it by the channel's ``fee_rule`` (app/ledger/fees.py);
    ``refunded_before`` is what went back earlier (refunds and the disputes that hold money). A refund's hold and a
    dispute's withdrawal (app/ledger/disputes.py) both take money this way; only where it goes differs. A refund of
    one sub-order (``sub_order_id``) of a cleared order takes the rest from that sub-order's partner lines only; one
    attributed to several (``sub_order_shares``: (sub-order, amount) adding up to ``amount``) takes each share so."""
    before = 0 if capture_return else refunded_before
    back = fee_back(capture_fee, captured, before, amount, rule=fee_rule)
    clearing_lock(merchant_id, shared=True)  # a clearing of this merchant in progress finishes first, or waits
    clearing = None if capture_return else db.session.get(OrderClearing, order_id)
    if clearing is None or clearing.amount == 0:
        legs = [Leg(receivable_account(merchant_id, livemode=livemode), -amount, currency, order_id=order_id)]
        if fee_rule == "none" and capture_fee > 0 and before + amount >= captured:
            legs += _kept_fee_legs(
                merchant_id, order_id, livemode=livemode, currency=currency, channel=channel, fee=capture_fee, now=now
            )
        return legs, back
    shares = [(sub_order_id, amount)] if sub_order_id is not None else list(sub_order_shares)
    return _cleared_reversal(
        clearing, channel=channel, amount=amount, fee_back=back, fee_kept=fee_rule == "none", now=now, shares=shares
    ), back


def floored_from_now(merchant_id: str, legs: list[Leg], *, livemode: bool, currency: str, now: datetime) -> list[Leg]:
    """Partner lines made available from ``now``, never inside a window already settled."""
    partners = {leg.partner_id for leg in legs if leg.partner_id}
    if not partners:
        return legs
    ensure_cursors(merchant_id, partners, livemode=livemode, currency=currency)
    floors = settled_through(merchant_id, partners, livemode=livemode, currency=currency)
    return [
        leg._replace(available_at=available_from(now, floors.get(leg.partner_id))) if leg.partner_id else leg
        for leg in legs
    ]


def _kept_fee_legs(
    merchant_id: str, order_id: str, *, livemode: bool, currency: str, channel: str, fee: int, now: datetime
) -> list[Leg]:
    """The capture's fee, kept by the provider, from the merchant's own balance (a ``fee`` line of its next
    settlement, as a dispute fee is) to the channel's fee account: a capture given back in full before clearing
    is never cleared, and clearing is where a fee is otherwise booked. They sum to zero; a refused refund's release
    (or a won dispute's return) mirrors them with the rest, and the order then clears with its fee as any other."""
    ensure_self(merchant_id)
    legs = [
        Leg(
            partner_account(SELF, livemode=livemode),
            -fee,
            currency,
            order_id=order_id,
            partner_id=SELF,
            line_kind="fee",
        ),
        Leg(channel_fee_account(channel, livemode=livemode), fee, currency, order_id=order_id),
    ]
    return floored_from_now(merchant_id, legs, livemode=livemode, currency=currency, now=now)


def _sub_order_parts(clearing: OrderClearing, parts: list[tuple[Leg, int]], sub_order_id: str) -> list[tuple[Leg, int]]:
    """The parts a refund of one sub-order takes back from: its own partner lines (the other sub-orders' keep what
    they cleared) and the platform's fee on it — the clearing's platform fee split over the sub-orders by what their
    lines brought in, as clearing split it over the lines; its give-backs carry the sub-order, so they are its own."""
    own = [part for part in parts if part[0].sub_order_id == sub_order_id]
    platform = [template for template, _ in parts if template.partner_id is None and template.sub_order_id is None]
    if not platform:
        return own
    gross = case((Posting.line_kind == "share", Posting.amount + func.coalesce(Posting.fee_withheld, 0)), else_=0)
    brought = db.session.execute(
        select(Posting.sub_order_id, func.sum(gross))
        .where(Posting.entry_id == clearing.entry_id, Posting.order_id == clearing.order_id)
        .group_by(Posting.sub_order_id)
    ).all()
    mine = sum(int(total or 0) for sub, total in brought if sub == sub_order_id)
    weights = [max(mine, 0), max(sum(int(total or 0) for _, total in brought) - mine, 0)]
    if sum(weights) <= 0:
        return own
    fee = allocate(clearing.platform_fee, weights)[0]
    return [(platform[0]._replace(sub_order_id=sub_order_id), fee)] + own if fee else own


def _cleared_reversal(
    clearing: OrderClearing,
    *,
    channel: str,
    amount: int,
    fee_back: int,
    fee_kept: bool,
    now: datetime,
    shares: Sequence[tuple[str, int]] = (),
) -> list[Leg]:
    """The legs giving ``amount`` back from a cleared order: from every part in proportion, or, when ``shares``
    attribute it to sub-orders, each share (less its part of the channel's fee returned) from that sub-order's parts
    alone (their parts are disjoint, so each share's reversal counts only its own sub-order's give-backs)."""
    legs = []
    if fee_back:
        legs.append(
            Leg(
                channel_fee_account(channel, livemode=clearing.livemode),
                -fee_back,
                clearing.currency,
                order_id=clearing.order_id,
            )
        )
    parts = _cleared_parts(clearing, fee_kept=fee_kept)
    if not shares or sum(share for _, share in shares) != amount:
        takes = [(parts, amount - fee_back)]
    else:
        fees = allocate(fee_back, [share for _, share in shares]) if amount > 0 else [0] * len(shares)
        takes = [
            (_sub_order_parts(clearing, parts, sub_order_id), share - fee)
            for (sub_order_id, share), fee in zip(shares, fees)
        ]
        if any(taken and sum(part for _, part in own) <= 0 for own, taken in takes):
            takes = [(parts, amount - fee_back)]  # a share with nothing of its own to take from: spread as a whole
    for own, taken in takes:
        given = _reversal([part for _, part in own], _given_back(clearing, own), taken)
        legs += [template._replace(amount=-share) for (template, _), share in zip(own, given) if share]
    return floored_from_now(clearing.merchant_id, legs, livemode=clearing.livemode, currency=clearing.currency, now=now)


def release_refund_hold(
    merchant_id: str, refund_id: str, provider_attempt: int, *, livemode: bool, now: datetime
) -> None:
    """The provider refused: every leg of the hold goes back where it came from (once)."""
    reference = hold_reference(refund_id, provider_attempt)
    post_reversal(merchant_id, HOLD, RELEASE, reference, livemode=livemode, now=now)


def post_reversal(
    merchant_id: str, kind: str, reversal_kind: str, reference: str, *, livemode: bool, now: datetime
) -> None:
    """Post every leg of the entry (``kind``, ``reference``) back where it came from, as ``reversal_kind`` (once; not
    at all if there is no such entry). A partner's line comes back as of now, so a settlement cut since the entry
    still sees it in its next window."""
    original = find_entry(kind, reference)
    if original is None or find_entry(reversal_kind, reference) is not None:
        return
    postings = list(db.session.scalars(select(Posting).where(Posting.entry_id == original.id).order_by(Posting.id)))
    legs = [
        Leg(p.account, -p.amount, p.currency, p.order_id, p.partner_id, p.sku_id, p.sub_order_id, p.line_kind)
        for p in postings
    ]
    post_journal_entry(
        merchant_id,
        reversal_kind,
        reference,
        floored_from_now(merchant_id, legs, livemode=livemode, currency=postings[0].currency, now=now),
    )


def was_held(refund_id: str, provider_attempt: int) -> bool:
    """Did this try of the refund set its money aside? (Refunds started before holds existed did not.)"""
    return find_entry(HOLD, hold_reference(refund_id, provider_attempt)) is not None
