"""The OpenAPI part of the books (issue 11) that is not generated yet: the sub-orders an order carries (the order's
schema is another area's). Partners, settlements, their lines and payouts, reconciliation runs and their discrepancies
declare themselves (app/web/api/settlements.py, app/web/api/reconciliation.py). Imported by app/web/api/openapi.py,
which it extends."""

from __future__ import annotations

from app.web.api import openapi_signing  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import _CURRENCY, _INT, _STR, SCHEMAS, _obj

SCHEMAS["Order"]["properties"]["sub_orders"] = {
    "type": "array",
    "items": _obj(
        ["id", "partner", "items", "amount"],
        id=_STR,
        object={"const": "sub_order"},
        partner=_STR,
        product={"type": ["string", "null"], "description": "set when the merchant splits by product"},
        items={"type": "array", "items": {"type": "object"}},
        amount=_obj(
            ["subtotal", "discount", "total", "currency"], subtotal=_INT, discount=_INT, total=_INT, currency=_CURRENCY
        ),
    ),
    "description": "only for orders whose lines clear to different partners (or products)",
}
