"""What merchant and shopper ask of a contract: cancel (now or at period end), pause, resume, change SKU.
Each is idempotent: asking for the state a contract is already in returns it unchanged."""

from __future__ import annotations

from sqlalchemy import select, update

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.orders.close_reasons import CloseReason
from app.orders.models import Order
from app.orders.services import close_order
from app.payments.attempts.hub import cancel_order_and_payment
from app.signing.clocks import now_for
from app.signing.contracts import change, get_subscription, recurring_sku
from app.signing.models import Subscription, SubscriptionRenewal
from app.signing.state import ENDS_REQUESTED, LIVE


def _state_error(sub: Subscription, what: str) -> Conflict:
    return Conflict(f"subscription {sub.id} is {sub.status}; it cannot be {what}", code="subscription_state_invalid")


def _give_up_renewals(sub: Subscription, *, actor: str, why: str) -> None:
    """Stop every renewal still being tried: its open order is canceled and the row is canceled. A deduction already
    on its way is left to finish, its outcome still asked of the provider (abandoned here, nobody would ask again,
    and a capture the provider made could be kept for a period never given): should it capture, the canceled
    renewal's payment goes back in full; should it fail, its order closes (app/signing/renewals/orders.py)."""
    for renewal in list(
        db.session.scalars(
            select(SubscriptionRenewal).where(
                SubscriptionRenewal.subscription_id == sub.id, SubscriptionRenewal.status == "pending"
            )
        )
    ):
        order = db.session.get(Order, renewal.order_id) if renewal.order_id else None
        if order is not None and order.status == "created":
            cancel_order_and_payment(sub.merchant_id, order.id, actor=actor)
        db.session.execute(
            update(SubscriptionRenewal)
            .where(SubscriptionRenewal.id == renewal.id, SubscriptionRenewal.status == "pending")
            .values(status="canceled", next_attempt_at=None, last_error=why, awaiting_payment_id=None)
            .execution_options(synchronize_session=False)
        )
    db.session.refresh(sub)


def cancel_now(sub: Subscription, *, reason: str, actor: str) -> Subscription:
    """End the contract at once (caller commits): no further renewal, an unpaid first order is closed and
    a renewal still being tried is given up."""
    if sub.status == "pending":
        order = db.session.get(Order, sub.first_order_id)
        if order.status == "paying":
            raise Conflict(
                "the first payment is in progress; wait for its outcome before cancelling", code="payment_in_progress"
            )
        if order.status == "created":
            close_order(order, why=CloseReason.SUBSCRIPTION_CANCELED, reason="subscription canceled", actor=actor)
    _give_up_renewals(sub, actor=actor, why="subscription canceled")
    return change(
        sub,
        target="canceled",
        reason=reason,
        actor=actor,
        event="subscription.canceled",
        canceled_at=now_for(sub),
        next_renewal_at=None,
    )


def end_with_paid_period(sub: Subscription, *, reason: str, actor: str) -> Subscription:
    """End a contract set to cancel at its period's end once that end has come (caller commits). A renewal opened
    meanwhile (the flag was set after the period ended: the customer asked late, or the mandate was revoked while
    the period's deduction was on its way) is given up, so a deduction that lands later is given back rather than
    kept for a period that never comes; it would otherwise stay pending for good."""
    _give_up_renewals(sub, actor=actor, why="subscription ended with its paid period")
    return change(
        sub,
        target="canceled",
        reason=reason,
        actor=actor,
        event="subscription.canceled",
        canceled_at=sub.current_period_end,
        next_renewal_at=None,
    )


def cancel(
    merchant_id: str, subscription_id: str, *, at_period_end: object, livemode: bool | None, actor: str = "api"
) -> Subscription:
    if at_period_end is None:
        at_period_end = False
    if not isinstance(at_period_end, bool):
        raise InvalidRequest("at_period_end must be true or false", param="at_period_end")
    sub = get_subscription(merchant_id, subscription_id, livemode=livemode)
    if sub.status in ("canceled", "expired"):
        if at_period_end and sub.status == "expired":
            raise _state_error(sub, "canceled")
        return sub
    # A past-due contract's paid period is over already: "at its end" is now, or the next dunning try would charge
    # the customer for a period they asked not to have. A paused one renews nothing, so nothing would ever end it at
    # its period's end (it stayed paused, its mandate open, for good): it ends now too, and what the customer paid
    # for runs out as it would have.
    if at_period_end and sub.status not in ("pending", "past_due", "paused"):
        if sub.next_renewal_at is not None and sub.next_renewal_at <= now_for(sub):
            # The paid period is over and its renewal may be on its way already: it ends now, with that period.
            end_with_paid_period(sub, reason="canceled at the end of the paid period, which has ended", actor=actor)
            db.session.commit()
            return sub
        if sub.cancel_reason != ENDS_REQUESTED:
            # Also when it was ending already for a withdrawn card: asked for now, a new card must not revive it.
            change(
                sub,
                reason="cancels at the end of the current period",
                actor=actor,
                event="subscription.updated",
                cancel_at_period_end=True,
                cancel_reason=ENDS_REQUESTED,
            )
            db.session.commit()
        return sub
    cancel_now(sub, reason="canceled", actor=actor)
    db.session.commit()
    return sub


def pause(merchant_id: str, subscription_id: str, *, livemode: bool | None, actor: str = "api") -> Subscription:
    """Stop renewing until resumed; the current period runs to its end."""
    sub = get_subscription(merchant_id, subscription_id, livemode=livemode)
    if sub.status == "paused":
        return sub
    if sub.status not in ("trialing", "active", "past_due"):
        raise _state_error(sub, "paused")
    if sub.cancel_at_period_end:
        # A paused contract renews nothing, so nothing would ever end it at its period's end: it would stay
        # paused, its mandate open, for good. It renews nothing now either: there is nothing to pause.
        raise Conflict(
            f"subscription {sub.id} already ends at the end of its current period, so nothing would "
            "renew to pause; cancel it now to end it earlier",
            code="subscription_state_invalid",
        )
    _give_up_renewals(sub, actor=actor, why="subscription paused")
    change(sub, target="paused", reason="paused", actor=actor, event="subscription.paused", next_renewal_at=None)
    db.session.commit()
    return sub


def resume(merchant_id: str, subscription_id: str, *, livemode: bool | None, actor: str = "api") -> Subscription:
    """Renew again: at the end of the current period, or at once (starting a new period now) when the
    pause outlasted it."""
    sub = get_subscription(merchant_id, subscription_id, livemode=livemode)
    if sub.status in ("active", "trialing"):
        return sub
    if sub.status != "paused":
        raise _state_error(sub, "resumed")
    now = now_for(sub)
    if sub.current_period_end and sub.current_period_end > now:
        # Within its free trial (period 0, nothing paid yet) the contract is trialing again, not active.
        change(
            sub,
            target="trialing" if sub.period == 0 else "active",
            reason="resumed",
            actor=actor,
            event="subscription.resumed",
            next_renewal_at=sub.current_period_end,
        )
    else:
        # The next period starts now, so the paused months are never billed.
        change(
            sub,
            target="active",
            reason="resumed after the period ended: the next period starts now",
            actor=actor,
            event="subscription.resumed",
            anchor_at=now,
            anchor_period=sub.period,
            next_renewal_at=now,
        )
    db.session.commit()
    return sub


def change_sku(
    merchant_id: str, subscription_id: str, *, sku: object, livemode: bool | None, actor: str = "api"
) -> Subscription:
    """Switch to another subscription SKU from the next renewal on (it must have a price in the contract's
    currency)."""
    sub = get_subscription(merchant_id, subscription_id, livemode=livemode)
    new = recurring_sku(merchant_id, sku)
    if sub.status not in LIVE:
        raise _state_error(sub, "changed")
    if sub.currency not in new.currencies:
        raise InvalidRequest(
            f"SKU {new.id!r} has no price in {sub.currency.upper()}, the subscription's currency "
            f"(it is priced in {', '.join(c.upper() for c in new.currencies)})",
            code="currency_mismatch",
            param="sku",
        )
    target = None if new.id == sub.sku_id else new.id
    if target != sub.next_sku_id:
        change(
            sub,
            reason=f"changes to {new.id} at the next renewal" if target else "SKU change withdrawn",
            actor=actor,
            event="subscription.updated",
            next_sku_id=target,
        )
        db.session.commit()
    return sub
