"""Checking the http(s) URLs merchants give Kassa (pages to send shoppers to, addresses Kassa calls):
absolute, a host, no spaces or control characters (read differently by browsers, proxies and servers,
and a way to smuggle a header into a request line), and a bounded length."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.errors import InvalidRequest

MAX_URL_LENGTH = 2000


def check_http_url(
    value: object,
    param: str,
    *,
    https_only: bool = False,
    max_length: int = MAX_URL_LENGTH,
    example: str = "https://shop.example/path",
) -> str:
    """``value`` as a usable absolute URL, or a 400 naming ``param`` and what to fix."""
    schemes = ("https",) if https_only else ("http", "https")
    wanted = "an https://" if https_only else "an http(s)"
    if not isinstance(value, str) or not value or len(value) > max_length:
        raise InvalidRequest(f"{param} must be {wanted} URL of at most {max_length} characters", param=param)
    if any(ch.isspace() or ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        raise InvalidRequest(f"{param} must not contain spaces or control characters", param=param)
    try:
        parts = urlsplit(value)
        usable = parts.scheme in schemes and bool(parts.hostname) and parts.port != 0
    except ValueError:  # a malformed IPv6 host or port
        usable = False
    if not usable:
        kind = "https://" if https_only else "http(s)"
        raise InvalidRequest(f"{param} must be an absolute {kind} URL with a host, e.g. {example}", param=param)
    return value
