"""Uploaded product images, served with far-future cache headers (names are content hashes)."""

from __future__ import annotations

import re

from flask import abort, send_from_directory

from app.catalog.images import upload_dir
from app.web.checkout import bp

_NAME = re.compile(r"^[0-9a-f]{32}\.(png|jpg|webp|gif|svg)$")


@bp.get("/media/<filename>")
def media(filename: str):
    if not _NAME.match(filename):
        abort(404)
    response = send_from_directory(upload_dir(), filename, max_age=31_536_000)
    # The content behind a name never changes, so browsers and proxies may keep it for ever.
    response.cache_control.immutable = True
    response.cache_control.public = True
    response.headers["X-Content-Type-Options"] = "nosniff"
    # An SVG opened directly must not run anything.
    response.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'; sandbox"
    return response


def media_url(filename: str) -> str:
    """The absolute URL of an uploaded image."""
    from flask import url_for

    return url_for("checkout.media", filename=filename, _external=True)
