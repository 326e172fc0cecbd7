"""How large a request body may be: 1 MB everywhere (API.md, "Request ids and limits"), more only where
the page takes an image upload. Over the limit the body is never read: 413 (JSON for the API)."""

from __future__ import annotations

from flask import Flask, current_app, request

# Room for the form fields and multipart framing around the largest image accepted.
_UPLOAD_FRAMING_BYTES = 64 * 1024
# Endpoints whose form carries a product image (app/catalog/images.py checks its size with a message).
_UPLOAD_ENDPOINTS = frozenset({"portal.product_image_add"})
# Endpoints that take a CSV list (app/risk/lists.py reads it line by line and reports bad lines).
_CSV_ENDPOINTS = frozenset({"api.risk_list_entries_import"})
_CSV_BYTES = 20 * 1024 * 1024


def init_app(app: Flask) -> None:
    """Register before any hook that reads the body (the CSRF check parses forms)."""
    app.config["MAX_CONTENT_LENGTH"] = app.config["MAX_REQUEST_BYTES"]
    app.before_request(_limit_this_request)


def _limit_this_request() -> None:
    limit = current_app.config["MAX_REQUEST_BYTES"]
    if request.endpoint in _UPLOAD_ENDPOINTS:
        # An image a little over MAX_IMAGE_BYTES still gets the friendly "at most N KB" from the service.
        limit = max(limit, 2 * current_app.config["MAX_IMAGE_BYTES"] + _UPLOAD_FRAMING_BYTES)
    elif request.endpoint in _CSV_ENDPOINTS:
        limit = max(limit, _CSV_BYTES)  # a risk list of 100,000+ lines
    request.max_content_length = limit


def too_large_message() -> str:
    limit = request.max_content_length or current_app.config["MAX_REQUEST_BYTES"]
    return f"the request body is too large: at most {_human(limit)} is accepted"


def _human(size: int) -> str:
    if size % (1024 * 1024) == 0:
        return f"{size // (1024 * 1024)} MB"
    return f"{size // 1024} KB" if size >= 1024 else f"{size} bytes"
