"""Checkout sessions at the API's edge: the merchant's server vouches for who the shopper is."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, WithJsonSchema

from app.platform.http.urls import MAX_URL_LENGTH
from app.web.api.models.catalog import AnyCaseCurrency, Items
from app.web.api.models.fields import HTTP_URL_PATTERN, Answer, IdOf, RequestModel, RequestTime, Time
from app.web.api.models.orders import Metadata, OrderCustomerInput

_URL = {"type": "string", "format": "uri", "pattern": HTTP_URL_PATTERN, "maxLength": MAX_URL_LENGTH}


class CheckoutSessionCustomer(Answer):
    id: str
    email: str | None


class CheckoutSessionItem(Answer):
    sku: str
    quantity: int


class CheckoutSession(Answer):
    """A checkout session: its url and client_secret let the shopper pay as its customer, wallet included."""

    id: str
    object: Literal["checkout_session"]
    livemode: bool
    status: Literal["open", "complete", "expired"]
    url: Annotated[str, WithJsonSchema({"type": "string", "format": "uri"})] = Field(
        description="the hosted checkout for this session; carries the client secret, so hand it only to the shopper"
    )
    client_secret: str
    expires_at: Time
    created_at: Time
    customer: CheckoutSessionCustomer
    items: list[CheckoutSessionItem] | None = Field(description="the fixed basket; null: the shopper picks")
    product: str | None = Field(description="the product whose option the shopper picks; null: fixed items")
    currency: Annotated[
        str | None, WithJsonSchema({"type": ["string", "null"], "pattern": "^[a-z]{3}$", "examples": ["usd"]})
    ] = Field(description="the currency the fixed items are priced in; null: their default prices")
    success_url: str | None
    cancel_url: str | None
    metadata: dict[str, Any]
    order: str | None = Field(description="the paid order that completed the session")
    orders: list[str] = Field(description="the orders made through it")


class CheckoutSessionInput(RequestModel):
    customer: OrderCustomerInput = Field(description="the customer the shopper pays as (the merchant vouches)")
    items: Items | None = Field(default=None, description="a fixed basket; or product")
    product: IdOf("prod", "a product") | None = Field(  # type: ignore[valid-type]
        default=None, description="the shopper picks its option and quantity; or items"
    )
    currency: AnyCaseCurrency | None = Field(
        default=None,
        description="with items only: price them in this currency (each must have a price in it); the session's "
        "orders are charged in it",
    )
    success_url: Annotated[str | None, WithJsonSchema({**_URL, "type": ["string", "null"]})] = Field(
        default=None, description="after payment; {CHECKOUT_SESSION_ID} is replaced by the session id"
    )
    cancel_url: Annotated[str | None, WithJsonSchema({**_URL, "type": ["string", "null"]})] = Field(
        default=None, description="where the shopper goes back to without paying"
    )
    metadata: Metadata = None
    expires_at: RequestTime | None = Field(
        default=None, description="ISO 8601 or unix seconds, 30 minutes to 7 days ahead; default 24 h"
    )
