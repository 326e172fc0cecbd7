"""``/metrics``: Prometheus's text format, for the platform operator (not for merchants: it spans them all)."""

from __future__ import annotations

import hmac
import ipaddress

from flask import Blueprint, Response, current_app, jsonify, request

from app.orders.figures import orders_by_status
from app.payments.figures import channel_breakers, payment_success
from app.platform import metrics

bp = Blueprint("metrics", __name__)
_PROXY_HEADERS = ("X-Forwarded-For", "Forwarded", "X-Real-IP")


def _allowed() -> tuple[bool, str]:
    token = current_app.config["METRICS_TOKEN"]
    if token:
        sent = request.headers.get("Authorization", "")
        return hmac.compare_digest(
            sent.encode(), f"Bearer {token}".encode()
        ), "send Authorization: Bearer <METRICS_TOKEN>"
    # A reverse proxy on the same machine forwards everyone from loopback: a request that came through one (it
    # names the client it forwards) is not the machine's own, whatever its address says.
    if any(header in request.headers for header in _PROXY_HEADERS):
        return False, "set METRICS_TOKEN to read /metrics through a proxy or from another machine"
    try:
        local = ipaddress.ip_address(request.remote_addr or "").is_loopback
    except ValueError:
        local = False
    return local, "set METRICS_TOKEN to read /metrics from another machine"


@bp.get("/metrics")
def scrape():
    allowed, how = _allowed()
    if not allowed:
        return jsonify(
            {
                "error": {
                    "type": "authentication_error",
                    "code": "metrics_forbidden",
                    "message": f"/metrics is for the operator's scraper: {how}.",
                }
            }
        ), 401
    figures = metrics.exposition(stored=(orders_by_status, payment_success), in_redis=(channel_breakers,))
    return Response(figures, mimetype="text/plain; version=0.0.4; charset=utf-8")
