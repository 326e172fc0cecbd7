"""Customer wallets: top-ups and the balance, withdrawals to the customer's payout account and their review,
transfers between customers, and the statement of every movement."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError

from app.errors import InvalidRequest
from app.ledger.partners import parse_payout_account
from app.ledger.wallet.statement import MAX_PAGE
from app.orders.customers import MAX_CUSTOMER_ID
from app.payments.payouts.transfers import MAX_DESCRIPTION
from app.web.api.models.fields import (
    Answer,
    Currency,
    Cursor,
    Limit,
    Money,
    QueryModel,
    RequestModel,
    RequestTime,
    SchemaRef,
    Time,
    page_of,
)
from app.web.api.models.risk import RiskAssessment

_Iso = Annotated[str, WithJsonSchema({"type": "string", "pattern": "^[a-z]{3}$", "examples": ["usd"]})]


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError(
            "kassa", f"{{param}} must be a non-empty string of at most {MAX_CUSTOMER_ID} characters"
        )
    return value


def _payout_account(value: str) -> str:
    try:
        return parse_payout_account(value, param="{param}")
    except InvalidRequest as error:
        raise PydanticCustomError("kassa", error.message) from None


# A wallet amount: a positive whole number of minor units (true, 1.0 or "100" are not amounts). Its largest value
# depends on the currency (docs/api.md, "Largest amounts"): the service says which in its 400.
WalletAmount = Annotated[
    int,
    Field(
        ge=1,
        strict=True,
        description="minor units; at most the currency's largest amount (a tenth of it for a top-up)",
    ),
]


class TopupInput(RequestModel):
    amount: WalletAmount
    currency: Currency
    channel: str = Field(description="the channel that takes the payment (not wallet)")
    checkout_session: str | None = Field(
        default=None,
        description="publishable key only, required: the client_secret of a session for this customer",
    )


class Topup(Answer):
    """A top-up of a customer's wallet: an order of kind topup."""

    id: str
    object: Literal["topup"]
    status: Literal["pending", "succeeded", "canceled", "refunded"]
    customer: str
    livemode: bool
    amount: Money
    created_at: Time


class TopupResponse(Answer):
    """Created"""

    topup: Topup
    payment: SchemaRef("PaymentWithAction", description="follow its next_action")


class CustomerBalance(Answer):
    """A customer's wallet balance per currency."""

    object: Literal["customer_balance"]
    customer: str
    livemode: bool
    available: list[Money]
    frozen: list[Money]


class WithdrawalInput(RequestModel):
    amount: WalletAmount
    currency: Currency
    destination: Annotated[str, AfterValidator(_payout_account)] = Field(
        json_schema_extra={"pattern": r"^\s*[A-Za-z0-9][A-Za-z0-9 _.\-/:]{3,99}\s*$"},
        description="the customer's payout account at the provider: 4-100 letters, digits, spaces or _ . - / :",
    )


class WithdrawalReviewDecision(RequestModel):
    decision: Literal["approve", "reject"] = Field(
        description="approve sends the payout; reject gives the money back to the wallet"
    )


class Withdrawal(Answer):
    """A withdrawal from a customer's wallet, with its payout."""

    id: str
    object: Literal["withdrawal"]
    status: Literal["review", "pending", "paid", "failed", "canceled"] = Field(
        description="review: held for the merchant's decision; pending: the payout is on its way; paid; failed: the "
        "payout failed for good and the money is back in the wallet; canceled: rejected in review, the money is back"
    )
    customer: str
    amount: int
    currency: _Iso
    destination: str
    livemode: bool
    # (a SchemaRef with a description: pydantic resolves a bare $ref of a field among its own models)
    risk: RiskAssessment = Field(description="the risk assessment of the withdrawal when it was asked for")
    reviewed_by: str | None
    payout: SchemaRef("Payout", description="the payout that moves the money to the destination")
    created_at: Time


class WithdrawalResponse(Answer):
    """Created"""

    withdrawal: Withdrawal


WithdrawalList = page_of(Withdrawal, "WithdrawalList")


class WithdrawalListQuery(QueryModel):
    limit: Limit()
    starting_after: Cursor("wd") = None


class TransferInput(RequestModel):
    to: Annotated[str, AfterValidator(_not_blank)] = Field(
        min_length=1,
        max_length=MAX_CUSTOMER_ID,
        json_schema_extra={"pattern": r"\S"},
        description="the receiving customer's id (not the sender)",
    )
    amount: WalletAmount
    currency: Currency
    description: str | None = Field(default=None, max_length=MAX_DESCRIPTION)


class Transfer(Answer):
    """A move of money from one customer's wallet to another's."""

    id: str
    object: Literal["transfer"]
    sender: str = Field(alias="from")
    to: str
    amount: int
    currency: _Iso
    description: str | None
    livemode: bool
    created_at: Time


class TransferResponse(Answer):
    """Created"""

    transfer: Transfer


class WalletMovementReference(Answer):
    type: Literal["order", "refund", "withdrawal", "transfer", "entry"]
    id: str


class WalletMovement(Answer):
    """One journal entry's effect on the wallet, with the balances after it."""

    id: str = Field(description="the journal entry")
    object: Literal["wallet_movement"]
    kind: Literal[
        "topup",
        "payment_try",
        "payment_confirm",
        "payment_cancel",
        "refund",
        "topup_refund",
        "topup_refund_released",
        "withdrawal",
        "withdrawal_paid",
        "withdrawal_returned",
        "transfer_in",
        "transfer_out",
    ]
    created_at: Time
    currency: _Iso
    amount: int = Field(description="how much moved (positive)")
    available_change: int
    frozen_change: int
    available_balance: int = Field(description="the running available balance after this movement")
    frozen_balance: int = Field(description="the running frozen balance after this movement")
    reference: WalletMovementReference
    order: str | None


class WalletStatement(Answer):
    """A page of the wallet's movements in one currency, oldest first; pass the last id as starting_after."""

    object: Literal["list"]
    customer: str
    livemode: bool
    currency: _Iso | None = Field(description="null when the wallet has no movements yet")
    data: list[WalletMovement]
    has_more: bool


class WalletStatementCsvQuery(QueryModel):
    currency: Currency = Field(default=None, description="required when the wallet holds more than one currency")
    since: RequestTime = Field(default=None, alias="from", description="unix seconds or ISO 8601 (inclusive)")
    until: RequestTime = Field(default=None, alias="to", description="unix seconds or ISO 8601 (exclusive)")


class WalletStatementQuery(WalletStatementCsvQuery):
    limit: Limit(default=100, maximum=MAX_PAGE)
    starting_after: Cursor("je") = Field(default=None, description="the id of the last movement you have")
