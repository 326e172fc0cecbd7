"""A customer has a product's free trial once.

A shopper who could start a trial, cancel it before its end (never charged) and start another would have the
product free for good. So a signup gets the SKU's trial only when the customer (the same customer id, in the same
merchant and mode) has never signed a contract on the product, on any of its SKUs, trialing or paid: the trial is
the merchant's offer to try the product, which a customer who has had it (on a cheaper or a yearly SKU too) has
tried. Anyone else signs up without it: the first order charges the first period at once, and every page that
shows the signup says so before the shopper pays.

A merchant may give the trial again to every signup (``repeat_trials``, Settings → Subscriptions): then
nothing is claimed.

A signup takes the trial by inserting the customer's claim on the product: the unique key lets one of any number of
concurrent signups have it. A signup that never started (its first order closed unpaid) leaves its claim to the
customer's next one.

Kassa holds a trial to a customer id. A guest's id is one Kassa made up (app/orders/customers.py): one per browser
on the hosted page, one per panel in an embed, one per call of the API without a customer, so a guest in a new
browser is a new customer to Kassa. A merchant who needs the rule to hold for a person names their signed-in
customer (POST /subscriptions with the customer's id).
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.catalog.models import Sku
from app.extensions import db
from app.merchants.models import Merchant
from app.orders.customers import is_authenticated
from app.orders.models import Order
from app.platform.db.types import utcnow
from app.signing.models import Subscription, TrialClaim


def had_product(merchant_id: str, *, customer_id: str, product_id: str, livemode: bool) -> bool:
    """Whether the customer has signed a contract on any SKU of the product (trialing or paid: signing anchors
    the contract's periods)."""
    signed = db.session.scalar(
        select(Subscription.id)
        .join(Sku, Sku.id == Subscription.sku_id)
        .where(
            Subscription.merchant_id == merchant_id,
            Subscription.livemode.is_(livemode),
            Subscription.customer_id == customer_id,
            Sku.product_id == product_id,
            Subscription.anchor_at.is_not(None),
        )
        .limit(1)
    )
    return signed is not None


def _claim(merchant_id: str, customer_id: str, product_id: str, livemode: bool) -> TrialClaim | None:
    return db.session.scalar(
        select(TrialClaim).where(
            TrialClaim.merchant_id == merchant_id,
            TrialClaim.livemode.is_(livemode),
            TrialClaim.customer_id == customer_id,
            TrialClaim.product_id == product_id,
        )
    )


def _held(claim: TrialClaim, *, vouched: bool) -> bool:
    """Whether the claim's contract still holds the trial against a signup (``vouched``: by a customer the
    merchant's server named): it was signed, or its first order may still be paid. A signup a publishable key only
    claimed (any page may name any customer id) and never signed holds it against other such signups alone: else
    anyone who knew a customer's id could keep them from the trial, and have them charged the first period at
    once, by signing up in their name every few minutes without ever paying."""
    sub = db.session.get(Subscription, claim.subscription_id)
    if sub is None:
        return False
    if sub.anchor_at is not None:
        return True
    if sub.status != "pending":
        return False  # expired or canceled before its first payment: the trial was never had
    first = db.session.get(Order, sub.first_order_id)
    waiting = first is not None and first.status != "closed"
    return waiting and not (vouched and not is_authenticated(sub.customer_source))


def repeats_trials(merchant_id: str) -> bool:
    """Whether the merchant gives a product's free trial again to a customer who has had it."""
    return db.session.get(Merchant, merchant_id).repeat_trials


def set_repeat_trials(merchant_id: str, allowed: bool) -> None:
    """Give a product's free trial to every signup (``allowed``), or once per customer (the default); caller
    commits."""
    db.session.get(Merchant, merchant_id).repeat_trials = allowed


def trial_days_for(sku: Sku, *, customer_id: str, livemode: bool, vouched: bool = False) -> int:
    """The free trial (days; 0: none) a signup on ``sku`` by this customer gets now: the SKU's, unless the customer
    has had the product or a signup of theirs waiting for its first payment holds its trial (and the merchant does
    not give it again). ``vouched``: the merchant's server named the customer (``_held``)."""
    if not sku.trial_days:
        return 0
    if repeats_trials(sku.merchant_id):
        return sku.trial_days
    if had_product(sku.merchant_id, customer_id=customer_id, product_id=sku.product_id, livemode=livemode):
        return 0
    claim = _claim(sku.merchant_id, customer_id, sku.product_id, livemode)
    return 0 if claim is not None and _held(claim, vouched=vouched) else sku.trial_days


def claim_trial(sku: Sku, *, customer_id: str, livemode: bool, subscription_id: str, vouched: bool = False) -> int:
    """Take the customer's trial of the SKU's product for the contract ``subscription_id`` about to open, in the
    caller's transaction: the trial's days, or 0 when the customer does not get it (see ``trial_days_for``).
    Of concurrent signups one inserts the claim; the others' inserts wait for it to commit (PostgreSQL's unique
    index, SQLite's write lock) and are refused."""
    days = trial_days_for(sku, customer_id=customer_id, livemode=livemode, vouched=vouched)
    if not days or repeats_trials(sku.merchant_id):
        return days
    left = _claim(sku.merchant_id, customer_id, sku.product_id, livemode)
    if left is None:
        try:
            with db.session.begin_nested():
                db.session.add(
                    TrialClaim(
                        merchant_id=sku.merchant_id,
                        livemode=livemode,
                        customer_id=customer_id,
                        product_id=sku.product_id,
                        subscription_id=subscription_id,
                        created_at=utcnow(),
                    )
                )
            return days
        except IntegrityError:
            return 0  # another signup took it first
    if _held(left, vouched=vouched):
        return 0  # made by another signup since trial_days_for looked (it found none), and that signup holds it
    # Left by a signup that never started: taken over with a conditional UPDATE, so one of several takes it.
    taken = db.session.execute(
        update(TrialClaim)
        .where(TrialClaim.id == left.id, TrialClaim.subscription_id == left.subscription_id)
        .values(subscription_id=subscription_id, created_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return days if taken.rowcount == 1 else 0
