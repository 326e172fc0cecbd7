"""Product images: checked by content (not by name), stored once under UPLOAD_DIR by content hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import current_app
from sqlalchemy import func, select

from app.catalog.models import ProductImage
from app.catalog.products import get_any_product
from app.errors import InvalidRequest, NotFound
from app.extensions import db

MAX_IMAGES = 10
_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/webp": "webp",
    "image/gif": "gif",
    "image/svg+xml": "svg",
}


def sniff_image_type(data: bytes) -> str | None:
    """The image type the bytes really are (magic numbers), or None."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if (head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head)) and b"<script" not in data.lower():
        return "image/svg+xml"
    return None


def upload_dir() -> Path:
    return Path(current_app.config["UPLOAD_DIR"])


def add_product_image(merchant_id: str, product_id: str, data: bytes) -> ProductImage:
    """Validate and store an image for the merchant's product; the file name is the content's hash,
    so it never changes and can be cached for ever."""
    product = get_any_product(merchant_id, product_id)
    limit = current_app.config["MAX_IMAGE_BYTES"]
    if not data:
        raise InvalidRequest("choose an image file to upload", param="image")
    if len(data) > limit:
        raise InvalidRequest(f"an image may be at most {limit // 1024} KB", code="image_too_large", param="image")
    content_type = sniff_image_type(data)
    if content_type is None:
        raise InvalidRequest("upload a PNG, JPEG, WebP, GIF or SVG image", code="image_type_invalid", param="image")
    count = (
        db.session.scalar(select(func.count()).select_from(ProductImage).where(ProductImage.product_id == product.id))
        or 0
    )
    if count >= MAX_IMAGES:
        raise InvalidRequest(f"a product has at most {MAX_IMAGES} images", param="image")
    filename = f"{hashlib.sha256(data).hexdigest()[:32]}.{_EXTENSIONS[content_type]}"
    target = upload_dir() / filename
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".part")
        partial.write_bytes(data)
        partial.replace(target)  # atomic: a reader never sees half a file
    image = ProductImage(
        merchant_id=merchant_id, product_id=product.id, filename=filename, content_type=content_type, position=count
    )
    db.session.add(image)
    db.session.commit()
    return image


def remove_product_image(merchant_id: str, image_id: int) -> None:
    """Detach an image from its product (the file stays: other products may share it)."""
    image = db.session.scalar(
        select(ProductImage).where(ProductImage.id == image_id, ProductImage.merchant_id == merchant_id)
    )
    if image is None:
        raise NotFound("no such image", param="id")
    db.session.delete(image)
    db.session.commit()
