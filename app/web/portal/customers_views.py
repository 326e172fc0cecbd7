"""The merchant's customers in the portal: a search (by id, its beginning, or email) that lists the recent buyers
before anything is typed, and a customer's page with their figures, wallet, entitlements, subscriptions, latest
orders (app/orders/customer_directory.py) and saved cards (removable behind a confirmation). A customer's requests
(owners): erasure, behind a confirmation that names the customer and says what goes and what stays
(app/privacy/erasure.py), and access, a download of everything Kassa holds about them (app/privacy/access.py); both
in the portal's mode."""

from __future__ import annotations

import json

from flask import Response, abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from app.audit.services import record_disclosure
from app.errors import KassaError
from app.ledger.wallet.services import wallet_balance
from app.orders.customer_directory import find_customers, summarise
from app.orders.customers import parse_customer_id
from app.orders.entitlements import customer_entitlements
from app.orders.services import list_orders
from app.payments.saved_methods.models import SavedPaymentMethod
from app.payments.saved_methods.services import active_methods, get_method, remove_method
from app.privacy.erasure import erase_customer, latest_erasure
from app.privacy.models import CustomerErasure
from app.signing.contracts import list_subscriptions
from app.web.api.customer_export import customer_export, export_summary
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, portal_actor, show_error
from app.web.portal.forms import ConfirmForm, EraseCustomerForm
from app.web.portal.mode_views import portal_livemode

RECENT = 10  # orders and subscriptions a customer's page shows; the orders list has the rest


@bp.get("/customers")
@permission_required("orders.view")
def customers():
    query = (request.args.get("q") or "").strip()[:320]
    found = find_customers(current_user.merchant_id, livemode=portal_livemode(), query=query or None)
    return render_template("portal/customers.html", customers=found, query=query)


@bp.get("/customers/<path:customer_id>")
@permission_required("orders.view")
def customer_show(customer_id: str):
    try:
        customer_id = parse_customer_id(customer_id, param="customer")
    except KassaError as error:
        abort(404, description=error.message)
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    summary = summarise(merchant_id, livemode=livemode, customer_ids=[customer_id]).get(customer_id)
    subscriptions, _ = list_subscriptions(merchant_id, livemode=livemode, customer=customer_id, limit=RECENT)
    if summary is None and not subscriptions:
        abort(
            404,
            description=f"No orders or subscriptions name customer {customer_id} in "
            f"{'live' if livemode else 'test'} mode.",
        )
    orders, _ = list_orders(merchant_id, livemode=livemode, customer=customer_id, limit=RECENT)
    return render_template(
        "portal/customer.html",
        customer_id=customer_id,
        summary=summary,
        orders=orders,
        subscriptions=subscriptions,
        wallet=wallet_balance(merchant_id, customer_id, livemode=livemode),
        entitlements=customer_entitlements(merchant_id, customer_id, livemode=livemode),
        saved_methods=active_methods(merchant_id, customer_id, livemode=livemode),
    )


# GET shows the confirmation too (a reload, the back button): nothing changes until a POST says confirmed=yes.
@bp.route("/saved_payment_methods/<method_id>/remove", methods=["GET", "POST"])
@permission_required("subscriptions.manage")
def saved_method_remove(method_id: str):
    """Remove a customer's saved card (they asked the merchant to forget it): behind a confirmation."""
    method = get_method(current_user.merchant_id, method_id, livemode=portal_livemode())
    back = url_for("portal.customer_show", customer_id=method.customer_id)
    if method.status == "removed":
        return redirect(back)
    if request.form.get("confirmed") == "yes" and ConfirmForm().validate_on_submit():
        try:
            with audit("customer.payment_method_remove", SavedPaymentMethod, method_id):
                remove_method(method)
        except KassaError as error:
            flash(error.message, "error")
            return redirect(back)
        flash(f"Removed the saved {(method.brand or 'card').capitalize()} ending in {method.last4}.")
        return redirect(back)
    return render_template("portal/saved_method_remove.html", method=method, back=back)


@bp.route("/customers/<path:customer_id>/erase", methods=["GET", "POST"])
@permission_required("customers.erase")
def customer_erase(customer_id: str):
    form = EraseCustomerForm()
    try:
        customer_id = parse_customer_id(customer_id, param="customer")
    except KassaError as error:
        show_error(form, error)
        return render_template("portal/customer_erase.html", customer_id="", form=form), error.status
    if request.method == "POST" and form.validate_on_submit():
        if form.typed_id.data.strip() != customer_id:
            form.typed_id.errors.append(f"Type {customer_id} exactly to confirm.")
            return render_template("portal/customer_erase.html", customer_id=customer_id, form=form), 400
        with audit(
            "customer.erase",
            CustomerErasure,
            customer_id,
            snapshot=lambda: latest_erasure(current_user.merchant_id, customer_id),
        ):
            erasure = erase_customer(current_user.merchant_id, customer_id, livemode=portal_livemode())
        erased = sum(erasure.erased.values())
        flash(
            f"Erased the personal data of {customer_id}: {erased} record{'s' if erased != 1 else ''} blanked. "
            "Their orders, payments and the books are kept."
        )
        return redirect(url_for("portal.orders", customer=customer_id))
    return render_template("portal/customer_erase.html", customer_id=customer_id, form=form)


@bp.post("/customers/<path:customer_id>/export")
@permission_required("customers.export")
def customer_export_download(customer_id: str):
    """A POST (with the CSRF token), not a link: handing a person's data out is recorded, and a prefetch or a
    cross-site image must not do it."""
    try:
        records, document = customer_export(current_user.merchant_id, customer_id, livemode=portal_livemode())
    except KassaError as error:
        flash(error.message, "error")
        return redirect(url_for("portal.orders", customer=customer_id))
    record_disclosure(portal_actor(), "customer.export", "customer", records.customer_id, export_summary(records))
    safe_name = "".join(c if c.isalnum() or c in "-_" else "_" for c in records.customer_id)[:80]
    return Response(
        json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        mimetype="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="customer-{safe_name}.json"',
            "Cache-Control": "private, no-store",
        },
    )
