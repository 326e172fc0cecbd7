"""Kassa's own pages name their stylesheet, scripts and images with the file's digest (``?v=…``), and an asset asked
for by that name is kept by browsers for a year: a shopper coming back to a checkout, or a merchant moving through
the portal, asks for none of them again, where each used to cost a revalidation (a 304) per page. A new release
changes the digest, so pages then name the new file. An asset asked for without the digest, or with another one
(a page from before a deploy; the SDK's documented ``/static/sdk/kassa.js`` that merchants embed), is revalidated
as before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, Response, request

YEAR = 31_536_000
_digests: dict[str, str | None] = {}  # a file's digest, by path, read once per process (a release restarts it)


def asset_digest(static_folder: str, filename: str) -> str | None:
    """The first 12 hex digits of the file's SHA-256, or None for a file that is not there."""
    path = Path(static_folder, filename)
    key = str(path)
    if key not in _digests:
        try:
            _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        except OSError:
            _digests[key] = None
    return _digests[key]


def init_app(app: Flask) -> None:
    @app.url_defaults
    def _name_with_digest(endpoint: str, values: dict) -> None:
        if endpoint == "static" and "filename" in values and "v" not in values:
            digest = asset_digest(app.static_folder, values["filename"])
            if digest:
                values["v"] = digest

    @app.after_request
    def _keep_named_assets(response: Response) -> Response:
        if (
            request.endpoint == "static"
            and response.status_code == 200
            and request.args.get("v")
            and request.args["v"] == asset_digest(app.static_folder, request.view_args["filename"])
        ):
            response.headers["Cache-Control"] = f"public, max-age={YEAR}, immutable"
        return response
