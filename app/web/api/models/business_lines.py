"""Business lines: parts of one merchant with their own products, orders and settlements."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StrictBool, StrictInt, StringConstraints

from app.web.api.models.fields import Answer, NotBlank, NullableTime, RequestModel, Time, page_of

LineName = Annotated[
    str, Field(strict=True), StringConstraints(strip_whitespace=True, min_length=1, max_length=200), NotBlank()
]
LineCode = Annotated[
    str,
    Field(strict=True, description="lowercase letters, digits, - or _ (e.g. games); fixed once the line exists"),
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$"),
]


class BusinessLineInput(RequestModel):
    """A line to add."""

    code: LineCode
    name: LineName


class BusinessLineUpdate(RequestModel):
    """What to change (its code stays); a field left out stays as it is."""

    name: LineName = Field(default=None)
    order_timeout_minutes: int | None = Field(
        default=None,
        ge=1,
        le=1440,
        description="the line's own timeout for unpaid orders, 1 to 1440 minutes; null: the merchant's",
    )
    auto_confirm_minutes: int | None = Field(
        default=None,
        ge=0,
        le=129600,
        description="the line's own wait before a fulfilled order completes itself, 0 (at once) to 129600 minutes "
        "(90 days); null: the merchant's",
    )
    display_name: str | None = Field(
        default=None,
        strict=True,
        max_length=200,
        description="the name shoppers see on the line's checkout and receipts, instead of the merchant's; "
        "null or empty: the merchant's name",
    )


class BusinessLine(Answer):
    """A part of the merchant (a games line, a music line); no line is the merchant's default."""

    id: str = Field(description="bl_…")
    object: Literal["business_line"]
    code: str
    name: str
    created_at: Time
    archived_at: NullableTime = Field(description="set once archived: the line takes no new orders or products")
    order_timeout_minutes: int | None = Field(
        default=None, description="the line's own timeout for unpaid orders; null: the merchant's"
    )
    auto_confirm_minutes: int | None = Field(
        default=None, description="the line's own wait before a fulfilled order completes itself; null: the merchant's"
    )
    display_name: str | None = Field(
        default=None, description="the name the line's shoppers see on the checkout and receipts; null: the merchant's"
    )


BusinessLineList = page_of(BusinessLine, "BusinessLineList")


class LineChannelInput(RequestModel):
    """One channel's settings in the line; a field left out stays as it is, null clears the line's own (the
    merchant's setting applies again)."""

    code: str = Field(strict=True, description="the channel's code (sandbox_card, wallet, …)")
    enabled: StrictBool | None = Field(
        default=None, description="whether the line's shoppers are offered it; null: the merchant's setting"
    )
    priority: Annotated[StrictInt, Field(ge=0, le=10_000)] | None = Field(
        default=None, description="its place for the line's shoppers, 0 (first) to 10000; null: the merchant's"
    )


class LineChannelsInput(RequestModel):
    """The line's channels to change; channels not named keep their settings."""

    channels: list[LineChannelInput] = Field(max_length=100)


class LineChannelOverrides(Answer):
    """What the line sets itself (null: the merchant's setting applies)."""

    enabled: bool | None
    priority: int | None


class LineChannel(Answer):
    """A channel as the line's shoppers are offered it."""

    object: Literal["line_channel"]
    code: str
    name: str = Field(description="the name shoppers see (the merchant's display name, else the channel's)")
    enabled: bool = Field(description="in force for the line: its own setting, else the merchant's")
    priority: int = Field(description="in force for the line (lowest first): its own, else the merchant's")
    inherited: bool = Field(description="true: the line sets nothing of its own for this channel")
    overrides: LineChannelOverrides


class LineChannelList(Answer):
    """Every channel, in the order the line's shoppers see them (disabled ones in their place)."""

    object: Literal["list"]
    business_line: str = Field(description="the line's id (bl_…)")
    data: list[LineChannel]
    has_more: bool
