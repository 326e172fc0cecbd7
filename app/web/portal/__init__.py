"""The merchant portal (signed-in merchants)."""
from flask import Blueprint

bp = Blueprint("portal", __name__, url_prefix="/portal")

from app.web.portal import views  # noqa: E402,F401
from app.web.portal import catalog_views, coupon_views  # noqa: E402,F401
