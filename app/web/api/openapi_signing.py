"""The OpenAPI part of signing (app/signing): subscriptions, billing links and test clocks. Their operations and
schemas are generated now (app/web/api/models/subscriptions.py, models/test_clocks.py); this module only keeps the
chain of areas in the reference's order until the hand-written document goes (issue 52)."""

from __future__ import annotations

from app.web.api import openapi_risk  # noqa: F401  (the area before, in the reference's order)
