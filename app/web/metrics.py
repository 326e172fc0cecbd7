"""``/metrics``: Prometheus's text format, for the platform operator (not for merchants: it spans them all)."""
from __future__ import annotations

import hmac
import ipaddress

from flask import Blueprint, Response, current_app, jsonify, request

from app import metrics

bp = Blueprint("metrics", __name__)


def _allowed() -> tuple[bool, str]:
    token = current_app.config["METRICS_TOKEN"]
    if token:
        sent = request.headers.get("Authorization", "")
        return hmac.compare_digest(sent.encode(), f"Bearer {token}".encode()), "send Authorization: Bearer <METRICS_TOKEN>"
    try:
        local = ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        local = False
    return local, "set METRICS_TOKEN to read /metrics from another machine"


@bp.get("/metrics")
def scrape():
    allowed, how = _allowed()
    if not allowed:
        return jsonify({"error": {"type": "authentication_error", "code": "metrics_forbidden",
                                  "message": f"/metrics is for the operator's scraper: {how}."}}), 401
    return Response(metrics.exposition(), mimetype="text/plain; version=0.0.4; charset=utf-8")
