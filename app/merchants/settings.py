"""Merchant settings: business profile, checkout branding (colour, logo, terms), order policies and the
hosted checkout's mode."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.errors import InvalidRequest, NotFound
from app.extensions import db
from app.merchants.models import Merchant, MerchantLogo
from app.platform.db.types import utcnow
from app.platform.http.urls import check_http_url
from app.platform.values.languages import CHECKOUT_LANGUAGES
from app.platform.values.money import normalise_currency

MAX_NAME = 200
MAX_TERMS = 20_000
MAX_LOGO_BYTES = 256 * 1024
TIMEOUT_MINUTES = (1, 24 * 60)  # an unpaid order waits 1 minute to 1 day
AUTO_CONFIRM_MINUTES = (0, 90 * 24 * 60)  # 0 = at once, up to 90 days
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# Raster formats only, recognised by their bytes: an SVG can carry script.
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


@dataclass(frozen=True)
class LogoUpload:
    """Bytes of an uploaded file, as the form received them."""

    data: bytes


def get_merchant(merchant_id: str) -> Merchant:
    merchant = db.session.get(Merchant, merchant_id)
    if merchant is None:
        raise NotFound(f"no merchant {merchant_id!r}", param="id")
    return merchant


def _text(value: object, name: str, limit: int, *, required: bool = False) -> str | None:
    value = value.strip() if isinstance(value, str) else ""
    if required and not value:
        raise InvalidRequest(f"{name.replace('_', ' ')} must not be empty", param=name)
    if len(value) > limit:
        raise InvalidRequest(f"{name.replace('_', ' ')} must be at most {limit} characters", param=name)
    return value or None


def _minutes(value: object, name: str, bounds: tuple[int, int]) -> int:
    low, high = bounds
    if type(value) is not int or not low <= value <= high:
        raise InvalidRequest(
            f"{name.replace('_', ' ')} must be a whole number of minutes from {low} to {high}", param=name
        )
    return value


def update_profile(merchant_id: str, *, name: object, email: object) -> Merchant:
    """The business name and contact email shoppers see."""
    merchant = get_merchant(merchant_id)
    name = _text(name, "name", MAX_NAME, required=True)
    email = _text(email, "email", 320, required=True).lower()
    if not _EMAIL.match(email):
        raise InvalidRequest("email must be an email address", param="email")
    merchant.name, merchant.email = name, email
    db.session.commit()
    return merchant


def _logo_type(data: bytes) -> str:
    if len(data) > MAX_LOGO_BYTES:
        raise InvalidRequest(f"the logo must be at most {MAX_LOGO_BYTES // 1024} KB", param="logo_file")
    for magic, content_type in _IMAGE_MAGIC:
        if data.startswith(magic):
            return content_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    raise InvalidRequest("the logo must be a PNG, JPEG, GIF or WebP image", param="logo_file")


def _logo_url(value: object) -> str | None:
    url = _text(value, "logo_url", 1000)
    if url is None:
        return None
    try:
        parts = urlsplit(url)
        usable = parts.scheme == "https" and bool(parts.hostname)
    except ValueError:  # a malformed IPv6 host
        usable = False
    if not usable:
        raise InvalidRequest("the logo URL must be an https:// address", param="logo_url")
    return check_http_url(url, "logo_url", https_only=True, max_length=1000, example="https://shop.example/logo.png")


def update_branding(
    merchant_id: str,
    *,
    brand_color: object,
    logo_url: object,
    terms_text: object,
    logo_upload: LogoUpload | None = None,
    remove_logo: bool = False,
) -> Merchant:
    """Colour, logo and terms of the hosted checkout. An upload wins over a URL; removing clears both."""
    merchant = get_merchant(merchant_id)
    colour = _text(brand_color, "brand_color", 7)
    if colour is not None and not _COLOUR.match(colour):
        raise InvalidRequest("brand colour must look like #1a2b3c", param="brand_color")
    terms = _text(terms_text, "terms_text", MAX_TERMS)
    logo = db.session.get(MerchantLogo, merchant_id)
    if remove_logo:
        url = None
        if logo is not None:
            db.session.delete(logo)
    elif logo_upload is not None and logo_upload.data:
        content_type = _logo_type(logo_upload.data)
        digest = hashlib.sha256(logo_upload.data).hexdigest()
        if logo is None:
            logo = MerchantLogo(merchant_id=merchant_id)
            db.session.add(logo)
        logo.content_type, logo.digest, logo.data, logo.updated_at = content_type, digest, logo_upload.data, utcnow()
        # The digest in the URL lets browsers cache the logo for good and still see a new one.
        url = f"/checkout/logos/{merchant_id}?v={digest[:12]}"
    else:
        url = _logo_url(logo_url)
        if url is None and logo is not None and (merchant.logo_url or "").startswith("/checkout/logos/"):
            url = merchant.logo_url  # an uploaded logo stays until replaced or removed
        elif logo is not None and url is not None:
            db.session.delete(logo)
    merchant.brand_color = colour.lower() if colour else None
    merchant.logo_url, merchant.terms_text = url, terms
    db.session.commit()
    return merchant


def timeout_minutes(value: object) -> int:
    """An unpaid-order timeout as given (the merchant's, or a business line's own), or a 400."""
    return _minutes(value, "order_timeout_minutes", TIMEOUT_MINUTES)


def auto_confirm_minutes(value: object) -> int:
    """A wait before a fulfilled order completes itself as given (the merchant's, or a business line's own), or a
    400."""
    return _minutes(value, "auto_confirm_minutes", AUTO_CONFIRM_MINUTES)


def update_order_policies(merchant_id: str, *, order_timeout_minutes: object, auto_confirm_minutes: object) -> Merchant:
    """How long an unpaid order stays open, and how long before a fulfilled order completes itself."""
    merchant = get_merchant(merchant_id)
    merchant.order_timeout_minutes = _minutes(order_timeout_minutes, "order_timeout_minutes", TIMEOUT_MINUTES)
    merchant.auto_confirm_minutes = _minutes(auto_confirm_minutes, "auto_confirm_minutes", AUTO_CONFIRM_MINUTES)
    db.session.commit()
    return merchant


def update_checkout_mode(merchant_id: str, *, live_checkout: object, checkout_language: object = "") -> Merchant:
    """Whether the hosted product page, which carries no API key, takes live orders (off: test orders,
    paid through test channels such as the sandbox), and the checkout's language ("" or None: automatic, by
    each shopper's browser)."""
    if type(live_checkout) is not bool:
        raise InvalidRequest("live checkout must be on or off", param="live_checkout")
    if checkout_language not in ("", None, *CHECKOUT_LANGUAGES):
        raise InvalidRequest(
            f"checkout language must be automatic or one of {', '.join(CHECKOUT_LANGUAGES)}", param="checkout_language"
        )
    merchant = get_merchant(merchant_id)
    merchant.live_checkout = live_checkout
    merchant.checkout_language = checkout_language or None
    db.session.commit()
    return merchant


def logo_for(merchant_id: str) -> MerchantLogo | None:
    """The merchant's uploaded logo, if any."""
    return db.session.get(MerchantLogo, merchant_id)


def update_rate_limits(
    merchant_id: str, *, api_per_minute: object, order_create_per_minute: object, ceiling: int
) -> Merchant:
    """The merchant's own per-minute budgets (None: the platform's default), each from 1 to ``ceiling``; the
    caller commits."""
    merchant = get_merchant(merchant_id)
    for name, value in (
        ("rate_limit_api_per_minute", api_per_minute),
        ("rate_limit_order_create_per_minute", order_create_per_minute),
    ):
        if value is not None and (type(value) is not int or not 1 <= value <= ceiling):
            raise InvalidRequest(
                f"a budget is a whole number of requests per minute from 1 to {ceiling}, or empty "
                "for the platform's default",
                param=name,
            )
        setattr(merchant, name, value)
    return merchant


def set_platform_fee(merchant_id: str, *, bps: object, fixed: object, currency: object = None) -> Merchant:
    """The platform operator's fee on what this merchant sells (not the merchant's to change): ``bps`` basis
    points of each completed order plus, on orders in ``currency``, ``fixed`` minor units of it, taken off at
    clearing. A fixed amount is money only with its currency (30 minor units are $0.30 but ¥30)."""
    merchant = get_merchant(merchant_id)
    if type(bps) is not int or not 0 <= bps <= 5000:
        raise InvalidRequest("the platform fee is 0 to 5000 basis points (50 %)", param="bps")
    if type(fixed) is not int or not 0 <= fixed <= 100_000:
        raise InvalidRequest("the fixed platform fee is 0 to 100000 minor units", param="fixed")
    if fixed and currency is None:
        raise InvalidRequest(
            "a fixed platform fee needs its currency (30 minor units are $0.30 in usd but ¥30 in "
            "jpy); orders in other currencies pay the basis points only",
            param="currency",
        )
    try:
        currency = normalise_currency(currency) if fixed else None
    except ValueError as exc:
        raise InvalidRequest(str(exc), param="currency") from None
    merchant.platform_fee_bps, merchant.platform_fee_fixed = bps, fixed
    merchant.platform_fee_fixed_currency = currency
    db.session.commit()
    return merchant
