"""The merchant's side of the catalog: create and change products and SKUs, with full validation.

Each function is one business action in one transaction. A SKU's default price stays on the SKU
row (what orders are priced in); ``sku_prices`` holds one row per currency, the default included.
"""

from __future__ import annotations

from sqlalchemy import or_, select, update
from sqlalchemy.orm.attributes import set_committed_value

from app.catalog.models import Product, Sku, SkuPrice, stock_column
from app.errors import Conflict, InvalidRequest, NotFound
from app.extensions import db
from app.ledger.clearing.rules import check_rule, check_settlement_delay
from app.merchants.business_lines import line_for_new_record
from app.platform.http.outbound import check_destination
from app.platform.http.urls import check_http_url
from app.platform.values.ids import new_id
from app.platform.values.money import max_amount, max_amount_text, normalise_currency

STATUSES = ("draft", "active", "archived")
MAX_STOCK = 10**9  # the stock columns are INTEGER
INTERVALS = ("day", "week", "month", "year")
_FULFILMENT_KEYS = {"membership_days", "credits", "webhook_url"}
# Per unit sold. Bounded so that 99 units, bought again and again, stay far inside what a date (year 9999)
# and the credits column (32-bit) can hold; app/orders/entitlements.py clamps the running totals as well.
MAX_MEMBERSHIP_DAYS = 3660
MAX_CREDITS = 1_000_000
MAX_TRIAL_DAYS = 730  # two years: longer is a free product, not a trial


def _text(fields: dict, name: str, *, required: bool, maximum: int) -> str | None:
    value = fields.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > maximum:
        need = "a non-empty string" if required else "a string"
        raise InvalidRequest(f"{name} must be {need} of at most {maximum} characters", param=name)
    return value.strip()


def _flat_object(fields: dict, name: str) -> dict | None:
    value = fields.get(name)
    if value is None:
        return None
    if (
        not isinstance(value, dict)
        or len(value) > 50
        or not all(
            isinstance(k, str) and len(k) <= 100 and (isinstance(v, (str, int, float, bool)) and len(str(v)) <= 500)
            for k, v in value.items()
        )
    ):
        raise InvalidRequest(
            f"{name} must be an object of at most 50 names with short text or number values", param=name
        )
    return value


def _status(fields: dict) -> str | None:
    value = fields.get("status")
    if value is not None and value not in STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(STATUSES)}", param="status")
    return value


def _money(value: object, param: str) -> tuple[int, str]:
    if not isinstance(value, dict) or type(value.get("amount")) is not int or value["amount"] < 0:
        raise InvalidRequest("a price is {amount: integer minor units from 0, currency}", param=param)
    try:
        currency = normalise_currency(value.get("currency"))
    except ValueError:
        raise InvalidRequest("currency must be a three-letter ISO code", param=f"{param}.currency") from None
    if value["amount"] > max_amount(currency):
        raise InvalidRequest(f"a price in {currency.upper()} is at most {max_amount_text(currency)}", param=param)
    return value["amount"], currency


def _sku_terms(merchant_id: str, fields: dict) -> dict:
    """Validate the SKU fields present in ``fields``; returns the column values to set."""
    terms: dict = {}
    if "name" in fields:
        terms["name"] = _text(fields, "name", required=True, maximum=200)
    if "price" in fields:
        terms["price_amount"], terms["currency"] = _money(fields["price"], "price")
    if "prices" in fields:
        if not isinstance(fields["prices"], list) or len(fields["prices"]) > 20:
            raise InvalidRequest("prices must be a list of at most 20 {amount, currency}", param="prices")
        prices = dict(_money(p, f"prices[{i}]")[::-1] for i, p in enumerate(fields["prices"]))
        if len(prices) != len(fields["prices"]):
            raise InvalidRequest("one price per currency", param="prices")
        terms["prices"] = prices
    if "specs" in fields:
        terms["specs"] = _flat_object(fields, "specs") or {}
    if "stock" in fields:
        stock = fields["stock"]
        if stock is not None and (type(stock) is not int or not 0 <= stock <= MAX_STOCK):
            raise InvalidRequest("stock must be a whole number ≥ 0, or null for unlimited", param="stock")
        terms["stock"] = stock
    if "status" in fields:
        terms["status"] = _status(fields) or "active"
    if "fulfilment" in fields:
        terms["fulfilment"] = _fulfilment(fields["fulfilment"])
    if "purchase_limit" in fields:
        limit = fields["purchase_limit"]
        if limit is not None and (type(limit) is not int or not 1 <= limit <= 10**6):
            raise InvalidRequest("purchase_limit must be a whole number ≥ 1, or null", param="purchase_limit")
        terms["purchase_limit"] = limit
    if "subscription" in fields:
        (terms["subscription_interval"], terms["subscription_interval_count"], terms["subscription_trial_days"]) = (
            _subscription(fields["subscription"])
        )
    if "clearing" in fields:
        terms["clearing"] = check_rule(merchant_id, fields["clearing"])
    return terms


def _fulfilment(value: object) -> dict | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not value or set(value) - _FULFILMENT_KEYS:
        raise InvalidRequest("fulfilment grants membership_days, credits and/or calls webhook_url", param="fulfilment")
    for key, most in (("membership_days", MAX_MEMBERSHIP_DAYS), ("credits", MAX_CREDITS)):
        if key in value and (type(value[key]) is not int or not 1 <= value[key] <= most):
            raise InvalidRequest(f"fulfilment.{key} must be a whole number from 1 to {most}", param=f"fulfilment.{key}")
    if "membership_days" in value and "credits" in value:
        # One grant per order item (app/orders/fulfilment_models.py): the credits would never be granted.
        raise InvalidRequest(
            "fulfilment grants membership_days or credits, not both: sell them as two options",
            param="fulfilment.credits",
        )
    if "webhook_url" in value:
        check_http_url(value["webhook_url"], "fulfilment.webhook_url", example="https://game.example/kassa")
        check_destination(value["webhook_url"], "fulfilment.webhook_url")  # SSRF; checked again at each send
    return value


def _subscription(value: object) -> tuple[str | None, int | None, int | None]:
    if value is None:
        return None, None, None
    if not isinstance(value, dict) or value.get("interval") not in INTERVALS:
        raise InvalidRequest(
            "subscription is {interval: day|week|month|year, interval_count}", param="subscription.interval"
        )
    count = value.get("interval_count", 1)
    if type(count) is not int or not 1 <= count <= 12:
        raise InvalidRequest(
            "subscription.interval_count must be between 1 and 12", param="subscription.interval_count"
        )
    trial = value.get("trial_days", 0)
    if trial is None:
        trial = 0
    if type(trial) is not int or not 0 <= trial <= MAX_TRIAL_DAYS:
        raise InvalidRequest(
            f"subscription.trial_days must be a whole number of days from 0 (no trial) to {MAX_TRIAL_DAYS}",
            param="subscription.trial_days",
        )
    return value["interval"], count, trial or None


def _product_terms(merchant_id: str, fields: dict, *, creating: bool) -> dict:
    terms: dict = {}
    if creating or "name" in fields:
        terms["name"] = _text(fields, "name", required=True, maximum=200)
    if "description" in fields:
        terms["description"] = _text(fields, "description", required=False, maximum=5000) or ""
    if "attributes" in fields:
        terms["attributes"] = _flat_object(fields, "attributes") or {}
    if "status" in fields:
        terms["status"] = _status(fields) or "active"
    if "clearing" in fields:
        terms["clearing"] = check_rule(merchant_id, fields["clearing"])
    if "settlement_delay_days" in fields:
        terms["settlement_delay_days"] = check_settlement_delay(fields["settlement_delay_days"])
    if "category" in fields:
        # Blank is none: the "category" split strategy then puts the product's lines in a group of their own.
        terms["category"] = _text(fields, "category", required=False, maximum=80) or None
    if "business_line" in fields:
        terms["business_line_id"] = line_for_new_record(merchant_id, fields["business_line"])
    return terms


def _apply_sku(sku: Sku, terms: dict) -> None:
    prices = terms.pop("prices", None)
    for name, value in terms.items():
        setattr(sku, name, value)
    wanted = dict(prices if prices is not None else {p.currency: p.amount for p in sku.prices})
    wanted[sku.currency] = sku.price_amount  # the default price is always one of the rows
    existing = {p.currency: p for p in sku.prices}
    for currency, row in existing.items():
        if currency not in wanted:
            sku.prices.remove(row)
        else:
            row.amount = wanted[currency]
    for currency, amount in wanted.items():
        if currency not in existing:
            sku.prices.append(SkuPrice(merchant_id=sku.merchant_id, currency=currency, amount=amount))


def _new_sku(product: Product, fields: dict, index: str = "") -> Sku:
    if not isinstance(fields, dict):
        raise InvalidRequest("a SKU is an object", param=index or None)
    for required in ("name", "price"):
        if required not in fields:
            raise InvalidRequest(f"a SKU needs {required}", param=f"{index}{required}")
    sku = Sku(
        id=new_id("sku"), merchant_id=product.merchant_id, product_id=product.id, specs={}, stock=None, status="active"
    )
    _apply_sku(sku, _sku_terms(product.merchant_id, fields))
    product.skus.append(sku)
    return sku


def create_product(merchant_id: str, fields: dict) -> Product:
    """A product, with the SKUs given in ``fields["skus"]``."""
    product = Product(
        id=new_id("prod"),
        merchant_id=merchant_id,
        **(
            {"description": "", "attributes": {}, "status": "active"}
            | _product_terms(merchant_id, fields, creating=True)
        ),
    )
    skus = fields.get("skus") or []
    if not isinstance(skus, list) or len(skus) > 100:
        raise InvalidRequest("skus must be a list of at most 100 SKUs", param="skus")
    db.session.add(product)
    for i, sku in enumerate(skus):
        _new_sku(product, sku, f"skus[{i}].")
    db.session.commit()
    return product


def get_any_product(merchant_id: str, product_id: str) -> Product:
    """The merchant's product whatever its status (for the merchant's own tools)."""
    product = db.session.scalar(select(Product).where(Product.id == product_id, Product.merchant_id == merchant_id))
    if product is None:
        raise NotFound(f"no product {product_id!r}", param="id")
    return product


def update_product(merchant_id: str, product_id: str, fields: dict) -> Product:
    """Change the given fields of a product."""
    product = get_any_product(merchant_id, product_id)
    if "business_line" in fields and fields["business_line"] == product.business_line_id:
        fields = {k: v for k, v in fields.items() if k != "business_line"}  # kept, even in a line since archived
    for name, value in _product_terms(merchant_id, fields, creating=False).items():
        setattr(product, name, value)
    db.session.commit()
    return product


def archive_product(merchant_id: str, product_id: str) -> Product:
    """Take a product off sale; open orders keep their items."""
    return update_product(merchant_id, product_id, {"status": "archived"})


def add_sku(merchant_id: str, product_id: str, fields: dict) -> Sku:
    """A new SKU on the merchant's product."""
    sku = _new_sku(get_any_product(merchant_id, product_id), fields)
    db.session.commit()
    return sku


def get_sku(merchant_id: str, sku_id: str) -> Sku:
    sku = db.session.scalar(select(Sku).where(Sku.id == sku_id, Sku.merchant_id == merchant_id))
    if sku is None:
        raise NotFound(f"no SKU {sku_id!r}", param="id")
    return sku


_NOT_SHOWN = object()


def update_sku(
    merchant_id: str, sku_id: str, fields: dict, *, stock_shown: object = _NOT_SHOWN, livemode: bool = True
) -> Sku:
    """Change the given fields of a SKU (price, prices, stock, status, rules). A stock set is both modes' (a
    restock restocks test orders' stock too).

    ``stock_shown``: the stock of ``livemode`` the merchant's form showed (a page can be stale: orders take and
    give back units meanwhile). A stock equal to it was not changed and is not written, so saving a name never
    puts back units that were sold; a changed stock is written only if the stock is still what the page showed
    (409 otherwise, saying what it is now). Without it (the API), the stock given is set."""
    sku = get_sku(merchant_id, sku_id)
    terms = _sku_terms(merchant_id, fields)
    if stock_shown is not _NOT_SHOWN and "stock" in terms:
        stock = terms.pop("stock")
        if stock != stock_shown:
            _set_stock_if_still(sku, stock, stock_shown, livemode)
    _apply_sku(sku, terms)
    db.session.commit()
    return sku


def _set_stock_if_still(sku: Sku, stock: int | None, shown: object, livemode: bool) -> None:
    """Set ``stock`` (both modes') in one conditional UPDATE, only while ``livemode``'s stock is ``shown``; the row
    stays locked until the caller commits, so no order takes a unit in between. A ``shown`` no stock can be (an
    edited form) is not still the stock: it is not sent to the database, whose column would not hold it."""
    changed = 0
    if shown is None or type(shown) is int and 0 <= shown <= MAX_STOCK:
        shown_now = stock_column(livemode).is_not_distinct_from(shown)
        changed = db.session.execute(
            update(Sku)
            .where(Sku.id == sku.id, shown_now)
            .values(stock=stock, test_stock=stock)
            .execution_options(synchronize_session=False)
        ).rowcount
    if changed != 1:
        db.session.rollback()
        now = db.session.get(Sku, sku.id, populate_existing=True).stock_in(livemode)
        raise Conflict(
            f"Stock changed from {_units(shown)} to {_units(now)} while you edited (orders took or gave "
            "back units): check it and save again.",
            code="stock_changed",
            param="stock",
        )
    set_committed_value(sku, "stock", stock)
    set_committed_value(sku, "test_stock", stock)


def _units(stock: object) -> str:
    if stock is None:
        return "unlimited"
    return str(stock) if type(stock) is int else "what the page showed"  # an edited page's text, not a stock


def search_products(
    merchant_id: str,
    *,
    q: str | None = None,
    status: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
    offset: int = 0,
) -> tuple[list[Product], bool]:
    """The merchant's products of any status, filtered by text in the name/description and status."""
    if status is not None and status not in STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(STATUSES)}", param="status")
    query = select(Product).where(Product.merchant_id == merchant_id)
    if status:
        query = query.where(Product.status == status)
    if q:
        query = query.where(
            or_(
                Product.name.icontains(q.strip(), autoescape=True),
                Product.description.icontains(q.strip(), autoescape=True),
            )
        )
    if starting_after:
        query = query.where(Product.id > starting_after)
    rows = list(db.session.scalars(query.order_by(Product.id).offset(offset).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def skus_named(merchant_id: str, sku_ids) -> dict[str, tuple[str, str]]:
    """SKU id → (its product's id, "Product — option") for the merchant's SKUs among ``sku_ids``, archived or not."""
    ids = list(set(sku_ids))
    if not ids:
        return {}
    rows = db.session.execute(
        select(Sku.id, Product.id, Product.name, Sku.name)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.merchant_id == merchant_id, Sku.id.in_(ids))
    )
    return {sku_id: (product_id, f"{product} — {name}") for sku_id, product_id, product, name in rows}


def sku_labels(merchant_id: str) -> list[tuple[str, str]]:
    """(SKU id, "Product — SKU") for every SKU not archived, for pickers such as coupon restrictions."""
    rows = db.session.execute(
        select(Sku.id, Sku.name, Product.name)
        .join(Product, Product.id == Sku.product_id)
        .where(Sku.merchant_id == merchant_id, Sku.status != "archived")
        .order_by(Product.name, Sku.name)
    )
    return [(sku_id, f"{product} — {name}") for sku_id, name, product in rows]
