"""The shopper's checkout: the hosted htmx panel and the order status page."""

from flask import Blueprint

from app.web.form_text import refuse_nul_in_fields
from app.web.private_pages import keep_secret_pages_private
from app.web.query_args import read_one_value_per_param

bp = Blueprint("checkout", __name__, url_prefix="/checkout")
bp.before_request(refuse_nul_in_fields)
bp.before_request(read_one_value_per_param)
# A page opened with an order's or session's client secret shows the shopper's data: no cache keeps it.
bp.after_request(keep_secret_pages_private)

from app.web.checkout import (  # noqa: E402,F401
    billing_views,
    card_views,
    channel_names,
    language_views,
    media,
    payment_method_views,
    receipt_views,
    return_views,
    views,
)
