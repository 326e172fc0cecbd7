"""Checkout views: thin; pricing, orders and payments happen in the domain services."""
from __future__ import annotations

import secrets

from flask import abort, make_response, redirect, render_template, request, session, url_for
from sqlalchemy import select

from app.catalog.coupons import discounts_for_order
from app.catalog.models import Product
from app.catalog.services import price_items
from app.errors import ChannelFailed, Conflict, KassaError
from app.extensions import db
from app.merchants.models import Merchant
from app.merchants.settings import logo_for
from app.orders.services import create_order, get_order_by_client_secret
from app.payments.channels import Prospect, available_channels
from app.payments.hub import payments_for_order, start_payment
from app.web.checkout import bp
from app.web.checkout.forms import PanelInput, parse_panel
from app.web.fragments import is_htmx, render_block, render_page_or_block

PRODUCT_PAGE = "checkout/product.html"
ORDER_PAGE = "checkout/order.html"


def _product_or_404(product_id: str) -> Product:
    product = db.session.scalar(select(Product).where(Product.id == product_id, Product.status == "active"))
    if product is None:
        abort(404, description="This product is not available.")
    return product


def _customer_id() -> str:
    """The merchant may name the customer (``?customer=``); otherwise a guest id per browser."""
    named = request.values.get("customer")
    if named:
        return named[:200]
    if "guest_id" not in session:
        session["guest_id"] = "guest_" + secrets.token_urlsafe(12)
    return session["guest_id"]


def _price(product: Product, data: PanelInput) -> tuple[object, str | None, str | None]:
    """The quote for the panel, with the coupon when it can be used; otherwise the price without it
    and the reason, so the shopper still sees a total beside the coupon message."""
    items = [{"sku": data.sku_id, "quantity": data.quantity}]
    try:
        return price_items(product.merchant_id, items, data.coupon,
                           customer_id=request.values.get("customer")), None, None
    except KassaError as exc:
        if exc.param != "coupon":
            return None, exc.message, None
        coupon_error = exc.message[0].upper() + exc.message[1:] + "."
    try:
        return price_items(product.merchant_id, items), None, coupon_error
    except KassaError as exc:
        return None, exc.message, coupon_error


def _panel_context(product: Product, data: PanelInput, *, error: str | None = None) -> dict:
    quote, quote_error, coupon_error = None, None, None
    if data.sku_id and data.quantity and "sku" not in data.errors:
        quote, quote_error, coupon_error = _price(product, data)
    merchant = db.session.get(Merchant, product.merchant_id)
    # Channels that depend on the shopper (the wallet) are offered for the basket as priced.
    prospect = Prospect(request.values.get("customer") if quote else None, quote.total.amount if quote else 0,
                        quote.currency if quote else "usd")
    return {"product": product, "merchant": merchant, "data": data, "quote": quote, "quote_error": quote_error,
            "channels": available_channels(product.merchant_id, prospect), "error": error,
            "skus": [s for s in product.skus if s.status == "active"], "customer": request.values.get("customer"),
            "coupon_error": coupon_error}


@bp.get("/<product_id>")
def product_page(product_id: str):
    product = _product_or_404(product_id)
    data = parse_panel(request.args, product, for_payment=False)
    if "quantity" in data.errors and "quantity" not in request.args:
        data.quantity, data.errors = 1, {k: v for k, v in data.errors.items() if k != "quantity"}
    return render_template(PRODUCT_PAGE, **_panel_context(product, data))


@bp.post("/<product_id>/quote")
def quote(product_id: str):
    """Re-price in place when the quantity or option changes."""
    product = _product_or_404(product_id)
    data = parse_panel(request.form, product, for_payment=False)
    context = _panel_context(product, data)
    # The quantity and coupon messages sit outside the summary: update them out of band.
    return (render_block(PRODUCT_PAGE, "summary", **context)
            + render_block(PRODUCT_PAGE, "quantity_error", oob=True, **context)
            + render_block(PRODUCT_PAGE, "coupon_error", oob=True, **context))


def _redirect(url: str):
    """Leave the page: htmx follows HX-Redirect, a plain form post follows 303."""
    if is_htmx():
        response = make_response("", 200)
        response.headers["HX-Redirect"] = url
        return response
    return redirect(url, 303)


def _status_url(order) -> str:
    return url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)


@bp.post("/<product_id>/pay")
def pay(product_id: str):
    product = _product_or_404(product_id)
    data = parse_panel(request.form, product, for_payment=True)
    if data.errors:
        return render_page_or_block(PRODUCT_PAGE, "panel", **_panel_context(product, data)), 422
    try:
        order = create_order(product.merchant_id, items=[{"sku": data.sku_id, "quantity": data.quantity}],
                             customer={"id": _customer_id()}, agreement_accepted=True, coupon=data.coupon,
                             actor="shopper")
    except KassaError as exc:
        db.session.rollback()
        return render_page_or_block(PRODUCT_PAGE, "panel", **_panel_context(product, data, error=exc.message)), exc.status
    return _start(order, data.channel, on_error=lambda msg: _order_view(order, error=msg))


def _start(order, channel: str, *, on_error):
    try:
        attempt = start_payment(order, channel, return_url=_status_url(order), actor="shopper")
    except (ChannelFailed, Conflict, KassaError) as exc:
        db.session.rollback()
        return on_error(exc.message)
    action = attempt.next_action or {}
    if action.get("type") == "redirect":
        return _redirect(action["url"])
    return _redirect(_status_url(order))


def _order_view(order, *, error: str | None = None, status: int = 200):
    attempts = payments_for_order(order.id)
    last = attempts[-1] if attempts else None
    context = {"order": order, "last_payment": last, "error": error,
               "channels": available_channels(order.merchant_id, order) if order.status == "created" else [],
               "merchant": db.session.get(Merchant, order.merchant_id),
               "product_id": order.items[0].product_id if order.items else None,
               "discounts": discounts_for_order(order.id)}
    return render_page_or_block(ORDER_PAGE, "status", **context), status


def _shoppers_order(order_id: str, client_secret: str | None):
    """The order whose client secret the shopper holds, or a 404 page."""
    try:
        return get_order_by_client_secret(order_id, client_secret or "")
    except KassaError:
        abort(404, description="This order does not exist or the link is incomplete.")


@bp.get("/orders/<order_id>")
def order_page(order_id: str):
    return _order_view(_shoppers_order(order_id, request.args.get("client_secret")))


@bp.post("/orders/<order_id>/pay")
def retry_payment(order_id: str):
    """Try again after a declined payment, on the same order, while it is open."""
    order = _shoppers_order(order_id, request.form.get("client_secret"))
    channel = request.form.get("channel")
    if not channel:
        return _order_view(order, error="Choose how you want to pay.", status=422)
    return _start(order, channel, on_error=lambda msg: _order_view(order, error=msg, status=409))


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
    response.headers.update({"Content-Type": uploaded.content_type, "X-Content-Type-Options": "nosniff",
                             "Cache-Control": "public, max-age=31536000, immutable",
                             "Content-Security-Policy": "default-src 'none'"})
    return response
