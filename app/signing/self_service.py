"""Shopper self-service: a link the merchant's server obtains (secret key) lets one customer see their
subscriptions, cancel them, update a contract's payment method without being charged (app/signing/mandate_setups.py),
and fix a failed payment by paying the open renewal with a new card (which signs a new mandate too). Either way the
replaced mandate is canceled at its provider (app/signing/unsigning.py). Nothing is reachable without such a link:
it is signed, names one merchant, customer and mode, and expires.

The link the merchant's server asks for lives an hour (it is handed over at once). A link in an email Kassa sends
the subscriber (app/receipts/subscription_sending.py) is read days later, so it carries its own expiry, inside
what is signed: until the dunning ends (or the trial's first charge), at least EMAIL_LINK_MIN and at most
EMAIL_LINK_MAX from when it was made. It is as unguessable as the other (an HMAC with SECRET_KEY) and names exactly
the same three things; rotating SECRET_KEY voids every link."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer
from sqlalchemy import select

from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.orders.customers import is_authenticated, parse_customer
from app.orders.models import Order
from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH
from app.payments.channels.available import channel_name
from app.platform.db.types import utcnow
from app.platform.http.urls import check_http_url
from app.signing import changes, mandate_setups
from app.signing.models import MandateSetup, Subscription, SubscriptionRenewal

LINK_LIFETIME = timedelta(hours=1)
EMAIL_LINK_MIN = timedelta(days=7)
EMAIL_LINK_MAX = timedelta(days=62)  # the longest dunning schedule (60 days) and a day's slack
_SALT = "kassa.subscription-self-service"


@dataclass(frozen=True)
class Shopper:
    """Who a self-service link speaks for."""

    merchant_id: str
    customer_id: str
    livemode: bool
    # Set when the link opens one contract only: one whose customer id nobody vouched for (below).
    subscription_id: str | None = None
    # The merchant's page its pages link back to ("Back to <merchant>"): named by its server when it asked for the link.
    return_url: str | None = None


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def issue_link(
    merchant_id: str, customer_id: str, *, livemode: bool, return_url: object = None
) -> tuple[str, datetime, str]:
    """A signed token for one customer; returns it, its expiry and the (checked) customer id. ``return_url``: the
    merchant's page the self-service pages link back to, signed with the rest so no one else can set it."""
    customer_id, _ = parse_customer({"id": customer_id})
    data = {"m": merchant_id, "c": customer_id, "l": livemode}
    if return_url is not None:
        data["r"] = check_return_url(return_url)
    return _serializer().dumps(data), utcnow() + LINK_LIFETIME, customer_id


def check_return_url(value: object) -> str:
    """The merchant's page to link back to, or a 400 naming ``return_url``. Any absolute http(s) page, as for a
    checkout session's success_url: only the merchant's server (a secret key) names one, the link is signed, and the
    page only links to it (nothing redirects there). Bounded as the return of a payment is: the token carrying it
    rides in the address the provider sends the subscriber back to after a payment method update."""
    return check_http_url(value, "return_url", max_length=MAX_RETURN_URL_LENGTH, example="https://shop.example/account")


def issue_email_link(
    merchant_id: str, customer_id: str, *, livemode: bool, until: datetime, subscription_id: str | None = None
) -> tuple[str, datetime]:
    """A signed token for one customer to put in an email, valid until ``until`` (wall-clock time), kept within
    EMAIL_LINK_MIN and EMAIL_LINK_MAX from now; returns it and its expiry. ``subscription_id``: the link opens
    that contract only, not every contract of the customer id."""
    now = utcnow()
    expires = min(max(until, now + EMAIL_LINK_MIN), now + EMAIL_LINK_MAX).replace(microsecond=0)
    data = {"m": merchant_id, "c": customer_id, "l": livemode, "x": int(expires.timestamp())}
    token = _serializer().dumps(data | ({"s": subscription_id} if subscription_id else {}))
    return token, expires


# What a link may open straight at, besides the customer's subscriptions (POST /customers/{id}/billing_links).
FLOWS = ("payment_method_update",)


def flow_target(
    merchant_id: str, customer_id: str, *, livemode: bool, flow: object, subscription: object
) -> Subscription | None:
    """The contract a link opens at its payment method update (``flow``), checked: the customer's, in the link's
    mode, and one whose payment method can still change (a past-due one pays its open renewal there with the new
    card); None for a link to all their subscriptions. InvalidRequest or Conflict says what to fix."""
    if flow is None and subscription is None:
        return None
    if flow is None:
        raise InvalidRequest(
            f"flow is required with a subscription: one of {', '.join(FLOWS)}", code="parameter_missing", param="flow"
        )
    if flow not in FLOWS:
        raise InvalidRequest(
            f"flow must be one of {', '.join(FLOWS)} (it names the subscription's page the link opens at)", param="flow"
        )
    if subscription is None:
        raise InvalidRequest(
            f"subscription is required with flow {flow}: the id of the customer's subscription whose payment method "
            "changes",
            code="parameter_missing",
            param="subscription",
        )
    sub = db.session.get(Subscription, subscription) if isinstance(subscription, str) else None
    if sub is None or (sub.merchant_id, sub.customer_id, sub.livemode) != (merchant_id, customer_id, livemode):
        raise InvalidRequest(
            f"flow {flow} needs one of customer {customer_id!r}'s subscriptions, in this mode: no "
            f"subscription {subscription!r}",
            code="resource_missing",
            param="subscription",
        )
    refusal = update_refusal(sub)
    if refusal and open_renewal_order(sub) is None:
        raise Conflict(
            f"the payment method of subscription {sub.id} cannot be updated: {refusal}",
            code="subscription_state_invalid",
            param="subscription",
        )
    return sub


def email_link_for(sub: Subscription, *, until: datetime) -> tuple[str, datetime]:
    """The link a subscriber's email carries. A customer the merchant's server named (secret key, checkout
    session) gets the page of all their contracts; one only claimed (any page holding the publishable key may name
    any id, with its own email) or a guest gets this contract's alone: else whoever claimed a real customer's id
    with their own address would be emailed the key to that customer's contracts (cancel them, see their
    renewals)."""
    scoped = None if is_authenticated(sub.customer_source) else sub.id
    return issue_email_link(
        sub.merchant_id, sub.customer_id, livemode=sub.livemode, until=until, subscription_id=scoped
    )


def shopper_for(token: str) -> Shopper:
    """The shopper a token speaks for; NotFound when it is forged, for another purpose, or expired."""
    try:
        data, signed_at = _serializer().loads(token, return_timestamp=True)
    except BadSignature:
        raise NotFound("this link is not valid", code="link_invalid") from None
    # An email's link says when it ends (signed with the rest); the API's lives an hour from its signing.
    expires = datetime.fromtimestamp(data["x"], timezone.utc) if "x" in data else signed_at + LINK_LIFETIME
    if utcnow() > expires:
        raise NotFound("this link has expired; ask the shop for a new one", code="link_expired")
    return Shopper(
        merchant_id=data["m"],
        customer_id=data["c"],
        livemode=bool(data["l"]),
        subscription_id=data.get("s"),
        return_url=data.get("r"),
    )


def subscriptions_of(shopper: Shopper) -> list[Subscription]:
    """The customer's contracts in the link's mode, live ones first, newest first."""
    query = select(Subscription).where(
        Subscription.merchant_id == shopper.merchant_id,
        Subscription.customer_id == shopper.customer_id,
        Subscription.livemode == shopper.livemode,
    )
    if shopper.subscription_id:
        query = query.where(Subscription.id == shopper.subscription_id)
    rows = db.session.scalars(query.order_by(Subscription.id.desc()).limit(100))
    return sorted(rows, key=lambda s: s.status in ("canceled", "expired"))


def own_subscription(shopper: Shopper, subscription_id: str) -> Subscription:
    sub = db.session.get(Subscription, subscription_id)
    if (
        sub is None
        or (sub.merchant_id, sub.customer_id, sub.livemode)
        != (shopper.merchant_id, shopper.customer_id, shopper.livemode)
        or shopper.subscription_id not in (None, sub.id)
    ):
        raise NotFound("no such subscription", param="id")
    return sub


def cancel_by_shopper(shopper: Shopper, subscription_id: str) -> Subscription:
    """What "Cancel" means to a shopper: a paid period runs to its end; one that is not paid (past due,
    paused, not started) ends now, so no further try charges them."""
    sub = own_subscription(shopper, subscription_id)
    at_period_end = sub.status in ("active", "trialing")
    return changes.cancel(
        shopper.merchant_id, sub.id, at_period_end=at_period_end, livemode=shopper.livemode, actor="shopper"
    )


def open_renewal_order(sub: Subscription) -> Order | None:
    """The unpaid renewal order a past-due shopper can pay by hand (with a new card), if any."""
    renewal = db.session.scalar(
        select(SubscriptionRenewal).where(
            SubscriptionRenewal.subscription_id == sub.id, SubscriptionRenewal.status == "pending"
        )
    )
    order = db.session.get(Order, renewal.order_id) if renewal and renewal.order_id else None
    return order if order is not None and order.status == "created" else None


def update_refusal(sub: Subscription) -> str | None:
    """Why the subscriber cannot update the contract's payment method from their page now, in words; None if they
    can. A past-due contract whose renewal is open pays it with the new card instead, which saves that card too."""
    if sub.status == "past_due" and open_renewal_order(sub) is not None:
        return "its failed renewal is open: pay it with the new card, which saves it for later renewals too"
    if sub.status not in ("active", "trialing", "past_due"):
        return f"the subscription is {sub.status}"
    return mandate_setups.takes_no_mandate(sub)


def start_card_update(
    shopper: Shopper, subscription_id: str, channel: object, *, return_url: Callable[[str], str]
) -> MandateSetup:
    """The subscriber asks to save a new payment method for one of their contracts, charging nothing: the setup
    whose ``next_action`` takes them to the provider (see ``mandate_setups.start_setup``)."""
    sub = own_subscription(shopper, subscription_id)
    refusal = update_refusal(sub)
    if refusal:
        raise Conflict(f"the payment method cannot be updated: {refusal}", code="subscription_state_invalid")
    return mandate_setups.start_setup(sub, channel, return_url=return_url, actor="shopper")


def card_update_outcome(shopper: Shopper, subscription_id: str, setup_id: str) -> MandateSetup:
    """The subscriber is back from the provider's page: their setup of that contract, its outcome asked of the
    provider and applied if no callback brought it yet."""
    setup = setup_for(shopper, setup_id)
    if setup.subscription_id != subscription_id:
        raise NotFound("no such payment method update", param="id")
    return mandate_setups.refresh_setup(setup)


def setup_for(shopper: Shopper, setup_id: str) -> MandateSetup:
    """One of the shopper's payment method updates; NotFound for anyone else's."""
    setup = db.session.get(MandateSetup, setup_id)
    if setup is None:
        raise NotFound("no such payment method update", param="id")
    own_subscription(shopper, setup.subscription_id)
    return setup


def payment_method_name(sub: Subscription) -> str | None:
    """What the contract is charged through, as the subscriber knows it: the channel's name as the merchant shows it
    (None for the wallet, which the page names in the subscriber's language, and for no mandate)."""
    if not sub.mandate_channel or sub.mandate_channel == "wallet":
        return None
    return channel_name(sub.merchant_id, sub.mandate_channel)
