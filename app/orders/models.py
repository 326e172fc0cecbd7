from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, CheckConstraint, ForeignKey, Index, String, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.platform.db.types import RowId, UTCDateTime, utcnow
from app.platform.values.money import Money


class Order(db.Model):
    __tablename__ = "orders"
    __table_args__ = (
        CheckConstraint("total >= 0 AND subtotal >= 0 AND discount >= 0", name="amounts_not_negative"),
        CheckConstraint("refunded_amount >= 0 AND refunded_amount <= total", name="refund_within_total"),
        Index("ix_orders_merchant_created", "merchant_id", "id"),
        # The portal dashboard and date filters read a merchant's orders by creation time.
        Index("ix_orders_merchant_created_at", "merchant_id", "created_at"),
        Index("ix_orders_status_expires", "status", "expires_at"),
        Index("ix_orders_status_auto_confirm", "status", "auto_confirm_at"),
        # API lists read one mode of one merchant, newest first.
        Index("ix_orders_merchant_mode_id", "merchant_id", "livemode", "id"),
        # The portal's "where orders are now": counts per status, the longest waiting in each.
        Index("ix_orders_merchant_mode_status_updated", "merchant_id", "livemode", "status", "updated_at"),
        # The clearing sweep reads recently completed orders, oldest change first (app/payments/clearing.py).
        Index("ix_orders_status_updated", "status", "updated_at", "id"),
        # The portal's search box finds a merchant's orders by customer email in any case.
        Index("ix_orders_merchant_email", "merchant_id", text("lower(customer_email)")),
        # Orders are listed by business line, newest first.
        Index("ix_orders_merchant_line_id", "merchant_id", "business_line_id", "id"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    merchant_id: Mapped[str] = mapped_column(ForeignKey("merchants.id"))
    # The business line (app/merchants/business_lines.py); NULL: the merchant's default.
    business_line_id: Mapped[str | None] = mapped_column(String(40))
    status: Mapped[str] = mapped_column(String(12), default="created")
    # purchase: items from the catalog; topup: an amount credited to the customer's wallet once paid.
    kind: Mapped[str] = mapped_column(String(12), default="purchase", server_default="purchase")
    # Bumped by every transition; conditional UPDATEs compare it.
    version: Mapped[int] = mapped_column(default=1)
    # Test and live are separate worlds: live orders never reach test channels or test wallets.
    livemode: Mapped[bool] = mapped_column(default=False, server_default=false())
    customer_id: Mapped[str] = mapped_column(String(200), index=True)
    customer_email: Mapped[str | None] = mapped_column(String(320))
    # How the customer was established (app/orders/customers.py): only an authenticated customer's
    # wallet may be offered or spent.
    customer_source: Mapped[str] = mapped_column(
        String(20), default="publishable_key", server_default="publishable_key"
    )
    # The checkout session the order was made through, if any.
    checkout_session_id: Mapped[str | None] = mapped_column(String(40), index=True)
    # The language the shopper checked out in (app/platform/values/languages.py), which their receipt speaks; NULL
    # for an order
    # no shopper's page made (the API): the merchant's checkout language, else English.
    language: Mapped[str | None] = mapped_column(String(8))
    currency: Mapped[str] = mapped_column(String(3))
    subtotal: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger, default=0)
    total: Mapped[int] = mapped_column(BigInteger)
    refunded_amount: Mapped[int] = mapped_column(BigInteger, default=0)
    # What open and lost disputes took back (app/payments/disputes/services.py): no longer the merchant's to refund.
    disputed_amount: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # Set when the order is fulfilled: from then on the auto-confirm job may complete it.
    auto_confirm_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    client_secret: Mapped[str] = mapped_column(String(100))
    metadata_: Mapped[dict] = mapped_column("metadata", JSON, default=dict)
    # The risk assessment made when the order was created: {decision, score, reasons[, review]} (app/risk).
    risk: Mapped[dict | None] = mapped_column(JSON)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The request that created the order: every later step on it is logged and traced under this id.
    request_id: Mapped[str | None] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    items: Mapped[list["OrderItem"]] = relationship(order_by="OrderItem.id")
    sub_orders: Mapped[list["SubOrder"]] = relationship(order_by="SubOrder.id")
    timeline: Mapped[list["OrderTimelineEntry"]] = relationship(order_by="OrderTimelineEntry.id")

    @property
    def total_money(self) -> Money:
        return Money(self.total, self.currency)


class OrderItem(db.Model):
    __tablename__ = "order_items"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    sku_id: Mapped[str] = mapped_column(ForeignKey("skus.id"))
    product_id: Mapped[str] = mapped_column(ForeignKey("products.id"))
    name: Mapped[str] = mapped_column(String(400))
    quantity: Mapped[int]
    unit_amount: Mapped[int] = mapped_column(BigInteger)
    amount: Mapped[int] = mapped_column(BigInteger)
    # The line's part of the order total: ``amount`` less its share of the order's discount (largest
    # remainder), so the lines of an order add up to its total exactly. None on orders from before clearing.
    net_amount: Mapped[int | None] = mapped_column(BigInteger)
    # The clearing rule in force when the line was sold (app/ledger/clearing/rules.py):
    # {"splits": [{"partner", "share_bps"}], "hold_days"}; None on orders from before clearing.
    clearing: Mapped[dict | None] = mapped_column(JSON)
    # The sub-order the line belongs to when the order's lines clear to different parties.
    sub_order_id: Mapped[str | None] = mapped_column(String(40))
    # What refunds of its sub-order gave back of this line: clearing splits what the line still keeps
    # (``net_amount`` less this), so a sub-order refunded before clearing takes nothing from the other lines.
    refunded_amount: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # The SKU as it is now (its fulfilment promise), for whoever loads it with the line: fulfilment does.
    sku: Mapped["Sku"] = relationship("Sku", viewonly=True)  # noqa: F821 (app/catalog/models.py)


class SubOrder(db.Model):
    """The part of an order that clears to one partner (or one product, by the merchant's split strategy):
    its own lines and amount. Only orders whose lines go different ways have sub-orders."""

    __tablename__ = "sub_orders"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    # What the lines have in common: a partner id, or a product id under the "product" strategy, or a product
    # category under the "category" strategy.
    partner_id: Mapped[str] = mapped_column(String(40))
    product_id: Mapped[str | None] = mapped_column(String(40))
    category: Mapped[str | None] = mapped_column(String(80))
    subtotal: Mapped[int] = mapped_column(BigInteger)
    discount: Mapped[int] = mapped_column(BigInteger)
    total: Mapped[int] = mapped_column(BigInteger)
    currency: Mapped[str] = mapped_column(String(3))
    # What refunds gave back of it (its own, and its share of the order's: app/orders/sub_orders.py); never more
    # than ``total``.
    refunded_amount: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    # Where its own life stands (app/orders/sub_order_life.py): open (nothing reported of it), fulfilled (delivered),
    # completed (its receipt confirmed), canceled (the merchant canceled it before delivery: refunded), failed (its
    # fulfilment failed: refunded). Changed by conditional UPDATEs only.
    state: Mapped[str] = mapped_column(String(12), default="open", server_default="open")
    state_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class OrderTimelineEntry(db.Model):
    __tablename__ = "order_timeline"

    id: Mapped[int] = mapped_column(RowId, primary_key=True, autoincrement=True)
    order_id: Mapped[str] = mapped_column(ForeignKey("orders.id"), index=True)
    merchant_id: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[str | None] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(12))
    reason: Mapped[str] = mapped_column(String(500))
    # Why, as a value: a CloseReason (app/orders/close_reasons.py) on the row that closed the order, an EntryCode
    # (app/orders/timeline_kinds.py) on a note or a refund's outcome; else null (the move tells it). What a shopper
    # reads of the row is chosen by it, never by ``reason``.
    reason_code: Mapped[str | None] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(60))  # api | shopper | system | channel:<code>
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
