"""The embedded panel's way to a provider's page and back.

A provider's page (the sandbox's Approve page, a bank's, Stripe's card page) is another origin: framed, it cannot
tell the SDK its height, so the frame kept the panel's and showed a grey band under it, and many providers refuse to
be framed at all. So, as the hosted checkout does, the shopper goes there in the whole window: the frame asks the
SDK to take the merchant's page there, and the provider sends the shopper back to that page (through Kassa's signed
return address, app/payments/attempts/returns.py), where the SDK opens the panel at the order's outcome.

The SDK names the page that embeds the panel (``page``): the frame cannot read its parent's address. It is taken only
as a page of the origin the panel is embedded by, itself checked against the merchant's allowed origins. A panel
without one (an SDK from before this) shows the provider's page in the frame, as it did.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request, url_for

from app.checkout_sessions.services import find_session
from app.errors import KassaError
from app.merchants.origins import normalise_origin
from app.orders.models import Order
from app.orders.services import get_order_by_client_secret
from app.payments.attempts.returns import MAX_RETURN_URL_LENGTH, return_token
from app.platform.http.urls import check_http_url
from app.web.embed.tokens import Embed


def parent_page(origin: str) -> str:
    """The embedding page's address the SDK gave (``?page=``), when it is a page of ``origin``; else ""."""
    page = request.args.get("page")
    try:
        check_http_url(page, "page", max_length=MAX_RETURN_URL_LENGTH)
    except KassaError:
        return ""
    parts = urlsplit(page)
    if parts.username is not None or normalise_origin(f"{parts.scheme}://{parts.netloc}") != origin:
        return ""
    return page


def return_address(order: Order, embed: Embed, status_url: str) -> str:
    """Where the provider sends the shopper back: the embedding page, through Kassa's return address, when the SDK
    named it; else the frame's own status page (``status_url``), as the provider's page then opens in the frame."""
    if not embed.page:
        return status_url
    return url_for(
        "checkout.payment_return",
        _external=True,
        token=return_token(current_app.config["SECRET_KEY"], order.id, embed.page),
    )


def returned_order(embed: Embed) -> Order | None:
    """The order the embedding page came back for from a provider (``?order=&client_secret=``, the SDK passes them
    on), when it is this panel's: the merchant's, of the key's mode, bought through this product's panel or this
    checkout session. None otherwise: the panel opens as usual."""
    order_id, secret = request.args.get("order"), request.args.get("client_secret")
    if not order_id or not secret:
        return None
    try:
        order = get_order_by_client_secret(order_id, secret)
    except KassaError:
        return None
    if order.merchant_id != embed.merchant or order.livemode != (embed.mode == "live"):
        return None
    if embed.checkout:
        return order if order.checkout_session_id == embed.checkout else None
    mine = order.checkout_session_id is None and any(item.product_id == embed.product for item in order.items)
    return order if mine else None


def session_of_return(session_secret: object, merchant_id: str, livemode: bool) -> str | None:
    """The id of the checkout session a returning page names (``?session=``), open or not: the order it came back
    for has usually completed it. None when the secret names none of this merchant's sessions in this mode."""
    session_id = session_secret.partition("_secret_")[0] if isinstance(session_secret, str) else ""
    session = find_session(session_id, session_secret)
    if session is None or session.merchant_id != merchant_id or session.livemode != livemode:
        return None
    return session.id
