"""The checkout panel inside a merchant's page: an iframe served by Kassa (``/embed/…``), driven
by htmx like the hosted panel, talking to the SDK on the parent page through postMessage."""

from flask import Blueprint

from app.web.form_text import refuse_nul_in_fields
from app.web.private_pages import keep_secret_pages_private
from app.web.query_args import read_one_value_per_param

bp = Blueprint("embed", __name__, url_prefix="/embed")
bp.before_request(refuse_nul_in_fields)
bp.before_request(read_one_value_per_param)
# A page opened with an order's or session's client secret shows the shopper's data: no cache keeps it.
bp.after_request(keep_secret_pages_private)

from app.web.embed import views  # noqa: E402,F401
from app.web.embed.snippet import embed_snippet  # noqa: E402

# The portal's product pages show the snippet: {{ embed_snippet(config.PUBLIC_URL, product.id) }}
bp.add_app_template_global(embed_snippet, "embed_snippet")
