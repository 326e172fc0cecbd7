"""Customer wallets in the portal: who holds one (search, pages), and a customer's page with balances, the statement
with running balances (and its CSV), withdrawals with their payout status, and the decision on a withdrawal held for
review. Every rule lives in app/ledger and app/payments; these views only ask and show."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, request, stream_with_context, url_for
from flask_login import current_user

from app.errors import KassaError
from app.extensions import db
from app.ledger.wallet.models import WalletWithdrawal
from app.ledger.wallet.services import wallet_balance
from app.ledger.wallet.statement import statement_csv, wallet_currencies, wallet_statement
from app.merchants.permissions import can
from app.payments.payouts.withdrawals import get_withdrawal, list_withdrawals, review_withdrawal, withdrawal_status
from app.payments.reports.wallet_holders import wallet_holders
from app.web.portal import bp
from app.web.portal.access import audit, permission_required
from app.web.portal.forms import ConfirmForm
from app.web.portal.mode_views import portal_livemode

PAGE_SIZE = 25
STATEMENT_PAGE = 50


@bp.get("/wallets")
@permission_required("books.view")
def wallets():
    q = (request.args.get("q") or "").strip()[:200] or None
    holders, has_more = wallet_holders(
        current_user.merchant_id,
        livemode=portal_livemode(),
        q=q,
        after=request.args.get("after") or None,
        limit=PAGE_SIZE,
    )
    more = url_for("portal.wallets", after=holders[-1].customer_id, **({"q": q} if q else {})) if has_more else None
    waiting, _ = list_withdrawals(current_user.merchant_id, livemode=portal_livemode(), review="open", limit=50)
    return render_template(
        "portal/wallets.html", holders=holders, q=q, more_url=more, waiting=waiting, livemode=portal_livemode()
    )


def _currency(customer_id: str) -> tuple[str | None, list[str]]:
    held = wallet_currencies(current_user.merchant_id, customer_id, livemode=portal_livemode())
    wanted = request.args.get("currency")
    return (wanted if wanted in held else (held[0] if held else None)), held


@bp.get("/wallets/<customer_id>")
@permission_required("books.view")
def wallets_detail(customer_id: str):
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    currency, currencies = _currency(customer_id)
    movements, older = [], None
    if currency:
        before = request.args.get("before") or None
        try:
            movements, has_more = wallet_statement(
                merchant_id,
                customer_id,
                currency,
                livemode=livemode,
                limit=STATEMENT_PAGE,
                starting_after=before,
                newest_first=True,
            )
        except KassaError:
            abort(404, description="That page of the statement does not exist.")
        if has_more:
            older = url_for(
                "portal.wallets_detail", customer_id=customer_id, currency=currency, before=movements[-1].id
            )
    withdrawals, _ = list_withdrawals(merchant_id, livemode=livemode, customer_id=customer_id, limit=50)
    return render_template(
        "portal/wallet.html",
        customer_id=customer_id,
        currency=currency,
        currencies=currencies,
        balance=wallet_balance(merchant_id, customer_id, livemode=livemode),
        movements=movements,
        older_url=older,
        withdrawals=withdrawals,
        status_of=withdrawal_status,
        form=ConfirmForm(),
        can_review=can(current_user.role, "risk.manage"),
    )


@bp.get("/wallets/<customer_id>/statement.csv")
@permission_required("books.view")
def wallets_statement(customer_id: str):
    currency, _ = _currency(customer_id)
    if currency is None:
        abort(404, description="This customer's wallet has no movements in this mode.")
    rows = statement_csv(current_user.merchant_id, customer_id, currency, livemode=portal_livemode())
    return Response(
        stream_with_context(rows),
        mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="wallet-statement-{currency}.csv"'},
    )


@bp.post("/wallets/withdrawals/<withdrawal_id>/review")
@permission_required("risk.manage")
def wallets_withdrawal_review(withdrawal_id: str):
    if not ConfirmForm().validate_on_submit():
        abort(400, description="The form expired; try again.")
    merchant_id, livemode = current_user.merchant_id, portal_livemode()
    try:
        withdrawal, _ = get_withdrawal(merchant_id, withdrawal_id, livemode=livemode)
    except KassaError:
        abort(404, description="There is no such withdrawal.")
    decision = request.form.get("decision")
    try:
        with audit("wallet.withdrawal_review", WalletWithdrawal, withdrawal.id):
            review_withdrawal(merchant_id, withdrawal.id, decision, actor=current_user.email, livemode=livemode)
    except KassaError as error:
        db.session.rollback()
        flash(f"Nothing was changed: {error.message}.", "error")
    else:
        flash(
            "Approved: the payout is on its way."
            if decision == "approve"
            else "Rejected: the money is back in the customer's wallet."
        )
    return redirect(url_for("portal.wallets_detail", customer_id=withdrawal.customer_id))
