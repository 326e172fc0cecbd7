"""The life of each part of a split order (issue #56): a sub-order is delivered and confirmed on its own, and the
order follows its live parts (the rule: app/orders/sub_orders.py).

- Delivered: the merchant's system reports one part fulfilled (``POST /orders/{id}/fulfilment`` with ``sub_order``,
  or the portal's "Mark fulfilled"): its lines' entitlements are granted and it becomes ``fulfilled``; once every
  live part is, the order is fulfilled as a whole would be (the auto-confirm clock starts).
- Confirmed: the receipt of a delivered part is confirmed (``POST /orders/{id}/sub_orders/{id}/confirm``); once every
  live part is, the order completes and is cleared, as one order, as today. The auto-confirm still completes the
  whole order when its time comes.
- Ended: canceling a part, or its fulfilment failing, refunds what remains of it (payments:
  app/payments/refunds/sub_order_endings.py); when the refund settles the order follows what is left
  (``follow_sub_orders``).

Reports of different parts may come at once: each takes the order's version with a conditional UPDATE before it
moves its part, so the last of them sees every other part as it was committed and moves the parent.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value

from app.errors import Conflict
from app.extensions import db
from app.orders.entitlements import grant_entitlements
from app.orders.fulfilment import (
    claim_report,
    confirm_at_once,
    fulfil_loaded,
    fulfilment_progress,
    granted,
    order_to_fulfil,
)
from app.orders.models import Order, SubOrder
from app.orders.services import StaleOrder, get_order, note_on_timeline, transition
from app.orders.sub_orders import (
    DELIVERED,
    ENDED,
    is_live,
    items_to_grant,
    refunded_in_full,
    set_sub_order_state,
    sub_order_of,
    sub_order_status,
    sub_orders_of,
)
from app.orders.timeline_kinds import EntryCode
from app.platform.db.types import utcnow
from app.risk.review import held_for_review

# How often an action on a part re-reads an order that changed under it (another part reported at once).
_READS = 3


def _take_version(order: Order) -> None:
    """Claim the order for this action on one of its parts: its version moves on by a conditional UPDATE, so an
    action on another part running at once (or a refund) fails its own and reads the order again (StaleOrder)."""
    taken = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.version == order.version, Order.status == order.status)
        .values(version=Order.version + 1, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if taken != 1:
        raise StaleOrder(f"order {order.id} changed while one of its parts was updated; retry")
    set_committed_value(order, "version", order.version + 1)


def _again(action, *args, **kwargs) -> Order:
    for read in range(1, _READS + 1):
        try:
            return action(*args, **kwargs)
        except StaleOrder:
            db.session.rollback()
            if read == _READS:
                raise
    raise AssertionError("unreachable")


def _ended_or_refunded(order: Order, sub: SubOrder, doing: str) -> Conflict | None:
    """The 409 for an action on a part that no longer counts (canceled, failed, refunded in full)."""
    if sub.state in ENDED or refunded_in_full(sub) or order.status == "refunded":
        return Conflict(
            f"sub-order {sub.id} is {sub_order_status(order, sub)}: there is nothing to {doing}",
            code="sub_order_state_invalid",
            param="sub_order_id",
        )
    return None


@dataclass(frozen=True)
class PartActions:
    """What the merchant may do with one part of an order now (the portal's buttons)."""

    deliver: bool  # mark it fulfilled
    cancel: bool  # cancel it, refunding what remains of it


def part_actions(order: Order, sub: SubOrder) -> PartActions:
    """A part of a paid order not delivered yet may be marked fulfilled (unless the order waits for a risk review)
    or canceled; any other part neither."""
    waiting = order.status == "paid" and sub.state == "open" and is_live(sub)
    return PartActions(deliver=waiting and not held_for_review(order), cancel=waiting)


def delivered_already(order: Order, sub: SubOrder) -> bool:
    """Whether the part was delivered: reported on its own, or with its whole order."""
    return sub.state in DELIVERED or (is_live(sub) and order.status in ("fulfilled", "completed"))


def report_sub_order_delivered(merchant_id: str, order_id: str, sub_order_id: str, *, actor: str = "api") -> Order:
    """The merchant's system (or the portal) says one part of a paid split order was delivered: its lines'
    entitlements are granted and it becomes ``fulfilled``; the order too once every live part is. The same report
    again answers the order as it stands."""
    return _again(_deliver, merchant_id, order_id, sub_order_id, actor)


def _deliver(merchant_id: str, order_id: str, sub_order_id: str, actor: str) -> Order:
    order = get_order(merchant_id, order_id)
    sub = sub_order_of(order, sub_order_id)
    if delivered_already(order, sub):
        return order  # a retried report, or one of a part delivered with its whole order
    if sub.state == "failed":
        raise Conflict(
            f"fulfilment of sub-order {sub.id} was already reported failed (what remained of it was refunded)",
            code="fulfilment_already_reported",
            param="sub_order_id",
        )
    ended = _ended_or_refunded(order, sub, "deliver")
    if ended is not None:
        raise ended
    if order.status == "refunding":
        raise Conflict(
            f"a refund of order {order.id} is in progress; report the part again once it has settled",
            code="refund_in_progress",
        )
    progress = fulfilment_progress(order.id)
    if order.status != "paid" or (progress is not None and progress.gave_up_at is not None):
        state = order.status if order.status != "paid" else "given up (its undelivered parts refunded)"
        raise Conflict(
            f"order {order.id} is {state}: only a paid order waiting for fulfilment takes a report",
            code="order_state_invalid",
        )
    if held_for_review(order):
        raise Conflict(f"order {order.id} is held for risk review: decide it first", code="order_state_invalid")
    order, pays_a_period = order_to_fulfil(order.id)
    now = utcnow()
    _take_version(order)
    if not set_sub_order_state(sub.id, ("open",), "fulfilled"):
        raise StaleOrder(f"sub-order {sub.id} changed while being reported; retry")
    grants = grant_entitlements(order, now, pays_a_period=pays_a_period, items=items_to_grant(order, sub.id))
    note_on_timeline(
        order, f"sub-order {sub.id} fulfilled: {granted(grants)}", actor=actor, kind=EntryCode.PART_FULFILLED
    )
    due_now = follow_sub_orders(order, actor=actor)
    db.session.commit()
    if due_now:
        confirm_at_once(order_id)
    return get_order(merchant_id, order_id)


def confirm_sub_order(merchant_id: str, order_id: str, sub_order_id: str, *, actor: str = "api") -> Order:
    """The receipt of one delivered part is confirmed: it becomes ``completed``, and the order completes once every
    live part is. Confirming it again answers the order as it stands."""
    return _again(_confirm, merchant_id, order_id, sub_order_id, actor)


def _confirm(merchant_id: str, order_id: str, sub_order_id: str, actor: str) -> Order:
    order = get_order(merchant_id, order_id)
    sub = sub_order_of(order, sub_order_id)
    if sub.state == "completed" or (is_live(sub) and order.status == "completed"):
        return order
    ended = _ended_or_refunded(order, sub, "confirm")
    if ended is not None:
        raise ended
    if not delivered_already(order, sub):
        raise Conflict(
            f"sub-order {sub.id} is not fulfilled yet: report its delivery first (POST /orders/{order.id}/fulfilment "
            f'with "sub_order": "{sub.id}")',
            code="order_state_invalid",
            param="sub_order_id",
        )
    _take_version(order)
    if not set_sub_order_state(sub.id, ("open", "fulfilled"), "completed"):
        raise StaleOrder(f"sub-order {sub.id} changed while being confirmed; retry")
    note_on_timeline(order, f"sub-order {sub.id} confirmed", actor=actor, kind=EntryCode.PART_CONFIRMED)
    follow_sub_orders(order, actor=actor)
    db.session.commit()
    return get_order(merchant_id, order_id)


def follow_sub_orders(order: Order, *, actor: str) -> bool:
    """The order follows its live parts, in the caller's transaction: a paid order whose every live part was
    delivered becomes ``fulfilled``, and a fulfilled one whose every live part was confirmed ``completed``. Nothing
    for an order that is not split, has no live part left (its refunds decide), or whose parts were never reported
    (its fulfilment goes as a whole order's). Returns whether the order is now fulfilled and due to confirm at once
    (the caller queues that after its commit: ``confirm_at_once``)."""
    if order.status not in ("paid", "fulfilled") or not any(item.sub_order_id for item in order.items):
        return False
    live = [sub for sub in sub_orders_of(order.id) if is_live(sub)]
    if not live or any(sub.state not in DELIVERED for sub in live):
        return False
    due_now = False
    if order.status == "paid":
        order, pays_a_period = order_to_fulfil(order.id)
        now = utcnow()
        fulfil_loaded(
            order,
            pays_a_period,
            now,
            actor=actor,
            commit=False,
            webhook=False,
            why="fulfilled: every part delivered",
            at_once=False,
        )
        claim_report(order.id, "succeeded")  # nothing awaits a report of the order any more
        due_now = order.auto_confirm_at is not None and order.auto_confirm_at <= now
    if all(sub.state == "completed" for sub in live):
        transition(order, "completed", reason="every part confirmed", actor=actor)
        return False
    return due_now
