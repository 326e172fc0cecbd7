"""Embedded panel views: thin; the same catalog, order and payment services as the hosted panel.

A guest's panel (``/embed/{product}``) sells a product to a guest: a ``customer`` in its URL is ignored,
since any page can write one. A session's panel (``/embed/session?session=<client secret>``) sells the
checkout session's basket to its customer, checked server-side: the key's merchant and mode, open, not
expired.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from flask import abort, g, make_response, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from sqlalchemy import select

from app.catalog.models import Product
from app.checkout_sessions.models import CheckoutSession
from app.checkout_sessions.services import open_session_for, paid_order_id
from app.errors import KassaError
from app.extensions import db
from app.merchants.origins import allowed_origins, normalise_origin, origin_allowed
from app.merchants.services import Caller, authenticate_key
from app.orders.customers import new_guest_id
from app.orders.models import Order
from app.orders.services import get_order_by_client_secret
from app.payments.attempts.abandon import switch_payment_method
from app.platform.values.languages import CHECKOUT_LANGUAGES
from app.signing.paying import owes_nothing, pay_order
from app.web.checkout.forms import first_view, parse_panel
from app.web.checkout.panel import (
    Sale,
    guest_sale,
    panel_context,
    pay_choice,
    payment_methods_changed,
    place_order,
    replaces_panel,
    session_sale,
    waive_channel_when_free,
)
from app.web.checkout.waiting import latest_payment, order_status_context, unchanged_since_seen
from app.web.embed import bp
from app.web.embed.leaving import parent_page, return_address, returned_order, session_of_return
from app.web.embed.tokens import Embed, issue_token, read_token
from app.web.fragments import is_htmx, render_block, render_page_or_block
from app.web.shopper_locale import prefer_language

# The hosted checkout's own templates, told they are framed (``embedded``): the two never drift apart.
PANEL = "checkout/product.html"
REFUSED = "embed/refused.html"
STATUS = "checkout/order.html"


NO_ANCESTOR = "'none'"
_PLAIN_ORIGIN = re.compile(r"https?://[a-z0-9.\-\[\]:]+")


def _ancestors(merchant_id: str, mode: str) -> str:
    """Who may frame the merchant's panel: exactly its allowed origins (live keys), or any page (test keys, which
    work from anywhere: app/merchants/origins.py)."""
    return "*" if mode == "test" else " ".join(allowed_origins(merchant_id)) or NO_ANCESTOR


def _framed(body: str, embed: Embed, status: int = 200):
    """An answer the merchant's page may frame; app/web/framing.py denies framing to one without this."""
    response = make_response(body, status)
    response.headers["Content-Security-Policy"] = f"frame-ancestors {_ancestors(embed.merchant, embed.mode)}"
    return response


@bp.after_request
def _frame_errors_for_the_merchant(response):
    """An error page of a panel whose merchant is known (its product is gone, its session expired) is shown in the
    frame, to the same origins as the panel; one of an unknown key or token stays unframed (app/web/framing.py)."""
    ancestors = g.get("embed_ancestors")
    if ancestors and "frame-ancestors" not in response.headers.get("Content-Security-Policy", ""):
        response.headers["Content-Security-Policy"] = f"frame-ancestors {ancestors}"
    return response


def _product(product_id: str, merchant_id: str | None = None) -> Product:
    query = select(Product).where(Product.id == product_id, Product.status == "active")
    if merchant_id:
        query = query.where(Product.merchant_id == merchant_id)
    return db.session.scalar(query) or abort(404, description=gettext("This product is not available."))


def _sale(embed: Embed) -> Sale:
    """What the frame sells: the session's basket to its customer (re-read: it may have closed since
    the frame opened), or the product to the guest."""
    if embed.checkout:
        checkout = db.session.get(CheckoutSession, embed.checkout)
        if checkout is None or checkout.merchant_id != embed.merchant:
            abort(404)
        return session_sale(checkout)
    return guest_sale(_product(embed.product, embed.merchant), embed.customer, livemode=embed.mode == "live")


def _context(sale: Sale, embed: Embed, data, *, error: str | None = None) -> dict:
    if embed.checkout:
        urls = {
            "pay_url": url_for("embed.session_pay", session_id=embed.checkout),
            "quote_url": url_for("embed.session_quote", session_id=embed.checkout),
        }
    else:
        urls = {
            "pay_url": url_for("embed.pay", product_id=embed.product),
            "quote_url": url_for("embed.quote", product_id=embed.product),
        }
    return {
        **panel_context(sale, data, error=error),
        **urls,
        "embed": embed,
        "token": issue_token(embed),
        "embedded": True,
    }


def _caller() -> tuple[Caller, str]:
    """The publishable key and the parent page's origin of a frame's first page: the key says whose
    panel, ``origin`` who may frame and hear it."""
    key = request.args.get("key")  # outside the try: a key given twice is a 400 page, not a refused key
    try:
        caller = authenticate_key(key)
    except KassaError as exc:
        origin = normalise_origin(request.args.get("origin"))
        if origin is None:
            abort(401, description=exc.message)
        # Said in the frame and to the SDK (an error event), not as a blank frame: the page may fall back.
        detail = f"the publishable key given to Kassa() is not accepted: {exc.message}"
        abort(_refused(origin, "api_key_unknown", detail, 401))
    if caller.is_secret:
        abort(403, description="Embed the panel with a publishable key (pk_…), never a secret key.")
    origin = normalise_origin(request.args.get("origin"))
    if origin is None:
        abort(403, description=str(ORIGIN_REFUSED))
    if not origin_allowed(caller.merchant_id, caller.mode, origin):
        abort(_refused(origin))
    g.embed_ancestors = _ancestors(caller.merchant_id, caller.mode)
    return caller, origin


# Lazy: the refusal is said in the shopper's language, chosen per request (app/web/shopper_locale.py).
ORIGIN_REFUSED = lazy_gettext("This page's origin may not embed this merchant's checkout.")


def _refused(origin: str, code: str = "origin_not_allowed", detail: str | None = None, status: int = 403):
    """The frame's page when the panel cannot be shown on its parent's page (an origin not allowed, an unknown key or
    product: the SDK's setup errors): it says so in the frame and tells the SDK (an ``error`` event with ``code`` and
    ``detail``, worded for the integrator), so the integrator hears why nothing shows. It holds nothing but the
    refusal."""
    refused = SimpleNamespace(origin=origin, frame=(request.args.get("frame") or "")[:64])
    prefer_language(_asked_language())  # the SDK's locale, as the panel itself would be
    shown = str(ORIGIN_REFUSED) if code == "origin_not_allowed" else gettext("This product is not available.")
    response = make_response(
        render_template(REFUSED, embed=refused, message=shown, detail=detail or shown, code=code), status
    )
    # Shown in the refused page's own frame (else the integrator sees a blank one and the SDK hears nothing).
    plain = _PLAIN_ORIGIN.fullmatch(origin) is not None  # no character that could end the directive
    response.headers["Content-Security-Policy"] = f"frame-ancestors {origin if plain else NO_ANCESTOR}"
    return response


def _asked_language() -> str:
    """The panel language the embedding page asked for (``?locale=``, the SDK's option), if Kassa speaks it."""
    asked = request.args.get("locale") or ""
    return asked if asked in CHECKOUT_LANGUAGES else ""


def _first_page(sale: Sale, embed: Embed):
    prefer_language(embed.language)
    context = _context(sale, embed, first_view(request.args, sale.options))
    # During maintenance the panel says so, offers no Pay, and answers 503.
    return _framed(render_template(PANEL, **context), embed, 503 if context["maintenance"] else 200)


@bp.get("/<product_id>")
def panel(product_id: str):
    """A guest's panel for a product."""
    caller, origin = _caller()
    product = db.session.scalar(
        select(Product).where(
            Product.id == product_id, Product.status == "active", Product.merchant_id == caller.merchant_id
        )
    )
    if product is None:
        detail = (
            f"the product {product_id!r} is unknown to this publishable key (or not active): check mountPanel's "
            "product option (or data-kassa-product)"
        )
        return _refused(origin, "product_unknown", detail, 404)
    embed = Embed(
        product=product.id,
        merchant=caller.merchant_id,
        origin=origin,
        mode=caller.mode,
        customer=new_guest_id(),
        frame=(request.args.get("frame") or "")[:64],
        language=_asked_language(),
        page=parent_page(origin),
    )
    return _back_from_provider(embed) or _first_page(_sale(embed), embed)


@bp.get("/session")
def session_panel():
    """The panel of a checkout session, named by its client secret (``session``)."""
    caller, origin = _caller()
    secret = request.args.get("session")  # outside the try: given twice is a 400 page, not an unknown session
    returned = session_of_return(secret, caller.merchant_id, caller.livemode) if request.args.get("order") else None
    if returned is not None:  # the order it came back for has usually completed the session: open or not
        checkout = db.session.get(CheckoutSession, returned)
        shown = _back_from_provider(_session_embed(checkout, caller, origin))
        if shown is not None:
            return shown
    try:
        checkout = open_session_for(secret, merchant_id=caller.merchant_id, livemode=caller.livemode)
    except KassaError as exc:
        abort(exc.status if exc.status != 400 else 404, description=exc.message)
    embed = _session_embed(checkout, caller, origin)
    return _first_page(_sale(embed), embed)


def _session_embed(checkout: CheckoutSession, caller: Caller, origin: str) -> Embed:
    return Embed(
        product=checkout.product_id or "",
        merchant=caller.merchant_id,
        origin=origin,
        mode=caller.mode,
        customer=checkout.customer_id,
        frame=(request.args.get("frame") or "")[:64],
        checkout=checkout.id,
        language=_asked_language(),
        page=parent_page(origin),
    )


def _back_from_provider(embed: Embed):
    """The order's status page, when the embedding page came back from a provider for an order of this panel."""
    order = returned_order(embed)
    if order is None:
        return None
    prefer_language(embed.language)
    return _status(order, embed)


def _posted_embed(*, product_id: str | None = None, session_id: str | None = None) -> Embed:
    embed = read_token(request.form.get("embed_token") or request.args.get("token"))
    g.embed_ancestors = _ancestors(embed.merchant, embed.mode)
    if product_id is not None and (embed.checkout or embed.product != product_id):
        abort(404)
    if session_id is not None and embed.checkout != session_id:
        abort(404)
    prefer_language(embed.language)
    return embed


def _requote(embed: Embed):
    """Re-price in place when the quantity, option, coupon or currency changes."""
    sale = _sale(embed)
    context = _context(sale, embed, parse_panel(request.form, sale.options, for_payment=False))
    if replaces_panel():
        return _framed(render_block(PANEL, "panel", **context), embed)
    body = render_block(PANEL, "summary", **context)
    # The quantity and coupon messages sit outside the summary: update them out of band.
    for block in ("coupon_error",) if sale.fixed else ("quantity_error", "coupon_error"):
        body += render_block(PANEL, block, oob=True, **context)
    # A total of nothing asks for no payment method, and one again does; the button's label names the new total.
    for block in ("payment_methods", "pay_button") if payment_methods_changed(context) else ("pay_button",):
        body += render_block(PANEL, block, oob=True, **context)
    return _framed(body, embed)


@bp.post("/<product_id>/quote")
def quote(product_id: str):
    return _requote(_posted_embed(product_id=product_id))


@bp.post("/sessions/<session_id>/quote")
def session_quote(session_id: str):
    return _requote(_posted_embed(session_id=session_id))


def _status_url(order, embed: Embed) -> str:
    return url_for(
        "embed.order_status",
        order_id=order.id,
        client_secret=order.client_secret,
        token=issue_token(embed),
        _external=True,
    )


def _go(url: str, embed: Embed):
    """Move the frame on: htmx follows HX-Redirect, a plain post follows 303."""
    if is_htmx():
        response = _framed("", embed)
        response.headers["HX-Redirect"] = url
        return response
    response = _framed("", embed, 303)
    response.headers["Location"] = url
    return response


def _start(
    order, channel: str | None, embed: Embed, on_error, payment_method: str | None = None, save_method: bool = False
):
    try:
        attempt = pay_order(
            order,
            channel,
            return_url=return_address(order, embed, _status_url(order, embed)),
            actor="shopper",
            payment_method=payment_method,
            save_method=save_method,
        )
    except KassaError as exc:
        db.session.rollback()
        if exc.code == "checkout_session_complete":
            # Paid meanwhile through another order of the session (a double click, another tab): show that one.
            return _go(_status_url(db.session.get(Order, paid_order_id(order.checkout_session_id)), embed), embed)
        return on_error(exc.message)
    action = (attempt.next_action if attempt else None) or {}  # an order of nothing was paid without a payment
    if action.get("type") == "redirect" and embed.page:
        return _status(order, embed, leave_for=action["url"])  # the SDK takes the whole page there
    return _go(action["url"] if action.get("type") == "redirect" else _status_url(order, embed), embed)


def _pay(embed: Embed):
    sale = _sale(embed)
    data = parse_panel(request.form, sale.options, for_payment=True)
    waive_channel_when_free(sale, data)
    if data.errors:
        return _framed(render_page_or_block(PANEL, "panel", **_context(sale, embed, data)), embed, 422)
    try:
        order = place_order(sale, data, actor="shopper")
    except KassaError as exc:
        db.session.rollback()
        body = render_page_or_block(PANEL, "panel", **_context(sale, embed, data, error=exc.message))
        return _framed(body, embed, exc.status)
    choice = pay_choice(data)
    return _start(
        order, choice.pop("channel"), embed, lambda msg: _status(order, embed, error=msg, status=409), **choice
    )


@bp.post("/<product_id>/pay")
def pay(product_id: str):
    return _pay(_posted_embed(product_id=product_id))


@bp.post("/sessions/<session_id>/pay")
def session_pay(session_id: str):
    return _pay(_posted_embed(session_id=session_id))


def _status(order, embed: Embed, *, error: str | None = None, status: int = 200, leave_for: str | None = None):
    """The order's status in the frame; ``leave_for``: the provider's page the SDK is asked to open in the whole
    window (app/web/embed/leaving.py)."""
    order, last = latest_payment(order)
    if is_htmx() and request.method == "GET" and unchanged_since_seen(order, last):
        return _framed("", embed, 204)  # nothing new: the frame (and an open QR dialog) stays as it is
    context = {
        **order_status_context(order, last, error=error),
        "embed": embed,
        "token": issue_token(embed),
        "embedded": True,
        "leave_for": leave_for,
        "leaves_frame": bool(embed.page),
    }
    return _framed(render_page_or_block(STATUS, "status", **context), embed, status)


def _order(order_id: str, client_secret: str | None, embed: Embed):
    try:
        order = get_order_by_client_secret(order_id, client_secret or "")
    except KassaError:
        abort(404, description=gettext("This order does not exist or the link is incomplete."))
    if order.merchant_id != embed.merchant:
        abort(404)
    return order


@bp.get("/orders/<order_id>")
def order_status(order_id: str):
    """Where the provider sends the shopper back; refreshes itself while the payment is open."""
    embed = _posted_embed()
    return _status(_order(order_id, request.args.get("client_secret"), embed), embed)


@bp.post("/orders/<order_id>/pay")
def retry_payment(order_id: str):
    """Try again after a declined payment, on the same order, while it is open."""
    embed = _posted_embed()
    order = _order(order_id, request.form.get("client_secret"), embed)
    channel = request.form.get("channel")
    if not channel and not owes_nothing(order):
        return _status(order, embed, error=gettext("Choose how you want to pay."), status=422)
    return _start(order, channel, embed, lambda msg: _status(order, embed, error=msg, status=409))


@bp.post("/orders/<order_id>/switch")
def switch_method(order_id: str):
    """Leave a waiting payment (a QR code not yet scanned) for another payment method, on the same order."""
    embed = _posted_embed()
    order = _order(order_id, request.form.get("client_secret"), embed)
    try:
        order = switch_payment_method(order, request.form.get("payment") or None)
    except KassaError as exc:
        db.session.rollback()
        return _status(order, embed, error=exc.message, status=exc.status)
    return _status(order, embed)
