"""A customer's saved payment methods (cards kept for one-press purchases at the checkout)."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.web.api.models.fields import Answer, Cursor, Limit, QueryModel, Time, page_of


class SavedCard(Answer):
    brand: str | None = Field(description="the card's brand as the provider names it (visa, mastercard, …)")
    last4: str | None = Field(description="the card number's last four digits")


class PaymentMethod(Answer):
    """A card a vouched-for customer let the merchant keep (the checkout's "Save this card for next time")."""

    id: str
    object: Literal["payment_method"]
    channel: str = Field(description="the channel that keeps it; pay with it there")
    customer: str
    livemode: bool
    status: Literal["active", "removed"]
    card: SavedCard
    created_at: Time


PaymentMethodList = page_of(PaymentMethod, "PaymentMethodList")


class PaymentMethodListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("spm") = None


class PaymentMethodDeleted(Answer):
    id: str
    object: Literal["payment_method"]
    deleted: Literal[True]
