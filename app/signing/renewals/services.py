"""Renewal deduction: every contract that is due gets exactly one renewal per period — its order and the
deduction tries on it — whatever retries, crashes or parallel workers do.

Three guards make that true: the unique key on (contract, period) lets one worker open a period; a try is
claimed by a conditional UPDATE before the provider is asked, so two workers never deduct at once; and the
deduction's reference is the attempt id, so an answer lost on the way is looked up, never charged again. A
renewal order whose payment is still in flight is never tried again until its outcome is known. The claim is a
lease (``TRY_LEASE``): a worker killed mid-try leaves a try that falls due again, so the period is still charged;
the deduction it had started is named on the renewal (``awaiting_payment_id``) in the commit that opened it, so
its outcome, learned later, is that try's: counted once by dunning, never followed by a charge off schedule.

The renewal sweep (app/signing/renewals/sweep.py) brings each due contract and each due try here, one at a time,
except the wallet renewals it renews a batch per transaction under the same guards (app/signing/renewals/batch.py).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.catalog.models import Sku
from app.errors import KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.orders.close_reasons import CloseReason
from app.orders.entitlements import extend_membership_to, grant_membership_until, grants_membership
from app.orders.models import Order
from app.orders.services import close_order, create_order
from app.payments.attempts.hub import deduct_with_mandate
from app.payments.models import PaymentAttempt
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.switches import InMaintenance
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time
from app.signing import hooks
from app.signing.changes import end_with_paid_period
from app.signing.contracts import StaleSubscription, change, subscription_object
from app.signing.coupon_durations import renewal_discount
from app.signing.mandates import replaced_mandate, replaced_since, signed_mandate
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.periods import next_period
from app.signing.renewals import dunning
from app.signing.renewals.notices import noticed_price
from app.signing.state import CHARGEABLE, ENDS_MANDATE_REVOKED

log = logs.get("signing.renewals")

TRYABLE = ("active", "trialing", "past_due")
PAID_ORDER = ("paid", "fulfilled", "completed")
# How long to wait before looking again at a renewal whose deduction's outcome is not known yet, and before
# opening a renewal again when a hook failed to decide it.
RECHECK_AFTER = timedelta(hours=6)
# How long a claimed try belongs to the worker that claimed it. A try takes seconds (the provider's timeouts are
# far shorter); a worker killed mid-try never records its outcome, so the try falls due again once this runs out.
TRY_LEASE = timedelta(minutes=15)


class SkipRenewal(Exception):
    """A hook let this period pass without a charge."""


def renewal_object(sub: Subscription, renewal: SubscriptionRenewal) -> dict:
    """The contract with the renewal an event is about."""
    return {
        **subscription_object(sub),
        "renewal": {
            "period": renewal.period,
            "order": renewal.order_id,
            "status": renewal.status,
            "attempts": renewal.attempts,
            "period_start": iso_time(renewal.period_start),
            "period_end": iso_time(renewal.period_end),
            "next_attempt_at": iso_time(renewal.next_attempt_at),
            "last_error": renewal.last_error,
        },
    }


def _renewal_order(sub: Subscription, sku_id: str, merchant: Merchant) -> Order:
    """Open the period's order (caller's savepoint): the list price, amended or skipped by the hooks."""
    order = create_order(
        sub.merchant_id,
        items=[{"sku": sku_id, "quantity": 1}],
        customer={"id": sub.customer_id, **({"email": sub.customer_email} if sub.customer_email else {})},
        agreement_accepted=True,
        livemode=sub.livemode,
        customer_source=sub.customer_source,
        actor="system:renewal",
        commit=False,
        renewal_of=sub.id,
        contract_line=sub.business_line_id,
        currency=sub.currency,
        # Open through the whole dunning schedule, so every try charges this one order.
        expires_at=utcnow() + dunning.dunning_window(merchant) + timedelta(days=1),
    )
    discount = renewal_discount(sub.coupon_id, sub.coupon_periods, sub.period + 1, order)
    if discount:
        _amend_total(order, order.total - discount)  # the contract's coupon (repeating or forever)
    noticed = noticed_price(sub)
    if noticed is not None and order.total > noticed:
        _amend_total(order, noticed)  # raised since the notice: this period is charged what the notice said
    plan = hooks.plan_renewal(sub, order.total)
    if plan.skip:
        raise SkipRenewal(plan.reason or "skipped by a subscription hook")
    if plan.amount is not None and plan.amount != order.total:
        _amend_total(order, plan.amount)
    return order


def _amend_total(order: Order, amount: int) -> None:
    """Charge ``amount`` rather than the list price: the difference is the order's discount."""
    order.discount += order.total - amount
    order.total = amount


def open_renewal(sub_id: str, now: datetime) -> SubscriptionRenewal | None:
    """Open the next period of a due contract (or end it, when it cancels at the period's end). Returns the
    renewal, or None when there was nothing to open (not due, or another worker opened it first)."""
    sub = db.session.get(Subscription, sub_id, populate_existing=True)
    if sub is None or sub.status not in CHARGEABLE or sub.next_renewal_at is None or sub.next_renewal_at > now:
        return None
    if sub.cancel_at_period_end:
        end_with_paid_period(sub, reason="ended with its paid period", actor="system:renewal")
        db.session.commit()
        hooks.notify("on_cancel", sub, "ended with its paid period")
        return None
    merchant = db.session.get(Merchant, sub.merchant_id)
    period = sub.period + 1
    sku_id = sub.next_sku_id or sub.sku_id
    # A SKU change takes over here, with its own interval when it has another one.
    start, end, terms = next_period(sub, db.session.get(Sku, sku_id))
    renewal = _claim_period(sub, period, start, end, due_at=sub.next_renewal_at, now=now)
    if renewal is None:
        return None
    values: dict = {"sku_id": sku_id, "next_sku_id": None, **terms}
    try:
        with db.session.begin_nested():
            order = _renewal_order(sub, sku_id, merchant)
        renewal.order_id = order.id
        values.update(latest_order_id=order.id, price_amount=order.subtotal)
        reason = f"period {period} opened: order {order.id}"
    except SkipRenewal as skip:
        renewal.status, renewal.next_attempt_at, renewal.last_error = "skipped", None, str(skip)[:500]
        values.update(period=period, current_period_start=start, current_period_end=end, next_renewal_at=end)
        reason = f"period {period} passes without a charge: {skip}"
        # A free period is still one of the contract's: the membership runs through it as through a paid one.
        if grants_membership(db.session.get(Sku, sku_id)):
            extend_membership_to(sub.merchant_id, sub.customer_id, sub.livemode, end, now)
    except InMaintenance as exc:  # Kassa's (or the merchant's) maintenance, not the customer's failure: wait
        log.info("maintenance: the renewal waits", extra={"fields": {"subscription_id": sub_id}})
        return _postpone(sub_id, now, exc.message)
    except KassaError as exc:  # a risk block, an archived SKU: a failed try
        renewal.last_error = exc.message[:500]
        reason = f"period {period} opened; its order could not be created: {exc.message}"
    except Exception as exc:  # a hook that failed to decide: no charge on a guess, look again later
        log.exception("a subscription hook failed; the renewal waits", extra={"fields": {"subscription_id": sub_id}})
        return _postpone(sub_id, now, f"a subscription hook failed ({exc.__class__.__name__})")
    try:
        change(sub, reason=reason, actor="system:renewal", event=None, **values)
    except StaleSubscription:
        db.session.rollback()  # canceled or paused meanwhile: the next sweep sees it
        return None
    db.session.commit()
    log.info(
        "renewal opened", extra={"fields": {"subscription_id": sub.id, "period": period, "order_id": renewal.order_id}}
    )
    return renewal


def _postpone(sub_id: str, now: datetime, why: str) -> None:
    """Open nothing now (no renewal row, no try counted) and look again after ``RECHECK_AFTER``."""
    db.session.rollback()
    sub = db.session.get(Subscription, sub_id, populate_existing=True)
    change(
        sub, reason=f"renewal postponed: {why}", actor="system:renewal", event=None, next_renewal_at=now + RECHECK_AFTER
    )
    db.session.commit()


def _claim_period(
    sub: Subscription, period: int, start: datetime, end: datetime, *, due_at: datetime, now: datetime
) -> SubscriptionRenewal | None:
    """The period's renewal row, inserted under the unique key (None: another worker holds it). A period given up
    before (paused, then resumed after it ended, starts again from now) is reopened in place."""
    earlier = db.session.scalar(
        select(SubscriptionRenewal).where(
            SubscriptionRenewal.subscription_id == sub.id, SubscriptionRenewal.period == period
        )
    )
    if earlier is not None:
        if earlier.status not in ("failed", "canceled"):
            return None
        given_up = db.session.get(Order, earlier.order_id) if earlier.order_id else None
        if given_up is not None and given_up.status == "paying":
            # Its deduction is still on its way: reopened now, the row would forget that order, and a capture
            # landing later would be kept for nothing. Once known (refunded, or closed), the period opens afresh.
            return None
        reopened = db.session.execute(
            update(SubscriptionRenewal)
            .where(SubscriptionRenewal.id == earlier.id, SubscriptionRenewal.status == earlier.status)
            .values(
                status="pending",
                order_id=None,
                attempts=0,
                period_start=start,
                period_end=end,
                due_at=due_at,
                next_attempt_at=now,
                last_error=None,
                awaiting_payment_id=None,
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        if reopened != 1:
            db.session.rollback()
            return None
        return db.session.get(SubscriptionRenewal, earlier.id, populate_existing=True)
    renewal = SubscriptionRenewal(
        subscription_id=sub.id,
        merchant_id=sub.merchant_id,
        period=period,
        period_start=start,
        period_end=end,
        status="pending",
        attempts=0,
        due_at=due_at,
        next_attempt_at=now,
        created_at=utcnow(),
    )
    db.session.add(renewal)
    try:
        db.session.flush()
    except IntegrityError:
        db.session.rollback()  # another worker opened this period first
        return None
    return renewal


def try_deduction(renewal_id: int, now: datetime) -> SubscriptionRenewal | None:
    """Make one due deduction try: claimed first, so one worker makes it; the outcome moves the contract."""
    renewal = db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)
    if (
        renewal is None
        or renewal.status != "pending"
        or renewal.next_attempt_at is None
        or renewal.next_attempt_at > now
    ):
        return renewal
    sub = db.session.get(Subscription, renewal.subscription_id, populate_existing=True)
    if sub.status not in TRYABLE:
        return renewal
    # The claim is a lease, not a lock held forever: should this worker die before the outcome is written, the
    # sweep finds the try due again when the lease runs out (a deduction already on its way is never made twice:
    # its order is paying, or paid, by then).
    tries = renewal.attempts + 1  # read before the commit below, which reloads the row with the claim's count
    claimed = db.session.execute(
        update(SubscriptionRenewal)
        .where(
            SubscriptionRenewal.id == renewal.id,
            SubscriptionRenewal.status == "pending",
            SubscriptionRenewal.attempts == renewal.attempts,
            SubscriptionRenewal.next_attempt_at == renewal.next_attempt_at,
        )
        .values(attempts=tries, next_attempt_at=now + TRY_LEASE)
        .execution_options(synchronize_session=False)
    )
    if claimed.rowcount != 1:
        db.session.rollback()
        return renewal
    db.session.commit()
    renewal = db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)
    lease = renewal.next_attempt_at  # as stored: what says this try is still ours when its outcome is written
    order = db.session.get(Order, renewal.order_id) if renewal.order_id else None
    if order is None:
        merchant = db.session.get(Merchant, sub.merchant_id)
        try:
            with db.session.begin_nested():
                order = _renewal_order(sub, sub.sku_id, merchant)
            renewal.order_id = order.id
            db.session.commit()
        except InMaintenance:  # not the customer's failure: this was no try, look again later
            db.session.rollback()
            _wait(renewal_id, lease, now + RECHECK_AFTER, attempts=tries - 1)
            return renewal
        except KassaError as exc:
            db.session.rollback()
            return _failed(renewal_id, lease, exc.message, now)
        except SkipRenewal:
            db.session.rollback()
            return _failed(renewal_id, lease, "a subscription hook skipped a period already being tried", now)
    if order.status in PAID_ORDER:
        return renewal_paid(renewal_id, now)
    if order.status == "paying":
        # A deduction's outcome is not known yet: never charge the period twice. This was no try.
        _wait(renewal_id, lease, now + RECHECK_AFTER, attempts=tries - 1)
        return renewal
    if order.status != "created":
        return _failed(renewal_id, lease, f"the renewal order is {order.status}", now, final=True)
    if renewal.awaiting_payment_id is not None:
        # The deduction an earlier try waited on ended without a capture (its failure's event is not handled yet):
        # that try failed, and this claim is no new one; dunning says when to charge again.
        awaited = db.session.get(PaymentAttempt, renewal.awaiting_payment_id)
        reason = (awaited.failure_reason if awaited is not None else None) or "the deduction was not captured"
        return _failed(renewal_id, lease, reason, now, attempts=tries - 1)
    if sub.mandate_status != "active" or not sub.mandate_channel:
        return _failed(renewal_id, lease, "no active payment method: the customer must update it", now)
    awaited, deducted = None, (sub.mandate_channel, sub.mandate_reference)
    if sub.mandate_channel != "wallet":  # the wallet settles in its one commit: nothing is ever left in flight
        # Written with the attempt's opening, before the provider is asked: should this worker die mid-charge,
        # whoever learns the outcome (the poller, the janitor, the try taking over after the lease) finds this try
        # waiting on it, so a decline is dunning's once and no second charge follows off schedule.
        awaited = renewal.awaiting_payment_id = new_id("pay")
    try:
        attempt = deduct_with_mandate(
            order, sub.mandate_channel, sub.mandate_reference, actor="system:renewal", attempt_id=awaited
        )
    except KassaError as exc:
        db.session.rollback()
        return _failed(renewal_id, lease, exc.message, now)
    if attempt.status == "succeeded":
        return renewal_paid(renewal_id, now)
    if attempt.status == "failed":
        if replaced_since(sub.id, deducted):
            return _try_again_now(renewal_id, lease, now, attempts=tries - 1, deducted=deducted)
        return _failed(renewal_id, lease, attempt.failure_reason or "declined", now)
    # Pending or unknown: the callback, the poller or the janitor decides. A capture renews the contract
    # (order.paid); a failure is this try's, recorded by dunning (``awaited_deduction_failed``).
    _wait(renewal_id, lease, now + RECHECK_AFTER, attempts=tries, awaiting=attempt.id)
    return renewal


def _try_again_now(
    renewal_id: int, lease: datetime, now: datetime, *, attempts: int, deducted: tuple[str | None, str | None]
) -> SubscriptionRenewal:
    """The try's deduction was declined through a mandate the contract no longer has (the old card, perhaps already
    canceled at its provider by the update): it charged nothing, so it was no try of the customer's dunning. The
    renewal is due again at once and deducts through the new mandate: one deduction per mandate, never a second
    charge."""
    db.session.execute(
        update(SubscriptionRenewal)
        .where(
            SubscriptionRenewal.id == renewal_id,
            SubscriptionRenewal.status == "pending",
            SubscriptionRenewal.next_attempt_at == lease,
        )
        .values(next_attempt_at=now, attempts=attempts, awaiting_payment_id=None)
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    log.info(
        "renewal try declined through a replaced mandate: due again through the new one",
        extra={"fields": {"renewal_id": renewal_id, "replaced_mandate": deducted[1]}},
    )
    return db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)


def _wait(renewal_id: int, lease: datetime, until: datetime, *, attempts: int, awaiting: str | None = None) -> None:
    """Look at the claimed try again at ``until`` (unless another worker took it over after ``lease`` ran out);
    ``awaiting`` names the deduction whose outcome the try waits on."""
    values: dict = {"next_attempt_at": until, "attempts": attempts}
    if awaiting is not None:
        values["awaiting_payment_id"] = awaiting
    db.session.execute(
        update(SubscriptionRenewal)
        .where(
            SubscriptionRenewal.id == renewal_id,
            SubscriptionRenewal.status == "pending",
            SubscriptionRenewal.next_attempt_at == lease,
        )
        .values(**values)
    )
    db.session.commit()


def awaited_deduction_failed(
    renewal_id: int, payment_id: str, reason: str, now: datetime
) -> SubscriptionRenewal | None:
    """The deduction a renewal try waited on failed after all (the callback, the poller or the janitor said so):
    that try failed, as any declined renewal does, and the next one waits for the dunning schedule. Recorded once,
    whoever gets here first (this, or the try that looks again and finds the order open)."""
    renewal = db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)
    if (
        renewal is None
        or renewal.status != "pending"
        or renewal.awaiting_payment_id != payment_id
        or renewal.next_attempt_at is None
    ):
        return renewal
    if db.session.get(Subscription, renewal.subscription_id, populate_existing=True).status not in TRYABLE:
        return renewal
    return _failed(renewal.id, renewal.next_attempt_at, reason, now)


def _failed(
    renewal_id: int, lease: datetime, reason: str, now: datetime, *, final: bool = False, attempts: int | None = None
) -> SubscriptionRenewal:
    """The try claimed with ``lease`` failed: schedule the next one by the merchant's dunning, or — the schedule
    spent — cancel or pause. ``attempts``: the tries made, when the claim that got here was none."""
    renewal = db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)
    sub = db.session.get(Subscription, renewal.subscription_id, populate_existing=True)
    merchant = db.session.get(Merchant, sub.merchant_id)
    made = renewal.attempts if attempts is None else attempts
    next_at = None if final else dunning.next_try_at(merchant, renewal.due_at or renewal.period_start, made)
    final = next_at is None
    moved = db.session.execute(
        update(SubscriptionRenewal)
        .where(
            SubscriptionRenewal.id == renewal.id,
            SubscriptionRenewal.status == "pending",
            SubscriptionRenewal.next_attempt_at == lease,
        )
        .values(
            status="failed" if final else "pending",
            next_attempt_at=next_at,
            last_error=reason[:500],
            attempts=made,
            awaiting_payment_id=None,
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        db.session.rollback()
        return renewal
    renewal = db.session.get(SubscriptionRenewal, renewal.id, populate_existing=True)
    try_no = f"try {renewal.attempts} of {dunning.tries_allowed(merchant)}"
    record_event(sub.merchant_id, "subscription.renewal_failed", renewal_object(sub, renewal), livemode=sub.livemode)
    if final:
        order = db.session.get(Order, renewal.order_id) if renewal.order_id else None
        if order is not None and order.status == "created":
            # A capture that still arrives for it is returned automatically (a stray capture).
            close_order(
                order,
                why=CloseReason.RENEWAL_UNPAID,
                reason=f"renewal not paid after {renewal.attempts} tries",
                actor="system:renewal",
            )
        why = f"renewal of period {renewal.period} failed ({try_no}, the last): {reason}"
        if merchant.dunning_final_action == "pause":
            change(
                sub,
                target="paused",
                reason=why,
                actor="system:dunning",
                event="subscription.paused",
                next_renewal_at=None,
            )
        else:
            change(
                sub,
                target="canceled",
                reason=why,
                actor="system:dunning",
                event="subscription.canceled",
                canceled_at=now,
                next_renewal_at=None,
            )
    else:
        why = f"renewal of period {renewal.period} failed ({try_no}): {reason}; next try {next_at:%Y-%m-%d %H:%M} UTC"
        if sub.status == "past_due":
            change(sub, reason=why, actor="system:dunning", event=None)
        else:
            change(sub, target="past_due", reason=why, actor="system:dunning", event="subscription.past_due")
    db.session.commit()
    log.info(
        "renewal try failed",
        extra={
            "fields": {
                "subscription_id": sub.id,
                "period": renewal.period,
                "attempts": renewal.attempts,
                "final": final,
            }
        },
    )
    hooks.notify("on_failure", sub, renewal, reason, final)
    if final and sub.status == "canceled":
        hooks.notify("on_cancel", sub, reason)
    return renewal


def renewal_paid(renewal_id: int, now: datetime) -> SubscriptionRenewal:
    """The period's order is paid: the contract moves into that period, and the membership runs to its end.
    Safe to run again (the callback, the poller and the renewal job may each get here)."""
    renewal = db.session.get(SubscriptionRenewal, renewal_id, populate_existing=True)
    order = db.session.get(Order, renewal.order_id) if renewal.order_id else None
    sub = db.session.get(Subscription, renewal.subscription_id, populate_existing=True)
    if renewal.status != "pending" or order is None or order.status not in PAID_ORDER or sub.status not in TRYABLE:
        return renewal
    mandate = _mandate_signed_by_hand(order)  # may ask the provider: before anything is written
    # The old mandate is named on the renewal, to be canceled at its provider once this commits (the outbox's
    # subscription.renewed, app/signing/unsigning.py): the shopper replaced that card.
    if (
        db.session.execute(
            update(SubscriptionRenewal)
            .where(SubscriptionRenewal.id == renewal.id, SubscriptionRenewal.status == "pending")
            .values(
                status="paid",
                paid_at=now,
                next_attempt_at=None,
                awaiting_payment_id=None,
                **replaced_mandate(sub, mandate),
            )
            .execution_options(synchronize_session=False)
        ).rowcount
        != 1
    ):
        db.session.rollback()
        return renewal
    if mandate and sub.cancel_reason == ENDS_MANDATE_REVOKED:
        # The revocation set the contract to end with its paid period (app/signing/mandates.py) for want of a way
        # to charge it; the shopper has just signed a new one, as the failed-payment email asked: it renews again.
        # One the customer or the merchant asked to end stays ending.
        mandate = {**mandate, "cancel_at_period_end": False, "cancel_reason": None}
    change(
        sub,
        target="active",
        reason=f"period {renewal.period} paid by order {order.id}",
        actor="system:renewal",
        event="subscription.renewed",
        period=renewal.period,
        current_period_start=renewal.period_start,
        current_period_end=renewal.period_end,
        next_renewal_at=renewal.period_end,
        latest_order_id=order.id,
        **mandate,
    )
    grant_membership_until(order, renewal.period_end, now)
    db.session.commit()
    renewal = db.session.get(SubscriptionRenewal, renewal.id, populate_existing=True)
    log.info(
        "subscription renewed",
        extra={"fields": {"subscription_id": sub.id, "period": renewal.period, "order_id": order.id}},
    )
    hooks.notify("after_renewal", sub, renewal)
    return renewal


def _mandate_signed_by_hand(order: Order) -> dict:
    """When the shopper paid a renewal order themselves (fixing a failed card), that payment signed a new mandate:
    later periods are deducted through it. A deduction signs nothing new."""
    paid = db.session.scalar(
        select(PaymentAttempt).where(PaymentAttempt.order_id == order.id, PaymentAttempt.status == "succeeded")
    )
    if paid is None or not paid.next_action:
        return {}
    mandate = signed_mandate(order)
    return mandate if mandate["mandate_reference"] else {}
