"""Subscription contracts: open, change state (conditional UPDATE + timeline + outbox event in the
caller's transaction), read and list."""

from __future__ import annotations

from sqlalchemy import select, update

from app.catalog.models import Sku
from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.orders.business_line import line_to_filter
from app.orders.customers import is_authenticated, parse_customer
from app.orders.services import create_order
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first
from app.platform.values.times import iso_time
from app.signing.clocks import now_for
from app.signing.coupon_durations import coupon_for_renewals
from app.signing.models import Subscription, SubscriptionTimelineEntry, TestClock
from app.signing.state import TERMINAL, can_transition
from app.signing.trials import claim_trial

log = logs.get("signing")


class StaleSubscription(Conflict):
    """Another process changed the contract first; re-read and decide again."""

    code = "subscription_changed_concurrently"


def subscription_object(sub: Subscription) -> dict:
    """The Subscription of shared/API.md as far as the contract's own row tells it (times in ISO 8601 UTC):
    subscription.* events carry it, and the API's answer adds the renewals, timeline and findings, which need
    reads of their own (events are written inside the change's transaction, often in a renewal sweep)."""
    mandate = None
    if sub.mandate_channel:
        mandate = {"channel": sub.mandate_channel, "status": sub.mandate_status, "reference": sub.mandate_reference}
    return {
        "id": sub.id,
        "object": "subscription",
        "status": sub.status,
        "livemode": sub.livemode,
        "customer": {"id": sub.customer_id, "email": sub.customer_email},
        "sku": sub.sku_id,
        "next_sku": sub.next_sku_id,
        "price": {"amount": sub.price_amount, "currency": sub.currency},
        "interval": sub.interval,
        "interval_count": sub.interval_count,
        "trial_days": sub.trial_days,
        "period": sub.period,
        "current_period_start": iso_time(sub.current_period_start),
        "current_period_end": iso_time(sub.current_period_end),
        "next_renewal_at": iso_time(sub.next_renewal_at),
        "cancel_at_period_end": sub.cancel_at_period_end,
        "cancel_reason": sub.cancel_reason,
        "canceled_at": iso_time(sub.canceled_at),
        "mandate": mandate,
        "latest_order": sub.latest_order_id,
        "business_line": sub.business_line_id,
        "test_clock": sub.test_clock_id,
        "created_at": iso_time(sub.created_at),
    }


def change(
    sub: Subscription, *, reason: str, actor: str, event: str | None, target: str | None = None, **values: object
) -> Subscription:
    """Apply ``values`` (and move to ``target``) with one conditional UPDATE on status and version, a
    timeline row and an outbox event, all in the caller's transaction. Raises Conflict when the move is
    not allowed and StaleSubscription when someone else changed the contract since it was read."""
    target = target or sub.status
    if target != sub.status and not can_transition(sub.status, target):
        raise Conflict(
            f"subscription {sub.id} is {sub.status} and cannot become {target}", code="subscription_state_invalid"
        )
    now = now_for(sub)
    guard = [Subscription.id == sub.id, Subscription.status == sub.status, Subscription.version == sub.version]
    if target != sub.status and target in TERMINAL and sub.mandate_status == "active":
        # The shopper authorised charges until the contract ends: its mandate ends with it, in this transaction
        # (the provider is told through the outbox, app/signing/unsigning.py). A revoked one stays revoked.
        values = {**values, "mandate_status": "canceled"}
        guard.append(Subscription.mandate_status == "active")
    result = db.session.execute(
        update(Subscription)
        .where(*guard)
        .values(status=target, version=Subscription.version + 1, updated_at=now, **values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        raise StaleSubscription(f"subscription {sub.id} changed while being updated; retry")
    previous = sub.status
    db.session.add(
        SubscriptionTimelineEntry(
            subscription_id=sub.id,
            merchant_id=sub.merchant_id,
            from_status=previous,
            status=target,
            reason=reason,
            actor=actor,
            at=now,
        )
    )
    for key, value in values.items():
        setattr(sub, key, value)
    sub.status, sub.version, sub.updated_at = target, sub.version + 1, now
    if event:
        record_event(sub.merchant_id, event, subscription_object(sub), livemode=sub.livemode)
    log.info(
        "subscription %s: %s -> %s (%s)",
        sub.id,
        previous,
        target,
        reason,
        extra={"fields": {"merchant_id": sub.merchant_id, "subscription_id": sub.id, "actor": actor}},
    )
    return sub


def recurring_sku(merchant_id: str, sku_id: object, param: str = "sku") -> Sku:
    """The merchant's active SKU sold as a subscription, or a 400 saying why not."""
    sku = db.session.get(Sku, sku_id) if isinstance(sku_id, str) else None
    if sku is None or sku.merchant_id != merchant_id or sku.status != "active":
        raise InvalidRequest(f"no active SKU {sku_id!r}", code="resource_missing", param=param)
    if not sku.subscription_interval:
        raise InvalidRequest(
            f"SKU {sku.id!r} is not sold as a subscription (it has no subscription terms)",
            code="sku_not_recurring",
            param=param,
        )
    return sku


def _clock(merchant_id: str, clock_id: object, livemode: bool) -> TestClock | None:
    if clock_id is None:
        return None
    if livemode:
        raise InvalidRequest("test clocks are for test keys only", param="test_clock")
    clock = db.session.get(TestClock, clock_id) if isinstance(clock_id, str) else None
    if clock is None or clock.merchant_id != merchant_id:
        raise InvalidRequest(f"no test clock {clock_id!r}", param="test_clock")
    return clock


def open_subscription(
    merchant_id: str,
    *,
    sku: object,
    customer: object,
    customer_source: str,
    agreement_accepted: object,
    livemode: bool,
    test_clock: object = None,
    actor: str = "api",
    language: str | None = None,
    currency: object = None,
    coupon: object = None,
    expect_trial: bool | None = None,
    business_line: object = None,
) -> tuple[Subscription, object]:
    """Open a pending contract and its first order in one transaction; paying that order activates it.
    ``language``: the one the shopper's checkout page spoke, if a shopper's page opened it. ``currency``: the one
    the contract charges in, its first order and every renewal (the SKU's price there), else the default price.
    ``coupon``: the shopper's code, which discounts the first order only (a coupon is one order's discount: the
    contract's price, and so every renewal, stays the SKU's). A SKU with a free trial makes the first order one
    of nothing: paying it only signs the mandate, and the trial starts (app/signing/activation.py); a customer who
    has had the product signs up without it (app/signing/trials.py). ``expect_trial``: what the shopper's page
    showed, when one did: True (the trial) refuses a signup that cannot have it (another one took it meanwhile)
    rather than charge it; False (the price due today) opens it without the trial, as agreed."""
    item = recurring_sku(merchant_id, sku)
    clock = _clock(merchant_id, test_clock, livemode)
    sub_id = new_id("sub")
    trial = 0
    if item.trial_days and expect_trial is not False:
        customer_id, _ = parse_customer(customer)
        trial = claim_trial(
            item,
            customer_id=customer_id,
            livemode=livemode,
            subscription_id=sub_id,
            vouched=is_authenticated(customer_source),
        )
    if expect_trial and not trial:
        raise Conflict(
            "this customer has already had this product's free trial: a new subscription is charged its "
            "first period at once",
            code="trial_unavailable",
            param="sku",
        )
    order = create_order(
        merchant_id,
        items=[{"sku": item.id, "quantity": 1}],
        customer=customer,
        agreement_accepted=agreement_accepted,
        livemode=livemode,
        customer_source=customer_source,
        actor=actor,
        commit=False,
        language=language,
        currency=currency,
        business_line=business_line,
        signs_contract=True,
        free_trial=bool(trial),
        coupon=coupon,
    )
    now = clock.frozen_time if clock else order.created_at
    coupon_id, coupon_periods = coupon_for_renewals(order.id)
    # Every field the subscription.created event names is set here: column defaults apply only at the flush,
    # after the event was written (it said null for period and cancel_at_period_end).
    sub = Subscription(
        id=sub_id,
        merchant_id=merchant_id,
        livemode=livemode,
        status="pending",
        version=1,
        period=0,
        anchor_period=0,
        cancel_at_period_end=False,
        cancel_reason=None,
        customer_id=order.customer_id,
        customer_email=order.customer_email,
        customer_source=order.customer_source,
        sku_id=item.id,
        # The list price: the order's subtotal, or, when a trial made that nothing, the SKU's price.
        price_amount=item.price_in(order.currency).amount if trial else order.subtotal,
        currency=order.currency,
        interval=item.subscription_interval,
        interval_count=item.subscription_interval_count or 1,
        trial_days=trial,
        first_order_id=order.id,
        business_line_id=order.business_line_id,
        latest_order_id=order.id,
        test_clock_id=clock.id if clock else None,
        coupon_id=coupon_id,
        coupon_periods=coupon_periods,
        created_at=now,
        updated_at=now,
    )
    db.session.add(sub)
    db.session.add(
        SubscriptionTimelineEntry(
            subscription_id=sub.id,
            merchant_id=merchant_id,
            from_status=None,
            status="pending",
            reason=f"opened with order {order.id}",
            actor=actor,
            at=now,
        )
    )
    record_event(merchant_id, "subscription.created", subscription_object(sub), livemode=livemode)
    db.session.commit()
    return sub, order


def get_subscription(merchant_id: str, subscription_id: str, *, livemode: bool | None = None) -> Subscription:
    """The merchant's contract (of ``livemode``, when given); anything else is a 404."""
    query = select(Subscription).where(Subscription.id == subscription_id, Subscription.merchant_id == merchant_id)
    if livemode is not None:
        query = query.where(Subscription.livemode == livemode)
    sub = db.session.scalar(query)
    if sub is None:
        raise NotFound(f"no subscription {subscription_id!r}", param="id")
    return sub


def list_subscriptions(
    merchant_id: str,
    *,
    livemode: bool,
    customer: str | None = None,
    status: str | None = None,
    search: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
    business_line: str | None = None,
) -> tuple[list[Subscription], bool]:
    """One mode's contracts, newest first, cursor-paginated by id (``business_line``: one line's, id or code)."""
    query = select(Subscription).where(Subscription.merchant_id == merchant_id, Subscription.livemode == livemode)
    if business_line:
        query = query.where(Subscription.business_line_id == line_to_filter(merchant_id, business_line))
    if customer:
        query = query.where(Subscription.customer_id == customer)
    if search:
        like = f"%{search.lower()}%"
        query = query.where(Subscription.customer_id.ilike(like) | Subscription.customer_email.ilike(like))
    if status:
        query = query.where(Subscription.status == status)
    return newest_first(query, Subscription.id, limit=limit, starting_after=starting_after)
