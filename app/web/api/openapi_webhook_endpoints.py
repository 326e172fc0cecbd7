"""Formerly the OpenAPI part of managing webhook endpoints: those routes now declare themselves
(app/web/api/operation.py; models in app/web/api/models/webhook_endpoints.py) and the document is generated from
them. Kept only as a link in the chain of hand-written modules until they all go (issue 52)."""

from __future__ import annotations

from app.web.api import openapi_wallet  # noqa: F401  (the area before, in the reference's order)
