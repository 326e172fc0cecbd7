"""The OpenAPI part of risk control (app/risk) not yet generated: the assessment each order and withdrawal carries
(its answer is the orders' and the wallet's) and the 402 of an order risk refuses. The risk routes declare
themselves (app/web/api/risk.py, app/web/api/models/risk.py). Imported by app/web/api/openapi.py, which it
extends."""

from __future__ import annotations

from app.web.api import openapi_catalog  # noqa: F401  (the area before, in the reference's order)
from app.web.api.openapi_base import (
    _STR,
    _TIME,
    PATHS,
    SCHEMAS,
    _error,
    _obj,
    _ref,
)

# Risk control (app/risk): the assessment on each order, lists, rules and review.
SCHEMAS["RiskAssessment"] = _obj(
    ["decision", "score", "reasons"],
    decision={"enum": ["allow", "review", "block"]},
    score={"type": "integer", "minimum": 0, "maximum": 100},
    reasons={
        "type": "array",
        "items": _STR,
        "description": "why, in the merchant's words (its rules, its list "
        "entries' notes): read with the secret key; empty for a publishable key, the shopper's browser",
    },
    review=_obj(
        ["decision", "by", "at"],
        decision={"enum": ["approve", "reject"]},
        by={
            "type": "string",
            "description": "who decided (api, system:review-expiry, a portal user's "
            'email); "merchant" for a publishable key',
        },
        at=_TIME,
    ),
)
SCHEMAS["Order"]["properties"]["risk"] = _ref("RiskAssessment")
for _path in ("/orders", "/customers/{id}/topups"):
    if _path in PATHS:
        PATHS[_path]["post"]["responses"]["402"] = _error(
            "risk_blocked: the merchant's risk settings refuse this order; nothing was created (the message is "
            "neutral; the merchant gets a risk.blocked event with the reasons)"
        )
        PATHS[_path]["post"]["responses"].setdefault(
            "503", _error("maintenance: new orders are paused (Retry-After says when to try again)")
        )
