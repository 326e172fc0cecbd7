"""The OpenAPI document (public: it describes, it reveals nothing)."""

from __future__ import annotations

from flask import jsonify, request

from app.web.api import bp
from app.web.api.openapi import openapi_document


@bp.get("/openapi.json")
def openapi_json():
    return jsonify(openapi_document(request.url_root.rstrip("/") + "/api/v1"))
