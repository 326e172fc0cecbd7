"""Formerly the OpenAPI part of events, webhooks, the balance and the order stream: those routes now declare
themselves (app/web/api/operation.py; models in app/web/api/models/events.py, webhook_endpoints.py, balance.py) and
the document is generated from them. Kept only as a link in the chain of hand-written modules until they all go
(issue 52)."""

from __future__ import annotations

from app.web.api import openapi_lifecycle  # noqa: F401  (the area before, in the reference's order)
