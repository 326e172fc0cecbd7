"""The merchant's balance."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.web.api.models.fields import Answer, Money


class Balance(Answer):
    """The merchant's money, read from the ledger, in every currency it holds."""

    object: Literal["balance"]
    available: list[Money] = Field(description="its cleared share, net of fees and refunds, not yet paid out")
    pending: list[Money] = Field(description="captured for orders not completed yet, and cleared money on hold")
    frozen: list[Money] = Field(description="refunds set aside until the provider confirms them")
    wallets: list[Money] = Field(description="what customers hold in their wallets")
