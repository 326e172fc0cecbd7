"""The OpenAPI part of an order's life after payment: what it adds to the hand-written Order (its refunds and
disputes). The routes, refunds, confirm, entitlements and disputes, declare themselves (app/web/api/lifecycle.py,
disputes.py); imported by app/web/api/openapi.py, which it extends."""

from __future__ import annotations

from app.web.api.openapi_base import _INT, _STR, SCHEMAS, _obj, _ref

SCHEMAS["Order"]["properties"]["refunds"] = {"type": "array", "items": _ref("Refund")}

# Disputes (chargebacks): app/payments/disputes/services.py dispute_object.
_DISPUTE_STATUS = {"enum": ["needs_response", "under_review", "won", "lost"]}
SCHEMAS["Order"]["properties"]["disputes"] = {
    "type": "array",
    "items": _obj(["id", "amount", "status"], id=_STR, amount=_INT, status=_DISPUTE_STATUS),
    "description": "chargebacks of the order's payment; an open or lost one's amount can no longer be refunded",
}
