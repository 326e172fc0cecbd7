"""A refund's second step (the first: app/payments/refunds/services.py): outside any transaction the channel is asked
to refund, with the refund id as its idempotency reference, and one transaction settles its answer. On success
``refunded_amount`` grows by a conditional UPDATE that can never pass the total, and the order becomes ``refunded``
or returns to where it was; on failure the refund stays visible as ``failed`` and can be retried. An answer lost on
the way leaves the refund pending, and it is sent again under the same reference (app/payments/refunds/sweep.py).
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.orm import joinedload

from app.extensions import db
from app.ledger.captures import post_refund
from app.ledger.journal import find_entry
from app.ledger.refund_holds import release_refund_hold
from app.ledger.wallet.services import release_topup_refund_hold
from app.orders.models import Order
from app.orders.services import StaleOrder, note_on_timeline, transition
from app.orders.sub_order_life import follow_sub_orders
from app.orders.sub_orders import record_order_refund, record_sub_order_refund
from app.orders.timeline_kinds import EntryCode
from app.payments.channels.interface import ProviderRefused, ProviderUnavailable, RefundResult
from app.payments.channels.registry import adapter_for
from app.payments.models import Dispute, PaymentAttempt, Refund
from app.payments.order_lock import OrderBusy, order_lock
from app.payments.refunds.representation import refund_object
from app.payments.state import refund_sources
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.values.money import Money

log = logs.get("refunds")

# What a pending refund's failure_reason starts with once the channel's answer was lost (the provider may have made it).
UNKNOWN_OUTCOME = "outcome unknown, checking with the provider: "


def send_refund(refund_id: str) -> Refund:
    """Ask the channel to refund a pending refund and settle its answer (no transaction is held open)."""
    refund = db.session.get(Refund, refund_id, populate_existing=True)
    if refund is None or refund.status != "pending":
        return refund
    payment = db.session.get(PaymentAttempt, refund.payment_id)
    try:
        adapter = adapter_for(refund.channel, refund.merchant_id)
        result = adapter.refund(payment.provider_reference, refund.amount, refund.provider_reference)
        refused = result.status == "failed"
    except ProviderRefused as exc:  # a healthy provider said no: nothing was refunded
        result, refused = RefundResult(None, "failed", f"refused by the provider: {exc}"), True
    except ProviderUnavailable as exc:
        # No clear answer: the provider may have refunded. The refund stays pending (the order stays
        # refunding, so no second refund can start) and the sweep sends it again with the same reference,
        # which the provider answers with the refund it already made instead of making another.
        return _outcome_unknown(refund.id, str(exc))
    return _settle(refund.id, result, refused=refused)


def _outcome_unknown(refund_id: str, why: str) -> Refund:
    db.session.rollback()
    db.session.execute(
        update(Refund)
        .where(Refund.id == refund_id, Refund.status == "pending")
        .values(failure_reason=f"{UNKNOWN_OUTCOME}{why}"[:500], updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    log.warning("refund outcome unknown: %s", why, extra={"fields": {"refund_id": refund_id}})
    return db.session.get(Refund, refund_id, populate_existing=True)


def settle_refund_by_lookup(refund: Refund, *, why: str) -> Refund:
    """Settle a refund whose outcome is unknown by asking the provider whether it made it, without making one: its
    verdict settles the refund; a provider that never got it makes the refund fail (its money set aside goes back, and
    a retry is a new try, sent after whatever happened meanwhile). ProviderUnavailable when the provider cannot be
    asked, or this channel cannot look a refund up."""
    payment = db.session.get(PaymentAttempt, refund.payment_id)
    adapter = adapter_for(refund.channel, refund.merchant_id)
    if not hasattr(adapter, "find_refund"):
        raise ProviderUnavailable(f"channel {refund.channel} cannot look a refund up")
    found = adapter.find_refund(payment.provider_reference, refund.provider_reference)
    if found is None:
        found = RefundResult(None, "failed", f"the provider never got it ({why}); retry it if something remains")
    return _settle(refund.id, found, refused=found.status == "failed")


def _settle(refund_id: str, result: RefundResult, *, refused: bool) -> Refund:
    order_id = db.session.get(Refund, refund_id).order_id
    with order_lock(order_id):
        for _ in range(3):
            values = {
                "status": result.status,
                "failure_reason": (result.failure_reason or "")[:500] or None,
                "provider_refund_id": result.provider_reference,
                "updated_at": utcnow(),
            }
            if refused:
                values["provider_attempt"] = Refund.provider_attempt + 1  # the next try is a new refund
            settleable = Refund.status.in_(refund_sources(result.status))
            changed = db.session.execute(
                update(Refund)
                .where(Refund.id == refund_id, settleable)
                .values(**values)
                .execution_options(synchronize_session=False)
            ).rowcount
            if changed != 1:
                db.session.rollback()  # settled by someone else (a sweep and a request racing)
                return db.session.get(Refund, refund_id, populate_existing=True)
            refund = db.session.get(Refund, refund_id, populate_existing=True)
            # With its lines: the order event _move_order writes carries them.
            order = db.session.get(Order, order_id, populate_existing=True, options=[joinedload(Order.items)])
            if refund.status == "succeeded":
                post_refund(
                    merchant_id=refund.merchant_id,
                    refund_id=refund.id,
                    provider_attempt=refund.provider_attempt,
                    order_id=order.id,
                    channel=refund.channel,
                    amount=refund.amount,
                    currency=refund.currency,
                    business_line_id=order.business_line_id,
                    order_kind=order.kind,
                    livemode=order.livemode,
                )
            elif order.kind != "topup":
                # Refused: the money set aside goes back (the refusal has already moved it to its next try).
                release_refund_hold(
                    refund.merchant_id, refund.id, refund.provider_attempt - 1, livemode=order.livemode, now=utcnow()
                )
            try:
                _move_order(order, refund)
            except StaleOrder:
                db.session.rollback()
                continue
            record_event(refund.merchant_id, f"refund.{refund.status}", refund_object(refund))
            db.session.commit()
            log.info(
                "refund %s",
                refund.status,
                extra={"fields": {"merchant_id": refund.merchant_id, "order_id": order_id, "refund_id": refund_id}},
            )
            return refund
    raise OrderBusy(f"order {order_id} kept changing while settling refund {refund_id}; retry")


def _move_order(order: Order, refund: Refund) -> None:
    shown = Money(refund.amount, refund.currency).format()
    if refund.kind == "capture_return":
        # Money the order never kept: its status and refunded amount stay; the timeline says what happened.
        note = (
            f"{'returned' if refund.status == 'succeeded' else 'could not return yet'} {shown} captured by "
            f"payment {refund.payment_id} ({refund.id})"
        )
        note_on_timeline(
            order,
            note,
            actor="system",
            kind=EntryCode.CAPTURE_RETURNED if refund.status == "succeeded" else EntryCode.CAPTURE_NOT_RETURNED,
        )
        return
    if refund.status != "succeeded":
        hold = f"{refund.id}:{refund.provider_attempt - 1}"
        # Refused: the wallet gets back what the refund's hold took (a top-up not credited yet had none).
        if order.kind == "topup" and find_entry("wallet.topup_refund", hold) is not None:
            release_topup_refund_hold(
                order.merchant_id,
                order.customer_id,
                hold,
                Money(refund.amount, refund.currency),
                livemode=order.livemode,
                order_id=order.id,
            )
        transition(
            order,
            refund.previous_order_status,
            reason=f"refund {refund.id} of {shown} failed: {refund.failure_reason or 'refused by the channel'}",
            actor=f"channel:{refund.channel}",
            announce=False,
            reason_code=EntryCode.REFUND_FAILED,
        )
        # A canceled part counts no more even while its refund is retried: the order follows the parts left.
        follow_sub_orders(order, actor=f"channel:{refund.channel}")
        return
    # The database re-checks the invariant: refunds never add up to more than was captured.
    grown = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.refunded_amount + Order.disputed_amount + refund.amount <= Order.total)
        .values(refunded_amount=Order.refunded_amount + refund.amount)
        .execution_options(synchronize_session=False)
    ).rowcount
    if grown != 1:
        raise RuntimeError(f"refund {refund.id} would exceed the total of order {order.id}")
    order.refunded_amount += refund.amount
    if refund.sub_order_id is not None:
        record_sub_order_refund(refund.sub_order_id, refund.amount)
    else:
        record_order_refund(order.id, refund.amount)  # a split order's sub-orders each take their share
    # Money a lost dispute took went back to the shopper too: with it the order may be given back in full.
    full, lost = given_back_in_full(order)
    why = f"{'refunded' if full else 'partially refunded'} {shown} ({refund.id})"
    if full and lost:
        why += (
            f"; with {Money(lost, order.currency).format()} kept by the shopper's bank (lost dispute) all is given back"
        )
    transition(
        order,
        "refunded" if full else refund.previous_order_status,
        reason=why,
        actor=f"channel:{refund.channel}",
        announce=full,
        reason_code=None if full else EntryCode.PARTIALLY_REFUNDED,
    )
    if not full:
        # A part canceled, failed or refunded in full counts no more: the parts left may all be delivered now.
        follow_sub_orders(order, actor=f"channel:{refund.channel}")


def lost_to_disputes(order_id: str) -> int:
    """What lost disputes took back of the order for good: an open dispute may still be won, a won one returned it."""
    return int(
        db.session.scalar(
            select(func.coalesce(func.sum(Dispute.amount), 0)).where(  # PostgreSQL sums a Decimal
                Dispute.order_id == order_id, Dispute.status == "lost"
            )
        )
    )


def given_back_in_full(order: Order) -> tuple[bool, int]:
    """Whether refunds and lost disputes together gave the whole total back, and what the lost disputes took.

    Refunded needs a refund: an order the bank alone took back is a chargeback (its disputes show it), not a refund,
    and keeps its status so it completes and clears as before."""
    lost = lost_to_disputes(order.id)
    return order.refunded_amount > 0 and order.refunded_amount + lost == order.total, lost
