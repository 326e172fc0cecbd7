"""JSON API v1 (contract: shared/API.md)."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from app.web.api import catalog, docs, orders  # noqa: E402,F401  (routes register on import)
from app.web.api import events, webhooks  # noqa: E402,F401
