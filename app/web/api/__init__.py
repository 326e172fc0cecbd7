"""JSON API v1 (contract: shared/API.md)."""
from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from app.web.api import balance, catalog, customers, docs, events, lifecycle, orders, stream, webhooks  # noqa: E402,F401

from app.web.cors import register as _register_cors  # noqa: E402

_register_cors(bp)
