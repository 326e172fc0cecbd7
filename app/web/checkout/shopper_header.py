"""What the head of a shopper page names: the product bought and, for a subscription, its plan (the option's name),
with the product's image. The order page, the receipt and the self-service pages say it the same way, so a shopper
who arrives from a link or an email sees what the page is about before anything else."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for
from flask_babel import gettext

from app.catalog.models import Product, Sku
from app.extensions import db
from app.orders.models import Order
from app.web.checkout.media import media_url


@dataclass(frozen=True)
class ShopperHeader:
    """The product's name (or "Your order" for a basket of several), the plan when it is one, and an image URL."""

    title: str
    plan: str | None = None
    image: str | None = None

    @property
    def name(self) -> str:
        """The product and its plan in one phrase, as a heading says it ("Acme Pro — Monthly")."""
        return f"{self.title} — {self.plan}" if self.plan else self.title


def _image(product: Product) -> str | None:
    if product.images:
        return media_url(product.images[0].filename)
    if product.image_path:
        return url_for("static", filename=product.image_path)
    return None


def order_header(order: Order) -> ShopperHeader | None:
    """The header of an order's page: its one product (with the plan when the order is of one option), or "Your
    order" for lines of several products. None for an order of no product (a wallet top-up)."""
    products = {item.product_id for item in order.items if item.product_id}
    if not products:
        return None
    if len(products) > 1:
        return ShopperHeader(title=gettext("Your order"))
    product = db.session.get(Product, products.pop())
    skus = {item.sku_id for item in order.items}
    sku = db.session.get(Sku, skus.pop()) if len(skus) == 1 else None
    plan = sku.name if sku is not None and sku.subscription_interval else None
    return ShopperHeader(title=product.name, plan=plan, image=_image(product))


def subscription_header(sku_id: str) -> ShopperHeader:
    """A subscription's product and plan, as its self-service pages name it."""
    sku = db.session.get(Sku, sku_id)
    return ShopperHeader(title=sku.product.name, plan=sku.name, image=_image(sku.product))
