"""Catalog routes: products and quotes (publishable or secret key)."""

from __future__ import annotations

from flask import jsonify
from flask_babel import force_locale

from app.catalog.products import search_products
from app.catalog.services import get_product, price_items
from app.extensions import db
from app.merchants.business_lines import line_for_new_record
from app.merchants.models import Merchant
from app.orders.business_line import line_of_quote
from app.orders.customers import GUEST
from app.payments.channels.agreements import purchase, with_agreements
from app.payments.channels.available import Prospect, available_channels
from app.platform.values.languages import DEFAULT_LANGUAGE
from app.signing.terms import sku_terms
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.line_scope import line_for_creating
from app.web.api.models.catalog import (
    BAD_FIELD,
    COUPON_400,
    COUPON_409,
    Product,
    ProductList,
    ProductListQuery,
    Quote,
    QuoteInput,
)
from app.web.api.operation import operation
from app.web.api.representations import product_json, quote_json
from app.web.checkout.channel_names import shown_channel_name
from app.web.checkout.panel import nothing_due

PRODUCT_PATH = {"id": "the product's id (prod_…)"}


@bp.get("/products")
@requires_key(secret=False)
@operation(
    "List products",
    description="Active products, oldest first; the merchant's secret key may ask for drafts and archived ones "
    "(status).",
    query=ProductListQuery,
    answers={200: ProductList},
)
def products_index(query: ProductListQuery):
    who = caller()
    # Shoppers' keys see what is on sale; the merchant's secret key may ask for drafts and archived ones.
    status = (query.status or "active") if who.is_secret else "active"
    products, has_more = search_products(
        who.merchant_id, q=query.q, status=status, limit=query.limit, starting_after=query.starting_after
    )
    return jsonify(
        {
            "object": "list",
            "data": [product_json(p, livemode=caller().livemode) for p in products],
            "has_more": has_more,
        }
    )


@bp.get("/products/<product_id>")
@requires_key(secret=False)
@operation(
    "Retrieve a product",
    path=PRODUCT_PATH,
    answers={200: Product},
    errors={404: "resource_missing: no such product (or an archived one)"},
)
def products_show(product_id: str):
    return jsonify(product_json(get_product(caller().merchant_id, product_id), livemode=caller().livemode))


@bp.post("/quotes")
@requires_key(secret=False)
@idempotent
@operation(
    "Price a basket (no side effects)",
    body=QuoteInput,
    answers={200: Quote},
    errors={400: BAD_FIELD + COUPON_400, 409: COUPON_409},
)
def quotes_create(body: QuoteInput):
    who = caller()
    quote = price_items(
        who.merchant_id,
        [item.model_dump() for item in body.items],
        body.coupon,
        livemode=who.livemode,
        currency=body.currency,
    )
    # The line an order of this basket would be in: the one asked (a scoped key's own), else its products'.
    line = line_of_quote(quote, line_for_new_record(who.merchant_id, line_for_creating(body.business_line)))
    return jsonify(quote_json(quote) | {"available_channels": _channels_for(quote, body.locale, line)})


def _channels_for(quote, locale: str | None, line: str | None) -> list[dict]:
    """The channels the hosted panel would offer a guest for this basket (as its business line offers them), in the
    shopper's language: the SDK's headless components render them (``[data-kassa-channels]`` left empty)."""
    if nothing_due(quote):
        return []
    who = caller()
    guest = Prospect(
        customer_id=None,
        customer_source=GUEST,
        livemode=who.livemode,
        total=quote.total.amount,
        currency=quote.currency,
        business_line_id=line,
    )
    language = locale or DEFAULT_LANGUAGE
    merchant = db.session.get(Merchant, who.merchant_id)
    bought = purchase(
        merchant.name,
        quote.total.amount,
        quote.currency,
        language,
        [f"{line.sku.product.name} — {line.sku.name}" for line in quote.lines],
        sku_terms(quote.lines[0].sku) if len(quote.lines) == 1 else None,
    )
    channels = with_agreements(available_channels(who.merchant_id, guest), who.merchant_id, language, bought)
    with force_locale(language):
        return [
            {
                "code": channel.code,
                "name": shown_channel_name(channel.name),
                "icon": channel.icon,
                "agreement_text": channel.agreement_text,
            }
            for channel in channels
        ]
