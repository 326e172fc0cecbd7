"""The OpenAPI part of the catalog: products and SKUs with prices per currency, rules and statuses, and checkout
sessions. Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_events  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _CURRENCY_INPUT,
    _ID,
    _IDEMPOTENCY,
    _NULLABLE_STR,
    _PAGE,
    _SECRET_ERRORS,
    _STR,
    _TIME,
    _TIME_INPUT,
    PATHS,
    SCHEMAS,
    _body,
    _error,
    _obj,
    _ok,
    _ref,
)

# The merchant's catalog: products and SKUs with prices per currency, rules and statuses.
_STATUS = {"enum": ["draft", "active", "archived"]}
_SUBSCRIPTION = {
    "oneOf": [
        {"type": "null"},
        _obj(
            ["interval", "interval_count"],
            interval={"enum": ["day", "week", "month", "year"]},
            interval_count={"type": "integer", "minimum": 1, "maximum": 12},
            trial_days={
                "type": "integer",
                "minimum": 0,
                "maximum": 730,
                "description": "days a new contract runs free: the "
                "shopper signs the mandate with nothing charged, and "
                "the first period is charged when the trial ends "
                "(0 or left out: no trial; shown only when set); a "
                "customer has a product's trial once",
            },
        ),
    ]
}
_CLEARING = {
    "oneOf": [
        {"type": "null"},
        _obj(
            ["splits"],
            splits={
                "type": "array",
                "minItems": 1,
                "maxItems": 20,
                "description": "shares add up to 10000",
                "items": _obj(
                    ["partner", "share_bps"],
                    partner={"type": "string", "description": "a partner id, or self"},
                    share_bps={"type": "integer", "minimum": 1, "maximum": 10000},
                ),
            },
            hold_days={
                "type": "integer",
                "minimum": 0,
                "maximum": 365,
                "description": "days after clearing before the shares may be settled",
            },
        ),
    ]
}
_FULFILMENT = {
    "type": ["object", "null"],
    "properties": {
        "membership_days": {"type": "integer", "minimum": 1},
        "credits": {"type": "integer", "minimum": 1},
        "webhook_url": {"type": "string", "format": "uri"},
    },
    "additionalProperties": False,
    "not": {"type": "object", "required": ["membership_days", "credits"]},
    "description": "membership_days or credits (one grant per order item, so not both), and/or webhook_url",
}
_SKU_FIELDS = {
    "name": {"type": "string", "minLength": 1, "maxLength": 200},
    "price": _ref("Money"),
    "prices": {"type": "array", "items": _ref("Money"), "description": "one per currency"},
    "specs": {"type": "object"},
    "stock": {"type": ["integer", "null"], "minimum": 0},
    "status": _STATUS,
    "fulfilment": _FULFILMENT,
    "purchase_limit": {"type": ["integer", "null"], "minimum": 1, "description": "units per customer"},
    "subscription": _SUBSCRIPTION,
    "clearing": _CLEARING,
}
SCHEMAS["Sku"]["properties"] |= {
    "product": _STR,
    "status": _STATUS,
    "subscription": _SUBSCRIPTION,
    "prices": {"type": "array", "items": _ref("Money")},
    "purchase_limit": {"type": ["integer", "null"]},
    "fulfilment": _FULFILMENT,
    "clearing": _CLEARING,
}
SCHEMAS["Product"]["properties"]["status"] = _STATUS
SCHEMAS["SkuInput"] = {"type": "object", "required": ["name", "price"], "properties": _SKU_FIELDS}
SCHEMAS["SkuPatch"] = {"type": "object", "properties": _SKU_FIELDS}
_PRODUCT_FIELDS = {
    "name": {"type": "string", "minLength": 1, "maxLength": 200},
    "description": {"type": "string", "maxLength": 5000},
    "attributes": {"type": "object"},
    "status": _STATUS,
    "clearing": _CLEARING,
}
SCHEMAS["ProductInput"] = {
    "type": "object",
    "required": ["name"],
    "properties": {**_PRODUCT_FIELDS, "skus": {"type": "array", "items": _ref("SkuInput"), "maxItems": 100}},
}
SCHEMAS["ProductPatch"] = {"type": "object", "properties": _PRODUCT_FIELDS}
PATHS["/products"]["get"]["parameters"] = _PAGE + [
    {"name": "q", "in": "query", "schema": _STR, "description": "text in the name or description"},
    {"name": "status", "in": "query", "schema": _STATUS, "description": "secret key only; default active"},
]
PATHS["/products"]["post"] = {
    "summary": "Create a product with its SKUs (secret key)",
    "requestBody": _body("ProductInput"),
    "parameters": [_IDEMPOTENCY],
    "responses": {"201": _ok("Product", "Created"), "400": _error("invalid field (param names it)"), **_SECRET_ERRORS},
}
PATHS["/products/{id}"]["patch"] = {
    "summary": "Change a product's name, description, attributes or status (secret key)",
    "parameters": [_ID],
    "requestBody": _body("ProductPatch"),
    "responses": {
        "200": _ok("Product"),
        "400": _error("invalid field"),
        "404": _error("no such product"),
        **_SECRET_ERRORS,
    },
}
PATHS["/products/{id}/skus"] = {
    "post": {
        "summary": "Add a SKU to a product (secret key)",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("SkuInput"),
        "responses": {
            "201": _ok("Sku", "Created"),
            "400": _error("invalid field"),
            "404": _error("no such product"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/skus/{id}"] = {
    "patch": {
        "summary": "Change a SKU: price, prices, stock, status, rules (secret key)",
        "parameters": [_ID],
        "requestBody": _body("SkuPatch"),
        "responses": {
            "200": _ok("Sku"),
            "400": _error("invalid field"),
            "404": _error("no such SKU"),
            **_SECRET_ERRORS,
        },
    }
}


# Checkout sessions: who the shopper is (the merchant's server vouches for the customer).
SCHEMAS["CheckoutSession"] = _obj(
    [
        "id",
        "object",
        "url",
        "client_secret",
        "expires_at",
        "customer",
        "livemode",
        "status",
        "success_url",
        "cancel_url",
        "metadata",
    ],
    id=_STR,
    object={"const": "checkout_session"},
    livemode={"type": "boolean"},
    status={"enum": ["open", "complete", "expired"]},
    url={
        "type": "string",
        "format": "uri",
        "description": "the hosted checkout for this session; carries the "
        "client secret, so hand it only to the shopper",
    },
    client_secret=_STR,
    expires_at=_TIME,
    created_at=_TIME,
    customer=_obj(["id"], id=_STR, email=_NULLABLE_STR),
    items={"type": ["array", "null"], "items": _ref("ItemInput")},
    product=_NULLABLE_STR,
    currency={
        "type": ["string", "null"],
        "pattern": "^[a-z]{3}$",
        "description": "the currency the fixed items are priced in; null: their default prices",
    },
    success_url=_NULLABLE_STR,
    cancel_url=_NULLABLE_STR,
    metadata={"type": "object"},
    order={"type": ["string", "null"], "description": "the paid order that completed the session"},
    orders={"type": "array", "items": _STR},
)
SCHEMAS["CheckoutSessionInput"] = _obj(
    ["customer"],
    customer=_obj(["id"], id=_STR, email=_STR),
    items={"type": "array", "items": _ref("ItemInput"), "minItems": 1, "description": "a fixed basket; or product"},
    product={"type": "string", "description": "the shopper picks its option and quantity; or items"},
    currency=_CURRENCY_INPUT
    | {
        "description": "with items only: price them in this currency (each must have a "
        "price in it); the session's orders are charged in it"
    },
    success_url={
        "type": "string",
        "format": "uri",
        "description": "after payment; {CHECKOUT_SESSION_ID} is replaced by the session id",
    },
    cancel_url={"type": "string", "format": "uri"},
    metadata={"type": "object"},
    expires_at=_TIME_INPUT | {"description": "ISO 8601 or unix seconds, 30 minutes to 7 days ahead; default 24 h"},
)
PATHS["/checkout_sessions"] = {
    "post": {
        "summary": "Open a checkout session for a customer (secret key): its url and client_secret let the shopper "
        "pay as that customer, wallet included",
        "requestBody": _body("CheckoutSessionInput"),
        "parameters": [_IDEMPOTENCY],
        "responses": {
            "201": _ok("CheckoutSession", "Created"),
            "400": _error(
                "invalid field (param names it): customer, items or product, currency "
                "(currency_unavailable when an item has no price in it), URLs, metadata, "
                "expires_at; sku_recurring: a subscription SKU (items[i].sku) or a product sold only "
                "as subscriptions (product), which POST /subscriptions opens"
            ),
            "409": _error("out_of_stock"),
            **_SECRET_ERRORS,
        },
    }
}
PATHS["/checkout_sessions/{id}"] = {
    "get": {
        "summary": "Retrieve a checkout session of this key's mode (secret key)",
        "parameters": [_ID],
        "responses": {"200": _ok("CheckoutSession"), "404": _error("no such session"), **_SECRET_ERRORS},
    }
}
