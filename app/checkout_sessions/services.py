"""Checkout session services: open a session for a customer, find it by its client secret, make its
orders, and complete it once one of them is paid (a second one paid all the same goes back)."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from flask import current_app
from sqlalchemy import select, update

from app.catalog.models import Product, Sku
from app.catalog.services import parse_currency, price_items, refuse_subscriptions
from app.checkout_sessions.models import CheckoutSession
from app.errors import Conflict, InvalidRequest, NotFound, PermissionDenied
from app.extensions import db
from app.merchants.keys import same_secret
from app.orders.customers import CHECKOUT_SESSION, parse_customer
from app.orders.models import Order
from app.orders.services import check_metadata, create_order
from app.payments.attempts.one_purchase import paid_order_id
from app.payments.refunds.services import REFUNDABLE_STATUSES, create_refund
from app.platform.db.types import utcnow
from app.platform.http.urls import check_http_url
from app.platform.observability import logs
from app.platform.outbox.events import Event, record_event, subscribe
from app.platform.switches import refuse_new_orders
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time, request_time

log = logs.get("checkout_sessions")

MAX_URL_LENGTH = 2000
SHORTEST = timedelta(minutes=30)
LONGEST = timedelta(days=7)
SESSION_ID_PLACEHOLDER = "{CHECKOUT_SESSION_ID}"


def _page_url(value: object, param: str) -> str | None:
    """An absolute http(s) URL the shopper may be sent to, or a 400 naming ``param``."""
    if value is None:
        return None
    return check_http_url(value, param, max_length=MAX_URL_LENGTH, example="https://shop.example/thanks")


def _expiry(expires_at: object) -> datetime:
    now = utcnow()
    if expires_at is None:
        return now + timedelta(minutes=current_app.config["CHECKOUT_SESSION_MINUTES"])
    if isinstance(expires_at, datetime):  # the API parsed it already (ISO 8601 or unix seconds)
        when = expires_at
    else:
        # Too far either way for a calendar is as wrong as a day too late: the same 400.
        far = type(expires_at) is int and not 0 < expires_at < 10**11
        when = None if far else request_time(expires_at, "expires_at")
    if when is None or not now + SHORTEST <= when <= now + LONGEST:
        raise InvalidRequest("expires_at must be between 30 minutes and 7 days from now", param="expires_at")
    return when


def _product(merchant_id: str, product_id: object) -> Product:
    product = None
    if isinstance(product_id, str):
        product = db.session.scalar(
            select(Product).where(
                Product.id == product_id, Product.merchant_id == merchant_id, Product.status == "active"
            )
        )
    if product is None or not [s for s in product.skus if s.status == "active"]:
        raise InvalidRequest(f"no product on sale with id {product_id!r}", code="resource_missing", param="product")
    if not session_options(product):
        raise InvalidRequest(
            f"product {product_id!r} is sold only as a subscription: open one with POST "
            "/subscriptions (a checkout session sells one-off purchases)",
            code="sku_recurring",
            param="product",
        )
    return product


def session_options(product: Product) -> list[Sku]:
    """The options a checkout session's shopper may pick: the product's active one-off SKUs (a subscription is
    opened with POST /subscriptions, which signs its renewals)."""
    return [s for s in product.skus if s.status == "active" and not s.subscription_interval]


def create_checkout_session(
    merchant_id: str,
    *,
    livemode: bool,
    customer: object,
    items: object = None,
    product: object = None,
    success_url: object = None,
    cancel_url: object = None,
    metadata: object = None,
    expires_at: object = None,
    currency: object = None,
) -> CheckoutSession:
    """Open a session for one customer of the merchant (the caller is the merchant's server), in one
    transaction; every parameter is checked first and bad input writes nothing. ``currency`` prices fixed
    items in that currency (each must have a price in it)."""
    refuse_new_orders(merchant_id)
    customer_id, email = parse_customer(customer)
    if items is None and product is None:
        raise InvalidRequest(
            "give items (a fixed basket) or product (the shopper picks the option and quantity)",
            code="parameter_missing",
            param="items",
        )
    if items is not None and product is not None:
        raise InvalidRequest("give either items or product, not both", code="parameters_exclusive", param="product")
    basket, product_id = None, None
    if currency is not None and items is None:
        raise InvalidRequest(
            "currency goes with items; with a product the shopper picks the currency on the page", param="currency"
        )
    if items is not None:
        quote = price_items(merchant_id, items, livemode=livemode, currency=currency)
        refuse_subscriptions(quote)
        basket = [{"sku": line.sku.id, "quantity": line.quantity} for line in quote.lines]
        currency = quote.currency if currency is not None else None
    else:
        product_id = _product(merchant_id, product).id
    session_id = new_id("cs")
    session = CheckoutSession(
        id=session_id,
        merchant_id=merchant_id,
        livemode=livemode,
        status="open",
        customer_id=customer_id,
        customer_email=email,
        items=basket,
        product_id=product_id,
        currency=currency,
        success_url=_page_url(success_url, "success_url"),
        cancel_url=_page_url(cancel_url, "cancel_url"),
        metadata_=check_metadata(metadata),
        expires_at=_expiry(expires_at),
        client_secret=f"{session_id}_secret_{secrets.token_urlsafe(24)}",
        created_at=utcnow(),
    )
    db.session.add(session)
    db.session.commit()
    return session


def get_checkout_session(merchant_id: str, session_id: str, *, livemode: bool) -> CheckoutSession:
    """The merchant's session of that mode; any other is a 404."""
    session = db.session.scalar(
        select(CheckoutSession).where(
            CheckoutSession.id == session_id,
            CheckoutSession.merchant_id == merchant_id,
            CheckoutSession.livemode == livemode,
        )
    )
    if session is None:
        raise NotFound(f"no checkout session {session_id!r}", param="id")
    return session


def find_session(session_id: str, client_secret: object) -> CheckoutSession | None:
    """The session if ``client_secret`` is its secret (the shopper's link), whatever its state."""
    session = db.session.get(CheckoutSession, session_id)
    if session is None or not isinstance(client_secret, str) or not same_secret(client_secret, session.client_secret):
        return None
    return session


def require_open(session: CheckoutSession) -> CheckoutSession:
    """The session if orders may still be made through it, else a 409 saying why not."""
    status = session.status_at()
    if status == "complete" or paid_order_id(session.id) is not None:
        raise Conflict(
            "this checkout session is already paid; create a new session for another purchase",
            code="checkout_session_complete",
            param="checkout_session",
        )
    if status == "expired":
        raise Conflict(
            "this checkout session has expired; the merchant's server must create a new one",
            code="checkout_session_expired",
            param="checkout_session",
        )
    return session


def open_session_for(client_secret: object, *, merchant_id: str, livemode: bool) -> CheckoutSession:
    """The open session a publishable-key caller names by its client secret. Unknown, wrong, another
    merchant's or another mode's secrets all get the same 400, so nothing is learnt from trying."""
    session_id = client_secret.partition("_secret_")[0] if isinstance(client_secret, str) else ""
    session = find_session(session_id, client_secret)
    if session is None or session.merchant_id != merchant_id or session.livemode != livemode:
        raise InvalidRequest(
            "checkout_session must be the client_secret of an open checkout session of this "
            "merchant, created with a secret key of the same mode",
            code="checkout_session_invalid",
            param="checkout_session",
        )
    return require_open(session)


def session_for_topup(client_secret: object, *, customer_id: str, merchant_id: str, livemode: bool) -> CheckoutSession:
    """The session that lets a web page top up ``customer_id``'s wallet. Without one a publishable key
    could push money (a stolen card's, say) into anyone's wallet, so it is refused (403)."""
    if client_secret is None:
        raise PermissionDenied(
            "a publishable key may top up a wallet only with the checkout_session (its "
            "client_secret) the merchant's server created for that customer",
            code="checkout_session_required",
            param="checkout_session",
        )
    session = open_session_for(client_secret, merchant_id=merchant_id, livemode=livemode)
    if session.customer_id != customer_id:
        raise PermissionDenied(
            "the checkout session is for another customer", code="checkout_session_required", param="checkout_session"
        )
    return session


def session_basket(session: CheckoutSession, items: object) -> list:
    """What an order of this session buys: its fixed items, or the shopper's pick of its product."""
    if session.items is not None:
        if items is not None and items != session.items:
            raise InvalidRequest("this checkout session fixes the items; leave items out", param="items")
        return session.items
    if not isinstance(items, list) or not items:
        raise InvalidRequest("items must name the option(s) of the session's product: [{sku, quantity}]", param="items")
    options = {s.id for s in db.session.get(Product, session.product_id).skus if s.status == "active"}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or item.get("sku") not in options:
            raise InvalidRequest(
                "each item must be an option of the checkout session's product", param=f"items[{i}].sku"
            )
    return items


def create_session_order(
    session: CheckoutSession,
    *,
    items: object,
    agreement_accepted: object,
    coupon: object = None,
    metadata: object = None,
    customer: object = None,
    actor: str,
    email: str | None = None,
    currency: object = None,
    language: str | None = None,
) -> Order:
    """Open an order through an open session: its customer (authenticated), its mode, its basket and, when the
    session fixes one, its currency (else ``currency``, else the default prices). The order keeps the session's
    metadata unless it brings its own. A ``customer`` given as well must be the session's own. ``email`` is the
    address the shopper typed for the receipt (the session's otherwise), and ``language`` the one the shopper's
    checkout page spoke."""
    require_open(session)
    if customer is not None and (not isinstance(customer, dict) or customer.get("id") != session.customer_id):
        raise InvalidRequest("the checkout session already names the customer; leave customer out", param="customer")
    if session.currency is not None:
        if currency is not None and parse_currency(currency) != session.currency:
            raise InvalidRequest(
                f"this checkout session is priced in {session.currency}; leave currency out", param="currency"
            )
        currency = session.currency
    basket = session_basket(session, items)
    return create_order(
        session.merchant_id,
        items=basket,
        coupon=coupon,
        agreement_accepted=agreement_accepted,
        customer={"id": session.customer_id, "email": email or session.customer_email},
        customer_source=CHECKOUT_SESSION,
        livemode=session.livemode,
        metadata=session.metadata_ if metadata is None else metadata,
        actor=actor,
        checkout_session_id=session.id,
        currency=currency,
        language=language,
    )


def session_orders(session: CheckoutSession) -> list[str]:
    """Ids of the purchase orders made through the session, oldest first."""
    return list(
        db.session.scalars(
            select(Order.id).where(Order.checkout_session_id == session.id, Order.kind == "purchase").order_by(Order.id)
        )
    )


def session_of(order: Order) -> CheckoutSession | None:
    """The session an order was made through, if any."""
    return db.session.get(CheckoutSession, order.checkout_session_id) if order.checkout_session_id else None


def success_url_for(session: CheckoutSession) -> str | None:
    """Where to send the shopper after payment, with the session id filled in if the URL asks for it."""
    if not session.success_url:
        return None
    return session.success_url.replace(SESSION_ID_PLACEHOLDER, session.id)


def checkout_session_object(session: CheckoutSession) -> dict:
    """The CheckoutSession of shared/API.md as far as its row tells it: checkout_session.* events carry it, and the
    API's answer adds the hosted URL and client secret (the shopper's capability) and the session's orders."""
    return {
        "id": session.id,
        "object": "checkout_session",
        "livemode": session.livemode,
        "status": session.status_at(),
        "expires_at": iso_time(session.expires_at),
        "created_at": iso_time(session.created_at),
        "customer": {"id": session.customer_id, "email": session.customer_email},
        "items": session.items,
        "product": session.product_id,
        "currency": session.currency,
        "success_url": session.success_url,
        "cancel_url": session.cancel_url,
        "metadata": session.metadata_ or {},
        "order": session.order_id,
    }


# Only a purchase made through a session has one to complete (a copy of the order without the field: run it).
@subscribe(
    "order.paid",
    applies=lambda order: (
        order.get("kind", "purchase") == "purchase" and order.get("checkout_session", "unknown") is not None
    ),
)
def complete_paid_session(event: Event) -> None:
    """A paid purchase completes the session it was made through, once (the dispatcher commits); a second one
    paid all the same goes back."""
    order = db.session.get(Order, event.data["object"]["id"])
    if order is None or order.kind != "purchase" or order.checkout_session_id is None:
        return
    completed = db.session.execute(
        update(CheckoutSession)
        .where(CheckoutSession.id == order.checkout_session_id, CheckoutSession.status == "open")
        .values(status="complete", order_id=order.id, completed_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if completed:
        session = db.session.get(CheckoutSession, order.checkout_session_id, populate_existing=True)
        record_event(
            order.merchant_id, "checkout_session.completed", checkout_session_object(session), order_id=order.id
        )
    else:
        give_back_second_payment(order)


def give_back_second_payment(order: Order) -> bool:
    """``order`` of a session that completed with another order was paid all the same (the shopper approved two
    payments at the provider): refund it in full. Safe to run again. True when a refund was asked for."""
    session = db.session.get(CheckoutSession, order.checkout_session_id, populate_existing=True)
    if (
        session is None
        or session.order_id in (None, order.id)
        or order.status not in REFUNDABLE_STATUSES
        or order.refunded_amount >= order.total
    ):
        return False
    create_refund(
        order.merchant_id,
        order.id,
        actor="system:checkout_session",
        reason=f"checkout session {session.id} was already paid by order {session.order_id}: "
        "a second payment of one purchase goes back",
    )
    log.warning(
        "second payment of a checkout session refunded",
        extra={
            "fields": {
                "merchant_id": order.merchant_id,
                "checkout_session_id": session.id,
                "order_id": order.id,
                "kept_order_id": session.order_id,
            }
        },
    )
    return True
