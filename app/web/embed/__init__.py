"""The checkout panel inside a merchant's page: an iframe served by Kassa (``/embed/…``), driven
by htmx like the hosted panel, talking to the SDK on the parent page through postMessage."""
from flask import Blueprint

bp = Blueprint("embed", __name__, url_prefix="/embed")

from app.web.embed import views  # noqa: E402,F401
