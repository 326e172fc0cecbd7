"""The error envelope every failing answer carries (API.md, "Errors")."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from app.web.api.models.fields import Answer


class ErrorDetail(Answer):
    type: Literal[
        "invalid_request_error",
        "authentication_error",
        "permission_error",
        "rate_limit_error",
        "risk_error",
        "channel_error",
        "api_error",
    ]
    code: str = Field(description="what went wrong, for code to branch on (parameter_invalid, order_state_invalid, …)")
    message: str = Field(description="what to fix, for people")
    param: str | None = Field(default=None, description="the field to fix, as the client named it (items[0].sku)")
    request_id: str = Field(description="the X-Request-Id of this response")


class Error(Answer):
    error: ErrorDetail
