"""JSON API v1 (contract: shared/API.md)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from app.web.api import (  # noqa: E402,F401
    balance,
    business_lines,
    campaigns,
    catalog,
    catalog_admin,
    checkout_sessions,
    coupons,
    customers,
    disputes,
    docs,
    events,
    lifecycle,
    orders,
    payment_methods,
    reconciliation,
    risk,
    settlements,
    stream,
    subscriptions,
    test_clocks,
    wallets,
    webhooks,
)
from app.web.api.allowed_methods import allow_matched_route_only  # noqa: E402
from app.web.cors import register as _register_cors  # noqa: E402
from app.web.query_args import refuse_nul_in_url, refuse_repeated_query_params  # noqa: E402

_register_cors(bp)
bp.before_request(refuse_repeated_query_params)  # every query reader below sees one value per name
bp.before_request(refuse_nul_in_url)
bp.after_request(allow_matched_route_only)
