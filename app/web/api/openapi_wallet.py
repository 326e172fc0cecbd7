"""The OpenAPI part of the wallet beyond top-ups (issue 11): withdrawals and their review, transfers and statements
now declare themselves (app/web/api/wallets.py, models/wallets.py); this module only keeps the reference's order of
areas until the hand-written document goes."""

from __future__ import annotations

from app.web.api import openapi_books  # noqa: F401  (the area before, in the reference's order)
