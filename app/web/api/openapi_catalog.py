"""The OpenAPI part of the catalog that the event payloads still build on: the CheckoutSession as its events carry
it (app/web/api/openapi_event_payloads.py). The routes of products, SKUs and checkout sessions declare themselves
(app/web/api/models/catalog.py, checkout_sessions.py). Imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api import openapi_events  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import _NULLABLE_STR, _STR, _TIME, SCHEMAS, _obj, _ref

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
