"""Checkout panel input: parsed into what the order services take, with per-field messages."""
from __future__ import annotations

from dataclasses import dataclass, field

from werkzeug.datastructures import MultiDict

from app.catalog.models import Product
from app.catalog.services import MAX_QUANTITY


@dataclass
class PanelInput:
    sku_id: str | None
    quantity: int | None
    channel: str | None
    agreed: bool
    coupon: str | None = None
    errors: dict[str, str] = field(default_factory=dict)


def parse_panel(form: MultiDict, product: Product, *, for_payment: bool) -> PanelInput:
    """Read sku, quantity, channel and agreement; record a message per bad field."""
    active = [s for s in product.skus if s.status == "active"]
    sku_id = form.get("sku") or (active[0].id if active else None)
    data = PanelInput(sku_id=sku_id, quantity=None, channel=form.get("channel") or None,
                      agreed=form.get("agree") in ("on", "yes", "true", "1"),
                      coupon=(form.get("coupon") or "").strip()[:64] or None)
    if sku_id not in {s.id for s in active}:
        data.errors["sku"] = "Choose one of the options."
    raw = (form.get("quantity") or "").strip()
    if raw.isdigit() and 1 <= int(raw) <= MAX_QUANTITY:
        data.quantity = int(raw)
    else:
        data.errors["quantity"] = f"Enter a whole number from 1 to {MAX_QUANTITY}."
    if for_payment:
        if not data.channel:
            data.errors["channel"] = "Choose how you want to pay."
        if not data.agreed:
            data.errors["agree"] = "Please accept the terms to continue."
    return data
