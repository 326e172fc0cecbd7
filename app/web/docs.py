"""``/docs/api``: a readable page generated from the OpenAPI document, so it cannot drift."""
from __future__ import annotations

from flask import Blueprint, render_template, request

from app.web.api.openapi import openapi_document

bp = Blueprint("docs", __name__, url_prefix="/docs")


def _schema_name(schema: dict | None) -> str | None:
    ref = (schema or {}).get("$ref", "")
    return ref.rsplit("/", 1)[-1] or None


@bp.get("/api")
def api_reference():
    document = openapi_document(request.url_root.rstrip("/") + "/api/v1")
    operations = []
    for path, methods in document["paths"].items():
        for method, op in methods.items():
            body = (op.get("requestBody") or {}).get("content", {}).get("application/json", {}).get("schema")
            operations.append({
                "method": method.upper(), "path": path, "summary": op.get("summary", ""),
                "parameters": op.get("parameters", []), "body": _schema_name(body),
                "responses": [(code, r.get("description", ""),
                               _schema_name(r.get("content", {}).get("application/json", {}).get("schema")))
                              for code, r in op["responses"].items()]})
    return render_template("docs/api.html", document=document, operations=operations,
                           schemas=document["components"]["schemas"])
