"""The payment hub: start a payment on a channel, and converge on the channel's answer.

Callbacks and polling meet in ``apply_channel_result``: a short Redis lock on the order,
conditional UPDATEs on the attempt and the order, and the provider reference unique per
channel, so however often and in whatever order results arrive, money is captured once.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import BigInteger, Row, String, Update, bindparam, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload
from sqlalchemy.orm.attributes import set_committed_value

from app.errors import ChannelFailed, Conflict, InvalidRequest, KassaError
from app.extensions import commit_keeping_state, db
from app.ledger.captures import capture_entry
from app.merchants.config_cache import remember_version
from app.merchants.models import Merchant
from app.orders.close_reasons import CloseReason
from app.orders.models import Order
from app.orders.screening import assess_payment
from app.orders.services import StaleOrder, cancel_order, close_order, get_order, transition
from app.payments import integration_log
from app.payments.attempts.card_screening import screen_paying_card
from app.payments.attempts.one_purchase import one_purchase_per_session
from app.payments.attempts.unknown_outcomes import mark_outcome_unknown
from app.payments.channels import breaker
from app.payments.channels.agreements import record_acceptance
from app.payments.channels.fees import fee_for_capture
from app.payments.channels.interface import (
    ChannelResult,
    PaymentRequest,
    ProviderOutcomeUnknown,
    ProviderRefused,
    ProviderUnavailable,
)
from app.payments.channels.registry import adapter_for
from app.payments.channels.routing import require_channel
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, STRAY_CAPTURE, PaymentAttempt
from app.payments.order_lock import OrderBusy, order_lock
from app.payments.report_days import figures_changed
from app.payments.representation import payment_object
from app.payments.saved_methods.models import SavedPaymentMethod
from app.payments.saved_methods.services import check_saving, method_to_pay, request_saving
from app.payments.state import attempt_may_become, attempt_sources
from app.platform.db.core_writes import execute_at_once, insert_at_once
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import new_event, record_event
from app.platform.values.ids import new_id

log = logs.get("payments")

# A payment's failure_reason when Kassa, not the provider, ended it: the shopper reads it, so it says only what they
# need; the details (the provider's error, the merchant's words) go to the order's timeline.
PROVIDER_UNREACHABLE = "the payment provider could not be reached"
PROVIDER_REFUSED = "the payment provider refused the payment"
ORDER_CANCELED = "the order was canceled"


# What the provider's answer to a create writes on the attempt, built once: a payment binds only its values, and the
# attempt in the session is set from them after the commit rather than synchronised by the ORM.
_ATTEMPTS = PaymentAttempt.__table__
_STARTED = (
    update(_ATTEMPTS)
    .where(_ATTEMPTS.c.id == bindparam("b_id"))
    .values(
        provider_reference=bindparam("b_provider_reference"),
        next_action=bindparam("b_next_action"),
        updated_at=bindparam("b_updated_at"),
    )
)


def start_payment(
    order: Order,
    channel_code: object,
    *,
    return_url: str,
    actor: str,
    recurring: str | None = None,
    payment_method: object = None,
    save_method: bool = False,
) -> PaymentAttempt:
    """Open an attempt on ``channel_code`` for a ``created`` order and ask the provider for
    the shopper's next action. One active attempt per order (the database refuses a second), and one paid
    order per checkout session (app/payments/attempts/one_purchase.py). ``recurring``: the terms of the contract
    the payment signs, in words (a subscription's order: signing knows, app/signing/paying.py), else None.
    ``payment_method``: a saved method (``spm_…``) to pay with in one press (its channel when none is named);
    ``save_method``: keep the card that pays for the customer's next purchases (app/payments/saved_methods/)."""
    saved = None
    if payment_method is not None:
        saved = method_to_pay(order, payment_method, channel_code)
        channel_code = saved.channel
        if recurring is not None or save_method:
            raise InvalidRequest(
                "a saved payment method pays one-off purchases: a subscription signs its mandate on the provider's "
                "page, and a saved card is saved already",
                param="payment_method",
            )
    with one_purchase_per_session(order):
        return _start_payment(
            order, channel_code, return_url=return_url, actor=actor, recurring=recurring, saved=saved, save=save_method
        )


def _start_payment(
    order: Order,
    channel_code: object,
    *,
    return_url: str,
    actor: str,
    recurring: str | None,
    saved: SavedPaymentMethod | None = None,
    save: bool = False,
) -> PaymentAttempt:
    if channel_code is None:  # only an order of nothing is paid without one
        raise InvalidRequest(
            "channel is required: name the channel to pay with", code="parameter_missing", param="channel"
        )
    if not isinstance(channel_code, str) or not channel_code:
        raise InvalidRequest("channel must be a channel code string", param="channel")
    require_channel(order, channel_code)
    if order.status == "paying" and _outcome_unknown(order.id):
        raise Conflict(
            "the outcome of this order's last payment is not known yet (the provider did not answer); "
            "it is being checked with the provider, try again later",
            code="payment_outcome_unknown",
        )
    if order.status == "paying":
        raise Conflict("a payment is already in progress for this order", code="payment_in_progress")
    if order.status != "created":
        raise Conflict(f"order is {order.status} and cannot be paid", code="order_state_invalid")
    if order.expires_at <= utcnow():
        raise Conflict("order has expired; create a new one", code="order_expired")

    if save:
        check_saving(order, channel_code)
    logs.follow(order.request_id)
    assess_payment(order, channel_code)
    attempt = _open_attempt(order, channel_code, actor=actor)
    if record_acceptance(order, channel_code, period=recurring):
        commit_keeping_state()
    if save:
        request_saving(order, attempt.id, channel_code)
        commit_keeping_state()
    adapter = adapter_for(channel_code, order.merchant_id)
    hooks_base = current_app.config["PUBLIC_URL"].rstrip("/")
    request = PaymentRequest(
        attempt_id=attempt.id,
        amount=attempt.amount,
        currency=attempt.currency,
        description=f"Order {order.id}",
        return_url=return_url,
        callback_url=f"{hooks_base}/hooks/channels/{channel_code}",
        recurring=recurring,
        mandate_callback_url=f"{hooks_base}/hooks/mandates/{channel_code}",
        merchant_id=order.merchant_id,
        customer_id=order.customer_id,
        save_method=save,
        saved_method=saved.provider_reference if saved is not None else None,
    )
    try:
        with (
            integration_log.bound(merchant_id=order.merchant_id, attempt_id=attempt.id),
            breaker.guard(breaker.for_mode(channel_code, order.livemode)),
        ):
            provider_payment = adapter.create_payment(request)
    except ProviderOutcomeUnknown as exc:
        # The provider may have opened the payment: never fail it blindly; the janitor finds out.
        mark_outcome_unknown(attempt.id, f"provider did not answer clearly: {exc}")
        raise ChannelFailed(
            f"{channel_code} did not answer in time; the payment's outcome is unknown and is being "
            "checked with the provider, so do not pay this order again yet",
            code="payment_outcome_unknown",
            param="channel",
        ) from exc
    except ProviderUnavailable as exc:
        log.warning(
            "channel create failed: %s",
            exc,
            extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id, "attempt_id": attempt.id}},
        )
        fail_attempt(
            attempt.id,
            PROVIDER_REFUSED if isinstance(exc, ProviderRefused) else PROVIDER_UNREACHABLE,
            note=f"provider error: {exc}",
        )
        raise ChannelFailed(
            f"{channel_code} could not start the payment; try again or pick another channel", param="channel"
        ) from exc
    except KassaError as exc:
        # The channel refused the payment itself (e.g. insufficient wallet balance): tell the caller why.
        fail_attempt(attempt.id, exc.message)
        raise

    started = {
        "provider_reference": provider_payment.reference,
        "next_action": provider_payment.next_action,
        "updated_at": utcnow(),
    }
    execute_at_once(_STARTED, {"b_id": attempt.id, **{f"b_{name}": value for name, value in started.items()}})
    commit_keeping_state()
    # The attempt as this UPDATE left it; a callback that settled it meanwhile is seen by the next read.
    for name, value in started.items():
        set_committed_value(attempt, name, value)
    if provider_payment.result is not None:
        # Settled inside the create call: converge exactly as a callback would (the poll is the safety net).
        apply_channel_result(provider_payment.result, actor=f"channel:{channel_code}")
        attempt = db.session.get(PaymentAttempt, attempt.id, populate_existing=True)
    log.info(
        "payment started",
        extra={
            "fields": {
                "merchant_id": order.merchant_id,
                "order_id": order.id,
                "attempt_id": attempt.id,
                "channel": channel_code,
            }
        },
    )
    return attempt


def _open_attempt(
    order: Order, channel_code: str, *, actor: str, how: str = "payment started", attempt_id: str | None = None
) -> PaymentAttempt:
    """A pending attempt (named ``attempt_id`` when given) and the order ``paying``, committed. Starting a payment
    is a decision about the order like any other: under its lock, so without Redis nothing is written and no
    channel is asked (503), rather than an attempt no one can settle."""
    with order_lock(order.id):
        if order.status == "paying":  # read afresh when the lock was busy: another press got there first
            raise Conflict("a payment is already in progress for this order", code="payment_in_progress")
        attempt = PaymentAttempt(
            id=attempt_id or new_id("pay"),
            merchant_id=order.merchant_id,
            order_id=order.id,
            business_line_id=order.business_line_id,
            channel=channel_code,
            status="pending",
            amount=order.total,
            currency=order.currency,
            next_check_at=first_poll_at(),
        )
        try:
            # The unique index refuses a second active attempt at its INSERT, written with the order's move.
            transition(order, "paying", reason=f"{how} with {channel_code}", actor=actor, along=[attempt])
            commit_keeping_state()  # the order and attempt as written: nothing to read back
        except (IntegrityError, StaleOrder):
            db.session.rollback()
            raise Conflict("a payment is already in progress for this order", code="payment_in_progress") from None
    return attempt


def deduct_with_mandate(
    order: Order, channel_code: str, mandate: str, *, actor: str, attempt_id: str | None = None
) -> PaymentAttempt:
    """Charge a ``created`` order through a signed mandate, with nobody at the checkout (a renewal). The
    attempt id is the provider's reference, so an answer lost on the way is looked up, never charged twice;
    a channel that settles in the call (the wallet) is paid like any other payment. Returns the attempt as
    it stands: succeeded, failed, or pending/unknown until the provider's answer is known; a KassaError
    when the channel refused before charging anything. ``attempt_id`` (not for the wallet) names the attempt: a
    caller that records it in the session has it committed with the attempt, before the provider is asked."""
    if channel_code == "wallet":
        # Settled inside the call; a refusal (balance too low) raises after failing its attempt. The wallet signs
        # no mandate (it is its own), so it is handed no recurring terms.
        return start_payment(order, "wallet", return_url=current_app.config["PUBLIC_URL"], actor=actor)
    if order.status != "created":
        raise Conflict(f"order is {order.status} and cannot be paid", code="order_state_invalid")
    attempt = _open_attempt(order, channel_code, actor=actor, how="renewal deducted", attempt_id=attempt_id)
    adapter = adapter_for(channel_code, order.merchant_id)
    try:
        with (
            integration_log.bound(merchant_id=order.merchant_id, attempt_id=attempt.id),
            breaker.guard(breaker.for_mode(channel_code, order.livemode)),
        ):
            result = adapter.deduct(
                mandate,
                amount=attempt.amount,
                currency=attempt.currency,
                reference=attempt.id,
                description=f"Order {order.id}",
            )
    except ProviderOutcomeUnknown as exc:
        # The provider may have charged: never fail a deduction blind; the janitor asks by our reference.
        mark_outcome_unknown(attempt.id, f"the deduction got no clear answer: {exc}")
        return db.session.get(PaymentAttempt, attempt.id, populate_existing=True)
    except (ProviderUnavailable, KassaError) as exc:  # never sent, refused, or the channel's breaker is open
        # The error (a provider's answer, an operator's reason for switching the channel off) is the merchant's.
        reason = PROVIDER_REFUSED if isinstance(exc, ProviderRefused) else PROVIDER_UNREACHABLE
        fail_attempt(attempt.id, reason, note=f"deduction not made: {exc}")
        return db.session.get(PaymentAttempt, attempt.id, populate_existing=True)
    db.session.execute(
        update(PaymentAttempt)
        .where(PaymentAttempt.id == attempt.id)
        .values(provider_reference=result.provider_reference, updated_at=utcnow())
    )
    db.session.commit()
    apply_channel_result(result, actor=f"channel:{channel_code}")
    return db.session.get(PaymentAttempt, attempt.id, populate_existing=True)


def _outcome_unknown(order_id: str) -> bool:
    """Does the order's active attempt wait for the janitor (its create call got no answer)?"""
    return (
        db.session.scalar(
            select(PaymentAttempt.id).where(PaymentAttempt.order_id == order_id, PaymentAttempt.status == "unknown")
        )
        is not None
    )


def first_poll_at() -> datetime:
    """When a pending attempt whose callback has not come is next asked about: POLL_AFTER_SECONDS from now. The
    sweep (``polling.poll_stale_attempts``, every 10 s) asks the provider about the attempts that are due; no job is
    queued per payment (an RQ job and its scheduling cost ~3 ms of CPU a payment, nearly always to find it decided)."""
    return utcnow() + timedelta(seconds=current_app.config["POLL_AFTER_SECONDS"])


def fail_attempt(attempt_id: str, reason: str, *, actor: str = "system", note: str | None = None) -> bool:
    """Mark a still-active attempt failed and reopen its order for another try; False when it had already
    moved on. ``reason`` is the payment's ``failure_reason``, which the shopper reads (the order page, the SDK, the
    status stream), so Kassa's words for them; ``note`` the merchant's detail for the order's timeline (default: the
    reason): an operator's evidence, a provider's error."""
    return settle_attempt(attempt_id, "failed", reason=reason, actor=actor, note=note)


def settle_attempt(attempt_id: str, outcome: str, *, reason: str, actor: str, note: str | None = None) -> bool:
    """Decide an attempt ourselves (``failed``, or ``canceled`` when it was abandoned), under its order's lock,
    and move the order with it; False when the attempt had already moved on."""
    with order_lock(db.session.get(PaymentAttempt, attempt_id).order_id):
        return _settle(attempt_id, outcome, reason=reason, provider_reference=None, actor=actor, note=note)


# The attempt and its order, fresh, in one read: the status decides _settle's conditional UPDATE. The order's
# lines come along in the same statement for the order event's copy of the order, and the merchant's configuration
# version, so the capture's fee needs no query of its own. Built once: a settlement binds only the attempt's id.
_ATTEMPT_WITH_ORDER = (
    select(PaymentAttempt, Order, Merchant.config_version)
    .join(Order, Order.id == PaymentAttempt.order_id)
    .join(Merchant, Merchant.id == PaymentAttempt.merchant_id)
    .where(PaymentAttempt.id == bindparam("b_attempt"))
    .options(joinedload(Order.items))
    .execution_options(populate_existing=True)
)


# _settle's conditional UPDATE, built once. A reference or fee left NULL keeps the attempt's own (a failure has
# no fee; a callback may not repeat the reference).
_SETTLE = (
    update(_ATTEMPTS)
    .where(_ATTEMPTS.c.id == bindparam("b_attempt"), _ATTEMPTS.c.status == bindparam("b_before"))
    .values(
        status=bindparam("b_outcome"),
        failure_reason=bindparam("b_reason"),
        updated_at=bindparam("b_settled_at"),
        provider_reference=func.coalesce(bindparam("b_reference", type_=String), _ATTEMPTS.c.provider_reference),
        fee_amount=func.coalesce(bindparam("b_fee", type_=BigInteger), _ATTEMPTS.c.fee_amount),
    )
)


def attempt_with_order(attempt_id: str) -> Row | None:
    """(attempt, its order with items, the merchant's configuration version), or None: what ``_settle`` decides
    on, and what ``apply_channel_result`` may be handed by a caller that needed the attempt anyway."""
    return db.session.execute(_ATTEMPT_WITH_ORDER, {"b_attempt": attempt_id}).unique().first()


def _settle(
    attempt_id: str,
    outcome: str,
    *,
    reason: str | None,
    provider_reference: str | None,
    actor: str,
    read: Row | None = None,
    note: str | None = None,
) -> bool:
    """Move an attempt to ``outcome`` (if the attempt state table allows it from where it is) and the order
    with it. Caller holds the order lock. Returns False when the attempt had already moved (a duplicate).

    ``read`` is the caller's ``attempt_with_order`` from before the lock, used for the first try: every write
    below is conditional on what was read (the attempt's status, the order's version), so a row that moved
    meanwhile only costs a fresh read and a second try."""
    for _ in range(3):
        found = read if read is not None else attempt_with_order(attempt_id)
        read = None  # a second try reads afresh
        if found is None:
            db.session.rollback()
            return False
        attempt, order, config_version = found
        remember_version(attempt.merchant_id, config_version)
        logs.follow(order.request_id)
        before = attempt.status
        if not attempt_may_become(before, outcome):
            db.session.rollback()
            return False
        values = {"status": outcome, "failure_reason": reason, "updated_at": utcnow()}
        if provider_reference:
            values["provider_reference"] = provider_reference
        if outcome == "succeeded":
            values["fee_amount"] = fee_for_capture(
                attempt.merchant_id, attempt.channel, attempt.amount, attempt.currency
            )
        settle = (
            _SETTLE,
            {
                "b_attempt": attempt_id,
                "b_before": before,
                "b_outcome": outcome,
                "b_reason": reason,
                "b_settled_at": values["updated_at"],
                "b_reference": values.get("provider_reference"),
                "b_fee": values.get("fee_amount"),
            },
        )
        # The capture that pays a paying order (nearly every callback) settles its attempt in the order's move
        # (one statement on PostgreSQL); any other outcome settles it first. Either way, an attempt that moved
        # meanwhile costs a rollback and a fresh read.
        pays = _pays_the_order(outcome, before in ACTIVE_ATTEMPT_STATUSES, order)
        if not pays and execute_at_once(*settle).rowcount != 1:
            db.session.rollback()
            continue
        for name, value in values.items():
            set_committed_value(attempt, name, value)
        if before not in ACTIVE_ATTEMPT_STATUSES:
            figures_changed(attempt.merchant_id)  # an attempt given up was captured after all: its day's rates move
        # The capture's journal entry and the payment's event go with the order's move when there is one (one
        # statement on PostgreSQL; their relative order means nothing), else on their own.
        along = (
            capture_entry(
                merchant_id=attempt.merchant_id,
                attempt_id=attempt.id,
                order_id=order.id,
                channel=attempt.channel,
                amount=attempt.amount,
                currency=attempt.currency,
                order_kind=order.kind,
                livemode=order.livemode,
                business_line_id=order.business_line_id,
            )
            if outcome == "succeeded"
            else []
        )
        along.append(
            new_event(
                attempt.merchant_id,
                f"payment.{outcome}",
                payment_object(attempt),
                order_id=order.id,
                livemode=order.livemode,
            )
        )
        try:
            moved_with_along = _move_order(
                order,
                attempt,
                outcome,
                reason=note or reason,
                actor=actor,
                was_active=before in ACTIVE_ATTEMPT_STATUSES,
                along=along,
                settle=settle if pays else None,
            )
        except StaleOrder:
            db.session.rollback()
            continue
        if not moved_with_along:
            insert_at_once(along)
        commit_keeping_state()  # the attempt and order as just written
        return True
    raise OrderBusy(f"order for attempt {attempt_id} kept changing; retry")


def _pays_the_order(outcome: str, was_active: bool, order: Order) -> bool:
    """Whether an attempt's outcome is the capture that pays its order: a success of an attempt still active, for
    an order still paying. ``_settle`` and ``_move_order`` both ask it: the attempt's UPDATE is handed over to go
    with the order's move exactly when the move is made."""
    return outcome == "succeeded" and was_active and order.status == "paying"


def _move_order(
    order: Order,
    attempt: PaymentAttempt,
    outcome: str,
    *,
    reason: str | None,
    actor: str,
    was_active: bool,
    along: Sequence[object],
    settle: tuple[Update, dict] | None = None,
) -> bool:
    """Move the order as the attempt's outcome says; True if a move wrote the ``along`` rows with it. ``settle``:
    the attempt's conditional UPDATE, to be made with the order's move to ``paid`` (given only for a capture that
    pays the order)."""
    if outcome == "succeeded":
        captured = f"captured by {attempt.channel} ({attempt.provider_reference})"
        if _pays_the_order(outcome, was_active, order):
            transition(order, "paid", reason=captured, actor=actor, along=along, first=settle)
            return True
        if order.status in ("created", "paying"):
            # An attempt Kassa had failed or abandoned was paid after all while the order is still open (reopened
            # for another try, or paying through a newer attempt): this capture pays it, so the order is never
            # payable again with the shopper's money already taken. A newer attempt captured later is returned.
            if order.status == "created":
                transition(order, "paying", reason=f"late capture of payment {attempt.id}", actor=actor)
            transition(order, "paid", reason=f"{captured}, after the attempt was given up", actor=actor, along=along)
            return True
        # The provider took money for an attempt we had given up on (order closed, or
        # paid another way): record it loudly so it is refunded, never lost.
        record_event(order.merchant_id, STRAY_CAPTURE, payment_object(attempt))
        log.error(
            "capture on an abandoned attempt (order %s)",
            order.status,
            extra={"fields": {"order_id": order.id, "attempt_id": attempt.id}},
        )
        return False
    if order.status == "paying":
        why = f"payment {outcome}: {reason}" if reason else f"payment {outcome}"
        if outcome == "failed":
            transition(order, "created", reason=why, actor=actor, along=along)  # the shopper may try again
            return True
        close_order(order, why=CloseReason.PAYMENT_ENDED, reason=why, actor=actor)
    return False


def apply_channel_result(result: ChannelResult, *, actor: str, read: Row | None = None) -> PaymentAttempt | None:
    """Apply a provider's verdict to its attempt and order, exactly once. Returns the attempt,
    or None when the result names no attempt of ours on that channel. ``read`` is the caller's
    ``attempt_with_order(result.attempt_id)``, if it has one."""
    if read is None:
        read = attempt_with_order(result.attempt_id)  # the lock needs the order's id; _settle's first try reuses it
    attempt = read[0] if read is not None else None
    if (
        attempt is None
        or attempt.channel != result.channel
        or (attempt.provider_reference and attempt.provider_reference != result.provider_reference)
    ):
        log.warning(
            "channel result for an unknown attempt",
            extra={"fields": {"channel": result.channel, "provider_reference": result.provider_reference}},
        )
        return None
    # A success for an attempt we gave up on still moved money: it must be recorded (once); the state table
    # says which statuses a verdict may still change.
    if result.status == "pending" or attempt.status not in attempt_sources(result.status):
        return attempt
    if result.status == "succeeded" and (result.amount, result.currency) != (attempt.amount, attempt.currency):
        log.error(
            "provider amount differs from the attempt; not capturing",
            extra={
                "fields": {
                    "attempt_id": attempt.id,
                    "provider_amount": result.amount,
                    "provider_currency": result.currency,
                }
            },
        )
        return attempt
    logs.bind(merchant_id=attempt.merchant_id, order_id=attempt.order_id)
    with order_lock(attempt.order_id):
        settled = _settle(
            attempt.id,
            result.status,
            reason=result.failure_reason,
            provider_reference=result.provider_reference,
            actor=actor,
            read=read,
        )
    fingerprint = (result.raw or {}).get("card_fingerprint")
    if result.status == "succeeded" and isinstance(fingerprint, str) and fingerprint:
        screen_paying_card(attempt.id, fingerprint[:64])
        settled = False  # screening may have moved it on
    # Settled here: the attempt in memory is the row as written; otherwise someone else moved it: read it.
    return attempt if settled else db.session.get(PaymentAttempt, attempt.id, populate_existing=True)


def cancel_order_and_payment(merchant_id: str, order_id: str, *, actor: str, reason: str = "canceled") -> Order:
    """Cancel a ``created`` or ``paying`` order. An attempt still waiting for the provider is
    abandoned first; should the provider capture it anyway, that capture is caught as
    ``payment.captured_on_inactive_order``."""
    order = get_order(merchant_id, order_id)
    if order.status == "paying":
        active = db.session.scalar(
            select(PaymentAttempt.id).where(
                PaymentAttempt.order_id == order_id, PaymentAttempt.status.in_(ACTIVE_ATTEMPT_STATUSES)
            )
        )
        if active is not None:
            # The payment says only that the order was canceled (the shopper reads it); the timeline keeps why.
            with order_lock(order_id):
                _settle(
                    active,
                    "canceled",
                    reason=ORDER_CANCELED,
                    provider_reference=None,
                    actor=actor,
                    note=None if reason == "canceled" else reason,
                )
        order = db.session.get(Order, order_id, populate_existing=True)
        if order.status == "closed":
            return order  # abandoning the attempt closed it
    return cancel_order(merchant_id, order_id, actor=actor, reason=reason)
