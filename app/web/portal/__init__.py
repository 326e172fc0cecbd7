"""The merchant portal (signed-in merchant staff), one module of views per area."""

from flask import Blueprint

from app.web.form_text import refuse_nul_in_fields
from app.web.private_pages import keep_out_of_caches
from app.web.query_args import refuse_repeated_filters

bp = Blueprint("portal", __name__, url_prefix="/portal")
# Every portal response holds personal data or the merchant's figures: no cache keeps one.
bp.after_request(keep_out_of_caches)
# A NUL in a field or a filter is a 400 naming it, before any view reads it (PostgreSQL cannot store one).
bp.before_request(refuse_nul_in_fields)
# A filter given twice in the address is a 400 naming it, never a list filtered by the first value alone.
bp.before_request(refuse_repeated_filters)

# Reachable without a permission: signing in and out, and accepting a team invitation by its emailed link.
PUBLIC_ENDPOINTS = frozenset({"portal.login", "portal.logout", "portal.invitation"})

from app.web.portal import (  # noqa: E402,F401  (each module registers its routes on bp)  # noqa: E402,F401  # noqa: E402,F401
    audit_views,
    auth_views,
    books_views,
    business_line_settings_views,
    business_line_views,
    campaign_views,
    catalog_views,
    channels_views,
    coupon_views,
    customers_views,
    dashboard_views,
    developers_views,
    disputes_views,  # noqa: E402,F401
    invitation_views,
    maintenance_views,
    mode_views,
    operations_views,
    orders_views,
    reconciliation_views,
    request_log_views,
    risk_views,
    settings_views,
    sub_order_views,
    subscriptions_views,
    team_views,
    wallets_views,
    webhook_endpoint_views,
    webhooks_views,
    workflow_views,
)
