"""The catalog at the API's edge: products and SKUs (read by shoppers' keys, written with the merchant's secret key),
quotes, and the basket lines orders and checkout sessions take."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.catalog.products import MAX_CREDITS, MAX_MEMBERSHIP_DAYS, MAX_STOCK, MAX_TRIAL_DAYS
from app.catalog.services import MAX_LINES, MAX_QUANTITY
from app.platform.values.currencies import ISO_4217
from app.web.api.models.fields import Answer, Cursor, IdOf, Limit, Money, QueryModel, RequestModel, page_of

ProductStatus = Literal["draft", "active", "archived"]


def _any_case_currency(value: object) -> object:
    # normalise_currency (app/platform/values/money.py) has always taken EUR as eur: so does the edge.
    if isinstance(value, str) and value.lower() in ISO_4217:
        return value.lower()
    raise PydanticCustomError("kassa", "{param} must be a three-letter ISO 4217 code such as usd or eur")


AnyCaseCurrency = Annotated[
    str,
    BeforeValidator(_any_case_currency),
    WithJsonSchema(
        {
            "type": "string",
            "enum": sorted(ISO_4217) + sorted(c.upper() for c in ISO_4217),
            "description": "ISO 4217, lowercase (or uppercase, read as lowercase)",
            "examples": ["usd"],
        }
    ),
]


def _quantity(value: object) -> object:
    # "2", 1.5, true, null: say what to send, not only the range; the range in API.md's words.
    if type(value) is not int:
        raise PydanticCustomError("kassa", f"{{param}} must be a whole number from 1 to {MAX_QUANTITY}")
    if not 1 <= value <= MAX_QUANTITY:
        raise PydanticCustomError("kassa", f"{{param}} must be between 1 and {MAX_QUANTITY}")
    return value


Quantity = Annotated[
    int,
    BeforeValidator(_quantity),
    WithJsonSchema({"type": "integer", "minimum": 1, "maximum": MAX_QUANTITY, "default": 1}),
]


class ItemInput(RequestModel):
    """A line of a basket: a SKU and how many."""

    sku: IdOf("sku", "a SKU")  # type: ignore[valid-type]
    quantity: Quantity = 1


Items = Annotated[list[ItemInput], Field(min_length=1, max_length=MAX_LINES)]

# Asking for a basket in one of its SKUs' currencies (each SKU's ``prices``).
CURRENCY_INPUT = (
    "price every item from its price in this currency (lowercase ISO 4217, e.g. eur); each item must have one, "
    "else 400 currency_unavailable (param currency) naming the item and the currencies it is sold in. Left out: "
    "the items' default prices"
)

# A route's own 400s replace the generic entry (app/web/api/openapi_generation.py), so they start with it.
BAD_FIELD = "parameter_invalid: a field to fix (param names it); invalid_json: the body is not a JSON object; "
COUPON_400 = (
    "resource_missing: an items[i].sku that is not on sale; currency_unavailable "
    "(an item has no price in the currency asked for; param currency), currency_mismatch (items in different "
    "default currencies and no currency given), or a coupon that cannot be used: coupon_invalid (unknown or "
    "deactivated code), coupon_expired, coupon_not_yet_valid, coupon_not_applicable (wrong items, currency or spend)"
)
COUPON_409 = "out_of_stock, or coupon_exhausted (its total or per-customer limit is reached)"


class QuoteInput(RequestModel):
    items: Items
    coupon: str | None = Field(default=None, description="a coupon code to apply")
    currency: AnyCaseCurrency | None = Field(default=None, description=CURRENCY_INPUT)
    locale: Literal["en", "de", "fr"] | None = Field(
        default=None, description="the language of the channels' names (Kassa's default names are translated)"
    )
    business_line: str | None = Field(
        default=None,
        description="the business line (id or code) the order would be in, whose channels are offered; left out: its "
        "products' line, else the merchant's default (a line-scoped key: its own line)",
    )


class QuoteChannel(Answer):
    """A channel a guest could pay this basket with now, as Kassa's hosted panel offers it."""

    code: str
    name: str = Field(description="as the merchant named it, else Kassa's name in the quote's locale")
    icon: str = Field(description="an image URL, or the name of one of Kassa's icons (card, qr, wallet, …)")
    agreement_text: str | None = Field(description="the terms a shopper accepts to pay with it; null: none")


class QuoteLine(Answer):
    sku: str
    name: str
    quantity: int
    unit_amount: int = Field(description="the SKU's price in the quote's currency")
    amount: int


class Discount(Answer):
    """A discount line of a quote or an order: the coupon that gave it."""

    coupon: str
    description: str
    amount: int = Field(ge=0)


class Quote(Answer):
    """What a basket costs now, with no side effects."""

    object: Literal["quote"]
    subtotal: int
    discount: int
    total: int
    currency: Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]
    lines: list[QuoteLine]
    discounts: list[Discount]
    available_channels: list[QuoteChannel] = Field(
        description="the channels the basket may be paid with now, highest priority first (none when it costs nothing)"
    )


# What a SKU sells beyond the item itself, and how its money is split: the services check them (the portal's forms
# send the same), so the document says their shape.
_SUBSCRIPTION = {
    "oneOf": [
        {"type": "null"},
        {
            "type": "object",
            "required": ["interval"],
            "properties": {
                "interval": {"enum": ["day", "week", "month", "year"]},
                "interval_count": {"type": "integer", "minimum": 1, "maximum": 12, "default": 1},
                "trial_days": {
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "maximum": MAX_TRIAL_DAYS,
                    "description": "days a new contract runs free: the shopper signs the mandate with nothing "
                    "charged, and the first period is charged when the trial ends (0 or left out: no trial; shown "
                    "only when set); a customer has a product's trial once",
                },
            },
        },
    ],
    "description": "sold as a subscription of this period; null: a one-off purchase",
}
_CLEARING = {
    "oneOf": [
        {"type": "null"},
        {
            "type": "object",
            "required": ["splits"],
            "additionalProperties": False,
            "properties": {
                "splits": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 20,
                    "description": "shares add up to 10000",
                    "items": {
                        "type": "object",
                        "required": ["partner", "share_bps"],
                        "additionalProperties": False,
                        "properties": {
                            "partner": {"type": "string", "minLength": 1, "description": "a partner id, or self"},
                            "share_bps": {"type": "integer", "minimum": 1, "maximum": 10000},
                        },
                    },
                },
                "hold_days": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 365,
                    "description": "days after clearing before the shares may be settled",
                },
            },
        },
    ],
    "description": "how the money of its sales is split between partners; null: all the merchant's",
}
_FULFILMENT = {
    "type": ["object", "null"],
    "properties": {
        "membership_days": {"type": "integer", "minimum": 1, "maximum": MAX_MEMBERSHIP_DAYS},
        "credits": {"type": "integer", "minimum": 1, "maximum": MAX_CREDITS},
        "webhook_url": {"type": "string", "format": "uri"},
    },
    "minProperties": 1,
    "additionalProperties": False,
    "not": {"type": "object", "required": ["membership_days", "credits"]},
    "description": "membership_days or credits (one grant per order item, so not both), and/or webhook_url",
}
_FLAT_OBJECT = {
    "type": ["object", "null"],
    "maxProperties": 50,
    "propertyNames": {"maxLength": 100},
    "additionalProperties": {"type": ["string", "number", "boolean"], "maxLength": 500},
    "description": "at most 50 names with short text or number values",
}

Subscription = Annotated[dict[str, Any] | None, WithJsonSchema(_SUBSCRIPTION)]
Clearing = Annotated[dict[str, Any] | None, WithJsonSchema(_CLEARING)]
Fulfilment = Annotated[dict[str, Any] | None, WithJsonSchema(_FULFILMENT)]
FlatObject = Annotated[dict[str, Any] | None, WithJsonSchema(_FLAT_OBJECT)]


_CATEGORY = (
    "the merchant's own grouping of products (e.g. games, skins); the category split strategy makes a sub-order of "
    "each; null or blank: none"
)
_SETTLEMENT_DELAY = (
    "T+N: days after an order completes before this product's lines may be settled (the longer of this and the "
    "clearing rule's hold_days counts); null: the rule's hold_days only"
)


class SkuSubscription(Answer):
    interval: Literal["day", "week", "month", "year"]
    interval_count: int = Field(ge=1, le=12)
    trial_days: int | None = Field(default=None, ge=1, le=MAX_TRIAL_DAYS, description="only when the SKU has one")


class Sku(Answer):
    """An option of a product, with its price (one per currency), stock and rules."""

    id: str
    object: Literal["sku"]
    name: str
    product: str
    status: ProductStatus
    price: Money = Field(description="its default price, what orders are priced in without a currency")
    prices: list[Money] = Field(description="one per currency, the default included")
    specs: dict[str, Any]
    stock: int | None = Field(ge=0, description="units left for this key's mode; null: unlimited")
    subscription: SkuSubscription | None
    purchase_limit: int | None = Field(description="units per customer; null: no limit")
    fulfilment: Fulfilment
    clearing: Clearing


class Product(Answer):
    """A product on the merchant's catalog and its SKUs (a shopper's key sees the active ones)."""

    id: str
    object: Literal["product"]
    name: str
    description: str
    images: list[Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]]
    attributes: dict[str, Any]
    status: ProductStatus
    skus: list[Sku]
    settlement_delay_days: int | None = Field(description=_SETTLEMENT_DELAY)
    category: str | None = Field(description=_CATEGORY)
    checkout_url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})]
    business_line: str | None = Field(description="the business line's id (bl_…); null: the merchant's default")


ProductList = page_of(Product, "ProductList")


class ProductListQuery(QueryModel):
    # A query parameter is a string or absent, never null: left out, the default applies.
    limit: Limit()  # type: ignore[valid-type]
    starting_after: Cursor("prod") = None  # type: ignore[valid-type]
    q: str = Field(default=None, description="text in the name or description")
    status: ProductStatus = Field(default=None, description="secret key only; default active")


def _price_amount(value: object) -> object:
    # 1.5 or "1": minor units are whole numbers.
    if type(value) is not int or value < 0:
        raise PydanticCustomError("kassa", "{param} must be a whole number of minor units from 0")
    return value


class PriceInput(RequestModel):
    """A price: minor units of a currency (0 for a free option)."""

    amount: Annotated[int, BeforeValidator(_price_amount), WithJsonSchema({"type": "integer", "minimum": 0})]
    currency: AnyCaseCurrency


# Not blank: the catalog strips names and refuses one of spaces only.
_NOT_BLANK = {"pattern": r"\S"}
_NAME = Field(min_length=1, max_length=200, json_schema_extra=_NOT_BLANK)


class _SkuFields(RequestModel):
    # Left out: unchanged (a PATCH) or the default; the services tell a field sent from one left out.
    prices: list[PriceInput] = Field(default=None, max_length=20, description="one per currency")
    specs: FlatObject = None
    stock: Annotated[int, Field(ge=0, le=MAX_STOCK, strict=True)] | None = Field(
        default=None, description="null: unlimited"
    )
    status: ProductStatus | None = Field(default=None, description="null: active")
    fulfilment: Fulfilment = None
    purchase_limit: Annotated[int, Field(ge=1, le=10**6, strict=True)] | None = Field(
        default=None, description="units per customer; null: no limit"
    )
    subscription: Subscription = None
    clearing: Clearing = None


class SkuInput(_SkuFields):
    name: str = _NAME
    price: PriceInput


class SkuPatch(_SkuFields):
    name: str = Field(default=None, min_length=1, max_length=200, json_schema_extra=_NOT_BLANK)
    price: PriceInput = Field(default=None)


class _ProductFields(RequestModel):
    description: str | None = Field(default=None, max_length=5000)
    attributes: FlatObject = None
    status: ProductStatus | None = Field(default=None, description="null: active")
    clearing: Clearing = None
    settlement_delay_days: Annotated[int, Field(ge=0, le=365, strict=True)] | None = Field(
        default=None, description=_SETTLEMENT_DELAY
    )
    category: str | None = Field(default=None, max_length=80, description=_CATEGORY)
    business_line: str | None = Field(
        default=None, description="the business line's id (bl_…) or code; null: the merchant's default"
    )


class ProductInput(_ProductFields):
    name: str = _NAME
    skus: list[SkuInput] | None = Field(default=None, max_length=100)


class ProductPatch(_ProductFields):
    name: str = Field(default=None, min_length=1, max_length=200, json_schema_extra=_NOT_BLANK)
