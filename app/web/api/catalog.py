"""Catalog routes: products and quotes (publishable or secret key)."""

from __future__ import annotations

from flask import jsonify, request

from app.catalog.products import search_products
from app.catalog.services import get_product, price_items
from app.web.api import bp
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import cursor_param, json_body, limit_param
from app.web.api.representations import product_json, quote_json


@bp.get("/products")
@requires_key(secret=False)
def products_index():
    who = caller()
    # Shoppers' keys see what is on sale; the merchant's secret key may ask for drafts and archived ones.
    status = (request.args.get("status") or "active") if who.is_secret else "active"
    products, has_more = search_products(
        who.merchant_id,
        q=request.args.get("q"),
        status=status,
        limit=limit_param(),
        starting_after=cursor_param("prod"),
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
def products_show(product_id: str):
    return jsonify(product_json(get_product(caller().merchant_id, product_id), livemode=caller().livemode))


@bp.post("/quotes")
@requires_key(secret=False)
@idempotent
def quotes_create():
    body = json_body()
    return jsonify(
        quote_json(
            price_items(
                caller().merchant_id,
                body.get("items"),
                body.get("coupon"),
                livemode=caller().livemode,
                currency=body.get("currency"),
            )
        )
    )
