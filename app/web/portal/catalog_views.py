"""Portal pages for the merchant's products and SKUs. Each mutating view is a thin call to one
catalog service; every read is scoped by the signed-in merchant (a foreign id is a 404)."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user
from flask_wtf import FlaskForm

from app.catalog.images import add_product_image, remove_product_image
from app.catalog.models import Product, ProductImage, Sku
from app.catalog.products import (
    STATUSES,
    add_sku,
    archive_product,
    create_product,
    get_any_product,
    get_sku,
    search_products,
    update_product,
    update_sku,
)
from app.errors import KassaError
from app.extensions import db
from app.ledger.books_models import SELF
from app.ledger.partners import list_partners
from app.merchants.business_lines import list_lines
from app.platform.values.whole_numbers import parse_whole_number
from app.signing.terms import every
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.catalog_forms import ImageForm, NewProductForm, ProductForm, SkuForm, format_pairs, from_minor_units
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode

PAGE_SIZE = 20


# Service params that name a form field of another name.
CATALOG_FIELDS = {
    "price.currency": "currency",
    "prices": "other_prices",
    "amount_off": "amount",
    "percent_bps": "percent",
    "min_subtotal": "min_spend",
    "max_discount": "cap",
    "count": "bulk_count",
    "clearing": "clearing_split",
    "clearing.hold_days": "clearing_hold_days",
    "fulfilment.membership_days": "fulfilment_membership_days",
    "fulfilment.credits": "fulfilment_credits",
    "fulfilment.webhook_url": "fulfilment_webhook_url",
    "subscription.interval_count": "subscription_interval_count",
    "subscription.trial_days": "subscription_trial_days",
}


def record_error(form: FlaskForm, error: KassaError) -> None:
    """Show a service's refusal beside the field it names, or above the form."""
    show_error(form, error, fields=CATALOG_FIELDS)


def _page() -> int:
    raw = request.args.get("page", "1")
    page = parse_whole_number(raw)
    return page if page is not None and 0 < page < 10_000 else 1


@bp.get("/products")
@permission_required("catalog.manage")
def products():
    q = (request.args.get("q") or "").strip()[:100]
    status = request.args.get("status") or None
    if status not in (None, *STATUSES):
        status = None
    page = _page()
    rows, has_more = search_products(
        current_user.merchant_id, q=q or None, status=status, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE
    )
    return render_template(
        "portal/catalog/products.html",
        products=rows,
        has_more=has_more,
        page=page,
        q=q,
        status=status,
        statuses=STATUSES,
    )


@bp.route("/products/new", methods=["GET", "POST"])
@permission_required("catalog.manage")
def product_new():
    form = NewProductForm().with_business_lines(_lines_for(None))
    fields = form.fields_for_service() if form.validate_on_submit() else None
    if fields is not None and not form.errors:
        try:
            with audit("product.create", Product):
                product = create_product(current_user.merchant_id, fields)
        except KassaError as error:
            record_error(form, error)
        else:
            if product.skus:
                flash(f"Product “{product.name}” created with its price: it can be sold now. Add images below.")
            else:
                flash(f"Product “{product.name}” created. Add its options (SKUs) and images below.")
            return redirect(url_for("portal.product_edit", product_id=product.id))
    return render_template("portal/catalog/product_new.html", form=form), 422 if form.errors else 200


@bp.route("/products/<product_id>", methods=["GET", "POST"])
@permission_required("catalog.manage")
def product_edit(product_id: str):
    product = get_any_product(current_user.merchant_id, product_id)
    form = ProductForm(
        data={
            "name": product.name,
            "description": product.description,
            "attributes": format_pairs(product.attributes),
            "status": product.status,
            "settlement_delay_days": product.settlement_delay_days,
            "category": product.category or "",
            "business_line": product.business_line_id or "",
        }
        if request.method == "GET"
        else None
    ).with_business_lines(_lines_for(product))
    if form.validate_on_submit():
        try:
            with audit("product.update", Product, product_id):
                update_product(current_user.merchant_id, product_id, form.fields_for_service())
        except KassaError as error:
            record_error(form, error)
        else:
            flash("Product saved.")
            return redirect(url_for("portal.product_edit", product_id=product_id))
    return _product_page(product, form=form)


def _lines_for(product) -> list:
    """The lines a product may be put in: the active ones, and the one it is in."""
    current = product.business_line_id if product is not None else None
    return [line for line in list_lines(current_user.merchant_id) if line.archived_at is None or line.id == current]


def _product_page(product, *, form=None, image_form=None, status: int | None = None):
    form = form or ProductForm(
        data={
            "name": product.name,
            "description": product.description,
            "attributes": format_pairs(product.attributes),
            "status": product.status,
            "settlement_delay_days": product.settlement_delay_days,
            "category": product.category or "",
            "business_line": product.business_line_id or "",
        }
    ).with_business_lines(_lines_for(product))
    image_form = image_form or ImageForm()
    failed = status or (422 if form.errors or image_form.errors or form.form_errors or image_form.form_errors else 200)
    return render_template(
        "portal/catalog/product_edit.html",
        product=product,
        form=form,
        image_form=image_form,
        confirm=ConfirmForm(),
        from_minor_units=from_minor_units,
        every=every,
    ), failed


@bp.post("/products/<product_id>/images")
@permission_required("catalog.manage")
def product_image_add(product_id: str):
    product = get_any_product(current_user.merchant_id, product_id)
    form = ImageForm()
    if form.validate_on_submit():
        upload = form.image.data
        try:
            with audit("product.image_add", ProductImage):
                add_product_image(current_user.merchant_id, product_id, upload.read() if upload else b"")
        except KassaError as error:
            record_error(form, error)
        else:
            flash("Image added.")
            return redirect(url_for("portal.product_edit", product_id=product_id))
    return _product_page(product, image_form=form, status=422)


# An image id is a 32-bit serial: a larger one names no image (404), and PostgreSQL would refuse it (a 500).
# GET shows the confirmation too: nothing is removed until a POST says confirmed=yes, so a browser without
# JavaScript is asked as well.
@bp.route("/products/<product_id>/images/<int(max=2147483647):image_id>/delete", methods=["GET", "POST"])
@permission_required("catalog.manage")
def product_image_remove(product_id: str, image_id: int):
    product = get_any_product(current_user.merchant_id, product_id)
    number = next((n for n, image in enumerate(product.images, 1) if image.id == image_id), None)
    if number is None:
        abort(404)
    if request.form.get("confirmed") == "yes" and ConfirmForm().validate_on_submit():
        with audit("product.image_remove", ProductImage, str(image_id)):
            remove_product_image(current_user.merchant_id, image_id)
        flash("Image removed.")
        return redirect(url_for("portal.product_edit", product_id=product_id))
    return render_template(
        "portal/catalog/product_image_remove.html", product=product, image=product.images[number - 1], number=number
    )


@bp.route("/products/<product_id>/archive", methods=["GET", "POST"])
@permission_required("catalog.manage")
def product_archive(product_id: str):
    product = get_any_product(current_user.merchant_id, product_id)
    form = ConfirmForm()
    if form.validate_on_submit():
        with audit("product.archive", Product, product_id):
            archive_product(current_user.merchant_id, product_id)
        flash(f"Product “{product.name}” archived: it is no longer on sale. Open orders keep their items.")
        return redirect(url_for("portal.products"))
    return render_template("portal/catalog/product_archive.html", product=product, form=form)


def partner_ids(merchant_id: str) -> dict[str, str]:
    """Names and ids a merchant may write in a revenue split, lower-cased, to partner ids."""
    ids = {"you": SELF, "me": SELF}
    for partner in list_partners(merchant_id):
        ids[partner.id.lower()] = partner.id
        if partner.name:
            ids[partner.name.lower()] = partner.id
    return ids


def split_text(rule: dict | None) -> str:
    if not rule:
        return ""
    return "\n".join(f"{s['partner']}: {s['share_bps'] / 100:g}" for s in rule["splits"])


def _sku_initial(sku) -> dict:
    others = {p.currency: from_minor_units(p.amount, p.currency) for p in sku.prices if p.currency != sku.currency}
    stock = sku.stock_in(portal_livemode())  # the mode the portal shows: test orders take from a stock of their own
    return {
        "name": sku.name,
        "price": from_minor_units(sku.price_amount, sku.currency),
        "currency": sku.currency,
        "other_prices": format_pairs(others),
        "stock": stock,
        "purchase_limit": sku.purchase_limit,
        "stock_shown": "" if stock is None else str(stock),
        "specs": format_pairs(sku.specs),
        "status": sku.status,
        "subscription_interval": sku.subscription_interval or "",
        "subscription_interval_count": sku.subscription_interval_count or 1,
        "subscription_trial_days": sku.subscription_trial_days,
        "clearing_split": split_text(sku.clearing),
        "clearing_hold_days": (sku.clearing or {}).get("hold_days", 0),
        "fulfilment_membership_days": (sku.fulfilment or {}).get("membership_days"),
        "fulfilment_credits": (sku.fulfilment or {}).get("credits"),
        "fulfilment_webhook_url": (sku.fulfilment or {}).get("webhook_url", ""),
    }


def _save_sku(form: SkuForm, save, audit_entry) -> bool:
    """Parse the form and call ``save(fields)`` inside ``audit_entry``; False with messages on the
    form when refused."""
    if not form.validate_on_submit():
        return False
    fields = form.fields_for_service()
    fields["clearing"] = form.clearing_rule(partner_ids(current_user.merchant_id))
    if form.errors:
        return False
    try:
        with audit_entry:
            save(fields)
    except KassaError as error:
        record_error(form, error)
        return False
    return True


@bp.route("/products/<product_id>/skus/new", methods=["GET", "POST"])
@permission_required("catalog.manage")
def sku_new(product_id: str):
    product = get_any_product(current_user.merchant_id, product_id)
    form = SkuForm()
    if _save_sku(form, lambda fields: add_sku(current_user.merchant_id, product_id, fields), audit("sku.create", Sku)):
        flash(f"Option “{form.name.data}” added.")
        return redirect(url_for("portal.product_edit", product_id=product_id))
    return render_template(
        "portal/catalog/sku_form.html", product=product, sku=None, form=form
    ), 422 if form.errors or form.form_errors else 200


@bp.route("/skus/<sku_id>", methods=["GET", "POST"])
@permission_required("catalog.manage")
def sku_edit(sku_id: str):
    sku = get_sku(current_user.merchant_id, sku_id)
    form = SkuForm(data=_sku_initial(sku) if request.method == "GET" else None)

    def save(fields: dict) -> None:
        try:
            update_sku(
                current_user.merchant_id, sku_id, fields, stock_shown=form.shown_stock(), livemode=portal_livemode()
            )
        except KassaError as error:
            if error.code == "stock_changed":
                # The page is told what the stock is now: saving it again sets what the merchant typed.
                current = db.session.get(Sku, sku_id, populate_existing=True).stock_in(portal_livemode())
                form.stock_shown.data = "" if current is None else str(current)
            raise

    if _save_sku(form, save, audit("sku.update", Sku, sku_id)):
        flash(f"Option “{form.name.data}” saved.")
        return redirect(url_for("portal.product_edit", product_id=sku.product_id))
    return render_template(
        "portal/catalog/sku_form.html", product=sku.product, sku=sku, form=form
    ), 422 if form.errors or form.form_errors else 200
