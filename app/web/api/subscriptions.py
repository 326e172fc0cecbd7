"""Subscription routes: open a contract (and its first order), read, list, cancel, pause, resume, change SKU."""

from __future__ import annotations

from flask import current_app, jsonify, url_for

from app.orders.customers import claimed_customer, parse_customer_id
from app.payments.channels.agreements import accepted_agreements
from app.platform.db.snapshot import reads_one_snapshot
from app.platform.values.times import iso_time
from app.signing import changes, self_service
from app.signing.contracts import get_subscription, list_subscriptions, open_subscription
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.line_scope import line_for_creating, line_to_list, refuse_out_of_scope
from app.web.api.models.subscriptions import (
    BillingLink,
    BillingLinkInput,
    Subscription,
    SubscriptionCancel,
    SubscriptionCreated,
    SubscriptionInput,
    SubscriptionList,
    SubscriptionListQuery,
    SubscriptionUpdate,
)
from app.web.api.operation import operation
from app.web.api.orders import shown_order
from app.web.api.representations import subscription_json

_ID = {"id": "the subscription's id (sub_…)"}
_MISSING = "resource_missing: no such subscription (of this key's mode)"
_STATE = "subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one)"


@bp.post("/subscriptions")
@requires_key(secret=False)
@idempotent
@operation(
    "Open a subscription and its first order",
    description="Paying the first order activates the contract and signs the mandate (a SKU with a free trial: the "
    "order is of nothing, only channels that sign for nothing (sandbox_card, stripe, wallet) are offered, and the "
    "contract is trialing until the trial ends; a customer who has had a contract on the product before gets no "
    "trial: the order is of the SKU's price).",
    body=SubscriptionInput,
    answers={201: SubscriptionCreated},
    errors={
        400: "resource_missing: no active SKU of that id (param sku); "
        "parameter_invalid: a field to fix (param names it), e.g. a test_clock with live keys or "
        "unknown; parameter_missing: customer, with a secret key; sku_not_recurring: the SKU has no subscription "
        "terms; "
        "currency_unavailable: the SKU has no price in currency; coupon_invalid, coupon_expired, "
        "coupon_not_yet_valid, coupon_not_applicable: the coupon cannot be used",
        402: "risk_blocked: nothing was created",
        409: "out_of_stock; coupon_exhausted: its total or per-customer limit is reached; trial_unavailable: the "
        "customer has had this product's free trial",
        422: "agreement_required: agreement_accepted is not true; purchase_limit_exceeded: the customer may buy no "
        "more of the SKU",
        503: "maintenance: new orders are paused",
    },
)
def subscriptions_create(body: SubscriptionInput):
    who = caller()
    customer = body.customer.model_dump(exclude_none=True) if body.customer is not None else None
    customer, source = claimed_customer(customer, by_secret_key=who.is_secret)
    sub, order = open_subscription(
        who.merchant_id,
        sku=body.sku,
        customer=customer,
        customer_source=source,
        agreement_accepted=body.agreement_accepted,
        livemode=who.livemode,
        test_clock=body.test_clock,
        currency=body.currency,
        coupon=body.coupon,
        business_line=line_for_creating(None),
    )
    return jsonify({"subscription": subscription_json(sub), "order": shown_order(order)}), 201


def _in_scope(subscription_id: str) -> None:
    """A 404 before anything is done for a contract a key scoped to another business line may not see."""
    who = caller()
    if who.business_line is not None:
        sub = get_subscription(who.merchant_id, subscription_id, livemode=who.livemode)
        refuse_out_of_scope(sub.business_line_id, f"no subscription {subscription_id!r}")


@bp.get("/subscriptions/<subscription_id>")
@reads_one_snapshot  # the contract, its renewals, timeline and findings: a renewal may commit between them
@requires_key(secret=True)
@operation("Retrieve a subscription", path=_ID, answers={200: Subscription}, errors={404: _MISSING})
def subscriptions_show(subscription_id: str):
    _in_scope(subscription_id)
    who = caller()
    return jsonify(subscription_json(get_subscription(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.get("/subscriptions")
@reads_one_snapshot
@requires_key(secret=True)
@operation("List subscriptions, newest first", query=SubscriptionListQuery, answers={200: SubscriptionList})
def subscriptions_index(query: SubscriptionListQuery):
    who = caller()
    line, none_of_them = line_to_list(query.business_line)
    if none_of_them:
        return jsonify({"object": "list", "data": [], "has_more": False})
    subs, has_more = list_subscriptions(
        who.merchant_id,
        livemode=who.livemode,
        customer=query.customer,
        status=query.status,
        limit=query.limit,
        starting_after=query.starting_after,
        business_line=line,
    )
    agreements = accepted_agreements([s.first_order_id for s in subs])  # one statement for the page
    return jsonify({"object": "list", "data": [subscription_json(s, agreements) for s in subs], "has_more": has_more})


@bp.post("/subscriptions/<subscription_id>/cancel")
@requires_key(secret=True)
@idempotent
@operation(
    "Cancel a subscription",
    description="Now, or at the end of the current period with at_period_end; cancelling a canceled subscription "
    "returns it unchanged.",
    path=_ID,
    body=SubscriptionCancel,
    answers={200: Subscription},
    errors={
        404: _MISSING,
        409: _STATE + "; payment_in_progress: the first payment's outcome is not known yet",
    },
)
def subscriptions_cancel(subscription_id: str, body: SubscriptionCancel):
    _in_scope(subscription_id)
    who = caller()
    sub = changes.cancel(who.merchant_id, subscription_id, at_period_end=body.at_period_end, livemode=who.livemode)
    return jsonify(subscription_json(sub))


@bp.post("/subscriptions/<subscription_id>/pause")
@requires_key(secret=True)
@idempotent
@operation(
    "Pause a subscription",
    description="Stop renewing until resumed; the current period runs to its end. Repeating it returns the "
    "subscription unchanged.",
    path=_ID,
    answers={200: Subscription},
    errors={404: _MISSING, 409: _STATE},
)
def subscriptions_pause(subscription_id: str):
    _in_scope(subscription_id)
    who = caller()
    return jsonify(subscription_json(changes.pause(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.post("/subscriptions/<subscription_id>/resume")
@requires_key(secret=True)
@idempotent
@operation(
    "Resume a subscription",
    description="Renew again (at once, in a new period, when the pause outlasted the period). Repeating it returns "
    "the subscription unchanged.",
    path=_ID,
    answers={200: Subscription},
    errors={404: _MISSING, 409: _STATE},
)
def subscriptions_resume(subscription_id: str):
    _in_scope(subscription_id)
    who = caller()
    return jsonify(subscription_json(changes.resume(who.merchant_id, subscription_id, livemode=who.livemode)))


@bp.patch("/subscriptions/<subscription_id>")
@requires_key(secret=True)
@operation(
    "Change the SKU from the next renewal on",
    path=_ID,
    body=SubscriptionUpdate,
    answers={200: Subscription},
    errors={
        400: "resource_missing: no active SKU of that id (param sku); "
        "parameter_invalid: a field to fix (param names it; only sku can be changed); "
        "sku_not_recurring: not a subscription SKU; currency_mismatch: no price in the subscription's currency",
        404: _MISSING,
        409: _STATE,
    },
)
def subscriptions_update(subscription_id: str, body: SubscriptionUpdate):
    _in_scope(subscription_id)
    who = caller()
    return jsonify(
        subscription_json(changes.change_sku(who.merchant_id, subscription_id, sku=body.sku, livemode=who.livemode))
    )


@bp.post("/customers/<customer_id>/billing_links")
@requires_key(secret=True)
@operation(
    "Create a billing link",
    description="A self-service link (one hour) where the customer sees their subscriptions, cancels them, updates "
    "a subscription's payment method without being charged and pays a failed renewal with a new card (hand it to "
    "that customer only); with flow and subscription it opens straight at that subscription's payment method; "
    "with return_url its pages link back to that page of the merchant's.",
    path={"id": "the customer's id (the merchant's own reference)"},
    body=BillingLinkInput,
    answers={201: BillingLink},
    errors={
        400: "parameter_invalid: a field to fix (param names it): a bad customer id (param id); flow unknown; "
        "return_url not an absolute http(s) URL of at most 1400 characters; a field a billing link does not take; "
        "parameter_missing: flow, with subscription, or subscription, with flow; resource_missing: subscription "
        "not one of the customer's in this mode",
        409: "subscription_state_invalid: that subscription's payment method cannot be updated (ended, or ending "
        "as the customer or merchant asked)",
    },
)
def billing_links_create(customer_id: str, body: BillingLinkInput):
    """A self-service link for one customer (valid one hour): hand it to them, never publish it. With
    ``{flow: "payment_method_update", subscription}`` it opens straight at that contract's payment method; with
    ``return_url`` its pages link back to that page of the merchant's."""
    customer_id = parse_customer_id(customer_id, param="id")
    who = caller()
    token, expires_at, customer = self_service.issue_link(
        who.merchant_id, customer_id, livemode=who.livemode, return_url=body.return_url
    )
    target = self_service.flow_target(
        who.merchant_id, customer, livemode=who.livemode, flow=body.flow, subscription=body.subscription
    )
    page = (
        url_for("checkout.billing_payment_method", token=token, subscription_id=target.id)
        if target
        else url_for("checkout.billing", token=token)
    )
    return jsonify(
        {
            "object": "billing_link",
            "customer": customer,
            "url": current_app.config["PUBLIC_URL"].rstrip("/") + page,
            "expires_at": iso_time(expires_at),
            "livemode": who.livemode,
            "flow": body.flow if target else None,
            "subscription": target.id if target else None,
            "return_url": body.return_url,
        }
    ), 201
