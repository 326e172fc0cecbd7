"""Which web origins may use a merchant's publishable keys and embed its checkout panel."""

from __future__ import annotations

from urllib.parse import urlsplit

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import Merchant

MAX_ORIGINS = 50


def normalise_origin(value: object) -> str | None:
    """``scheme://host[:port]`` in lower case, or None when ``value`` is not exactly an origin."""
    if not isinstance(value, str):
        return None
    parts = urlsplit(value.strip())
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
        or parts.fragment
        or parts.username
        or parts.password
    ):
        return None
    try:
        port = parts.port
    except ValueError:
        return None
    default = {"http": 80, "https": 443}[parts.scheme]
    host = parts.hostname.lower()
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{port}" if port and port != default else "")


def set_allowed_origins(merchant_id: str, origins: list[str]) -> list[str]:
    """Replace the merchant's allowed origins (validated, de-duplicated, order kept) and commit."""
    if not isinstance(origins, list) or len(origins) > MAX_ORIGINS:
        raise InvalidRequest(
            f"allowed_origins must be a list of at most {MAX_ORIGINS} origins", param="allowed_origins"
        )
    cleaned: list[str] = []
    for index, raw in enumerate(origins):
        origin = normalise_origin(raw)
        if origin is None:
            raise InvalidRequest(
                f"{raw!r} is not an origin like https://shop.example.com", param=f"allowed_origins[{index}]"
            )
        if origin not in cleaned:
            cleaned.append(origin)
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None:
        raise NotFound("no such merchant", param="merchant")
    merchant.allowed_origins = cleaned
    db.session.commit()
    return cleaned


def allowed_origins(merchant_id: str) -> list[str]:
    """The origins the merchant listed (its live keys' pages)."""
    return db.session.scalar(db.select(Merchant.allowed_origins).where(Merchant.id == merchant_id)) or []


def origin_allowed(merchant_id: str, mode: str, origin: str | None) -> bool:
    """Test keys work from anywhere; live keys only from the merchant's listed origins."""
    if mode == "test":
        return True
    normal = normalise_origin(origin)
    return normal is not None and normal in allowed_origins(merchant_id)


def page_allowed(merchant_id: str, mode: str, url: str) -> bool:
    """Whether ``url`` (an absolute http(s) URL) is a page of an origin ``mode``'s publishable keys may use: the
    merchant's listed ones for live keys, any for test keys. A URL with a user part (``https://shop@evil.example``)
    names no listed origin."""
    parts = urlsplit(url)
    return origin_allowed(merchant_id, mode, f"{parts.scheme}://{parts.netloc}")
