"""The OpenAPI part of signing (app/signing): subscriptions, billing links and test clocks. Imported by
app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_risk  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _AUTH_ERRORS,
    _COUPON_409,
    _CURRENCY_INPUT,
    _ID,
    _IDEMPOTENCY,
    _INT,
    _LIMIT_422,
    _NULLABLE_STR,
    _NULLABLE_TIME,
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

# Subscriptions (app/signing): recurring contracts and their first order. Times are ISO 8601 UTC, as everywhere.
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
SCHEMAS["SubscriptionInput"] = _obj(
    ["sku", "customer", "agreement_accepted"],
    sku={"type": "string", "description": "a SKU with subscription terms"},
    customer=_obj(["id"], id=_STR, email=_STR),
    agreement_accepted={"const": True},
    test_clock={"type": "string", "description": "test keys only: the contract lives on this clock"},
    coupon={
        "type": "string",
        "description": "a coupon code: it discounts the first order only; every renewal charges the SKU's price",
    },
    currency=_CURRENCY_INPUT
    | {
        "description": _CURRENCY_INPUT["description"] + "; the contract charges its first order and every renewal in it"
    },
)
SCHEMAS["SubscriptionCreated"] = _obj(["subscription", "order"], subscription=_ref("Subscription"), order=_ref("Order"))
SCHEMAS["SubscriptionList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("Subscription")},
    has_more={"type": "boolean"},
)
SCHEMAS["SubscriptionCancel"] = {"type": "object", "properties": {"at_period_end": {"type": "boolean"}}}
SCHEMAS["SubscriptionUpdate"] = _obj(["sku"], sku=_STR)
_SUB_409 = "subscription_state_invalid: the contract's status does not allow this (e.g. resuming a canceled one)"
PATHS["/subscriptions"] = {
    "post": {
        "summary": "Open a subscription and its first order; paying that order activates it and signs the "
        "mandate (a SKU with a free trial: the order is of nothing, only sandbox_card and wallet "
        "are offered, and the contract is trialing until the trial ends; a customer who has had a "
        "contract on the product before gets no trial: the order is of the SKU's price)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("SubscriptionInput"),
        "responses": {
            "201": _ok("SubscriptionCreated", "Created"),
            "400": _error(
                "invalid field (param names it); sku_not_recurring: the SKU has no "
                "subscription terms; currency_unavailable: the SKU has no price in "
                "currency; test_clock with live keys or unknown"
            ),
            "402": _error("risk_blocked: nothing was created"),
            "409": _error(_COUPON_409),
            "422": _error(_LIMIT_422),
            "503": _error("maintenance: new orders are paused"),
            **_AUTH_ERRORS,
        },
    },
    "get": {
        "summary": "List subscriptions, newest first (secret key)",
        "parameters": _PAGE
        + [
            {"name": "customer", "in": "query", "schema": _STR},
            {"name": "status", "in": "query", "schema": {"enum": _SUB_STATUSES}},
        ],
        "responses": {"200": _ok("SubscriptionList"), "400": _error("bad parameter"), **_SECRET_ERRORS},
    },
}
PATHS["/subscriptions/{id}"] = {
    "get": {
        "summary": "Retrieve a subscription (secret key)",
        "parameters": [_ID],
        "responses": {"200": _ok("Subscription"), "404": _error("no such subscription"), **_SECRET_ERRORS},
    },
    "patch": {
        "summary": "Change the SKU from the next renewal on (secret key)",
        "parameters": [_ID],
        "requestBody": _body("SubscriptionUpdate"),
        "responses": {
            "200": _ok("Subscription"),
            "400": _error(
                "not a subscription SKU (sku_not_recurring) or no price in the "
                "subscription's currency (currency_mismatch)"
            ),
            "404": _error("no such subscription"),
            "409": _error(_SUB_409),
            **_SECRET_ERRORS,
        },
    },
}
PATHS["/subscriptions/{id}/cancel"] = {
    "post": {
        "summary": "Cancel now, or at the end of the current period with at_period_end (secret key); cancelling "
        "a canceled subscription returns it unchanged",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("SubscriptionCancel"),
        "responses": {
            "200": _ok("Subscription"),
            "400": _error("at_period_end must be a boolean"),
            "404": _error("no such subscription"),
            "409": _error(_SUB_409 + "; payment_in_progress: the first payment's outcome is not known yet"),
            **_SECRET_ERRORS,
        },
    }
}
for _action, _what in (
    ("pause", "Stop renewing until resumed; the current period runs to its end"),
    ("resume", "Renew again (at once, in a new period, when the pause outlasted the period)"),
):
    PATHS[f"/subscriptions/{{id}}/{_action}"] = {
        "post": {
            "summary": f"{_what} (secret key); repeating it returns the subscription unchanged",
            "parameters": [_ID, _IDEMPOTENCY],
            "responses": {
                "200": _ok("Subscription"),
                "404": _error("no such subscription"),
                "409": _error(_SUB_409),
                **_SECRET_ERRORS,
            },
        }
    }
_FLOW = {
    "enum": ["payment_method_update"],
    "description": "payment_method_update: the link opens at the subscription's payment method, where the "
    "customer saves a new card without being charged (or, past due with its renewal open, pays "
    "that renewal with it)",
}
SCHEMAS["BillingLink"] = _obj(
    ["object", "customer", "url", "expires_at"],
    object={"const": "billing_link"},
    customer=_STR,
    url={"type": "string", "format": "uri"},
    expires_at=_TIME,
    livemode={"type": "boolean"},
    flow={"type": ["string", "null"], "enum": ["payment_method_update", None]},
    subscription=_NULLABLE_STR,
    return_url={
        "type": ["string", "null"],
        "format": "uri",
        "description": "the page the link's pages lead back to, as asked",
    },
)
SCHEMAS["BillingLinkInput"] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "flow": _FLOW,
        "subscription": {
            "type": "string",
            "description": "with flow: one of the customer's subscriptions, in the key's mode",
        },
        "return_url": {
            "type": "string",
            "format": "uri",
            "maxLength": 1400,
            "description": "your page the subscriber goes back to: the self-service pages (and the outcome of "
            'a payment method update) show "Back to <your name>" linking to it; any absolute '
            "http(s) URL",
        },
    },
}
PATHS["/customers/{id}/billing_links"] = {
    "post": {
        "summary": "A self-service link (one hour) where the customer sees their subscriptions, cancels them, updates "
        "a subscription's payment method without being charged and pays a failed renewal with a new card "
        "(secret key; hand it to that customer only); with flow and subscription it opens straight at that "
        "subscription's payment method",
        "parameters": [_ID],
        "requestBody": {"required": False, "content": {"application/json": {"schema": _ref("BillingLinkInput")}}},
        "responses": {
            "201": _ok("BillingLink", "Created"),
            "400": _error(
                "bad customer id; flow unknown, or subscription not one of the customer's in this "
                "mode; return_url not an absolute http(s) URL of at most 1400 characters (param "
                "names it)"
            ),
            "409": _error(
                "subscription_state_invalid: that subscription's payment method cannot be updated "
                "(ended, or ending as the customer or merchant asked)"
            ),
            **_SECRET_ERRORS,
        },
    }
}
SCHEMAS["TestClock"] = _obj(
    ["id", "frozen_time", "status"],
    id=_STR,
    object={"const": "test_clock"},
    frozen_time=_TIME,
    status={"enum": ["ready", "advancing"]},
    created_at=_TIME,
)
SCHEMAS["TestClockInput"] = _obj(
    ["frozen_time"], frozen_time=_TIME_INPUT | {"description": "ISO 8601 or unix seconds, years 2000 to 2200"}
)
SCHEMAS["TestClockAdvance"] = _obj(
    ["to"],
    to=_TIME_INPUT | {"description": "ISO 8601 or unix seconds, after frozen_time and at most two years later"},
)
SCHEMAS["TestClockList"] = _obj(
    ["data", "has_more"],
    object={"const": "list"},
    data={"type": "array", "items": _ref("TestClock")},
    has_more={"type": "boolean"},
)
PATHS["/test_clocks"] = {
    "post": {
        "summary": "Create a test clock (test secret keys only)",
        "parameters": [_IDEMPOTENCY],
        "requestBody": _body("TestClockInput"),
        "responses": {
            "201": _ok("TestClock", "Created"),
            "400": _error("frozen_time is neither ISO 8601 nor unix seconds, or not between 2000 and 2200; live keys"),
            **_SECRET_ERRORS,
        },
    },
    "get": {
        "summary": "List test clocks, newest first (empty for live keys)",
        "parameters": _PAGE,
        "responses": {"200": _ok("TestClockList"), **_SECRET_ERRORS},
    },
}
PATHS["/test_clocks/{id}"] = {
    "get": {
        "summary": "Retrieve a test clock",
        "parameters": [_ID],
        "responses": {"200": _ok("TestClock"), "404": _error("no such test clock"), **_SECRET_ERRORS},
    }
}
PATHS["/test_clocks/{id}/advance"] = {
    "post": {
        "summary": "Move the clock forward: the worker runs every renewal notice, renewal, dunning try and expiry that "
        "falls due, in time order (status advancing), then reports ready",
        "parameters": [_ID, _IDEMPOTENCY],
        "requestBody": _body("TestClockAdvance"),
        "responses": {
            "200": _ok("TestClock"),
            "400": _error("to is not after frozen_time or more than two years on"),
            "404": _error("no such test clock"),
            "409": _error("clock_advancing: wait until the clock is ready"),
            **_SECRET_ERRORS,
        },
    }
}
