"""The OpenAPI document (public: it describes, it reveals nothing)."""

from __future__ import annotations

from flask import Response, current_app, request

from app.web.api import bp
from app.web.api.openapi import openapi_document

_BODIES = "kassa.openapi_bodies"
# The server URL comes from the request's host: a few names a deployment answers to, or any a caller makes up.
# Past this many the answer is made anew each time instead of growing the cache.
_MOST_BODIES = 8


@bp.get("/openapi.json")
def openapi_json():
    server_url = request.url_root.rstrip("/") + "/api/v1"
    bodies: dict[str, bytes] = current_app.extensions.setdefault(_BODIES, {})
    body = bodies.get(server_url)
    if body is None:
        # The bytes jsonify makes (the app's JSON settings: compact, sorted keys), made once.
        body = current_app.json.response(openapi_document(server_url)).get_data()
        if len(bodies) < _MOST_BODIES:
            bodies[server_url] = body
    return Response(body, mimetype="application/json")
