"""Checkout views: thin; pricing, orders and payments happen in the domain services."""

from __future__ import annotations

from flask import abort, make_response, redirect, render_template, request, url_for
from flask import session as browser
from flask_babel import gettext
from sqlalchemy import select

from app.catalog.models import Product
from app.checkout_sessions.models import CheckoutSession
from app.checkout_sessions.services import find_session, paid_order_id, session_of, success_url_for
from app.errors import ChannelFailed, Conflict, KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.merchants.settings import logo_for
from app.orders.customers import new_guest_id
from app.orders.models import Order
from app.orders.services import get_order_by_client_secret
from app.payments.attempts.abandon import switch_payment_method
from app.signing.paying import owes_nothing, pay_order
from app.web.checkout import bp
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
from app.web.fragments import is_htmx, render_block, render_page_or_block

PRODUCT_PAGE = "checkout/product.html"
ORDER_PAGE = "checkout/order.html"


def _product_or_404(product_id: str) -> Product:
    product = db.session.scalar(select(Product).where(Product.id == product_id, Product.status == "active"))
    if product is None:
        abort(404, description=gettext("This product is not available."))
    return product


def _guest_id() -> str:
    """A guest id per browser. A customer named in the URL is ignored: only the merchant's server can say
    who the shopper is, by creating a checkout session for them."""
    if "guest_id" not in browser:
        browser["guest_id"] = new_guest_id()
    return browser["guest_id"]


def _product_sale(product: Product) -> Sale:
    """The hosted product page carries no key: its mode is the merchant's live-checkout setting."""
    return guest_sale(product, _guest_id(), livemode=db.session.get(Merchant, product.merchant_id).live_checkout)


def _page(sale: Sale, data, *, error: str | None = None) -> dict:
    """The panel's template context, with where its form posts."""
    if sale.checkout is not None:
        urls = {
            "pay_url": url_for("checkout.session_pay", session_id=sale.checkout.id),
            "quote_url": url_for("checkout.session_quote", session_id=sale.checkout.id),
        }
    else:
        urls = {
            "pay_url": url_for("checkout.pay", product_id=sale.product.id),
            "quote_url": url_for("checkout.quote", product_id=sale.product.id),
        }
    return {**panel_context(sale, data, error=error), **urls}


@bp.get("/<product_id>")
def product_page(product_id: str):
    sale = _product_sale(_product_or_404(product_id))
    return _shown(_page(sale, first_view(request.args, sale.options)))


def _shown(context: dict):
    """The panel; during maintenance it says so, offers no Pay, and answers 503 (so monitors see it too)."""
    return render_template(PRODUCT_PAGE, **context), 503 if context["maintenance"] else 200


def _requote(sale: Sale):
    """Re-price in place when the quantity, option, coupon or currency changes."""
    context = _page(sale, parse_panel(request.form, sale.options, for_payment=False))
    if replaces_panel():
        return render_block(PRODUCT_PAGE, "panel", **context)
    # The quantity and coupon messages sit outside the summary: update them out of band.
    blocks = ("summary", "coupon_error") if sale.fixed else ("summary", "quantity_error", "coupon_error")
    # A total of nothing asks for no payment method, and one again does; the button's label names the new total.
    blocks += ("payment_methods", "pay_button") if payment_methods_changed(context) else ("pay_button",)
    return "".join(render_block(PRODUCT_PAGE, block, oob=block != "summary", **context) for block in blocks)


@bp.post("/<product_id>/quote")
def quote(product_id: str):
    return _requote(_product_sale(_product_or_404(product_id)))


def _redirect(url: str):
    """Leave the page: htmx follows HX-Redirect, a plain form post follows 303."""
    if is_htmx():
        response = make_response("", 200)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, 303)


def _status_url(order) -> str:
    return url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)


def _pay(sale: Sale):
    data = parse_panel(request.form, sale.options, for_payment=True)
    waive_channel_when_free(sale, data)
    if data.errors:
        return render_page_or_block(PRODUCT_PAGE, "panel", **_page(sale, data)), 422
    try:
        order = place_order(sale, data, actor="shopper")
    except KassaError as exc:
        db.session.rollback()
        return render_page_or_block(PRODUCT_PAGE, "panel", **_page(sale, data, error=exc.message)), exc.status
    choice = pay_choice(data)
    return _start(order, choice.pop("channel"), on_error=lambda msg: _order_view(order, error=msg), **choice)


@bp.post("/<product_id>/pay")
def pay(product_id: str):
    return _pay(_product_sale(_product_or_404(product_id)))


def _checkout_or_404(session_id: str, client_secret: str | None) -> CheckoutSession:
    """The session whose client secret the shopper's link carries, or a 404 page."""
    checkout = find_session(session_id, client_secret)
    if checkout is None:
        abort(404, description=gettext("This checkout does not exist or the link is incomplete."))
    return checkout


def _closed_page(checkout: CheckoutSession):
    """None while orders may still be made through the session; otherwise what the link shows instead:
    the order that paid it (success, and the way back to the merchant), or a note that it expired."""
    paid = paid_order_id(checkout.id)
    if paid is not None:
        return redirect(_status_url(db.session.get(Order, paid)), 303)
    if checkout.status_at() != "open":
        sale = session_sale(checkout)
        return render_template(
            "checkout/session_closed.html", checkout=checkout, merchant=sale.merchant, shop_name=sale.shop_name
        ), 410
    return None


@bp.get("/sessions/<session_id>")
def session_page(session_id: str):
    """The hosted checkout of a checkout session: the merchant's server named the customer."""
    checkout = _checkout_or_404(session_id, request.args.get("client_secret"))
    sale = session_sale(checkout)
    return _closed_page(checkout) or _shown(_page(sale, first_view(request.args, sale.options)))


@bp.post("/sessions/<session_id>/quote")
def session_quote(session_id: str):
    return _requote(session_sale(_checkout_or_404(session_id, request.form.get("client_secret"))))


@bp.post("/sessions/<session_id>/pay")
def session_pay(session_id: str):
    checkout = _checkout_or_404(session_id, request.form.get("client_secret"))
    if _closed_page(checkout) is not None:
        # Paid or expired meanwhile (another tab): the session's link shows which.
        return _redirect(url_for("checkout.session_page", session_id=checkout.id, client_secret=checkout.client_secret))
    return _pay(session_sale(checkout))


def _start(order, channel: str | None, *, on_error, payment_method: str | None = None, save_method: bool = False):
    try:
        attempt = pay_order(
            order,
            channel,
            return_url=_status_url(order),
            actor="shopper",
            payment_method=payment_method,
            save_method=save_method,
        )
    except (ChannelFailed, Conflict, KassaError) as exc:
        db.session.rollback()
        if exc.code == "checkout_session_complete":
            # Paid meanwhile through another order of the session (a double click, another tab): show that one.
            return _redirect(_status_url(db.session.get(Order, paid_order_id(order.checkout_session_id))))
        return on_error(exc.message)
    action = (attempt.next_action if attempt else None) or {}  # an order of nothing was paid without a payment
    if action.get("type") == "redirect":
        return _redirect(action["url"])
    return _redirect(_status_url(order))


def _order_view(order, *, error: str | None = None, status: int = 200):
    order, last = latest_payment(order)
    if is_htmx() and request.method == "GET" and unchanged_since_seen(order, last):
        return "", 204  # a poll that finds nothing new leaves the page (and an open QR dialog) alone
    checkout = session_of(order)
    context = {
        **order_status_context(order, last, error=error),
        "checkout": checkout,
        "product_id": order.items[0].product_id if order.items and checkout is None else None,
        "success_url": success_url_for(checkout) if checkout else None,
    }
    return render_page_or_block(ORDER_PAGE, "status", **context), status


def _shoppers_order(order_id: str, client_secret: str | None):
    """The order whose client secret the shopper holds, or a 404 page."""
    try:
        return get_order_by_client_secret(order_id, client_secret or "")
    except KassaError:
        abort(404, description=gettext("This order does not exist or the link is incomplete."))


@bp.get("/orders/<order_id>")
def order_page(order_id: str):
    return _order_view(_shoppers_order(order_id, request.args.get("client_secret")))


@bp.post("/orders/<order_id>/pay")
def retry_payment(order_id: str):
    """Try again after a declined payment, on the same order, while it is open."""
    order = _shoppers_order(order_id, request.form.get("client_secret"))
    channel = request.form.get("channel")
    if not channel and not owes_nothing(order):
        return _order_view(order, error=gettext("Choose how you want to pay."), status=422)
    return _start(order, channel, on_error=lambda msg: _order_view(order, error=msg, status=409))


@bp.post("/orders/<order_id>/switch")
def switch_method(order_id: str):
    """Leave a waiting payment (a QR code not yet scanned) for another payment method, on the same order."""
    order = _shoppers_order(order_id, request.form.get("client_secret"))
    try:
        order = switch_payment_method(order, request.form.get("payment") or None)
    except KassaError as exc:
        db.session.rollback()
        return _order_view(order, error=exc.message, status=exc.status)
    return _order_view(order)


@bp.get("/terms/<merchant_id>")
def terms(merchant_id: str):
    merchant = db.session.get(Merchant, merchant_id) or abort(404)
    if merchant.terms_url:
        return redirect(merchant.terms_url)
    return render_template("checkout/terms.html", merchant=merchant)


@bp.get("/logos/<merchant_id>")
def logo(merchant_id: str):
    """A merchant's uploaded logo. Its URL carries the digest, so browsers may keep it for good."""
    uploaded = logo_for(merchant_id)
    if uploaded is None:
        abort(404, description="No logo.")
    response = make_response(uploaded.data)
    response.headers.update(
        {
            "Content-Type": uploaded.content_type,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "public, max-age=31536000, immutable",
            "Content-Security-Policy": "default-src 'none'",
        }
    )
    return response
