"""The OpenAPI part of signing (app/signing): subscriptions, billing links and test clocks. Their operations and
schemas are generated now (app/web/api/models/subscriptions.py, models/test_clocks.py). The hand-written Subscription
stays only for app/web/api/openapi_event_payloads.py, which builds SubscriptionEventObject from its properties at
import; the document shows the generated one (issue 52: it goes with the hand-written event payloads)."""

from __future__ import annotations

from app.web.api import openapi_risk  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _INT,
    _NULLABLE_STR,
    _NULLABLE_TIME,
    _STR,
    _TIME,
    SCHEMAS,
    _obj,
    _ref,
)

_SUB_STATUSES = ["pending", "trialing", "active", "past_due", "paused", "canceled", "expired"]
SCHEMAS["Subscription"] = _obj(
    [
        "id",
        "status",
        "customer",
        "sku",
        "price",
        "interval",
        "interval_count",
        "current_period_start",
        "current_period_end",
        "next_renewal_at",
        "cancel_at_period_end",
        "canceled_at",
        "mandate",
        "latest_order",
        "renewals",
    ],
    id=_STR,
    object={"const": "subscription"},
    status={"enum": _SUB_STATUSES},
    livemode={"type": "boolean"},
    customer=_obj(["id"], id=_STR, email=_NULLABLE_STR),
    sku=_STR,
    next_sku={"type": ["string", "null"], "description": "the SKU that takes over at the next renewal"},
    price=_ref("Money"),
    interval={"enum": ["day", "week", "month", "year"]},
    interval_count=_INT,
    trial_days={
        "type": "integer",
        "minimum": 0,
        "description": "the free trial the contract was signed with (0: "
        "none): it is trialing for period 0, from the signing to the trial's end, with nothing charged; "
        "period 1, the first charged, starts then. 0 also when the SKU has a trial the customer has had: "
        "a customer (id, merchant, mode) who signed a contract on the product before has no trial again",
    },
    period={
        "type": "integer",
        "minimum": 0,
        "description": "the current period; 0 before the first paid one (unsigned, or in its free trial)",
    },
    current_period_start=_NULLABLE_TIME,
    current_period_end=_NULLABLE_TIME,
    next_renewal_at=_NULLABLE_TIME,
    cancel_at_period_end={"type": "boolean"},
    cancel_reason={
        "type": ["string", "null"],
        "enum": ["requested", "mandate_revoked", None],
        "description": "why it ends with its period (null while it renews): requested, the customer or "
        "the merchant asked (nothing revives it); mandate_revoked, the card's "
        "authorisation was withdrawn at the provider, and a new card the customer signs "
        "on their billing page renews it again",
    },
    canceled_at=_NULLABLE_TIME,
    mandate={
        "oneOf": [
            {"type": "null"},
            _obj(
                ["channel", "status", "reference"],
                channel=_STR,
                reference=_NULLABLE_STR,
                status={
                    "enum": ["active", "revoked", "canceled"],
                    "description": "revoked: the shopper withdrew it at the provider; canceled: it ended with the "
                    "subscription (canceled or expired), and Kassa canceled it at the provider",
                },
            ),
        ]
    },
    latest_order=_NULLABLE_STR,
    test_clock=_NULLABLE_STR,
    renewals={
        "type": "array",
        "items": _obj(
            ["period", "order", "status", "attempts"],
            period=_INT,
            order=_NULLABLE_STR,
            status={"enum": ["pending", "paid", "failed", "canceled", "skipped"]},
            attempts=_INT,
            period_start=_TIME,
            period_end=_TIME,
            due_at=_NULLABLE_TIME,
            paid_at=_NULLABLE_TIME,
            next_attempt_at=_NULLABLE_TIME,
            last_error=_NULLABLE_STR,
        ),
    },
    timeline={"type": "array", "items": _obj(["status", "at", "reason"], status=_STR, at=_TIME, reason=_STR)},
    findings={
        "type": "array",
        "description": "what the contract reconciliation found (fixed ones Kassa repaired)",
        "items": _obj(
            ["kind", "period", "detail", "status"],
            kind=_STR,
            period=_INT,
            detail=_STR,
            status={"enum": ["open", "fixed"]},
            found_at=_TIME,
            fixed_at=_NULLABLE_TIME,
        ),
    },
    created_at=_TIME,
)
