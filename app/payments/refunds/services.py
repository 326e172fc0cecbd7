"""Refunds through the channel that captured the payment (DESIGN.md §3).

A refund is two steps. First one transaction inserts the ``pending`` refund and moves the order to
``refunding`` (one refund in flight per order, enforced by a unique index), with the refund's money set
aside. Then, outside any transaction, the channel is asked and its answer settled
(app/payments/refunds/settling.py). A failed refund can be retried, which opens it again.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.errors import Conflict, InvalidRequest, NotFound, Unprocessable
from app.extensions import db
from app.ledger.fees import fee_back
from app.ledger.journal import find_entry
from app.ledger.refund_holds import hold_for_refund
from app.ledger.wallet.services import topup_refund_hold
from app.orders.models import Order
from app.orders.refund_context import refund_context
from app.orders.services import StaleOrder, get_order, transition
from app.orders.sub_orders import (
    SubOrderEnded,
    end_sub_order,
    spread_over_sub_orders,
    sub_order_of,
    sub_order_refundable,
)
from app.payments.channels.fees import fee_return_rule
from app.payments.models import STRAY_CAPTURE, PaymentAttempt, Refund
from app.payments.order_lock import order_lock
from app.payments.refunds.settling import given_back_in_full, send_refund
from app.payments.report_days import figures_changed
from app.payments.state import refund_may_become, refund_sources
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.risk.refund_requests import score_request

log = logs.get("refunds")

REFUNDABLE_STATUSES = ("paid", "fulfilled", "completed")
MAX_REASON_LENGTH = 500
# How a compensation refund's reason starts (an order, or a part of it, whose fulfilment failed).
COMPENSATION_PREFIX = "fulfilment failed: "


def _parse_amount(amount: object) -> int | None:
    # bool is an int in Python, and a float is never an amount.
    if amount is not None and (type(amount) is not int or amount <= 0):
        raise InvalidRequest("amount must be a positive integer in minor units", param="amount")
    return amount


def _parse_reason(reason: object) -> str | None:
    if reason is not None and (not isinstance(reason, str) or len(reason) > MAX_REASON_LENGTH):
        raise InvalidRequest(f"reason must be a string of at most {MAX_REASON_LENGTH} characters", param="reason")
    return reason or None


def _check_refundable(order: Order, amount: int) -> None:
    if order.status == "refunding":
        raise Conflict(
            "a refund is already in progress for this order; wait for its outcome", code="refund_in_progress"
        )
    if order.status not in REFUNDABLE_STATUSES:
        raise Conflict(f"order is {order.status} and cannot be refunded", code="order_state_invalid")
    if order.total == 0:  # completed without a payment (app/payments/attempts/free_orders.py): no money was taken
        raise Unprocessable(
            "this order cost nothing and no payment was taken, so there is nothing to refund", code="nothing_to_refund"
        )
    remaining = refundable(order)
    if amount > remaining:
        taken = (
            (f" ({Money(order.disputed_amount, order.currency).format()} is disputed: the shopper's bank took it back)")
            if order.disputed_amount
            else ""
        )
        raise Unprocessable(
            f"at most {Money(remaining, order.currency).format()} of this order can still be refunded" + taken,
            code="amount_too_large",
            param="amount",
        )


def refundable(order: Order) -> int:
    """What the merchant may still give back: never money the shopper's bank already took back by a dispute."""
    return order.total - order.refunded_amount - order.disputed_amount


def refunded_by_lost_dispute(order: Order, dispute_id: str) -> None:
    """After a dispute is lost, in the caller's transaction under the order's lock: the order becomes ``refunded``
    when the refunds made before it and the lost disputes together gave its whole total back (a refund in flight
    decides when it settles instead)."""
    full, lost = given_back_in_full(order)
    if not full or order.status not in REFUNDABLE_STATUSES:
        return
    transition(
        order,
        "refunded",
        reason=f"given back in full: {Money(order.refunded_amount, order.currency).format()}"
        f" refunded and {Money(lost, order.currency).format()} kept by the shopper's bank (dispute "
        f"{dispute_id} lost)",
        actor="channel",
    )


def _captured_payment(order_id: str) -> PaymentAttempt:
    """The capture that paid the order. A stray capture, returned on its own, never is: one being returned, nor one
    that landed once another had paid the order, though it may be the older attempt (a first try approved after a
    second one paid), even before the outbox has started its return."""
    returned = select(Refund.id).where(Refund.payment_id == PaymentAttempt.id, Refund.kind == "capture_return").exists()
    strays = [
        event.data["object"]["id"]
        for event in db.session.scalars(select(Event).where(Event.order_id == order_id, Event.type == STRAY_CAPTURE))
    ]
    payment = db.session.scalar(
        select(PaymentAttempt)
        .where(
            PaymentAttempt.order_id == order_id,
            PaymentAttempt.status == "succeeded",
            ~returned,
            PaymentAttempt.id.not_in(strays),
        )
        .order_by(PaymentAttempt.created_at)
        .limit(1)
    )
    if payment is None or not payment.provider_reference:
        raise Conflict("the order has no captured payment to refund", code="order_state_invalid")
    return payment


def check_refund(
    merchant_id: str, order_id: str, *, amount: object = None, reason: object = None, sub_order_id: str | None = None
) -> int:
    """The amount a refund would give back (default: all that remains, of the sub-order when one is named), or the
    error ``create_refund`` would raise; changes nothing (the portal asks this before its confirmation step)."""
    amount, _ = _parse_amount(amount), _parse_reason(reason)
    order = get_order(merchant_id, order_id)
    if sub_order_id is not None:
        amount = _check_sub_order_refundable(order, sub_order_id, amount)
    amount = refundable(order) if amount is None else amount
    _check_refundable(order, amount)
    if amount <= 0:
        raise Unprocessable("nothing remains to be refunded on this order", code="amount_too_large", param="amount")
    _captured_payment(order.id)
    return amount


# How often a refund re-reads an order that changed under it before answering 409: a worker fulfilling the order
# just paid (paid → fulfilled, no lock) is the usual cause, and nothing was asked of the channel yet.
_STALE_READS = 3


def create_refund(
    merchant_id: str,
    order_id: str,
    *,
    amount: object = None,
    reason: object = None,
    actor: str = "api",
    sub_order_id: str | None = None,
    ends_sub_order: str | None = None,
) -> Refund:
    """Refund ``amount`` (default: all that remains) of a paid order through its capturing channel; of one of its
    sub-orders when ``sub_order_id`` names one (its money comes back from that sub-order's lines only).
    ``ends_sub_order`` (``canceled`` or ``failed``) also ends that sub-order in the refund's own transaction:
    SubOrderEnded, and nothing written, when it is no longer open."""
    amount, reason = _parse_amount(amount), _parse_reason(reason)
    for read in range(1, _STALE_READS + 1):
        try:
            refund = _open_refund(merchant_id, order_id, amount, reason, actor, sub_order_id, ends_sub_order)
            break
        except StaleOrder:
            if read == _STALE_READS:
                raise  # 409 order_changed_concurrently: re-read the order and decide again
            log.info(
                "order changed while a refund was opened; reading it again",
                extra={"fields": {"merchant_id": merchant_id, "order_id": order_id, "read": read}},
            )
    log.info(
        "refund requested",
        extra={
            "fields": {
                "merchant_id": merchant_id,
                "order_id": order_id,
                "refund_id": refund.id,
                "amount": refund.amount,
            }
        },
    )
    return send_refund(refund.id)


def _check_sub_order_refundable(order: Order, sub_order_id: str, amount: int | None) -> int:
    """The amount a refund of the order's sub-order gives back (default: all that remains of it), or the error: 404
    for no such sub-order, 409 when the order is not refundable now, 422 for more than remains of the sub-order."""
    sub = sub_order_of(order, sub_order_id)
    remaining = min(sub_order_refundable(sub), refundable(order))
    amount = remaining if amount is None else amount
    _check_refundable(order, amount)
    if amount <= 0 or amount > remaining:
        raise Unprocessable(
            f"at most {Money(max(remaining, 0), order.currency).format()} of sub-order {sub.id} can still be refunded",
            code="amount_too_large",
            param="amount",
        )
    return amount


def _open_refund(
    merchant_id: str,
    order_id: str,
    amount: int | None,
    reason: str | None,
    actor: str,
    sub_order_id: str | None,
    ends_sub_order: str | None = None,
) -> Refund:
    """The pending refund and the order's move to ``refunding``, committed together (StaleOrder when the order
    changed after it was read; then nothing was written)."""
    order = get_order(merchant_id, order_id)
    if sub_order_id is not None:
        amount = _check_sub_order_refundable(order, sub_order_id, amount)
    amount = refundable(order) if amount is None else amount
    _check_refundable(order, amount)
    if amount <= 0:
        raise Unprocessable("nothing remains to be refunded on this order", code="amount_too_large", param="amount")
    payment = _captured_payment(order.id)
    now = utcnow()
    # Under the order's lock like every decision about it: without Redis nothing is written and the
    # channel is not asked (503), rather than a refund made at the provider that Kassa cannot settle.
    refund_id = new_id("re")
    risk = _abuse_assessment(order)
    with _locked_as_read(order), _wallet_hold(order, refund_id, 1, amount):
        refund = Refund(
            id=refund_id,
            merchant_id=merchant_id,
            order_id=order.id,
            business_line_id=order.business_line_id,
            payment_id=payment.id,
            channel=payment.channel,
            amount=amount,
            currency=order.currency,
            status="pending",
            sub_order_id=sub_order_id,
            reason=reason,
            previous_order_status=order.status,
            provider_attempt=1,
            actor=actor,
            risk=risk,
            created_at=now,
            updated_at=now,
        )
        db.session.add(refund)
        why = f"refund {refund.id} of {Money(amount, order.currency).format()} requested"
        if sub_order_id is not None:
            why += f" for sub-order {sub_order_id}"
        if ends_sub_order is not None:
            why += f", which is {ends_sub_order}"
        try:
            if ends_sub_order is not None:
                end_sub_order(sub_order_id, ends_sub_order)  # the claim: a second cancel finds it ended
            transition(order, "refunding", reason=why, actor=actor, quoted=reason)
            hold_refund_money(order, refund, payment)
            db.session.commit()
        except IntegrityError:
            db.session.rollback()
            raise Conflict(
                "a refund is already in progress for this order; wait for its outcome", code="refund_in_progress"
            ) from None
        except (StaleOrder, SubOrderEnded):
            db.session.rollback()
            raise
    return refund


@contextmanager
def _locked_as_read(order: Order) -> Iterator[None]:
    """The order's lock, for a refund decided on ``order`` as it was read before it (the amount checked against what
    remains of it or of its sub-order): StaleOrder, with nothing written, when the order moved on meanwhile. A refund
    that settled while this one waited for the lock leaves less to refund than was checked, and waiting ends the read
    transaction (the order read again has the new version, so its conditional UPDATE alone would not notice): the
    caller reads again and decides again."""
    read = order.version
    with order_lock(order.id):
        if db.session.scalar(select(Order.version).where(Order.id == order.id)) != read:
            db.session.rollback()
            raise StaleOrder(f"order {order.id} changed while its refund waited for it; read it again")
        yield


def _abuse_assessment(order: Order) -> dict:
    """The refund-abuse score of the customer, as a shopper's own request is scored: a merchant's refund is the
    merchant's decision and is never refused for it, but it is recorded with the refund for the merchant to see."""
    score, reasons = score_request(refund_context(order), ip=None, device=None)
    return {"score": score, "reasons": reasons}


def hold_refund_money(order: Order, refund: Refund, payment: PaymentAttempt) -> None:
    """Set the refund's money aside in its own transaction (app/ledger/refund_holds.py); a top-up's refund is the
    customer's money and has its own hold (``_wallet_hold``)."""
    if order.kind == "topup":
        # The provider still gives back its part of the top-up's capture fee, by the same rule as a purchase's: the
        # refund records it, so the statement's refund line matches it as the capture's matches the attempt's fee.
        refund.fee_amount = fee_back(
            payment.fee_amount,
            payment.amount,
            order.refunded_amount,
            refund.amount,
            rule=fee_return_rule(payment.channel),
        )
        return
    refund.fee_amount = hold_for_refund(
        merchant_id=order.merchant_id,
        order_id=order.id,
        livemode=order.livemode,
        currency=refund.currency,
        refund_id=refund.id,
        provider_attempt=refund.provider_attempt,
        amount=refund.amount,
        channel=payment.channel,
        captured=payment.amount,
        capture_fee=payment.fee_amount,
        fee_rule=fee_return_rule(payment.channel),
        refunded_before=order.refunded_amount + order.disputed_amount,  # a dispute's withdrawal went back too
        capture_return=refund.kind == "capture_return",
        sub_order_id=refund.sub_order_id,
        # A refund of a split order as a whole is attributed to its sub-orders (app/orders/sub_orders.py).
        sub_order_shares=(
            spread_over_sub_orders(order.id, refund.amount)
            if refund.sub_order_id is None and refund.kind != "capture_return"
            else ()
        ),
        now=utcnow(),
    )


@contextmanager
def _wallet_hold(order: Order, refund_id: str, provider_attempt: int, amount: int) -> Iterator[None]:
    """A top-up's refund first takes its amount back out of the customer's wallet (409 if it was spent),
    in the refund's own transaction; other orders need nothing. A top-up not credited yet (held for risk
    review, or its credit still queued) has put nothing in the wallet, so nothing is taken: its credit is
    then only what the refunds left (app/orders/topups.py), and the order's lock and version keep the two
    from crossing."""
    if order.kind != "topup" or find_entry("wallet.topup", order.id) is None:
        yield
        return
    with topup_refund_hold(
        order.merchant_id,
        order.customer_id,
        f"{refund_id}:{provider_attempt}",
        Money(amount, order.currency),
        livemode=order.livemode,
        order_id=order.id,
    ):
        yield


def retry_refund(merchant_id: str, refund_id: str, *, actor: str = "api") -> Refund:
    """Try a failed refund again; the order must still be refundable for its amount."""
    refund = get_refund(merchant_id, refund_id)
    if not refund_may_become(refund.status, "pending"):
        raise Conflict(f"refund is {refund.status}; only a failed refund can be retried", code="refund_state_invalid")
    if refund.kind == "capture_return":
        return resend_capture_return(refund.id)
    order = get_order(merchant_id, refund.order_id)
    if refund.sub_order_id is not None:
        _check_sub_order_refundable(order, refund.sub_order_id, refund.amount)
    _check_refundable(order, refund.amount)
    with _locked_as_read(order), _wallet_hold(order, refund.id, refund.provider_attempt, refund.amount):
        changed = db.session.execute(
            update(Refund)
            .where(Refund.id == refund.id, Refund.status.in_(refund_sources("pending")))
            .values(
                status="pending",
                previous_order_status=order.status,
                failure_reason=None,
                updated_at=utcnow(),
                sweep_failures=0,
                next_sweep_at=None,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        try:
            if changed != 1:
                raise StaleOrder("refund changed concurrently")
            figures_changed(merchant_id)  # a failed refund may yet succeed: its day's refunds move
            transition(order, "refunding", reason=f"refund {refund.id} retried", actor=actor)
            hold_refund_money(order, refund, db.session.get(PaymentAttempt, refund.payment_id))
            db.session.commit()
        except (IntegrityError, StaleOrder):
            db.session.rollback()
            raise Conflict(
                "a refund is already in progress for this order; wait for its outcome", code="refund_in_progress"
            ) from None
    return send_refund(refund.id)


def resend_capture_return(refund_id: str) -> Refund:
    """Send a refused return of a stray capture again (the refusal already moved it to a fresh reference).
    The order is not touched: it never kept this money."""
    refund = db.session.get(Refund, refund_id)
    with order_lock(refund.order_id):
        try:
            changed = db.session.execute(
                update(Refund)
                .where(Refund.id == refund_id, Refund.status.in_(refund_sources("pending")))
                .values(
                    status="pending", failure_reason=None, updated_at=utcnow(), sweep_failures=0, next_sweep_at=None
                )
                .execution_options(synchronize_session=False)
            ).rowcount
            if changed == 1:
                figures_changed(refund.merchant_id)  # a failed refund may yet succeed: its day's refunds move
                refund = db.session.get(Refund, refund_id, populate_existing=True)
                hold_refund_money(
                    db.session.get(Order, refund.order_id), refund, db.session.get(PaymentAttempt, refund.payment_id)
                )
            db.session.commit()
        except IntegrityError:
            changed = 0
            db.session.rollback()
        if changed != 1:
            raise Conflict(
                "this returned capture is already being refunded; wait for its outcome", code="refund_in_progress"
            )
    return send_refund(refund_id)


def get_refund(merchant_id: str, refund_id: str) -> Refund:
    """The merchant's refund; another merchant's is not found."""
    refund = db.session.scalar(select(Refund).where(Refund.id == refund_id, Refund.merchant_id == merchant_id))
    if refund is None:
        raise NotFound(f"no refund {refund_id!r}", param="id")
    return refund
