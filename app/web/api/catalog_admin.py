"""The merchant's catalog routes (secret key): create and change products and SKUs."""

from __future__ import annotations

from flask import jsonify

from app.catalog.models import Product, Sku
from app.catalog.products import add_sku, create_product, update_product, update_sku
from app.web.api import bp
from app.web.api.audit import api_audited
from app.web.api.auth import caller, requires_key
from app.web.api.idempotent import idempotent
from app.web.api.models.catalog import Product as ProductAnswer
from app.web.api.models.catalog import ProductInput, ProductPatch, SkuInput, SkuPatch
from app.web.api.models.catalog import Sku as SkuAnswer
from app.web.api.operation import operation
from app.web.api.representations import product_json, sku_json

# The services (shared with the portal's forms) tell a field left out from one sent: the routes pass only what was
# sent (exclude_unset), and the services still check the rules (clearing partners, fulfilment URLs, one price per
# currency) that need the merchant's data.
_CLEARING_400 = (
    "parameter_invalid: a field to fix (param names it: clearing.splits[i].partner when it is not one of the "
    "merchant's partners); invalid_json: the body is not a JSON object"
)


@bp.post("/products")
@requires_key(secret=True)
@idempotent
@api_audited("product.create", Product)
@operation(
    "Create a product with its SKUs (secret key)",
    body=ProductInput,
    answers={201: ProductAnswer},
    errors={400: _CLEARING_400},
)
def products_create(body: ProductInput):
    fields = body.model_dump(exclude_unset=True)
    return jsonify(
        product_json(create_product(caller().merchant_id, fields), livemode=caller().livemode, all_skus=True)
    ), 201


@bp.patch("/products/<product_id>")
@requires_key(secret=True)
@api_audited("product.update", Product, "product_id")
@operation(
    "Change a product's name, description, attributes or status (secret key)",
    body=ProductPatch,
    path={"id": "the product's id (prod_…)"},
    answers={200: ProductAnswer},
    errors={400: _CLEARING_400, 404: "resource_missing: no such product"},
)
def products_update(product_id: str, body: ProductPatch):
    fields = body.model_dump(exclude_unset=True)
    return jsonify(
        product_json(
            update_product(caller().merchant_id, product_id, fields), livemode=caller().livemode, all_skus=True
        )
    )


@bp.post("/products/<product_id>/skus")
@requires_key(secret=True)
@idempotent
@api_audited("sku.create", Sku)
@operation(
    "Add a SKU to a product (secret key)",
    body=SkuInput,
    path={"id": "the product's id (prod_…)"},
    answers={201: SkuAnswer},
    errors={400: _CLEARING_400, 404: "resource_missing: no such product"},
)
def skus_create(product_id: str, body: SkuInput):
    fields = body.model_dump(exclude_unset=True)
    return jsonify(sku_json(add_sku(caller().merchant_id, product_id, fields), livemode=caller().livemode)), 201


@bp.patch("/skus/<sku_id>")
@requires_key(secret=True)
@api_audited("sku.update", Sku, "sku_id")
@operation(
    "Change a SKU: price, prices, stock, status, rules (secret key)",
    body=SkuPatch,
    path={"id": "the SKU's id (sku_…)"},
    answers={200: SkuAnswer},
    errors={400: _CLEARING_400, 404: "resource_missing: no such SKU"},
)
def skus_update(sku_id: str, body: SkuPatch):
    fields = body.model_dump(exclude_unset=True)
    return jsonify(sku_json(update_sku(caller().merchant_id, sku_id, fields), livemode=caller().livemode))
