"""The merchant's catalog routes (secret key): create and change products and SKUs."""

from __future__ import annotations

from flask import jsonify

from app.catalog.models import Product, Sku
from app.catalog.products import add_sku, create_product, update_product, update_sku
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.params import json_body
from app.web.api.representations import product_json, sku_json


@bp.post("/products")
@requires_key(secret=True)
@idempotent
@api_audited("product.create", Product)
def products_create():
    return jsonify(
        product_json(create_product(caller().merchant_id, json_body()), livemode=caller().livemode, all_skus=True)
    ), 201


@bp.patch("/products/<product_id>")
@requires_key(secret=True)
@api_audited("product.update", Product, "product_id")
def products_update(product_id: str):
    return jsonify(
        product_json(
            update_product(caller().merchant_id, product_id, json_body()), livemode=caller().livemode, all_skus=True
        )
    )


@bp.post("/products/<product_id>/skus")
@requires_key(secret=True)
@idempotent
@api_audited("sku.create", Sku)
def skus_create(product_id: str):
    return jsonify(sku_json(add_sku(caller().merchant_id, product_id, json_body()), livemode=caller().livemode)), 201


@bp.patch("/skus/<sku_id>")
@requires_key(secret=True)
@api_audited("sku.update", Sku, "sku_id")
def skus_update(sku_id: str):
    return jsonify(sku_json(update_sku(caller().merchant_id, sku_id, json_body()), livemode=caller().livemode))
