from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db_types import UTCDateTime, utcnow
from app.extensions import db
from app.money import Money


class Product(db.Model):
    __tablename__ = "products"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    image_path: Mapped[str | None] = mapped_column(String(500))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="active")  # draft | active | archived
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    skus: Mapped[list["Sku"]] = relationship(back_populates="product",
                                             order_by=lambda: (Sku.price_amount, Sku.id))


class Sku(db.Model):
    __tablename__ = "skus"
    __table_args__ = (
        CheckConstraint("price_amount >= 0", name="price_not_negative"),
        # Inventory can never go below zero, whatever the application does.
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    price_amount: Mapped[int]
    currency: Mapped[str] = mapped_column(String(3))
    specs: Mapped[dict] = mapped_column(JSON, default=dict)
    stock: Mapped[int | None]  # None: unlimited (typical for virtual goods)
    # What a buyer gets: {"membership_days": n} | {"credits": n} | {"webhook_url": url}; None: nothing to grant.
    fulfilment: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default="active")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    product: Mapped[Product] = relationship(back_populates="skus")

    @property
    def price(self) -> Money:
        return Money(self.price_amount, self.currency)
