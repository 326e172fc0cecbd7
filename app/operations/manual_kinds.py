"""What each maintenance action on an order checks and does.

Every action goes through the same service path the system itself uses (the poller's query, the janitor's
look-up, ``hub.apply_channel_result`` for a capture, the outbox's fulfilment, the webhook sender, the
stray-capture return), so ledger postings, events, fulfilment and timelines follow as they would on their
own. ``check`` refuses, with a message saying why, what the current state does not allow; it runs when
the action is asked for and again just before it runs (an approval can come much later).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from sqlalchemy import select

from app.errors import Conflict, InvalidRequest, KassaError, NotFound
from app.extensions import db
from app.orders import state as order_state
from app.orders.fulfilment import FulfilmentDeferred, FulfilmentFailed, fulfil_order
from app.orders.fulfilment_models import OrderFulfilment
from app.orders.models import Order
from app.payments.attempts.hub import apply_channel_result, cancel_order_and_payment, fail_attempt
from app.payments.attempts.janitor import resolve_unknown_attempt
from app.payments.attempts.polling import refresh_attempt
from app.payments.channels.interface import ChannelResult
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, PaymentAttempt, Refund
from app.payments.refunds.capture_returns import refund_stray_capture
from app.payments.state import attempt_may_become
from app.platform.outbox.events import Event
from app.platform.values.money import Money
from app.risk.review import held_for_review
from app.webhooks.fanout import replay_event
from app.webhooks.models import WebhookEndpoint

# The failure_reason of a payment an operator marked failed: what the shopper reads on their order page.
MARKED_FAILED = "stopped by the merchant"


class ActionFailed(KassaError):
    """The action ran and did not reach its goal; the message says what happened (409)."""

    status = 409
    code = "manual_action_failed"


@dataclass(frozen=True)
class Target:
    """What an action works on: the order, and the payment or event it names."""

    order: Order
    attempt: PaymentAttempt | None = None
    event: Event | None = None


@dataclass(frozen=True)
class Run:
    """One run of an action: its target, inputs and who acts (the timeline's actor)."""

    target: Target
    reason: str
    evidence: str
    provider_reference: str
    actor: str


@dataclass(frozen=True)
class ActionKind:
    key: str
    label: str
    subject: str | None  # "payment" or "event" when the action names one; None for the order itself
    moves_money: bool  # a second person (owner or finance) must approve it before it runs
    needs_evidence: bool
    check: Callable[[Target], None]  # does the state allow it now?
    run: Callable[[Run], str]  # returns what happened, in words
    check_reference: Callable[[Target, str], None] | None = None  # the provider reference typed, if asked for


def _attempt_in(target: Target, *statuses: str, doing: str) -> PaymentAttempt:
    attempt = target.attempt
    if attempt.status not in statuses:
        raise Conflict(
            f"payment {attempt.id} is {attempt.status}: only a {' or '.join(statuses)} payment can be {doing}",
            code="payment_state_invalid",
            param="subject",
        )
    return attempt


def _check_requery(target: Target) -> None:
    attempt = target.attempt
    if attempt.status == "unknown":
        raise Conflict(
            f"payment {attempt.id} is unknown: resolve it instead (Kassa looks it up by reference)",
            code="payment_state_invalid",
            param="subject",
        )
    _attempt_in(target, "pending", doing="re-queried")


def _run_requery(run: Run) -> str:
    attempt = refresh_attempt(run.target.attempt.id, actor=run.actor)
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    if attempt.status == "pending":
        return "the provider still waits for the shopper; the order stays paying"
    return f"the provider says {attempt.status}; the order is {order.status}"


def _check_resolve(target: Target) -> None:
    _attempt_in(target, "unknown", doing="resolved")


def _run_resolve(run: Run) -> str:
    attempt = resolve_unknown_attempt(run.target.attempt.id, actor=run.actor)
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    if attempt.status == "unknown":
        raise ActionFailed(
            f"the provider still gave no clear answer about {attempt.id}; Kassa asks again on its "
            "own, or mark it failed or succeeded with the provider's evidence"
        )
    if attempt.status == "pending":
        return "the provider has the payment and waits for the shopper; it is polled again as usual"
    return f"the provider says {attempt.status}; the order is {order.status}"


def _check_close(target: Target) -> None:
    order = target.order
    if not order_state.can_transition(order.status, "closed"):
        allowed = " or ".join(s for s, following in order_state.TRANSITIONS.items() if "closed" in following)
        raise Conflict(
            f"a {order.status} order cannot be closed (only {allowed} orders can)"
            + ("; refund it instead" if order.status in ("paid", "fulfilled", "completed") else ""),
            code="order_state_invalid",
        )


def _run_close(run: Run) -> str:
    order = cancel_order_and_payment(
        run.target.order.merchant_id, run.target.order.id, actor=run.actor, reason=f"closed by hand: {run.reason}"[:500]
    )
    return f"the order is {order.status}; its stock and coupon use were released"


def _check_mark_failed(target: Target) -> None:
    if not attempt_may_become(target.attempt.status, "failed"):
        raise Conflict(
            f"payment {target.attempt.id} is {target.attempt.status} and cannot be marked failed",
            code="payment_state_invalid",
            param="subject",
        )


def _run_mark_failed(run: Run) -> str:
    attempt = run.target.attempt
    # The shopper reads the payment's reason; the evidence the operator pasted is for the merchant's timeline.
    evidence = f"marked failed by hand: {run.evidence}"[:500]
    if not fail_attempt(attempt.id, MARKED_FAILED, actor=run.actor, note=evidence):
        raise ActionFailed(f"payment {attempt.id} changed meanwhile; look at it again")
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    return f"payment {attempt.id} failed; the order is {order.status}"


def _check_mark_succeeded(target: Target) -> None:
    attempt, order = target.attempt, target.order
    if not attempt_may_become(attempt.status, "succeeded"):
        raise Conflict(
            f"payment {attempt.id} is {attempt.status} and cannot be marked succeeded",
            code="payment_state_invalid",
            param="subject",
        )
    if attempt.status not in ACTIVE_ATTEMPT_STATUSES and order.status not in ("created", "paying", "closed"):
        # Another payment paid the order: a late capture of this one is caught and returned when it is reported.
        raise Conflict(
            f"the order is {order.status} through another payment; payment {attempt.id} stays {attempt.status}",
            code="payment_state_invalid",
            param="subject",
        )


def _check_provider_reference(target: Target, reference: str) -> None:
    attempt = target.attempt
    if not (reference or attempt.provider_reference):
        raise InvalidRequest(
            "enter the provider's reference for this payment (its transaction id): Kassa never learned it",
            param="provider_reference",
        )
    if reference and attempt.provider_reference and reference != attempt.provider_reference:
        raise InvalidRequest(
            f"this payment's provider reference is {attempt.provider_reference}; the evidence "
            "must be about that payment",
            param="provider_reference",
        )
    taken = (
        db.session.scalar(
            select(PaymentAttempt.id).where(
                PaymentAttempt.channel == attempt.channel,
                PaymentAttempt.provider_reference == reference,
                PaymentAttempt.id != attempt.id,
            )
        )
        if reference
        else None
    )
    if taken:
        raise Conflict(
            f"provider reference {reference} already belongs to payment {taken}",
            code="provider_reference_taken",
            param="provider_reference",
        )


def _run_mark_succeeded(run: Run) -> str:
    attempt = run.target.attempt
    # Exactly what a provider's callback would apply: capture, journal, order paid, events, fulfilment.
    result = ChannelResult(
        channel=attempt.channel,
        provider_reference=run.provider_reference or attempt.provider_reference,
        attempt_id=attempt.id,
        status="succeeded",
        amount=attempt.amount,
        currency=attempt.currency,
        raw={"recorded_by_hand": run.actor, "evidence": run.evidence},
    )
    settled = apply_channel_result(result, actor=run.actor)
    if settled is None or settled.status != "succeeded":
        raise ActionFailed(
            f"the capture was not recorded: payment {attempt.id} is "
            f"{settled.status if settled else 'unknown to its channel'}"
        )
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    shown = Money(attempt.amount, attempt.currency).format()
    if order.status == "closed":
        return f"payment {attempt.id} recorded as captured ({shown}) on a closed order: Kassa returns it"
    return f"payment {attempt.id} recorded as captured ({shown}); the order is {order.status}"


def _check_fulfilment(target: Target) -> None:
    order = target.order
    if order.kind != "purchase":
        raise Conflict("a top-up is credited to the wallet, not fulfilled", code="order_state_invalid")
    if order.status != "paid":
        raise Conflict(
            f"the order is {order.status}: only a paid order waits for fulfilment", code="order_state_invalid"
        )
    if held_for_review(order):
        raise Conflict("the order is held for risk review: approve it to fulfil it", code="order_held_for_review")
    progress = db.session.get(OrderFulfilment, order.id)
    if progress is not None and progress.gave_up_at is not None:
        raise Conflict(
            f"Kassa gave up fulfilling this order after {progress.attempts} failed attempts and refunds "
            "it in full; fulfilling it now would deliver what the shopper is paid back for",
            code="fulfilment_given_up",
        )


def _run_fulfilment(run: Run) -> str:
    order_id = run.target.order.id
    try:
        outcome = fulfil_order(order_id, actor=run.actor)
    except (FulfilmentFailed, FulfilmentDeferred) as exc:
        progress = db.session.get(OrderFulfilment, order_id, populate_existing=True)
        tries = f" (failed attempts: {progress.attempts})" if progress else ""
        raise ActionFailed(f"fulfilment failed again: {exc}{tries}") from exc
    if outcome != "fulfilled":
        raise ActionFailed(f"nothing was fulfilled ({outcome})")
    return "the order is fulfilled"


def _active_endpoints(merchant_id: str, livemode: bool):
    """The merchant's active endpoints of one mode: an order's events are replayed to its mode's endpoints only."""
    return select(WebhookEndpoint).where(
        WebhookEndpoint.merchant_id == merchant_id,
        WebhookEndpoint.livemode.is_(livemode),
        WebhookEndpoint.enabled.is_(True),
        WebhookEndpoint.deleted_at.is_(None),
    )


def _has_endpoint(order: Order) -> bool:
    return db.session.scalar(_active_endpoints(order.merchant_id, order.livemode).limit(1)) is not None


def _check_replay(target: Target) -> None:
    mode = "live" if target.event.livemode else "test"
    wanted = [
        e
        for e in db.session.scalars(_active_endpoints(target.order.merchant_id, target.event.livemode))
        if e.wants(target.event.type)
    ]
    if not wanted:
        raise Conflict(
            f"no active {mode} webhook endpoint subscribes to {target.event.type}; add one under "
            f"Developers in {mode} mode",
            code="no_webhook_endpoint",
            param="subject",
        )


def _run_replay(run: Run) -> str:
    sent = replay_event(run.target.order.merchant_id, run.target.event.id)
    answers = [f"{url} {'is being sent already' if a is None else a.status_code or a.error}" for url, a in sent]
    summary = f"{run.target.event.type} ({run.target.event.id}) sent again: " + "; ".join(answers)
    if not any(a is not None and a.status_code and 200 <= a.status_code < 300 for _, a in sent):
        raise ActionFailed(summary[:480] + " — no endpoint accepted it")
    return summary


def _check_return(target: Target) -> None:
    attempt = target.attempt
    if attempt.status != "succeeded" or target.order.status != "closed":
        raise Conflict(
            "only a capture that arrived on a closed order is returned this way; refund a paid order with Refund",
            code="payment_state_invalid",
            param="subject",
        )
    done = db.session.scalar(
        select(Refund).where(
            Refund.payment_id == attempt.id,
            Refund.kind == "capture_return",
            Refund.status.in_(("pending", "succeeded")),
        )
    )
    if done is not None:
        raise Conflict(
            f"this capture is {'already returned' if done.status == 'succeeded' else 'being returned'} ({done.id})",
            code="refund_in_progress",
            param="subject",
        )


def _run_return(run: Run) -> str:
    refund = refund_stray_capture(run.target.attempt.id, f"returned by hand: {run.reason}", actor=run.actor)
    shown = Money(refund.amount, refund.currency).format()
    if refund.status == "failed":
        raise ActionFailed(f"the provider refused to return {shown} ({refund.id}): {refund.failure_reason}")
    if refund.status == "pending":
        return f"return of {shown} sent ({refund.id}); the provider's answer is awaited and Kassa keeps asking"
    return f"returned {shown} to the shopper ({refund.id})"


KINDS: dict[str, ActionKind] = {
    k.key: k
    for k in (
        ActionKind("requery", "Re-query the provider now", "payment", False, False, _check_requery, _run_requery),
        ActionKind(
            "resolve_unknown", "Resolve the unknown payment", "payment", False, False, _check_resolve, _run_resolve
        ),
        ActionKind("close", "Close the order", None, False, False, _check_close, _run_close),
        ActionKind(
            "mark_failed", "Mark the payment failed", "payment", False, True, _check_mark_failed, _run_mark_failed
        ),
        ActionKind(
            "mark_succeeded",
            "Mark the payment succeeded",
            "payment",
            True,
            True,
            _check_mark_succeeded,
            _run_mark_succeeded,
            _check_provider_reference,
        ),
        ActionKind("rerun_fulfilment", "Re-run fulfilment", None, False, False, _check_fulfilment, _run_fulfilment),
        ActionKind("replay_event", "Replay an event to webhooks", "event", False, False, _check_replay, _run_replay),
        ActionKind(
            "return_capture",
            "Return a capture that arrived on a closed order",
            "payment",
            True,
            False,
            _check_return,
            _run_return,
        ),
    )
}


def target_of(kind: ActionKind, order: Order, subject: str) -> Target:
    """The order and the payment or event the action names (of this order only: anything else is 404)."""
    if kind.subject is None:
        return Target(order)
    if not subject:
        raise InvalidRequest(f"choose the {kind.subject} this action is about", param="subject")
    model = PaymentAttempt if kind.subject == "payment" else Event
    found = db.session.scalar(
        select(model).where(model.id == subject, model.order_id == order.id, model.merchant_id == order.merchant_id)
    )
    if found is None:
        raise NotFound(f"order {order.id} has no {kind.subject} {subject!r}", param="subject")
    return Target(order, attempt=found) if kind.subject == "payment" else Target(order, event=found)


@dataclass(frozen=True)
class Offer:
    """An action the order page offers now, for the order or one of its payments."""

    kind: ActionKind
    subject: str = ""


def offers_for(order: Order, attempts: list[PaymentAttempt], *, has_events: bool) -> list[Offer]:
    """What may be done to this order as it stands, by the same checks the actions run (the page shows no
    button that would only be refused). Replaying is offered once the merchant has a webhook endpoint; which
    event, the form asks."""
    found = []
    for kind in KINDS.values():
        if kind.subject == "event":
            found += [Offer(kind)] if has_events and _has_endpoint(order) else []
            continue
        for attempt in attempts if kind.subject == "payment" else [None]:
            try:
                kind.check(Target(order, attempt=attempt))
            except KassaError:
                continue
            found.append(Offer(kind, attempt.id if attempt else ""))
    return found
