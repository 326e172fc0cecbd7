"""Orders: the filtered list, its CSV export, the order page and refunds (with a confirmation step)."""

from __future__ import annotations

from itertools import islice
from typing import Iterator

from flask import Response, abort, flash, redirect, render_template, request, stream_with_context, url_for
from flask_login import current_user
from wtforms import SelectChoice

from app.catalog.coupons import discounts_for_orders
from app.errors import KassaError
from app.extensions import db
from app.ledger.settlement.statements import order_books
from app.merchants.business_line_models import BusinessLine
from app.merchants.business_lines import get_line, list_lines
from app.merchants.permissions import can, roles_with
from app.orders.refund_context import refund_context
from app.orders.services import get_order
from app.orders.sub_order_life import part_actions
from app.orders.sub_orders import sub_order_status
from app.payments.channels.agreements import accepted_agreements
from app.payments.disputes.services import disputes_for_order
from app.payments.integration_log import integration_logs_for_attempt
from app.payments.models import Refund
from app.payments.refunds.representation import refunds_for_order
from app.payments.refunds.services import check_refund, create_refund, get_refund, refundable, retry_refund
from app.payments.reports.order_search import OrderFilters, export_orders, search_orders
from app.payments.representation import payments_for_order
from app.platform.db.snapshot import read_one_snapshot
from app.platform.outbox.history import events_for_order
from app.platform.values.csv_export import CsvChunks, spreadsheet_safe
from app.platform.values.money import Money, ambiguous_comma, exponent, format_major, parse_major
from app.receipts.sending import receipt_email_of
from app.risk.refund_requests import score_request
from app.web.portal import bp
from app.web.portal.access import audit, permission_required, show_error
from app.web.portal.confirm_once import claim_confirmation, confirmation_done, confirmation_failed, new_confirmation_key
from app.web.portal.mode_views import portal_livemode
from app.web.portal.order_operations import order_operations
from app.web.portal.payment_forms import ANY, OrderFilterForm, RefundForm
from app.webhooks.history import deliveries_for_order

PAGE_SIZE = 25
_FILTER_ARGS = ("q", "status", "channel", "customer", "business_line", "start", "end")


def _filters(form: OrderFilterForm) -> OrderFilters:
    return OrderFilters(
        livemode=portal_livemode(),
        status=form.status.data or None,
        start=form.start.data,
        end=form.end.data,
        channel=form.channel.data or None,
        customer=form.customer.data or None,
        query=form.q.data or None,
        business_line=form.business_line.data or None,
    )


def _filter_form() -> tuple[OrderFilterForm, dict[str, BusinessLine]]:
    """The filters as asked, their business line choices the merchant's lines (and those lines by id)."""
    lines = {line.id: line for line in list_lines(current_user.merchant_id)}
    form = OrderFilterForm(request.args)
    form.business_line.choices = [ANY] + [SelectChoice(i, f"{line.name} ({line.code})") for i, line in lines.items()]
    return form, lines


def _filter_args() -> dict:
    """The current filters as query arguments, for pager and export links."""
    return {name: request.args[name] for name in _FILTER_ARGS if request.args.get(name)}


@bp.get("/orders")
@bp.get("/")  # registered first, so url_for gives /portal/
@permission_required("orders.view")
def orders():
    form, lines = _filter_form()
    valid = form.validate()
    filters = _filters(form) if valid else OrderFilters(livemode=portal_livemode())
    page = search_orders(
        current_user.merchant_id,
        filters,
        limit=PAGE_SIZE,
        starting_after=request.args.get("starting_after") or None,
        ending_before=request.args.get("ending_before") or None,
    )
    args = _filter_args()
    newer = url_for("portal.orders", ending_before=page.orders[0].id, **args) if page.has_newer else None
    older = url_for("portal.orders", starting_after=page.orders[-1].id, **args) if page.has_older else None
    return render_template(
        "portal/orders.html",
        form=form,
        page=page,
        newer_url=newer,
        older_url=older,
        filtered=bool(args),
        business_lines=lines,
        export_url=url_for("portal.orders_export", **args),
        export_has_emails=can(current_user.role, EMAILS_IN_EXPORT),
        email_exporters=roles_with(EMAILS_IN_EXPORT),
    ), 200 if valid else 422


_CSV_COLUMNS = (
    "id",
    "created_at",
    "status",
    "customer_id",
    "customer_email",
    "currency",
    "subtotal",
    "discount",
    "total",
    "refunded_amount",
    "agreement_version",
    "agreement_text",
)
# Every customer's email in one file is a bulk download of personal data: it goes with the permission to download a
# customer's data, and everyone else gets the same export without the column.
EMAILS_IN_EXPORT = "customers.export"


def _csv_rows(merchant_id: str, filters: OrderFilters, *, with_emails: bool) -> Iterator[str]:
    out = CsvChunks()
    out.row(column for column in _CSV_COLUMNS if with_emails or column != "customer_email")
    yield out.take()
    orders = export_orders(merchant_id, filters)
    while batch := list(islice(orders, 500)):
        agreements = accepted_agreements([order.id for order in batch])  # one statement a batch
        for order in batch:
            yield _csv_row(out, order, agreements.get(order.id), with_emails=with_emails)


def _csv_row(out: CsvChunks, order, agreement, *, with_emails: bool) -> str:
    email = [spreadsheet_safe(order.customer_email)] if with_emails else []
    out.row(
        [
            order.id,
            order.created_at.isoformat(),
            order.status,
            spreadsheet_safe(order.customer_id),
            *email,
            order.currency,
            *(
                format_major(amount, order.currency)
                for amount in (order.subtotal, order.discount, order.total, order.refunded_amount)
            ),
            agreement.version if agreement is not None else "",
            spreadsheet_safe(agreement.text) if agreement is not None else "",
        ]
    )
    return out.take()


@bp.get("/orders/export.csv")
@permission_required("orders.view")
def orders_export():
    form, _ = _filter_form()
    if not form.validate():
        abort(400, description="The filters are not valid; fix them on the orders page and export again.")
    # Streamed: the export reads in batches and never holds every order in memory.
    rows = _csv_rows(current_user.merchant_id, _filters(form), with_emails=can(current_user.role, EMAILS_IN_EXPORT))
    response = Response(stream_with_context(rows), mimetype="text/csv")
    response.headers["Content-Disposition"] = 'attachment; filename="orders.csv"'
    return response


def order_page(
    order_id: str, *, refund_form: RefundForm | None = None, status: int = 200, action_error: dict | None = None
):
    """The order page (also re-rendered with a refused refund or maintenance form and its error)."""
    merchant_id = current_user.merchant_id
    # Another merchant's order is a 404, and so is one of the mode the user is not looking at.
    order = get_order(merchant_id, order_id, livemode=portal_livemode())
    payments = payments_for_order(order.id)
    refund_form = refund_form or RefundForm(formdata=None)
    clearing, clearing_lines = order_books(merchant_id, order.id)
    events = events_for_order(merchant_id, order.id)
    return render_template(
        "portal/order.html",
        order=order,
        payments=payments,
        clearing=clearing,
        clearing_lines=clearing_lines,
        logs={p.id: integration_logs_for_attempt(merchant_id, p.id) for p in payments},
        events=events,
        deliveries=deliveries_for_order(merchant_id, order.id),
        refunds=refunds_for_order(order.id),
        sub_order_states={sub.id: sub_order_status(order, sub) for sub in order.sub_orders},
        sub_order_actions={sub.id: part_actions(order, sub) for sub in order.sub_orders},
        refund_form=refund_form,
        remaining=refundable(order),
        disputes=disputes_for_order(order.id),
        receipt_email=receipt_email_of(order.id),
        coupons=discounts_for_orders([order.id]).get(order.id, []),
        business_line=get_line(merchant_id, order.business_line_id) if order.business_line_id else None,
        agreement=accepted_agreements([order.id]).get(order.id),
        can_refund=can(current_user.role, "orders.refund"),
        can_resend=can(current_user.role, "developers.manage"),
        **order_operations(order, payments, has_events=bool(events), action_error=action_error),
    ), status


@bp.get("/orders/<order_id>")
@permission_required("orders.view")
def orders_detail(order_id: str):
    read_one_snapshot()  # the order, its payments, refunds and books as at one moment, whatever lands meanwhile
    return order_page(order_id)


def _refund_amount(form: RefundForm, currency: str) -> int | None:
    if not (form.amount.data or "").strip():
        return None  # all that remains
    return parse_major(form.amount.data, currency)


@bp.get("/orders/<order_id>/refunds")
@permission_required("orders.view")
def orders_refund_again(order_id: str):
    """The refund confirmation reloaded, or come back to: the order's page, to start the refund again (its amount
    came with the POST), instead of a bare 405. Another merchant's order is a 404, as everywhere."""
    order = get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
    return redirect(url_for("portal.orders_detail", order_id=order.id))


@bp.post("/orders/<order_id>/refunds")
@permission_required("orders.refund")
def orders_refund(order_id: str):
    merchant_id = current_user.merchant_id
    order = get_order(merchant_id, order_id, livemode=portal_livemode())
    form = RefundForm()
    if not form.validate_on_submit():
        return order_page(order_id, refund_form=form, status=422)
    try:
        amount = _refund_amount(form, order.currency)
        reason = (form.reason.data or "").strip() or None
        sub_order_id = request.form.get("sub_order_id") or None  # "Refund this part" of a split order
        key = request.form.get("confirm_key") or ""
        if form.confirmed.data != "yes" or not key:
            # Step 1: check it, then ask for confirmation; nothing is changed yet.
            amount = check_refund(merchant_id, order_id, amount=amount, reason=reason, sub_order_id=sub_order_id)
            # The same abuse scoring as a shopper's request: the merchant decides, knowing what it says.
            score, signals = score_request(refund_context(order), ip=None, device=None)
            return render_template(
                "portal/refund_confirm.html",
                order=order,
                form=form,
                amount=amount,
                amount_text=format_major(amount, order.currency),
                reason=reason,
                sub_order_id=sub_order_id,
                abuse_score=score,
                abuse_reasons=signals,
                confirm_key=new_confirmation_key(),
            )
        what = f"{request.path} {amount} {reason or ''} {sub_order_id or ''}"
        mode = "live" if portal_livemode() else "test"
        if not claim_confirmation(merchant_id, key, what=what, mode=mode, creates=Refund):
            flash(
                "This confirmation was already sent (a double click, or a second tab): "
                "the order below shows its refund."
            )
            return redirect(url_for("portal.orders_detail", order_id=order_id))
        try:
            with audit("order.refund", Refund):
                refund = create_refund(
                    merchant_id,
                    order_id,
                    amount=amount,
                    reason=reason,
                    actor=f"portal:{current_user.email}"[:60],
                    sub_order_id=sub_order_id,
                )
        except KassaError:
            confirmation_failed(merchant_id, key, mode=mode)
            raise
        confirmation_done(merchant_id, key, what=what, mode=mode, result=refund.id)
    except ValueError:
        # The example in the order's own decimals: "12.50" is no amount of yen, and 12.500 is one of dinars.
        example = format_major(1250 * 10 ** exponent(order.currency) // 100, order.currency)
        form.amount.errors = [
            *form.amount.errors,
            ambiguous_comma(form.amount.data) or f"Enter an amount like {example} in {order.currency.upper()}.",
        ]
        return order_page(order_id, refund_form=form, status=422)
    except KassaError as error:
        show_error(form, error)
        return order_page(order_id, refund_form=form, status=error.status)
    flash(_refund_message(refund))
    return redirect(url_for("portal.orders_detail", order_id=order_id))


def _refund_message(refund: Refund) -> str:
    shown = Money(refund.amount, refund.currency).format()
    if refund.status == "succeeded":
        return f"Refunded {shown}."
    if refund.status == "failed":
        return f"The refund of {shown} failed: {refund.failure_reason or 'refused by the channel'}. You can retry it."
    return f"The refund of {shown} is being processed."


@bp.post("/orders/<order_id>/refunds/<refund_id>/retry")
@permission_required("orders.refund")
def orders_refund_retry(order_id: str, refund_id: str):
    if get_refund(current_user.merchant_id, refund_id).order_id != order_id:
        abort(404)
    get_order(current_user.merchant_id, order_id, livemode=portal_livemode())
    try:
        with audit("order.refund_retry", Refund, refund_id):
            refund = retry_refund(current_user.merchant_id, refund_id, actor=f"portal:{current_user.email}"[:60])
    except KassaError as error:
        db.session.rollback()
        flash(f"The refund was not retried: {error.message}.", "error")
    else:
        flash(_refund_message(refund))
    return redirect(url_for("portal.orders_detail", order_id=order_id))
