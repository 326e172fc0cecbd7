"""``/docs/api``: the API reference, rendered in the browser (vendored Redoc) from the live OpenAPI document,
so it cannot drift from what this Kassa serves."""

from __future__ import annotations

from flask import Blueprint, Response, make_response, render_template, url_for

bp = Blueprint("docs", __name__, url_prefix="/docs")

# The browser itself refuses anything from another host. Redoc styles with injected <style> elements and runs
# its search index in a blob: worker; the spec comes from this server.
_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "worker-src blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'"
)


@bp.get("/api")
def api_reference() -> Response:
    response = make_response(render_template("docs/api.html", spec_url=url_for("api.openapi_json")))
    response.headers["Content-Security-Policy"] = _POLICY
    return response
