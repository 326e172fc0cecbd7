from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from app.extensions import db
from app.merchants.config_cache import watch
from app.platform.db.types import UTCDateTime, utcnow
from app.platform.values.money import Money


class Product(db.Model):
    __tablename__ = "products"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    image_path: Mapped[str | None] = mapped_column(String(500))
    attributes: Mapped[dict] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(12), default="active")  # draft | active | archived
    # The merchant's own grouping (e.g. "games", "skins"): the "category" split strategy groups an order's lines by it.
    category: Mapped[str | None] = mapped_column(String(80))
    # The product's default clearing rule for SKUs without their own (app/ledger/clearing/rules.py).
    clearing: Mapped[dict | None] = mapped_column(JSON)
    # T+N: days after an order completes before its lines' money may be settled (null: the rule's hold only).
    settlement_delay_days: Mapped[int | None] = mapped_column()
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    skus: Mapped[list["Sku"]] = relationship(back_populates="product", order_by=lambda: (Sku.price_amount, Sku.id))
    images: Mapped[list["ProductImage"]] = relationship(order_by=lambda: (ProductImage.position, ProductImage.id))


class Sku(db.Model):
    __tablename__ = "skus"
    __table_args__ = (
        CheckConstraint("price_amount >= 0", name="price_not_negative"),
        # Inventory can never go below zero, whatever the application does.
        CheckConstraint("stock IS NULL OR stock >= 0", name="stock_not_negative"),
        CheckConstraint("test_stock IS NULL OR test_stock >= 0", name="test_stock_not_negative"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    price_amount: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    specs: Mapped[dict] = mapped_column(JSON, default=dict)
    stock: Mapped[int | None]  # None: unlimited (typical for virtual goods)
    # What test orders take from: set with the stock (a restock restocks both), so a test purchase never takes
    # a live unit (a trial run, or a stranger with a test key, selling out a limited edition).
    test_stock: Mapped[int | None]
    # What a buyer gets: {"membership_days": n} | {"credits": n} | {"webhook_url": url}; None: nothing to grant.
    fulfilment: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(12), default="active")
    # How many units one customer may buy, over all their open and paid orders; None: no limit.
    purchase_limit: Mapped[int | None]
    # A subscription SKU renews every interval_count intervals ("month" | "year"); stored for signing.
    subscription_interval: Mapped[str | None] = mapped_column(String(8))
    subscription_interval_count: Mapped[int | None]
    # Days a new contract runs free before its first charge (the mandate is signed for nothing); None: no trial.
    subscription_trial_days: Mapped[int | None]
    # Clearing for this SKU: {"splits": [{"partner", "share_bps"}], "hold_days"} (app/ledger/clearing/rules.py).
    clearing: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    product: Mapped[Product] = relationship(back_populates="skus")
    prices: Mapped[list["SkuPrice"]] = relationship(order_by=lambda: SkuPrice.currency, cascade="all, delete-orphan")

    @validates("stock")
    def _set_both_stocks(self, _key: str, stock: int | None) -> int | None:
        self.test_stock = stock
        return stock

    def stock_in(self, livemode: bool) -> int | None:
        """The units left for orders of that mode (None: unlimited)."""
        return self.stock if livemode else self.test_stock

    @property
    def price(self) -> Money:
        return Money(self.price_amount, self.currency)

    @property
    def currencies(self) -> list[str]:
        """Every currency the SKU can be bought in, the default first."""
        return [self.currency] + sorted({p.currency for p in self.prices} - {self.currency})

    @property
    def trial_days(self) -> int:
        """The free trial a new contract on this SKU starts with (0: none, or not sold as a subscription)."""
        return (self.subscription_trial_days or 0) if self.subscription_interval else 0

    def price_in(self, currency: str) -> Money | None:
        """The SKU's price in ``currency`` (the default price for its own currency); None if it has none there."""
        if currency == self.currency:
            return self.price
        return next((Money(p.amount, p.currency) for p in self.prices if p.currency == currency), None)


def stock_column(livemode: bool):
    """The column orders of that mode take units from."""
    return Sku.stock if livemode else Sku.test_stock


class SkuPrice(db.Model):
    """A SKU's price in one currency; the SKU's own price_amount/currency is its default one."""

    __tablename__ = "sku_prices"
    __table_args__ = (
        UniqueConstraint("sku_id", "currency", name="uq_sku_prices_sku_currency"),
        CheckConstraint("amount >= 0", name="amount_not_negative"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id"), index=True)
    currency: Mapped[str] = mapped_column(String(3))
    amount: Mapped[int] = mapped_column(BigInteger)


class ProductImage(db.Model):
    """An uploaded image, stored under UPLOAD_DIR by the hash of its content."""

    __tablename__ = "product_images"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"), index=True)
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"), index=True)
    filename: Mapped[str] = mapped_column(String(100))
    content_type: Mapped[str] = mapped_column(String(40))
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# Orders are priced from SKUs kept in memory per merchant (app/catalog/services.py): a change reprices at once.
watch(Product)
watch(Sku)
watch(SkuPrice)
